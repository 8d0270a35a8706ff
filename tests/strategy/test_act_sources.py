"""The Act toolkit cites the law and the government's guidance, and says when it was checked."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.utils.html import strip_tags

from wagtail.models import Page

from strategy.models import ToolkitPage


pytestmark = pytest.mark.django_db

OFFICIAL_HOSTS = {"legislation.gov.uk", "www.legislation.gov.uk", "gov.uk", "www.gov.uk"}


def act_pages():
    act = Page.objects.get(url_path__endswith="/toolkits/procurement-act-2023/")
    return ToolkitPage.objects.descendant_of(act, inclusive=True).live().specific()


def official_links(html: str) -> set[str]:
    main = BeautifulSoup(html, "html.parser").find("main")
    return {
        a["href"]
        for a in main.find_all("a", href=True)
        if urlsplit(a["href"]).hostname in OFFICIAL_HOSTS
    }


def test_the_checker_tells_an_official_address_from_a_law_firm():
    assert official_links(
        '<main><a href="https://www.legislation.gov.uk/ukpga/2023/54/section/68">s</a></main>'
    )
    assert official_links(
        '<main><a href="https://gov.uk/government/collections/procurement-policy-notes">p</a></main>'
    )
    assert not official_links(
        '<main><a href="https://trowers.com/insights/2024/may/x">t</a></main>'
    )
    assert not official_links('<main><a href="https://notgov.uk.example/">n</a></main>')


def test_every_act_page_cites_legislation_gov_uk_or_gov_uk(client, demo_site):
    pages = list(act_pages())
    assert len(pages) >= 14
    uncited = [
        page.url for page in pages if not official_links(client.get(page.url).content.decode())
    ]
    assert not uncited, f"no legislation.gov.uk or GOV.UK address on {uncited}"


def test_every_legal_page_shows_when_it_was_last_reviewed(client, demo_site):
    for page in ToolkitPage.objects.live().specific():
        assert page.last_reviewed, page.url
        html = client.get(page.url).content.decode()
        assert f'Last reviewed <time datetime="{page.last_reviewed:%Y-%m-%d}">' in html, page.url


def test_the_toolkit_states_the_core_duties_of_section_f(client, demo_site):
    # Read as text: the glossary links a term's first use, which splits the sentence's markup.
    payment = strip_tags(
        client.get(
            "/toolkits/procurement-act-2023/paying-suppliers-kpis-and-contract-performance/"
        ).content.decode()
    )
    for text in ["30 days", "public sub-contract", "more than £5 million", "at least three key"]:
        assert text in payment, text
    # Section 71: breach and poor performance are published whatever the contract's value.
    assert "whatever its value" in payment
    reserving = client.get("/toolkits/procurement-act-2023/below-threshold-contracts/")
    assert "Exclusion of Non-commercial Considerations" in reserving.content.decode()
    assert "legal condition" in reserving.content.decode()


def test_the_policy_note_index_says_whether_councils_must_apply_each_note(client, demo_site):
    html = client.get("/toolkits/procurement-act-2023/procurement-policy-notes/").content.decode()
    table = BeautifulSoup(html, "html.parser").select_one("table.hub-policy-notes")
    rows = table.select("tbody tr")
    assert len(rows) >= 8
    for row in rows:
        cells = row.find_all(["th", "td"])
        number, date, councils, scope, source = (c.get_text(" ", strip=True) for c in cells)
        assert number.startswith("PPN ") and date and scope
        assert councils in {"Must apply", "May apply", "Need not apply"}, number
        assert urlsplit(cells[4].a["href"]).scheme == "https", number
    assert "PPN 019" in table.get_text() and "Must apply" in table.get_text()
