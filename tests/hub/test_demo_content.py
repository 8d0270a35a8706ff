"""The demo's content is true or says what it is: one test per finding a machine can check."""

import csv
import io
import re
from collections import Counter
from datetime import date

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from consultations.models import ConsultationPage
from consultations.times import closing_date_warning
from hub.demo.kit import read_data
from hub.models import MaturityLevel, SiteSettings
from progress.enums import ReturnStatus
from progress.models import COUNCIL, Answer, Cycle, FindingsPage
from strategy.demo import strategy_rows
from strategy.models import (
    CategoryStrategyPage,
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
            # A real case study cites its source; it links it only where the link is known.
            assert page.source and page.source in page_soup.get_text(), page.url
            if page.source_url:
                assert source_link(page_soup) == page.source_url, page.url
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
    # Neither a link nor a year is known for the Copeland case study, so neither is given.
    assert copeland.source_url == "" and copeland.year is None
    assert "Copeland" in copeland.source
    social_care = CategoryStrategyPage.objects.get(slug="social-care-2015")
    assert social_care.category.slug == "social-care"
    assert "children" in social_care.category.name.lower()
    medway = CaseStudyPage.objects.get(lead_council__name="Medway Council")
    assert "transport" not in medway.title.lower()
    assert not medway.categories.filter(slug__in=["highways", "transport"]).exists()
    meals = CaseStudyPage.objects.get(lead_council__name="Fellbrook Council")
    assert "social enterprises" not in meals.approach
    assert "supported businesses" in meals.approach
    diagnostic = client.get("/check-your-progress/diagnostic-2025/").content.decode()
    assert "None national" not in diagnostic and "no national targets" in diagnostic
    home = client.get("/").content.decode()
    assert "£38 billion to £45 billion" not in home
    assert "(Public Sector Executive, 2016)" in home
    for page in ThemePage.objects.live().child_of(Page.objects.get(url_path__endswith="/2022/")):
        html = client.get(page.url).content.decode()
        # The 2022 key areas are not confirmed; its five enablers are.
        if page.slug == "enablers":
            assert "has not confirmed" not in html and "adding value, which is new" in html
        else:
            assert "has not confirmed" in html, page.url


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
    # The home page's cards, such as "Latest updates", show no date the load made either.
    home = soup(client, "/")
    for time in home.select("time"):
        assert time.get("datetime", "")[:10] not in loaded and time.get_text() not in loaded, time
    assert "Updated" not in " ".join(meta.get_text() for meta in home.select(".hub-card__meta"))
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


def text_of(client, url) -> str:
    return soup(client, url).get_text(" ", strip=True)


def test_real_case_studies_cite_only_what_their_sources_say(client, demo_site):
    real = CaseStudyPage.objects.live().filter(is_illustrative=False)
    assert not real.exclude(year=None).exists()
    medway = real.get(lead_council__name="Medway Council")
    assert "contract management case study" in medway.source
    assert "Cabinet" not in medway.source + medway.approach
    staffs = real.get(lead_council__name="South Staffordshire Council")
    assert "productivity experts" not in staffs.source
    # The reference holds the farm's size and its first five years' income, nothing more.
    toggam = real.get(lead_council__name="West Suffolk Council")
    assert "Forest Heath" not in toggam.source + toggam.approach + toggam.summary
    assert "£6.9m in its first five years" in text_of(client, toggam.url)
    meals = CaseStudyPage.objects.get(lead_council__name="Fellbrook Council")
    assert "regulation" not in meals.approach


def test_2022_key_areas_say_their_list_follows_2018_and_enablers_are_2022s(client, demo_site):
    edition = Page.objects.get(url_path__endswith="/strategy/2022/")
    for page in KeyAreaPage.objects.live().descendant_of(edition):
        html = client.get(page.url).content.decode()
        if page.key_area.kind == "enabler":
            assert "not confirmed" not in html and "taken from the 2018" not in html, page.url
        else:
            assert "as listed in the 2018 edition" in page.summary, page.url
            assert "not confirmed" in page.summary, page.url
    adding_value = KeyAreaPage.objects.get(url_path__endswith="/2022/enablers/adding-value/")
    assert "new in the 2022 edition" in adding_value.summary
    # The home page's featured key areas carry the same caveat.
    featured = soup(client, "/").select_one("[aria-labelledby=featured-key-areas-heading]")
    cards = featured.select(".hub-card")
    assert cards and all("not confirmed" in card.get_text() for card in cards)
    social_value = "/strategy/2022/achieving-community-benefits/obtaining-social-value/"
    assert "Social Value) Act" not in text_of(client, social_value)


def test_2022_pages_share_one_source_and_one_note_per_edition():
    data = read_data("strategy.demo", "strategy")
    rows = [row for row in data["pages"] if row["parent"].startswith("/strategy/2022/")]
    # The rows themselves no longer repeat the source or the note: the edition gives them.
    assert not [row for row in rows if "source_url" in row or "hub_written" in row]
    prepare = strategy_rows(data["editions"], data["key_area_text"])
    for row in map(prepare, rows):
        # A key area under a theme follows the 2018 list, so it cites the 2018 draft that holds
        # it; themes and enablers cite the LGA's 2022 pages.
        if row["model"] == "strategy.KeyAreaPage" and not row["parent"].endswith("/enablers/"):
            assert "fdocuments.net" in row["source_url"], row["slug"]
        else:
            assert row["source_url"].startswith("https://www.local.gov.uk/"), row["slug"]
        assert row["hub_written"] is True


def test_maturity_levels_1_and_2_go_by_number_and_say_who_wrote_the_definitions(client, demo_site):
    assert list(MaturityLevel.objects.values_list("name", flat=True)[:2]) == ["Level 1", "Level 2"]
    progress = text_of(client, "/check-your-progress/")
    key_area = text_of(client, "/strategy/2022/enablers/adding-value/")
    for text in (progress, key_area):
        assert "Minimum" not in text and "Developing" not in text.replace("Developing talent", "")
        assert "Level 1" in text and "1. Level 1" not in text and "3. Mature" in text
    assert "level definitions below" in progress and "written for the hub" in progress
    assert "Maturity descriptors for adding value, written for the hub" in key_area


def test_pcr_2015_pages_state_only_what_the_toolkit_is_known_to_say(client, demo_site):
    pcr = Page.objects.get(url_path__endswith="/toolkits/pcr-2015/")
    for page in pcr.get_children().live():
        text = text_of(client, page.url)
        for unsourced in [
            "self-cleaning",
            "Single Procurement Document",
            "safe harbour",
            "neutralised",
            "Part B",
            "must consider lots",
            "design its own",
        ]:
            assert unsourced not in text, (page.url, unsourced)
    for slug in [
        "light-touch-regime",
        "selection-and-exclusion",
        "market-engagement",
        "lots",
        "contract-modifications",
    ]:
        assert "Outline only" in text_of(client, f"/toolkits/pcr-2015/{slug}/"), slug
    mapping = text_of(
        client, "/toolkits/procurement-act-2023/how-the-nps-key-areas-map-onto-the-act/"
    )
    assert "£5 million" not in mapping


def test_links_say_which_site_they_open_on(client, demo_site):
    key_area = soup(client, "/strategy/2018/enablers/developing-talent/")
    assert "{#" not in key_area.select_one("aside.hub-source").get_text()
    assert "Opens on fdocuments.net." in key_area.select_one("aside.hub-source").get_text()
    assert "publisher" not in key_area.select_one("aside.hub-source").get_text()
    for year, site in [("2014", "sopo.org"), ("2018", "local.gov.uk")]:
        text = text_of(client, f"/strategy/{year}/")
        assert f"on {site})" in text and "Read the full strategy" not in text, year
        assert "publisher’s site" not in text and "publisher's site" not in text, year


def test_category_strategies_hold_no_placeholder_sections(client, demo_site):
    for page in CategoryStrategyPage.objects.live().exclude(slug="construction-2026"):
        sections = page.numbered_sections()
        assert [s["heading"] for s in sections] == ["What it covers"], page.slug
        assert not sections[0]["block"].value["key_actions"], page.slug
    energy = text_of(client, "/category-strategies/energy-2022/")
    assert "was advertised" in energy and "workshop was held" not in energy
    construction = text_of(client, "/category-strategies/construction-2026/")
    assert "golden thread" not in construction and "dutyholder" not in construction


def test_the_printed_toolkit_keeps_each_sections_source(client, demo_site):
    printed = soup(client, "/toolkits/procurement-act-2023/print/")
    sections = Page.objects.get(url_path__endswith="/toolkits/procurement-act-2023/")
    cited = [s.specific for s in sections.get_children().live() if s.specific.source_url]
    assert cited
    for section in cited:
        block = printed.select_one(f"#section-{section.slug}").find_parent("section")
        aside = block.select_one("aside.hub-source")
        assert aside is not None and aside.find("a", href=section.source_url), section.slug
    ids = [tag["id"] for tag in printed.select("[id]")]
    assert len(ids) == len(set(ids))


def test_policy_pages_say_only_what_is_true_of_this_site(client, demo_site):
    accessibility = text_of(client, "/accessibility-statement/")
    assert "fully compliant" not in accessibility and "5 working days" not in accessibility
    assert "manual checks" not in accessibility
    assert "not yet been checked by hand" in accessibility
    assert "axe" in accessibility and "keyboard alone" in accessibility
    cookies = soup(client, "/cookies/")
    rows = {
        row.find(["th", "td"]).get_text(strip=True): row.get_text(" ", strip=True)
        for row in cookies.select("tbody tr")
    }
    assert {"csrftoken", "sessionid", "messages"} <= set(rows)
    assert "self-assessment" in rows["sessionid"]
    privacy = text_of(client, "/privacy/")
    assert "LGA's self-assessment" not in privacy and "Freedom of Information" not in privacy
    home = text_of(client, "/")
    assert "home of the National Procurement Strategy" not in home
    progress = text_of(client, "/check-your-progress/")
    assert "no council's own return is published" not in progress


def test_2017_consultations_state_only_what_is_known(client, demo_site):
    ict = ConsultationPage.objects.get(slug="ict-category-strategy-2017")
    energy = ConsultationPage.objects.get(slug="energy-category-strategy-2017")
    assert not ict.you_said and not energy.you_said
    assert "2017" not in energy.we_did
    for page in (ict, energy):
        text = text_of(client, page.url)
        assert "opening date shown on this page is illustrative" in text, page.slug
        assert "illustrative" in page.summary and not page.how_responses_used


def test_the_2025_commentary_matches_the_invented_returns(demo_site):
    cycle = Cycle.objects.get(year=2025)
    assert "two answers in three" in cycle.commentary and "12 of the 14" in cycle.commentary
    answers = list(
        Answer.objects.filter(
            return_obj__cycle=cycle,
            return_obj__status=ReturnStatus.SUBMITTED,
            department=COUNCIL,
        ).values_list("key_area_id", "current_level", "target_level")
    )
    at_2_or_3 = sum(current in (2, 3) for _, current, _ in answers) / len(answers)
    assert round(at_2_or_3 * 3) == 2
    assert sum(target > 3 for *_, target in answers) > len(answers) / 2
    targets = {}
    for area, _, target in answers:
        targets.setdefault(area, Counter())[target] += 1
    most_common = [counts.most_common(1)[0][0] for counts in targets.values()]
    assert len(most_common) == 14 and sum(level > 3 for level in most_common) == 12
