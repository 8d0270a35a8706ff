"""The home page's one-query routing gives exactly what Wagtail's own routing gives."""

import pytest

from django.http import Http404
from django.test import RequestFactory

from wagtail.models import Page

from tests.casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from tests.factories import StandardPageFactory


PATHS = [
    "guides/",
    "guides/lots/",
    "guides/lots/extra/",
    "guides/nope/",
    "guides/draft/",
    "guides/draft/under-draft/",
    "draft/",
    "case-studies/",
    "case-studies/feed/",
    "case-studies/pipeline/",
    "case-studies/pipeline/feed/",
    "case-studies/nope/",
    "consultations/construction/",
    "consultations/construction/respond/",
    "consultations/construction/confirmation/HUB-26-AAAA-BBBB/",
    "consultations/construction/nope/",
    "consultations/draft-one/",
    "consultations/draft-one/respond/",
    "nope/",
    "nope/guides/",
]


@pytest.fixture
def tree(home):
    guides = StandardPageFactory(parent=home, slug="guides")
    StandardPageFactory(parent=guides, slug="lots")
    draft = StandardPageFactory(parent=guides, slug="draft", live=False)
    StandardPageFactory(parent=draft, slug="under-draft")
    StandardPageFactory(parent=home, slug="draft", live=False)
    case_studies = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=case_studies, slug="feed", title="A case study called feed")
    CaseStudyPageFactory(parent=case_studies, slug="pipeline")
    consultations = ConsultationIndexPageFactory(parent=home)
    ConsultationPageFactory(parent=consultations, slug="construction")
    ConsultationPageFactory(parent=consultations, slug="draft-one").unpublish()
    return home


def outcome(route, request, components):
    """What routing found: the page and its view arguments, or a 404."""
    try:
        page, args, kwargs = route(request, components)
    except Http404:
        return "404"
    # A routable page's view comes back bound to the page instance; compare what it is.
    args = tuple(getattr(arg, "__func__", arg) for arg in args)
    return (type(page), page.pk, args, kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_routing_matches_stock_wagtail(tree, path):
    request = RequestFactory().get("/" + path)
    components = [c for c in path.split("/") if c]
    ours = outcome(tree.route, request, components)
    stock = outcome(lambda *a: Page.route(tree, *a), request, components)
    assert ours == stock


@pytest.mark.django_db
def test_a_case_study_with_the_slug_feed_does_not_shadow_the_atom_feed(client, tree):
    response = client.get("/case-studies/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"A case study called feed" in response.content  # listed in the feed, not served
