"""Every illustrative item is flagged wherever the demo offers it, before any call to action."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from django.template.loader import render_to_string

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from consultations.models import Comment, ConsultationPage
from progress.models import Cycle


pytestmark = pytest.mark.django_db

FLAG = "[data-illustrative-flag]"
# What asks the reader to act: a button, a form, or a form's submit.
CALL_TO_ACTION = ".govuk-button, button, form, input[type=submit]"
# Where an item is offered on its own: a card, a list item, a table row.
ITEM = ["li", "tr", "td", "dd", "article"]


def illustrative_paths() -> set[str]:
    """The address of every live page, and every self-assessment findings page, that is invented."""
    paths = {
        page.url
        for page in Page.objects.live().public().specific()
        if getattr(page, "is_illustrative", False)
    }
    paths |= {cycle.get_findings_url() for cycle in Cycle.objects.filter(is_illustrative=True)}
    return paths


def unflagged_offers(html: str, path: str, illustrative: set[str]) -> list[str]:
    """Where the page offers an illustrative item with no flag before the offer.

    An illustrative page must show its flag before its first call to action. A link to an
    illustrative item (or to anything under its address, such as its response form) must have a
    flag before it in the same card, list item or row (or paragraph, outside those), unless the
    page itself is illustrative and flagged above the link.
    """
    main = BeautifulSoup(html, "html.parser").find("main")
    order = {id(el): n for n, el in enumerate(main.find_all(True))}
    problems = []

    def first(elements):
        return min(elements, key=lambda el: order[id(el)], default=None)

    def before(a, b) -> bool:
        return a is not None and (b is None or order[id(a)] < order[id(b)])

    page_flag = first(main.select(FLAG))
    own = path in illustrative
    if own and not before(page_flag, first(main.select(CALL_TO_ACTION))):
        problems.append(f"{path}: the page's own flag is missing or after its first call to action")
    for link in main.find_all("a", href=True):
        href = urlsplit(link["href"])
        if href.netloc or link.find_parent("nav") or link.find_parent(class_="govuk-breadcrumbs"):
            continue
        target = next((p for p in illustrative if href.path.startswith(p)), None)
        if target is None or (own and before(page_flag, link)):
            continue
        container = link.find_parent(ITEM) or link.find_parent("p") or main
        links = container.find_all("a", href=True)
        offers = [a for a in links if urlsplit(a["href"]).path.startswith(target)]
        if not before(first(container.select(FLAG)), first(offers)):
            problems.append(f"{path}: {link.get_text(' ', strip=True)!r} offers {target} unflagged")
    return problems


def test_the_checker_finds_an_unflagged_offer_and_a_late_flag():
    """The walk below can fail: the checker reports each way of getting the flag wrong."""
    illustrative = {"/made-up/"}
    unflagged = '<main><ul><li><a href="/made-up/">Made up</a></li></ul></main>'
    late = (
        '<main><ul><li><a href="/made-up/">Made up</a>'
        "<strong data-illustrative-flag>Illustrative</strong></li></ul></main>"
    )
    flagged = (
        "<main><ul><li><strong data-illustrative-flag>Illustrative</strong>"
        '<a href="/made-up/">Made up</a></li></ul></main>'
    )
    button_first = (
        '<main><a class="govuk-button" href="/made-up/respond/">Respond</a>'
        "<div data-illustrative-flag>Illustrative</div></main>"
    )
    assert unflagged_offers(unflagged, "/", illustrative)
    assert unflagged_offers(late, "/", illustrative)
    assert unflagged_offers(button_first, "/made-up/", illustrative)
    assert not unflagged_offers(flagged, "/", illustrative)


def test_every_demo_page_flags_what_is_illustrative_before_its_call_to_action(client, demo_site):
    illustrative = illustrative_paths()
    construction = ConsultationPage.objects.get(slug="construction-category-strategy-2026")
    assert construction.url in illustrative, "the construction consultation is illustrative"
    urls = [page.url for page in Page.objects.live().public().specific() if page.depth > 1]
    urls += [f"{construction.url}respond/", "/check-your-progress/self-assessment/"]
    urls += [cycle.get_findings_url() for cycle in Cycle.objects.all()]
    problems, offered = [], 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        offered += sum(html.count(f'href="{p}') for p in illustrative)
        problems += unflagged_offers(html, url, illustrative)
    assert offered > 20, "the walk reached pages that offer illustrative items"
    assert not problems, "\n".join(problems)


def test_the_home_page_flags_the_respond_action_before_its_link(client, demo_site):
    html = client.get("/").content.decode()
    main = BeautifulSoup(html, "html.parser").find("main")
    action = next(
        li for li in main.select(".hub-action") if "Respond to the open consultation" in li.text
    )
    assert action.select_one(FLAG), "the action offering the illustrative consultation is flagged"


def test_search_results_flag_illustrative_items(client, demo_site):
    backend = get_search_backend()
    for page in Page.objects.live().specific():
        if getattr(page, "is_illustrative", False):
            backend.add(page)
    illustrative = illustrative_paths()
    for query in ("construction", "home care", "solar"):
        url = f"/search/?q={query.replace(' ', '+')}"
        html = client.get(url).content.decode()
        assert any(f'href="{p}"' in html for p in illustrative), url
        assert not unflagged_offers(html, url, illustrative)


def test_the_feeds_and_emails_flag_illustrative_items(client, demo_site):
    construction = ConsultationPage.objects.get(slug="construction-category-strategy-2026")
    feed = client.get(f"{construction.get_parent().url}feed/")
    root = ET.fromstring(feed.content)  # noqa: S314 - our own feed, in a test
    titles = [
        entry.findtext("{http://www.w3.org/2005/Atom}title")
        for entry in root.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    assert f"Illustrative: {construction.title}" in titles
    assert all(t.startswith("Illustrative: ") == (construction.title in t) for t in titles)

    root = ET.fromstring(client.get("/case-studies/feed/").content)  # noqa: S314 - our own feed
    entries = list(root.iter("{http://www.w3.org/2005/Atom}entry"))
    assert entries
    for entry in entries:
        title = entry.findtext("{http://www.w3.org/2005/Atom}title")
        link = entry.find("{http://www.w3.org/2005/Atom}link").get("href")
        page = Page.objects.get(url_path__endswith=urlsplit(link).path).specific
        assert title.startswith("Illustrative: ") == page.is_illustrative, title

    comment = Comment.objects.filter(consultation=construction).first()
    context = {"consultation": construction, "comment": comment, "url": "", "received": ""}
    for kind in ("opened", "closing_reminder", "outcome", "comment_confirmation"):
        body = render_to_string(f"consultations/email/{kind}.txt", context)
        assert f"Illustrative: {construction.title}" in body, kind
