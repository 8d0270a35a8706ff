"""The demo's content is true or says what it is: one test per finding a machine can check."""

import csv
import io
import re
from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from consultations.models import ConsultationPage
from consultations.times import closing_date_warning
from hub.models import SiteSettings
from strategy.models import (
    CategoryStrategyPage,
    FindingsPage,
    KeyAreaPage,
    ResourcePage,
    StrategyEditionPage,
    ThemePage,
)


pytestmark = pytest.mark.django_db

MIN_DOCUMENT_BYTES = 5 * 1024


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


EXTERNAL = re.compile(r"^https?://")


def source_link(page_soup):
    """The link in the page's Source block, if it has one."""
    aside = page_soup.select_one("aside.hub-source")
    if aside is None:
        heading = page_soup.find(id="source")
        aside = heading.find_next_sibling("p") if heading else None
    link = aside.find("a", href=EXTERNAL) if aside else None
    return link["href"] if link else None


def test_finding_1_no_demo_document_is_a_stub_unless_it_says_sample(client, demo_site):
    for document in get_document_model().objects.all():
        if "sample" in document.title.lower():
            continue
        assert document.file.size >= MIN_DOCUMENT_BYTES, document.title
    # Every resource is an uploaded file or a publication on its publisher's site.
    for resource in ResourcePage.objects.live():
        assert resource.document_id or resource.source_url, resource.title
        if not resource.document_id:
            html = client.get(resource.url).content.decode()
            assert "publisher’s site" in html, resource.url
    for edition in StrategyEditionPage.objects.live():
        assert edition.source_url.startswith("http"), edition.title
    # A sample file says so on the page that offers it.
    samples = get_document_model().objects.filter(title__icontains="sample file")
    for page in CaseStudyPage.objects.live().filter(is_illustrative=True):
        if page.documents:
            assert "sample file" in client.get(page.url).content.decode(), page.url
    assert samples.exists()


def test_finding_2_and_3_every_figure_is_sourced_or_illustrative_and_csvs_say_so(client, demo_site):
    for page in FindingsPage.objects.live():
        page_soup = soup(client, page.url)
        illustrative = [chart for chart in page.charts() if chart.value["illustrative"]]
        if page.headline_figures or len(illustrative) < len(page.charts()):
            assert source_link(page_soup), f"{page.url} has figures but no source link"
        for chart in illustrative:
            response = client.get(f"{page.url}charts/{chart.id}/csv/")
            rows = list(csv.reader(io.StringIO(response.content.decode())))
            assert "illustrative" in rows[0][0].lower(), page.url
        if illustrative:
            html = str(page_soup)
            assert "Illustrative figures" in html
            figcaptions = " ".join(f.get_text() for f in page_soup.select("figcaption"))
            assert "Illustrative figures" in figcaptions
    for page in CaseStudyPage.objects.live():
        page_soup = soup(client, page.url)
        if page.is_illustrative:
            assert "Illustrative example" in str(page_soup), page.url
        else:
            assert page.source_url and source_link(page_soup) == page.source_url, page.url
            assert page.source_url.rstrip("/") != "https://www.local.gov.uk/case-studies"
    # Text written for the hub says so.
    for page in KeyAreaPage.objects.live():
        assert "written for the hub" in client.get(page.url).content.decode(), page.url


def test_finding_4_no_invented_address_at_a_real_domain(client, demo_site):
    settings = SiteSettings.for_site(demo_site)
    assert settings.contact_email.endswith("@example.org")
    for page in Page.objects.live().filter(depth__gt=1).specific():
        html = client.get(page.url).content.decode()
        assert "@local.gov.uk" not in html, page.url
    for consultation in ConsultationPage.objects.all():
        assert consultation.contact_email.endswith("@example.org"), consultation.slug


