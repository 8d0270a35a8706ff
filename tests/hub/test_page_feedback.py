"""'Is this page useful?': no CSRF token or cookie, spam refused, the page stays cached."""

import pytest

from django.core.cache import cache
from django.test import Client

from hub.models import FEEDBACK_TEXT_MAX, PageFeedback
from tests.factories import StandardPageFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home):
    return StandardPageFactory(parent=home, title="Buying energy", slug="buying-energy")


@pytest.fixture
def reader():
    """A browser with no cookies, held to the CSRF check like a real one; no counts left over."""
    cache.clear()
    yield Client(enforce_csrf_checks=True)
    cache.clear()


def send(reader, page, **data):
    return reader.post("/feedback/", {"page": page.pk, "website": "", **data})


def test_the_page_asks_with_plain_forms_that_carry_no_csrf_token(reader, page):
    html = reader.get("/buying-energy/").content.decode()
    assert "Is this page useful?" in html
    assert 'action="/feedback/"' in html
    assert "csrfmiddlewaretoken" not in html
    # Without JavaScript "No" opens the "what went wrong" form through the address.
    assert 'href="?feedback=no#page-feedback"' in html
    assert 'id="page-feedback-form" method="post" action="/feedback/" hidden' in html


def test_a_yes_is_stored_and_the_reader_is_thanked_on_the_page(reader, page):
    response = send(reader, page, useful="yes")

    assert response.status_code == 302
    assert response["Location"] == "/buying-energy/?feedback=thanks#page-feedback"
    assert not response.cookies
    answer = PageFeedback.objects.get()
    assert (answer.page_id, answer.useful, answer.text) == (page.pk, True, "")
    thanked = reader.get("/buying-energy/?feedback=thanks").content.decode()
    assert "Thank you for your feedback" in thanked
    assert "Is this page useful?" not in thanked


def test_no_opens_the_form_without_javascript_and_stores_what_went_wrong(reader, page):
    html = reader.get("/buying-energy/?feedback=no").content.decode()
    assert 'id="page-feedback-form" method="post" action="/feedback/">' in html
    assert "What went wrong? (optional)" in html
    assert "Do not include personal information" in html

    response = send(reader, page, useful="no", text="  The tariff table is out of date.  ")

    assert response.status_code == 302
    answer = PageFeedback.objects.get()
    assert (answer.useful, answer.text) == (False, "The tariff table is out of date.")


def test_a_no_without_text_counts_and_a_yes_keeps_no_text(reader, page):
    send(reader, page, useful="no")
    send(reader, page, useful="yes", text="ignored")
    assert PageFeedback.objects.for_page(page).counts() == {"yes": 1, "no": 1, "comments": 0}


def test_over_long_text_is_refused_with_the_text_shown_back(reader, page):
    text = "x" * (FEEDBACK_TEXT_MAX + 1)
    response = send(reader, page, useful="no", text=text)

    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert f"What went wrong must be {FEEDBACK_TEXT_MAX} characters or fewer" in html
    assert text in html  # nothing typed is lost
    assert not PageFeedback.objects.exists()


def test_a_filled_hidden_field_is_refused_and_nothing_stored(reader, page):
    response = send(reader, page, useful="no", text="Cheap pills", website="http://spam.example")
    assert response.status_code == 400
    assert "Cheap pills" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_too_many_answers_from_one_address_are_refused(reader, page, settings):
    settings.PAGE_FEEDBACK_RATE_LIMIT = 2
    assert send(reader, page, useful="yes").status_code == 302
    assert send(reader, page, useful="no").status_code == 302
    response = send(reader, page, useful="no", text="Third")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert PageFeedback.objects.count() == 2


@pytest.mark.parametrize(
    "data",
    [{"page": "999999", "useful": "yes"}, {"useful": "maybe"}, {"page": "abc", "useful": "no"}],
)
def test_bad_posts_are_refused_with_a_message(reader, page, data):
    response = reader.post("/feedback/", {"page": page.pk, **data})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_draft_page_takes_no_feedback(reader, page):
    page.unpublish()
    assert send(reader, page, useful="yes").status_code == 400


def test_get_is_not_allowed(reader):
    assert reader.get("/feedback/").status_code == 405


def test_feedback_leaves_the_page_in_the_page_cache(
    reader, page, page_cache, django_capture_on_commit_callbacks
):
    first = reader.get("/buying-energy/")
    assert first.status_code == 200 and "Age" not in first
    assert "Age" in reader.get("/buying-energy/")  # stored, now served from the cache

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send(reader, page, useful="no", text="A broken link")
    assert PageFeedback.objects.count() == 1
    assert callbacks == []  # no generation bump waits on the commit

    again = reader.get("/buying-energy/")
    assert again.status_code == 200
    assert "Age" in again  # still a cache hit: feedback changed no page
    assert "Is this page useful?" in again.content.decode()


def download(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_editors_see_counts_and_comments_per_page_and_export_them(admin_client, page, home):
    other = StandardPageFactory(parent=home, title="Social value", slug="social-value")
    PageFeedback.objects.create(page=page, useful=True)
    PageFeedback.objects.create(page=page, useful=False, text='=HYPERLINK("x") is broken')
    PageFeedback.objects.create(page=page, useful=False)
    PageFeedback.objects.create(page=other, useful=True)

    counts = admin_client.get("/admin/reports/page-feedback/")
    assert counts.status_code == 200
    html = counts.content.decode()
    assert "Buying energy" in html and "Social value" in html
    assert f"/admin/page-feedback/?page={page.pk}" in html

    csv = download(admin_client, "/admin/reports/page-feedback/?export=csv")
    assert "Page,Address,Useful,Not useful,Said what went wrong" in csv
    assert "Buying energy,/buying-energy/,1,2,1" in csv
    assert "Social value,/social-value/,1,0,0" in csv

    listing = admin_client.get(f"/admin/page-feedback/?page={page.pk}")
    assert listing.status_code == 200
    assert "is broken" in listing.content.decode()
    answers = download(admin_client, f"/admin/page-feedback/?page={page.pk}&export=csv")
    assert len(answers.splitlines()) == 4  # heading and this page's three answers
    assert "'=HYPERLINK" in answers  # a formula is written as text


def test_nobody_adds_or_edits_feedback_in_the_admin(admin_client, page):
    answer = PageFeedback.objects.create(page=page, useful=False, text="Typo")
    assert admin_client.get("/admin/page-feedback/new/").status_code in (302, 403)
    assert admin_client.get(f"/admin/page-feedback/edit/{answer.pk}/").status_code in (302, 403)
