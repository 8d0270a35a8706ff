"""Colleagues editing at the same time: nobody loses what they saved or typed."""

import pytest

from progress.models import Answer, SupersededAnswer
from tests.progress.conftest import lead_of


pytestmark = pytest.mark.django_db


def post(client, ret, slug, current, target, comment, version):
    return client.post(
        ret.url("area", slug),
        {
            "current_level": current,
            "target_level": target,
            "comment": comment,
            "evidence": "",
            "version": version,
            "save_and_return": "",
        },
    )


@pytest.fixture
def colleagues(medway, officer, client_factory):
    """Two procurement colleagues, each with their own browser."""
    first = officer("first@medway.gov.uk", medway)
    second = officer("second@medway.gov.uk", medway)
    one, two = client_factory(), client_factory()
    one.force_login(first)
    two.force_login(second)
    return one, two


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


def test_different_key_areas_both_keep_their_answers(medway, colleagues):
    one, two = colleagues
    # Both open their pages before either saves.
    assert one.get(medway.url("area", "engaging-councillors")).status_code == 200
    assert two.get(medway.url("area", "working-with-partners")).status_code == 200
    post(one, medway, "engaging-councillors", 2, 3, "First's answer", 0)
    post(two, medway, "working-with-partners", 4, 5, "Second's answer", 0)
    answers = {a.key_area.slug: a for a in Answer.objects.filter(return_obj=medway)}
    assert answers["engaging-councillors"].comment == "First's answer"
    assert answers["working-with-partners"].comment == "Second's answer"
    assert not SupersededAnswer.objects.exists()


def test_the_later_save_wins_and_the_earlier_editor_keeps_what_they_typed(medway, colleagues):
    one, two = colleagues
    # Both open the same answer (version 0: not answered yet), then both save.
    post(one, medway, "engaging-councillors", 2, 3, "First's careful words", 0)
    response = post(two, medway, "engaging-councillors", 4, 5, "Second's words", 0)
    assert response.status_code == 302
    answer = Answer.objects.get(return_obj=medway)
    assert (answer.current_level, answer.comment) == (4, "Second's words")
    assert answer.updated_by.email == "second@medway.gov.uk" and answer.version == 2
    # The later editor is told they replaced someone's answer.
    page = two.get(medway.get_absolute_url()).content.decode()
    assert "first@medway.gov.uk had changed this answer since you opened it" in page
    # The earlier editor is told, on the task list and on the answer, and sees their own text.
    page = one.get(medway.get_absolute_url()).content.decode()
    assert "Your answer was replaced" in page
    page = one.get(medway.url("area", "engaging-councillors")).content.decode()
    assert "second@medway.gov.uk saved this answer" in page
    assert "First&#x27;s careful words" in page
    # Using their answer again is an ordinary save over the current version.
    superseded = SupersededAnswer.objects.get()
    assert (superseded.editor.email, superseded.comment) == (
        "first@medway.gov.uk",
        "First's careful words",
    )
    response = one.post(
        medway.url("area", "engaging-councillors"),
        {
            "current_level": 2,
            "target_level": 3,
            "comment": superseded.comment,
            "evidence": "",
            "version": answer.version,
            "save_and_return": "1",
            "restore": superseded.pk,
        },
    )
    answer.refresh_from_db()
    assert answer.comment == "First's careful words" and answer.version == 3
    assert SupersededAnswer.objects.get().dismissed_at is not None
    assert "Your answer was replaced" not in one.get(medway.get_absolute_url()).content.decode()


def test_the_same_editor_saving_twice_is_not_a_conflict(medway, client):
    client.force_login(lead_of(medway))
    post(client, medway, "engaging-councillors", 2, 3, "One", 0)
    post(client, medway, "engaging-councillors", 2, 4, "Two", 0)
    assert Answer.objects.get().comment == "Two"
    assert not SupersededAnswer.objects.exists()
