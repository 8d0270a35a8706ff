"""The Act tools' pages: questions, downloads, glossary links and caching."""

import csv
import io
from datetime import date

import pytest
from icalendar import Calendar

from strategy.enums import Regime
from strategy.models.act import GlossaryTerm
from tests.strategy.factories import ToolkitIndexPageFactory, ToolkitPageFactory


pytestmark = pytest.mark.django_db

BASE = "/procurement-act/"
ANSWERS = (
    "start_day=2&start_month=3&start_year=2026&authority=council&contract_for=services"
    "&kind=standard&route=competitive&value=6000000"
)
TIMELINE = (
    "procedure=open&authority=council&electronic=on&all_documents=on"
    "&tender_notice_day=1&tender_notice_month=12&tender_notice_year=2025"
    "&award_notice_day=23&award_notice_month=12&award_notice_year=2025"
)


def test_the_checker_asks_one_question_a_page_then_checks_the_answers(client):
    steps = [
        ("start-date", "start_day=2&start_month=3&start_year=2026"),
        ("authority", "authority=council"),
        ("contract-for", "contract_for=services"),
        ("contract-kind", "kind=standard"),
        ("route", "route=competitive"),
        ("value", "value=6000000"),
    ]
    query = ""
    for slug, answer in steps:
        page = client.get(f"{BASE}check/{slug}/?{query}")
        assert page.status_code == 200, slug
        query = f"{query}&{answer}".lstrip("&")
        response = client.get(f"{BASE}check/{slug}/?{query}&continue=1")
        assert response.status_code == 302, slug
        query = response["Location"].split("?", 1)[1]
    assert response["Location"].startswith(f"{BASE}check/answers/")
    answers = client.get(response["Location"]).content.decode()
    assert "Check your answers" in answers
    assert "£6,000,000" in answers
    assert "return=answers" in answers  # Change links come back here


def test_the_result_cites_each_line_and_states_its_rules_date(client):
    body = client.get(f"{BASE}check/result/?{ANSWERS}").content.decode()
    assert "Procurement Act 2023" in body
    assert "Rules as in force on" in body and "2 March 2026" in body
    assert "at or above the threshold of £207,720" in body
    assert "KPI duty" in body and "Applies" in body
    assert "https://www.legislation.gov.uk/ukpga/2023/54/section/52" in body
    assert "Copy of the contract" in body  # over £5 million
    assert body.count("guidance, not legal advice") == 1
    assert 'name="q" type="search" value=""' in body  # the answers stay out of the search box
    printed = client.get(f"{BASE}check/result/print/?{ANSWERS}").content.decode()
    assert "Address of this answer" in printed and "check/result/?" in printed
    needed = client.get(f"{BASE}notices/which-do-i-need/?{ANSWERS}").content.decode()
    for code in ("UK4", "UK6", "UK7", "UK9", "UK11"):
        assert code in needed


def test_a_pcr_date_says_so_and_gives_no_act_notices(client):
    query = ANSWERS.replace("start_year=2026", "start_year=2024")
    body = client.get(f"{BASE}check/result/?{query}").content.decode()
    assert "PCR 2015 (transition)" in body
    assert "Notices that follow" not in body


def test_the_timeline_downloads_match_the_page(client):
    page = client.get(f"{BASE}timeline/result/?{TIMELINE}").content.decode()
    assert "Wed 7 Jan 2026" in page  # standstill from 23 December 2025 (s.51, s.123)
    assert "New Year Holiday (Scotland)" in page
    ics = client.get(f"{BASE}timeline/result/timeline.ics?{TIMELINE}")
    assert ics["Content-Type"].startswith("text/calendar")
    events = {
        str(e["SUMMARY"]): e.decoded("DTSTART")
        for e in Calendar.from_ical(ics.content).walk("VEVENT")
    }
    assert events["End of standstill"] == date(2026, 1, 7)
    assert events["Earliest tender deadline"] == date(2025, 12, 26)  # 25 days after 1 December
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(f"{BASE}timeline/result/timeline.csv?{TIMELINE}")
                .content.decode()
                .split("\n", 1)[1]
            )
        )
    )
    assert {r["milestone"]: r["date"] for r in rows} == {
        k: v.isoformat() for k, v in events.items()
    }
    for row in rows:
        shown = date.fromisoformat(row["date"])
        assert f"{shown:%a} {shown.day} {shown:%b %Y}" in page
    printed = client.get(f"{BASE}timeline/result/print/?{TIMELINE}").content.decode()
    assert "Address of this timeline" in printed


