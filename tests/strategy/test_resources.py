"""The resources library: validated filters that combine, downloads and a flat query count."""

from functools import partial

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model

from strategy.enums import Audience, ResourceType
from strategy.models import ResourcePage
from tests.factories import CategoryFactory, ThemeFactory
from tests.hub.test_pages import PageTestCase
from tests.strategy.factories import ResourceIndexPageFactory, ResourcePageFactory


def make_document(title: str, content: bytes = b"%PDF-1.4 demo"):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


class ResourceListingTests(PageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.library = ResourceIndexPageFactory(parent=cls.home)
        cls.leadership = ThemeFactory(name="Showing leadership", slug="showing-leadership")
        cls.commercial = ThemeFactory(name="Behaving commercially", slug="behaving-commercially")
        cls.energy = CategoryFactory(name="Energy", slug="energy")
        resource = partial(ResourcePageFactory, parent=cls.library)
        resource(
            title="Councillor's guide",
            resource_type=ResourceType.GUIDE,
            audience=Audience.COUNCILLOR,
            themes=[cls.leadership],
            document=make_document("Councillor's guide", b"x" * 3000),
        )
        resource(
            title="Contract manual", resource_type=ResourceType.TEMPLATE, themes=[cls.commercial]
        )
        resource(
            title="Energy checklist",
            resource_type=ResourceType.CHECKLIST,
            audience=Audience.COUNCILLOR,
            themes=[cls.commercial],
            categories=[cls.energy],
        )
        resource(title="DPS guidance", resource_type=ResourceType.GUIDE, themes=[cls.commercial])

    def titles(self, response) -> list[str]:
        return sorted(r.title for r in response.context["results"])

    def test_listing_shows_every_resource_with_download_type_and_size(self):
        response = self.client.get(self.library.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["results"]), 4)
        self.assertContains(response, "(PDF, 3 KB)")
        self.assertContains(response, 'href="/documents/')

    def test_filters_combine(self):
        response = self.client.get(
            self.library.url, {"type": "guide", "theme": "behaving-commercially"}
        )
        self.assertEqual(self.titles(response), ["DPS guidance"])
        response = self.client.get(
            self.library.url, {"category": "energy", "audience": "councillor"}
        )
        self.assertEqual(self.titles(response), ["Energy checklist"])
        response = self.client.get(self.library.url, {"theme": "behaving-commercially"})
        self.assertEqual(
            self.titles(response), ["Contract manual", "DPS guidance", "Energy checklist"]
        )

    def test_no_match_shows_a_message(self):
        response = self.client.get(self.library.url, {"type": "slides"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "No resources match these filters.")

    def test_invalid_filter_values_give_a_page_with_a_message_not_an_error(self):
        response = self.client.get(
            self.library.url, {"type": "spreadsheet", "theme": "no-such-theme", "page": "x"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Some filters could not be used")
        self.assertContains(response, "govuk-error-message")
        self.assertEqual(len(response.context["results"]), 4)

    def test_invalid_filter_is_ignored_while_valid_ones_still_apply(self):
        response = self.client.get(self.library.url, {"type": "guide", "theme": "nope"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.titles(response), ["Councillor's guide", "DPS guidance"])

    def test_chosen_filters_stay_selected(self):
        response = self.client.get(self.library.url, {"theme": "showing-leadership"})
        self.assertContains(response, '<option value="showing-leadership" selected>')

    def test_resource_page_download_is_served_through_wagtail(self):
        resource = ResourcePage.objects.get(title="Councillor's guide")
        document = resource.document
        response = self.client.get(resource.url)
        self.assertContains(response, f'href="{document.url}"')
        self.assertContains(response, "PDF, 3 KB")
        self.assertEqual(document.url, f"/documents/{document.pk}/{document.filename}")
        download = self.client.get(document.url)
        self.assertEqual(download.status_code, 200)
        self.assertEqual(b"".join(download.streaming_content), b"x" * 3000)


class ResourceListingQueryCountTests(PageTestCase):
    def listing_queries(self, count: int) -> int:
        library = ResourceIndexPageFactory(parent=self.home)
        theme = ThemeFactory()
        category = CategoryFactory()
        for n in range(count):
            ResourcePageFactory(
                parent=library,
                title=f"Resource {n}",
                themes=[theme],
                categories=[category],
                document=make_document(f"Resource {n}"),
            )
        self.client.get(library.url)  # warm the site and content-type caches
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(library.url, {"theme": theme.slug})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["results"].paginator.count, count)
        library.get_descendants().delete()
        library.delete()
        return len(queries)

    def test_query_count_does_not_grow_with_the_number_of_resources(self):
        self.client.logout()
        # 23 fills the first page of 20 and starts a second.
        self.assertEqual(self.listing_queries(3), self.listing_queries(23))
