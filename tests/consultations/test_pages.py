"""Consultation pages: placement, smoke set, states on the page, listing cost, home panel."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from consultations.models import ConsultationIndexPage, ConsultationPage
from hub.models import HomePage
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import home_as_default_site
from tests.strategy.factories import CategoryStrategyIndexPageFactory, CategoryStrategyPageFactory
from tests.utils import assert_placement, assert_smoke


class ConsultationPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_as_default_site()
        cls.index = ConsultationIndexPageFactory(parent=cls.home)
        strategies = CategoryStrategyIndexPageFactory(parent=cls.home)
        cls.draft = CategoryStrategyPageFactory(parent=strategies, draft=True)
        cls.page = ConsultationPageFactory(parent=cls.index, strategy=cls.draft)

    def setUp(self):
        traveller = time_machine.travel(datetime(2026, 6, 15, 9, 0, tzinfo=UTC), tick=False)
        traveller.start()
        self.addCleanup(traveller.stop)
        self.login()

    def test_index_page_is_routable_renderable_and_previewable(self):
        assert_smoke(self, self.index)

    def test_consultation_page_is_routable_renderable_and_previewable(self):
        assert_smoke(self, self.page)
        self.assertPageIsRoutable(self.page, "respond/")
        self.assertPageIsRenderable(self.page, "respond/")

    def test_placement(self):
        assert_placement(self, ConsultationIndexPage, ConsultationPage)
        self.assertCanCreateAt(HomePage, ConsultationIndexPage)

    def test_editor_can_create_a_consultation_and_the_close_is_exact(self):
        self.assertCanCreate(
            self.index,
            ConsultationPage,
            nested_form_data(
                {
                    "title": "Waste category strategy consultation",
                    "slug": "waste",
                    "summary": "Comment on the draft.",
                    "opening_date": "2026-06-01",
                    "opening_time": "",
                    "closing_date": "2026-06-30",
                    "closing_time": "",
                    "body": streamfield([("paragraph", rich_text("<p>About it.</p>"))]),
                    "documents": streamfield([]),
                    "how_responses_used": rich_text("<p>We read them all.</p>"),
                    "contact_name": "",
                    "contact_email": "",
                    "we_asked": rich_text(""),
                    "you_said": rich_text(""),
                    "we_did": rich_text(""),
                }
            ),
        )
        page = ConsultationPage.objects.get(slug="waste")
        self.assertEqual(page.closes_at, datetime(2026, 6, 30, 23, 0, tzinfo=UTC))

    def test_the_edit_form_shows_the_same_wall_time_whatever_the_server_zone(self):
        for zone in ("UTC", "America/New_York", "Europe/Madrid"):
            with self.settings(TIME_ZONE=zone):
                self.page.closing_time = time(17, 0)
                self.page.save_revision().publish()
                html = self.client.get(f"/admin/pages/{self.page.pk}/edit/").content.decode()
                self.assertIn('name="closing_time"', html)
                self.assertRegex(html, r'name="closing_time"[^>]*value="17:00')
                self.assertRegex(html, r'name="closing_date"[^>]*value="30/06/2026"')
        self.page.refresh_from_db()
        self.assertEqual(self.page.closes_text, "5pm on 30 June 2026")

    def assert_invalid(self, message: str, opens: date, closes: date, **fields):
        """A consultation open between those dates fails validation with the message."""
        page = ConsultationPage(opening_date=opens, closing_date=closes, **fields)
        with self.assertRaisesMessage(ValidationError, message):
            page.full_clean()

    def test_46_an_ambiguous_closing_time_is_a_validation_error(self):
        autumn = {"title": "Autumn", "slug": "autumn", "closing_time": time(1, 30)}
        self.assert_invalid(
            "happens twice in UK time", date(2026, 9, 1), date(2026, 10, 25), **autumn
        )
        self.assert_invalid(
            "does not exist in UK time", date(2026, 3, 1), date(2026, 3, 29), **autumn
        )

    def test_closing_before_opening_is_a_validation_error(self):
        self.assert_invalid(
            "must close after it opens",
            date(2026, 6, 30),
            date(2026, 6, 1),
            title="Backwards",
            slug="backwards",
        )

    def test_open_page_offers_sections_with_comment_links(self):
        html = self.client.get(self.page.url).content.decode()
        self.assertIn("Respond to this consultation", html)
        for section in self.page.sections():
            self.assertIn(f'id="{section["anchor"]}"', html)
            self.assertIn(f"respond/?section={section['id']}", html)
        self.assertIn("Comment on this section", html)

    def test_strategy_page_offers_comment_on_this_section_while_open(self):
        self.draft.save_revision().publish()
        html = self.client.get(self.draft.url).content.decode()
        self.assertEqual(html.count("Comment on this section"), 3)
        with time_machine.travel(datetime(2026, 7, 1, 9, 0, tzinfo=UTC), tick=False):
            html = self.client.get(self.draft.url).content.decode()
        self.assertNotIn("Comment on this section", html)

    def test_forthcoming_page_says_when_it_opens(self):
        with time_machine.travel(datetime(2026, 5, 20, 9, 0, tzinfo=UTC), tick=False):
            html = self.client.get(self.page.url).content.decode()
        self.assertIn("This consultation is not open yet. It opens 1 June 2026", html)
        self.assertNotIn("Respond to this consultation", html)

    def test_outcome_published_shows_we_asked_you_said_we_did(self):
        self.page.outcome_published_on = date(2026, 7, 20)
        self.page.we_did = "<p>We added a section on districts.</p>"
        self.page.save_revision().publish()
        with time_machine.travel(datetime(2026, 8, 1, 9, 0, tzinfo=UTC), tick=False):
            html = self.client.get(self.page.url).content.decode()
        self.assertIn("Outcome published", html)
        self.assertIn("We added a section on districts.", html)
        self.assertNotIn("analysing your feedback", html)

    def test_detail_page_is_within_15_queries(self):
        self.client.logout()
        self.client.get(self.page.url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.page.url)
        self.assertEqual(response.status_code, 200)
        self.assertLessEqual(len(queries), 15)


@pytest.mark.django_db
class TestListing:
    def build(self, index, count):
        now = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)
        for i in range(count):
            kind = i % 4
            ConsultationPageFactory(
                parent=index,
                opening_date=date(2026, 7, 1) if kind == 1 else date(2026, 5, 1),
                closing_date={0: date(2026, 6, 20), 1: date(2026, 7, 31)}.get(
                    kind, date(2026, 6, 1)
                ),
                outcome_published_on=date(2026, 6, 10) if kind == 3 else None,
            )
        return now

    def test_states_are_grouped_and_open_ones_sorted_by_closing_time(self, client, index):
        soon = ConsultationPageFactory(parent=index, title="Soon", closing_date=date(2026, 6, 18))
        later = ConsultationPageFactory(parent=index, title="Later", closing_date=date(2026, 6, 25))
        ConsultationPageFactory(
            parent=index,
            title="Next month",
            opening_date=date(2026, 7, 1),
            closing_date=date(2026, 7, 30),
        )
        with time_machine.travel(datetime(2026, 6, 15, 9, 0, tzinfo=UTC), tick=False):
            response = client.get(index.url)
        html = response.content.decode()
        open_group = response.context["groups"][0][2]
        assert list(open_group) == [soon, later]
        assert html.index("Soon") < html.index("Later") < html.index("Next month")
        assert "Closing in 3 days" in html and "Closing in 10 days" in html

    def test_listing_query_count_is_the_same_at_4_and_24_items(self, client, home):
        """Each of the four states once, then six times."""
        counts = []
        for count in (4, 24):
            index = ConsultationIndexPageFactory(parent=home, slug=f"consultations-{count}")
            now = self.build(index, count)
            with time_machine.travel(now, tick=False):
                client.get(index.url)
                with CaptureQueriesContext(connection) as queries:
                    assert client.get(index.url).status_code == 200
            counts.append(len(queries))
            index.delete()
        assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_home_page_shows_open_consultations_with_closing_times(client, consultation):
    with time_machine.travel(datetime(2026, 6, 27, 9, 0, tzinfo=UTC), tick=False):
        html = client.get("/").content.decode()
    assert "Open consultations" in html
    assert consultation.title in html
    assert "Closing in 3 days. Closes at" in html
    assert '<time datetime="2026-06-30T23:00:00Z">11:59pm on 30 June 2026</time>' in html
    with time_machine.travel(datetime(2026, 7, 2, 9, 0, tzinfo=UTC), tick=False):
        assert "Open consultations" not in client.get("/").content.decode()