def test_finding_6_facts_and_status(client, demo_site):
    copeland = CaseStudyPage.objects.get(lead_council__name="Copeland Borough Council")
    html = client.get(copeland.url).content.decode()
    assert "abolished on 1 April 2023" in html and "Cumberland Council" in html
    assert copeland.source_url == (
        "https://www.local.gov.uk/procurement-and-contract-management-support"
    )
    assert copeland.year == 2018
    social_care = CategoryStrategyPage.objects.get(slug="social-care-2015")
    assert social_care.category.slug == "social-care"
    assert "children" in social_care.category.name.lower()
    medway = CaseStudyPage.objects.get(lead_council__name="Medway Council")
    assert "transport" not in medway.title.lower()
    assert not medway.categories.filter(slug__in=["highways", "transport"]).exists()
    meals = CaseStudyPage.objects.get(lead_council__name="Dyffryn County Borough Council")
    assert "social enterprises" not in meals.approach
    assert "supported businesses" in meals.approach
    diagnostic = client.get("/check-your-progress/diagnostic-2025/").content.decode()
    assert "None national" not in diagnostic and "no national targets" in diagnostic
    home = client.get("/").content.decode()
    assert "£38 billion to £45 billion" not in home
    assert "(Public Sector Executive, 2016)" in home
    for page in ThemePage.objects.live().child_of(Page.objects.get(url_path__endswith="/2022/")):
        assert "has not confirmed" in client.get(page.url).content.decode(), page.url


def test_finding_6_superseded_banners_on_every_page_of_the_2018_and_2014_editions(
    client, demo_site
):
    for year in (2018, 2014):
        edition = StrategyEditionPage.objects.get(year=year)
        pages = [edition, *Page.objects.live().descendant_of(edition)]
        assert len(pages) > 4
        for page in pages:
            page_soup = soup(client, page.url)
            banner = page_soup.find(id="superseded-title")
            assert banner is not None, page.url
            assert page_soup.find("a", href="/strategy/2022/"), page.url


def test_finding_6_dates_come_from_the_content_not_the_load(client, demo_site):
    today = timezone.localdate()
    loaded = {today.isoformat(), f"{today.day} {today:%B %Y}"}
    for page in Page.objects.live().filter(depth__gt=2).specific():
        page_soup = soup(client, page.url)
        for time in page_soup.select("p.hub-meta time, .hub-source time"):
            assert time["datetime"] not in loaded and time.get_text() not in loaded, page.url
        assert "Last updated" not in str(page_soup), page.url
    html = client.get("/strategy/2014/").content.decode()
    assert 'Published <time datetime="2014-07">July 2014</time>' in html


def test_finding_6_the_open_consultation_never_closes_on_a_bank_holiday():
    warning = closing_date_warning(date(2026, 12, 28))
    assert "bank holiday" in warning and "28 December 2026" in warning
    assert "Saturday" in closing_date_warning(date(2026, 12, 26))
    assert closing_date_warning(date(2026, 12, 29)) == ""


def test_finding_6_largest_saving_compares_savings_a_year(client, demo_site):
    response = client.get("/case-studies/", {"sort": "saving"})
    titles = [page.title for page in response.context["results"]]
    per_year = titles.index("Councillors review the waste fleet specification")  # £420k a year
    five_years = next(t for t in titles if "legacy" in t.lower() or "cloud" in t.lower())
    assert per_year < titles.index(five_years)


def test_finding_7_thin_pages_are_filled_and_the_toolkit_prints_whole(client, demo_site):
    act = Page.objects.get(url_path__endswith="/toolkits/procurement-act-2023/")
    sections = act.get_children().live()
    assert sections.count() >= 8
    for topic in ["procedures", "notices", "thresholds", "transition", "key-areas"]:
        assert any(topic in s.slug or topic.replace("-", " ") in s.title.lower() for s in sections)
    for page in KeyAreaPage.objects.live():
        assert page.summary not in page.what_it_is, page.url
    for page in ResourcePage.objects.live():
        body = " ".join(str(block.value) for block in page.body)
        assert page.summary not in body, page.url
    slugs = set(FindingsPage.objects.live().values_list("slug", flat=True))
    assert {"story-so-far-2017", "diagnostic-2018", "diagnostic-2021"} <= slugs
    printed = client.get("/toolkits/pcr-2015/print/").content.decode()
    for section in Page.objects.get(url_path__endswith="/toolkits/pcr-2015/").get_children():
        assert section.title in printed
