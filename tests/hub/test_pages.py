import datetime

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from hub.models import HomePage, StandardPage
from strategy.models import StrategyIndexPage
from tests.factories import StandardPageFactory, home_as_default_site
from tests.utils import assert_smoke


class PageTestCase(WagtailPageTestCase):
    """A home page as the default site's root, shared by page tests."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_as_default_site()

    def setUp(self):
        self.login()

    def assertShows(self, page, *texts, hides=()):
        """The page, as served, shows each of the texts and none of those it hides."""
        response = self.client.get(page.url)
        for text in texts:
            self.assertContains(response, text)
        for text in hides:
            self.assertNotContains(response, text)
        return response

    def assertBannerLinks(self, page, text, href, title):
        """The page's notification banner says text and links to href, titled title."""
        response = self.assertShows(page, text)
        link = f'<a class="govuk-notification-banner__link" href="{href}">{title}</a>'
        self.assertContains(response, link, html=True)


class HomePageTests(PageTestCase):
    def test_home_page_is_routable_renderable_and_previewable(self):
        assert_smoke(self, self.home)

    def test_home_page_lives_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_home_page_allows_the_hub_sections(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(HomePage, StrategyIndexPage)

    def test_home_page_lists_sections_in_the_menu_and_latest_updates(self):
        StandardPageFactory(parent=self.home, title="Toolkits", show_in_menus=True)
        response = self.client.get("/")
        self.assertContains(response, 'class="govuk-service-navigation__link" href="/toolkits/"')
        self.assertContains(response, "Latest updates")


class StandardPageTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = StandardPageFactory(parent=cls.home, title="Privacy notice", slug="privacy")

    def test_standard_page_is_routable_renderable_and_previewable(self):
        assert_smoke(self, self.page)

    def test_standard_page_placement(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_editor_can_create_a_standard_page_in_the_admin(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Cookies",
                    "slug": "cookies",
                    "summary": "The cookies we use.",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Only essential cookies.</p>"))]
                    ),
                }
            ),
        )

    def test_content_page_shows_the_date_an_editor_last_reviewed_it(self):
        self.page.save_revision().publish()
        self.assertNotContains(self.client.get(self.page.url), "Last reviewed")  # not load time
        self.page.last_reviewed = datetime.date(2026, 11, 16)
        self.page.save_revision().publish()
        response = self.client.get(self.page.url)
        self.assertContains(response, 'Last reviewed <time datetime="2026-11-16">16 November 2026')

    def test_footer_links_to_published_policy_pages(self):
        response = self.client.get("/")
        self.assertContains(response, 'class="govuk-footer__link" href="/privacy/"')

    def test_breadcrumbs_lead_back_to_home(self):
        child = StandardPageFactory(parent=self.page, title="How we use responses")
        response = self.client.get(child.url)
        self.assertContains(response, '<a class="govuk-breadcrumbs__link" href="/">')
        self.assertContains(response, '<a class="govuk-breadcrumbs__link" href="/privacy/">')


class HomePanelTests(PageTestCase):
    def test_apps_add_panels_to_the_home_page_through_the_hook(self):
        from wagtail import hooks

        def panel(request, home):
            return {"template": "components/page_header.html", "order": 1, "page": home}

        with hooks.register_temporarily("hub_home_panels", panel):
            response = self.client.get("/")
        self.assertEqual([p["order"] for p in response.context["panels"]], [1])


class RoutingTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.parent = StandardPageFactory(parent=cls.home, title="Guides", slug="guides")
        cls.child = StandardPageFactory(parent=cls.parent, title="Lots", slug="lots")
        cls.draft = StandardPageFactory(parent=cls.parent, title="Draft", slug="draft", live=False)

    def test_deep_page_is_found_by_its_full_path(self):
        response = self.client.get("/guides/lots/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page"], self.child)

    def test_unknown_paths_and_unpublished_pages_are_not_found(self):
        for path in ["/guides/nope/", "/guides/lots/extra/", "/draft/", "/guides/draft/"]:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 404)

    def test_routing_a_deep_page_costs_a_query_per_level(self):
        """Wagtail's own routing: one query per path segment, plus one for the specific page."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        request = self.client.get("/").wsgi_request
        site = Site.find_for_request(request)
        with CaptureQueriesContext(connection) as queries:
            page, _, _ = site.root_page.specific.route(request, ["guides", "lots"])
        self.assertEqual(page, self.child)
        self.assertLessEqual(len(queries), 4)
