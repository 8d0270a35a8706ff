"""The analysis workspace in the admin: who may use it, the audit log, filters, tagging by form."""

import io

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Permission

from consultations.analysis.models import Coding, Stance
from consultations.analysis.services import comments_tag, theme_create
from consultations.models import Comment
from consultations.respondent_data.audit import EXPORT_RESPONSES, VIEW_RESPONSES
from tests.consultations.analysis import analyst_user, comments_make
from tests.consultations.follow_up import editor_user
from tests.factories import CouncilFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(django_user_model):
    return analyst_user(django_user_model)


@pytest.fixture
def setup(consultation, analyst, draft):
    section = draft.numbered_sections()[1]
    council = CouncilFactory(name="Westholm Borough Council", slug="westholm")
    comments = comments_make(consultation, [f"Comment {n}." for n in range(4)], council=council)
    comments += comments_make(consultation, ["=HYPERLINK(1)"], section=section)
    theme = theme_create(consultation, "=Carbon", analyst)
    return {"comments": comments, "theme": theme, "section": section, "council": council}


def base(consultation) -> str:
    return f"/admin/consultations/{consultation.pk}/analysis/"


def addresses(consultation, setup) -> list[str]:
    root = base(consultation)
    return [
        "/admin/consultations/analysis/",
        root,
        root + "?export=csv",
        root + "?export=xlsx",
        root + "themes/",
        root + f"themes/{setup['theme'].pk}/",
        root + "themes/merge/",
        root + "comments/",
        root + f"comments/{setup['comments'][0].pk}/",
        root + "groups/",
        root + "report/",
        root + "report/?format=docx",
        root + "report/?print=1",
    ]


def test_editors_without_the_right_are_refused_every_address(
    client, django_user_model, consultation, setup
):
    client.force_login(editor_user(django_user_model))
    for url in addresses(consultation, setup):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or "/admin/" in response["Location"], url


def test_managers_and_editors_given_the_right_see_every_address(
    client, django_user_model, consultation, setup, analyst
):
    editor = editor_user(django_user_model, "trusted-editor")
    editor.user_permissions.add(Permission.objects.get(codename="analyse_responses"))
    for user in (analyst, editor):
        client.force_login(user)
        for url in addresses(consultation, setup):
            response = client.get(url)
            assert response.status_code == 200, (user, url)
            assert (
                "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
            ), url


def test_every_view_and_export_of_responses_is_in_the_audit_log(
    client, consultation, setup, analyst
):
    from wagtail.models import PageLogEntry

    client.force_login(analyst)
    root = base(consultation)
    for url, action, fmt in [
        (root + "comments/", VIEW_RESPONSES, None),
        (root + f"comments/{setup['comments'][0].pk}/", VIEW_RESPONSES, None),
        (root, VIEW_RESPONSES, None),
        (root + "?export=csv", EXPORT_RESPONSES, "analysis csv"),
        (root + "?export=xlsx", EXPORT_RESPONSES, "analysis xlsx"),
        (root + "report/", VIEW_RESPONSES, None),
        (root + "report/?format=docx", EXPORT_RESPONSES, "report docx"),
    ]:
        PageLogEntry.objects.all().delete()
        client.get(url)
        entry = PageLogEntry.objects.get(page=consultation, action=action)
        assert entry.user == analyst, url
        if fmt:
            assert entry.data["format"] == fmt


def test_exports_write_would_be_formulas_as_text(client, consultation, setup, analyst):
    client.force_login(analyst)
    csv_text = client.get(base(consultation) + "?export=csv").content.decode()
    assert "'=Carbon" in csv_text
    workbook = load_workbook(io.BytesIO(client.get(base(consultation) + "?export=xlsx").content))
    assert workbook.sheetnames[0] == "Themes by section"
    cells = [c.value for row in workbook["Themes by stance"].iter_rows() for c in row]
    assert "'=Carbon" in cells
    assert all(c.data_type != "f" for s in workbook for row in s.iter_rows() for c in row)


def test_filters_narrow_the_list_and_bad_ones_are_a_400_with_a_message(
    client, consultation, setup, analyst
):
    client.force_login(analyst)
    url = base(consultation) + "comments/"
    comments_tag(setup["comments"][:2], user=analyst, add_themes=[setup["theme"]], stance="mixed")
    Comment.objects.filter(pk=setup["comments"][0].pk).update(organisation_verified=True)
    cases = {
        f"?theme={setup['theme'].pk}": 2,
        "?theme=untagged": 3,
        "?stance=mixed": 2,
        "?stance=untagged": 3,
        f"?section={setup['section']['id']}": 1,
        "?section=whole": 4,
        "?type=official": 5,
        "?type=personal": 0,
        f"?council_type={setup['council'].council_type_id}": 4,
        "?council_type=unknown": 1,
        f"?region={setup['council'].region_id}&stance=mixed": 2,
        "?verified=yes": 1,
        "?verified=no": 4,
    }
    for query, expected in cases.items():
        response = client.get(url + query)
        assert response.status_code == 200, query
        assert response.context["total"] == expected, query
    response = client.get(url + "?stance=angry&region=nowhere")
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Choose a stance from the list." in body
    assert "Choose a region from the list." in body


