"""Only content moves the page-cache generation: what visitors do never empties the cache."""

import re
import uuid
from datetime import UTC, datetime
from io import BytesIO

import pytest
import time_machine
from PIL import Image as PILImage

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image

from hub import page_cache
from hub.models import Council, SiteSettings
from hub.page_cache_models import ACTIVITY, CONTENT
from tests.factories import CouncilFactory, StandardPageFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def generation(page_cache, django_capture_on_commit_callbacks):
    """Run an action with its commit callbacks; return the generations before and after."""
    page_cache.clear()

    def moved_by(action) -> bool:
        before = page_cache_module_generation()
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return page_cache_module_generation() != before

    return moved_by


def page_cache_module_generation():
    return page_cache.generation(page_cache.page_cache())


@pytest.fixture
def changes():
    """Every content_changed signal sent during the test, as (sender, instance)."""
    sent = []

    def receiver(sender, instance, **kwargs):
        sent.append((sender, instance))

    page_cache.content_changed.connect(receiver)
    yield sent
    page_cache.content_changed.disconnect(receiver)


def test_every_installed_model_is_classified_as_content_or_activity():
    labels = {model._meta.label_lower for model in apps.get_models(include_auto_created=True)}
    assert not CONTENT & ACTIVITY, "a model cannot be both"
    assert labels - CONTENT - ACTIVITY == set(), "classify these in hub/page_cache_models.py"
    # Wagtail defines its SQLite full-text table only when the database is SQLite.
    only_on_sqlite = {"wagtailsearch.sqliteftsindexentry"}
    assert (CONTENT | ACTIVITY) - labels - only_on_sqlite == set(), "these models no longer exist"


def test_a_page_model_outside_the_allow_list_does_not_bump(monkeypatch, home, generation):
    """Why the test above matters: the allow-list decides, not the kind of model."""
    page = StandardPageFactory(parent=home, slug="guides")
    monkeypatch.setattr(page_cache, "CONTENT", page_cache.CONTENT - {"hub.standardpage"})
    assert not generation(lambda: page.save_revision().publish())


# Activity: none of these moves the generation.


def test_failed_and_successful_sign_in_leave_the_generation(settings, home, generation):
    settings.AXES_ENABLED = True
    get_user_model().objects.create_superuser("alice", "alice@example.com", "right-password-a")
    client = Client(REMOTE_ADDR="203.0.113.9")

    def failed():
        response = client.post("/admin/login/", {"username": "alice", "password": "wrong"})
        assert response.status_code == 200

    def succeeded():
        response = client.post(
            "/admin/login/", {"username": "alice", "password": "right-password-a"}
        )
        assert response.status_code == 302

    assert not generation(failed)
    assert not generation(succeeded)


def test_alerts_sign_up_and_confirmation_leave_the_generation(
    home, generation, mailoutbox, changes
):
    from consultations.models import Subscription

    # Wagtail creates the settings row on the first page that reads it (a one-off bump).
    SiteSettings.for_site(home.get_site())
    client = Client()
    assert not generation(
        lambda: client.post("/consultations/alerts/", {"email": "lead@northmoor.gov.uk"})
    )
    link = re.search(r"http://\S+", mailoutbox[-1].body).group(0)
    confirm = re.sub(r"^https?://[^/]+", "", link)
    assert not generation(lambda: client.post(confirm)), changes
    assert Subscription.objects.filter(email="lead@northmoor.gov.uk").exists()


def test_a_comment_and_its_queued_and_sent_email_leave_the_generation(
    home, generation, mailoutbox, changes
):
    from consultations.services import Respondent, comment_create
    from hub.models import Email
    from tests.consultations.factories import (
        ConsultationIndexPageFactory,
        ConsultationPageFactory,
    )
    from tests.consultations.follow_up import PRIYA

    consultation = ConsultationPageFactory(parent=ConsultationIndexPageFactory(parent=home))
    respondent = Respondent(**PRIYA)
    # Mid-consultation: the factory's consultation is open through June 2026.
    with time_machine.travel(datetime(2026, 6, 15, 10, tzinfo=UTC), tick=False):
        assert not generation(
            lambda: comment_create(
                consultation=consultation,
                idempotency_key=uuid.uuid4(),
                respondent=respondent,
                text="A comment.",
            )
        )
    assert Email.objects.filter(sent_at__isnull=False).count() == 1
    assert len(mailoutbox) == 1 and changes == []


def test_a_self_assessment_answer_leaves_the_generation(home, generation):
    from progress.enums import Access, Role
    from progress.models import Answer, Cycle, Respondent, Return
    from progress.services import answer_save
    from tests.factories import KeyAreaFactory

    cycle = Cycle.objects.create(year=2026)
    cycle.key_areas.set([KeyAreaFactory()])
    lead = get_user_model().objects.create_user("lead@medway.gov.uk", "lead@medway.gov.uk")
    ret = Return.objects.create(cycle=cycle, council=Council.objects.first())
    Respondent.objects.create(
        return_obj=ret, user=lead, role=Role.LEAD, department="", access=Access.DOMAIN
    )
    values = {"current_level": 2, "target_level": 4, "comment": "Ours", "evidence": ""}
    assert not generation(lambda: answer_save(ret, cycle.areas().first(), "", values, 0, lead))
    assert Answer.objects.count() == 1


# Content: each of these moves it, once committed, and says so.


def test_a_page_publish_bumps_and_sends_content_changed(home, generation, changes):
    page = StandardPageFactory(parent=home, slug="guides")
    changes.clear()
    page.title = "Guides for buyers"
    assert generation(lambda: page.save_revision().publish())
    assert (type(page), page) in [(sender, instance) for sender, instance in changes]


def test_a_draft_saved_leaves_the_generation(home, generation):
    page = StandardPageFactory(parent=home, slug="guides")
    page.title = "Guides, draft"
    assert not generation(lambda: page.save_revision())


def test_unpublish_move_and_delete_bump(home, generation):
    page = StandardPageFactory(parent=home, slug="guides")
    other = StandardPageFactory(parent=home, slug="other")
    assert generation(lambda: page.move(other, pos="last-child"))
    assert generation(lambda: page.unpublish())
    assert generation(lambda: page.delete())


def test_a_snippet_save_bumps(db, generation, changes):
    council = CouncilFactory(name="Northmoor County Council")
    council.name = "Northmoor Council"
    assert generation(council.save)
    assert changes[-1] == (Council, council)


def test_a_setting_bumps(home, generation):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.feedback_email = "new-feedback@example.gov.uk"
    assert generation(site_settings.save)


def test_an_image_bumps(db, generation):
    buffer = BytesIO()
    PILImage.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    assert generation(
        lambda: Image.objects.create(title="Teal", file=ImageFile(buffer, name="teal.png"))
    )


def test_a_document_bumps(db, generation):
    assert generation(
        lambda: Document.objects.create(
            title="Pipeline template", file=ContentFile(b"a,b\n", name="pipeline.csv")
        )
    )


def test_a_redirect_bumps(home, generation):
    assert generation(
        lambda: Redirect.objects.create(old_path="/old-guides", redirect_link="/guides/")
    )


def test_a_deploy_bumps_and_says_so(db, page_cache, changes):
    from django.core.management.sql import emit_post_migrate_signal

    before = page_cache_module_generation()
    emit_post_migrate_signal(0, False, "default")
    assert page_cache_module_generation() != before
    assert (None, None) in changes