def test_the_notice_pages_and_the_glossary(client):
    listing = client.get(f"{BASE}notices/").content.decode()
    assert listing.count('href="/procurement-act/notices/') >= 20
    page = client.get(f"{BASE}notices/contract-details-notice/").content.decode()
    assert "UK7" in page and "s.53(1)" in page and "Within 30 days" in page
    glossary = client.get(f"{BASE}glossary/").content.decode()
    for term in (
        "Competitive flexible procedure",
        "PPON",
        "Central digital platform",
        "Dynamic market",
    ):
        assert term in glossary
    assert 'id="letter-C"' in glossary and 'id="competitive-flexible-procedure"' in glossary


def test_act_toolkit_pages_link_the_first_use_of_each_term(client, home):
    index = ToolkitIndexPageFactory(parent=home)
    body = [
        ("heading", {"text": "The standstill period", "level": "h2"}),
        (
            "paragraph",
            "<p>Use the competitive flexible procedure or the open procedure. A second "
            "competitive flexible procedure is not linked. Read <a href='/x/'>standstill</a>.</p>",
        ),
        ("paragraph", "<p>After the award comes the standstill &amp; the PPON.</p>"),
    ]
    act = ToolkitPageFactory(
        parent=index, slug="act", title="Act", regime=Regime.ACT_2023, body=body
    )
    pcr = ToolkitPageFactory(
        parent=index, slug="pcr", title="PCR", regime=Regime.PCR_2015, body=body
    )
    page = client.get(act.url).content.decode()
    link = '<a class="govuk-link hub-glossary-link" href="/procurement-act/glossary/#{}">{}</a>'
    assert (
        page.count(link.format("competitive-flexible-procedure", "competitive flexible procedure"))
        == 1
    )
    assert link.format("open-procedure", "open procedure") in page
    # Not inside a heading or an existing link: the first plain use is in the last paragraph.
    assert link.format("standstill", "standstill") in page.split("After the award")[1]
    assert "the standstill &amp; the" not in page  # linked, and the entity kept
    assert "&amp;" in page.split("After the award")[1]
    assert link.format("ppon", "PPON") in page
    assert "hub-glossary-link" not in client.get(pcr.url).content.decode()


def test_a_new_glossary_term_is_linked_without_a_deploy(
    client, home, django_capture_on_commit_callbacks
):
    index = ToolkitIndexPageFactory(parent=home)
    body = [("paragraph", "<p>Think about value for money first.</p>")]
    act = ToolkitPageFactory(
        parent=index, slug="act", title="Act", regime=Regime.ACT_2023, body=body
    )
    GlossaryTerm.objects.create(
        term="Value for money", definition="Illustrative.", source_url="https://example.org/"
    )
    assert (
        'href="/procurement-act/glossary/#value-for-money">value for money</a>'
        in client.get(act.url).content.decode()
    )


def test_answers_are_cached_by_their_full_address(client, page_cache):
    # The page cache keys by path and sorted query: each answer is its own entry.
    late = f"{BASE}check/result/?{ANSWERS.replace('value=6000000', 'value=210000')}"
    early = late.replace("start_year=2026", "start_year=2025")
    for _ in range(2):
        assert "below the threshold of £214,904" in client.get(early).content.decode()
        assert "at or above the threshold of £207,720" in client.get(late).content.decode()
    assert "Age" in client.get(late)
    # Errors are never stored.
    bad = f"{BASE}check/result/?{ANSWERS}&authority=nope"
    client.get(bad)
    assert "Age" not in client.get(bad)


def test_a_rule_changed_in_the_admin_shows_at_once_in_cached_answers(
    client, page_cache, django_capture_on_commit_callbacks
):
    # The rules are content for the page cache: saving one starts a new generation.
    from strategy.models.act import ValueLine

    url = f"{BASE}check/result/?{ANSWERS.replace('value=6000000', 'value=210000')}"
    assert "at or above the threshold of £207,720" in client.get(url).content.decode()
    assert "Age" in client.get(url)
    line = ValueLine.objects.get(key="goods-services-sub-central", effective_from="2026-01-01")
    line.amount = 220000
    with django_capture_on_commit_callbacks(execute=True):
        line.save()
    response = client.get(url)
    assert "Age" not in response
    assert "below the threshold of £220,000" in response.content.decode()