def test_one_comment_is_tagged_by_form_and_goes_to_the_next_within_the_filters(
    client, consultation, setup, analyst
):
    client.force_login(analyst)
    first, second = setup["comments"][:2]
    url = base(consultation) + f"comments/{first.pk}/?theme=untagged"
    page = client.get(url)
    assert page.context["after"] == second.pk
    assert page.context["before"] is None
    response = client.post(
        url, {"themes": [setup["theme"].pk], "stance": Stance.SUPPORTS, "then": "next"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"comments/{second.pk}/?theme=untagged")
    coding = Coding.objects.get(pk=first.pk)
    assert list(coding.themes.all()) == [setup["theme"]]
    assert coding.stance == Stance.SUPPORTS and coding.tagged_by == analyst
    bad = client.post(url, {"themes": [999999], "stance": "angry"})
    assert bad.status_code == 400
    assert "There is a problem" in bad.content.decode()


def test_bulk_tagging_by_form_needs_a_selection_and_something_to_do(
    client, consultation, setup, analyst
):
    client.force_login(analyst)
    url = base(consultation) + "comments/"
    picked = [c.pk for c in setup["comments"][:3]]
    response = client.post(
        url, {"comments": picked, "add_themes": [setup["theme"].pk], "stance": "keep"}
    )
    assert response.status_code == 302
    assert set(Coding.objects.values_list("pk", flat=True)) == set(picked)
    nothing = client.post(url, {"comments": picked, "stance": "keep"})
    assert nothing.status_code == 400
    assert "Choose a theme to add or a stance to give." in nothing.content.decode()
    none_chosen = client.post(url, {"add_themes": [setup["theme"].pk], "stance": "keep"})
    assert none_chosen.status_code == 400
    assert "Select at least one comment to tag." in none_chosen.content.decode()


def test_themes_are_made_renamed_and_merged_through_forms_with_errors_kept(
    client, consultation, setup, analyst
):
    client.force_login(analyst)
    root = base(consultation)
    assert client.post(root + "themes/", {"new-name": "Small firms"}).status_code == 302
    duplicate = client.post(root + "themes/", {"new-name": "small FIRMS"})
    assert duplicate.status_code == 400
    assert "There is already a theme called" in duplicate.content.decode()
    assert 'value="small FIRMS"' in duplicate.content.decode()
    small = consultation.response_themes.get(name="Small firms")
    assert client.post(root + f"themes/{small.pk}/", {"name": "SMEs"}).status_code == 302
    comments_tag(setup["comments"][:1], user=analyst, add_themes=[small])
    merged = client.post(
        root + "themes/merge/", {"merge-target": setup["theme"].pk, "merge-sources": [small.pk]}
    )
    assert merged.status_code == 302
    assert list(Coding.objects.get(pk=setup["comments"][0].pk).themes.all()) == [setup["theme"]]
    log = client.get(root + "themes/").content.decode()
    assert "“Small firms” to “SMEs”" in log
    assert "“SMEs” into “=Carbon”" in log


def test_the_report_is_copied_into_you_said_on_a_new_draft(client, consultation, setup, analyst):
    client.force_login(analyst)
    response = client.post(base(consultation) + "report/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{consultation.pk}/edit/"
    consultation.refresh_from_db()
    assert consultation.you_said == ""  # the live page is untouched until someone publishes
    draft = consultation.get_latest_revision_as_object()
    assert "5 comments, none in a campaign group." in draft.you_said
    assert "=Carbon" in draft.you_said


def test_the_menu_item_and_page_button_show_only_to_those_who_may_analyse(
    client, django_user_model, consultation, setup, analyst
):
    workspace = f"/admin/consultations/{consultation.pk}/analysis/"
    client.force_login(analyst)
    assert "/admin/consultations/analysis/" in client.get("/admin/").content.decode()
    edit = client.get(f"/admin/pages/{consultation.pk}/edit/").content.decode()
    assert workspace in edit
    choose = client.get("/admin/consultations/analysis/").content.decode()
    assert workspace in choose and "<td>5</td>" in choose
    client.force_login(editor_user(django_user_model))
    assert "/admin/consultations/analysis/" not in client.get("/admin/").content.decode()
