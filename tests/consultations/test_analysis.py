"""Analyse responses: themes, tagging, campaign groups, counts with suppression, the report."""

import csv
import io

import pytest
from docx import Document

from django.core.exceptions import ValidationError

from consultations.analysis import counts
from consultations.analysis.grouping import groups_suggest, near_duplicates
from consultations.analysis.models import AnalysedComment, CampaignGroup, Coding, Stance
from consultations.analysis.report import report_build, report_docx, you_said_html
from consultations.analysis.services import (
    comments_tag,
    group_confirm,
    group_tag,
    theme_create,
    theme_merge,
    theme_rename,
)
from consultations.enums import CommentStatus, ResponseType
from consultations.respondent_data.withdrawal import comment_withdraw
from tests.consultations.analysis import analyst_user, comments_make
from tests.factories import CouncilFactory


pytestmark = pytest.mark.django_db

CAMPAIGN = (
    "We object to the framework lots in section two because small local builders cannot meet "
    "the insurance thresholds and will be shut out of council work for years to come."
)


@pytest.fixture
def analyst(django_user_model):
    return analyst_user(django_user_model)


@pytest.fixture
def themes(consultation, analyst):
    return {
        name: theme_create(consultation, name, analyst)
        for name in ("Small firms", "Social value", "Carbon")
    }


def themes_of(comment) -> set[str]:
    return set(Coding.objects.get(pk=comment.pk).themes.values_list("name", flat=True))


def test_tagging_one_comment_sets_its_themes_and_stance_and_who(consultation, themes, analyst):
    comment, other = comments_make(consultation, ["Lots are too big.", "Fine as it is."])
    comments_tag(
        [comment],
        user=analyst,
        set_themes=[themes["Small firms"], themes["Carbon"]],
        stance=Stance.OPPOSES,
    )
    coding = Coding.objects.get(pk=comment.pk)
    assert themes_of(comment) == {"Small firms", "Carbon"}
    assert coding.stance == Stance.OPPOSES
    assert coding.tagged_by == analyst
    assert coding.tagged_at is not None
    # Setting again replaces the themes exactly; the other comment is untouched.
    comments_tag([comment], user=analyst, set_themes=[themes["Social value"]], stance="")
    assert themes_of(comment) == {"Social value"}
    assert not Coding.objects.filter(pk=other.pk).exists()


def test_bulk_tagging_adds_themes_and_keeps_each_stance_unless_given(consultation, themes, analyst):
    a, b, c = comments_make(consultation, ["One.", "Two.", "Three."])
    comments_tag([a], user=analyst, set_themes=[themes["Carbon"]], stance=Stance.SUPPORTS)
    comments_tag([a, b], user=analyst, add_themes=[themes["Small firms"]], stance=None)
    assert themes_of(a) == {"Carbon", "Small firms"}
    assert themes_of(b) == {"Small firms"}
    assert Coding.objects.get(pk=a.pk).stance == Stance.SUPPORTS
    assert Coding.objects.get(pk=b.pk).stance == ""
    assert not Coding.objects.filter(pk=c.pk).exists()
    comments_tag([a, b, c], user=analyst, add_themes=[], stance=Stance.MIXED)
    assert set(Coding.objects.values_list("stance", flat=True)) == {Stance.MIXED}


def test_themes_of_another_consultation_are_refused(consultation, index, themes, analyst):
    from tests.consultations.factories import ConsultationPageFactory

    elsewhere = ConsultationPageFactory(parent=index)
    (comment,) = comments_make(elsewhere, ["Elsewhere."])
    with pytest.raises(ValidationError):
        comments_tag([comment], user=analyst, add_themes=[themes["Carbon"]])


def test_merging_themes_keeps_every_tag_and_is_logged(consultation, themes, analyst):
    from wagtail.models import PageLogEntry

    a, b, c = comments_make(consultation, ["One.", "Two.", "Three."])
    comments_tag([a], user=analyst, set_themes=[themes["Carbon"], themes["Social value"]])
    comments_tag([b], user=analyst, set_themes=[themes["Social value"]])
    comments_tag([c], user=analyst, set_themes=[themes["Small firms"]])
    theme_merge([themes["Social value"]], themes["Carbon"], analyst)
    assert themes_of(a) == {"Carbon"}
    assert themes_of(b) == {"Carbon"}
    assert themes_of(c) == {"Small firms"}
    assert list(consultation.response_themes.values_list("name", flat=True)) == [
        "Carbon",
        "Small firms",
    ]
    entry = PageLogEntry.objects.get(page=consultation, action="consultations.theme_merge")
    assert entry.data == {"merged": ["Social value"], "into": "Carbon", "comments": 2}
    assert entry.user == analyst


def test_renaming_keeps_tags_and_names_stay_unique(consultation, themes, analyst):
    (a,) = comments_make(consultation, ["One."])
    comments_tag([a], user=analyst, set_themes=[themes["Carbon"]])
    theme_rename(themes["Carbon"], "Net zero", analyst)
    assert themes_of(a) == {"Net zero"}
    with pytest.raises(ValidationError):
        theme_rename(themes["Small firms"], "net ZERO", analyst)
    with pytest.raises(ValidationError):
        theme_create(consultation, "SOCIAL VALUE", analyst)


def test_grouping_finds_campaign_copies_and_leaves_the_rest(consultation):
    copies = [CAMPAIGN, CAMPAIGN.upper(), CAMPAIGN.replace("years to come", "many years"), CAMPAIGN]
    others = [
        "The pipeline section should cover districts too.",
        "Please publish the contract register every quarter with spend by supplier.",
    ]
    made = comments_make(consultation, [*copies, *others])
    groups = groups_suggest(consultation)
    assert len(groups) == 1
    members = set(groups[0].members.values_list("comment_id", flat=True))
    assert members == {c.pk for c in made[:4]}
    assert groups[0].confirmed_at is None


def test_near_duplicates_without_the_database():
    texts = {1: CAMPAIGN, 2: CAMPAIGN + " Thank you.", 3: "Something else entirely, short."}
    assert near_duplicates(texts) == [[1, 2]]


def test_a_confirmed_group_tags_each_member_and_counts_say_so(consultation, themes, analyst):
    made = comments_make(consultation, [CAMPAIGN] * 6 + ["Different words about carbon."])
    (group,) = groups_suggest(consultation)
    with pytest.raises(ValidationError):
        group_tag(group, user=analyst, add_themes=[themes["Small firms"]], stance=None)
    assert str(counts.headline(consultation)) == "7 comments, none in a campaign group"
    group_confirm(group, analyst)
    tagged = group_tag(
        group, user=analyst, add_themes=[themes["Small firms"]], stance=Stance.OPPOSES
    )
    assert tagged == 6
    for comment in made[:6]:
        assert themes_of(comment) == {"Small firms"}
        assert Coding.objects.get(pk=comment.pk).stance == Stance.OPPOSES
    assert not Coding.objects.filter(pk=made[6].pk).exists()
    assert str(counts.headline(consultation)) == "7 comments, of which 6 in 1 campaign group"
    # Finding again keeps the confirmed group and suggests nothing new.
    assert groups_suggest(consultation) == []
    assert CampaignGroup.objects.get().pk == group.pk


@pytest.fixture
def tagged(consultation, themes, analyst, draft):
    """12 comments: 7 on section 1 (6 from a district), 5 on the whole draft; tagged."""
    district = CouncilFactory(name="Eastmere District Council", slug="eastmere")
    section = draft.numbered_sections()[0]
    on_section = comments_make(
        consultation, [f"Section comment {n}." for n in range(6)], council=district, section=section
    )
    on_section += comments_make(
        consultation, ["Personal view."], section=section, response_type=ResponseType.PERSONAL
    )
    whole = comments_make(consultation, [f"Whole draft {n}." for n in range(5)])
    comments_tag(
        on_section[:6], user=analyst, add_themes=[themes["Small firms"]], stance="supports"
    )
    comments_tag(on_section[6:], user=analyst, add_themes=[themes["Small firms"]], stance="opposes")
    comments_tag(whole[:2], user=analyst, add_themes=[themes["Carbon"]], stance="mixed")
    return {"section": section, "district": district, "on_section": on_section, "whole": whole}


def table(consultation, slug, public=False):
    found = next(t for t in counts.tables(consultation) if t.slug == slug)
    return found.suppressed() if public else found


def test_counts_match_the_tags(consultation, tagged):
    label = f"1. {tagged['section']['heading']}"
    by_section = table(consultation, "section")
    assert by_section.cell("Small firms", label) == 7
    assert by_section.cell("Small firms", "The whole draft") == 0
    assert by_section.cell("Carbon", "The whole draft") == 2
    assert by_section.cell(counts.NO_THEME, "The whole draft") == 3
    assert by_section.cell(counts.ALL, label) == 7
    by_stance = table(consultation, "stance")
    assert by_stance.cell("Small firms", "Supports") == 6
    assert by_stance.cell("Small firms", "Opposes") == 1
    assert by_stance.cell("Carbon", "Mixed") == 2
    assert by_stance.cell(counts.NO_THEME, "Not given yet") == 3
    by_type = table(consultation, "respondent-type")
    assert by_type.cell("Small firms", "Personal view") == 1
    assert by_type.cell(counts.ALL, "Official response for your organisation") == 11
    by_council = table(consultation, "council-type")
    district_type = tagged["district"].council_type.name
    assert by_council.cell("Small firms", district_type) == 6
    assert by_council.cell(counts.ALL, counts.NOT_GIVEN) == 6
    by_region = table(consultation, "region")
    assert by_region.cell("Small firms", tagged["district"].region.name) == 6
    assert counts.sections_ranked(consultation) == [(label, 7), ("The whole draft", 5)]


def test_counts_for_publication_hide_groups_smaller_than_five(consultation, tagged):
    by_stance = table(consultation, "stance", public=True)
    assert by_stance.cell("Small firms", "Supports") == 6
    assert by_stance.cell("Small firms", "Opposes") is None  # 1
    assert by_stance.cell("Carbon", "Mixed") is None  # 2
    assert by_stance.cell("Carbon", "Supports") == 0
    report = report_build(consultation)
    carbon = next(t for t in report.themes if t.name == "Carbon")
    assert carbon.count is None
    assert carbon.count_text == "Fewer than 5 comments"
    small = next(t for t in report.themes if t.name == "Small firms")
    assert small.count == 7
    assert dict(small.stances) == {"Supports": 6, "Opposes": None, "Mixed": 0, "No view": 0}
    assert report.themes[0].name == "Small firms"  # the most comments first


def test_quotes_come_only_from_comments_whose_authors_consented(consultation, themes, analyst):
    silent = comments_make(consultation, [f"Silent {n}." for n in range(3)])
    named = comments_make(consultation, ["Named one."], consent_publish_name=True)
    by_org = comments_make(consultation, ["Organisation one."], consent_publish_organisation=True)
    hidden = comments_make(
        consultation, ["Hidden one."], consent_publish_name=True, status=CommentStatus.HIDDEN
    )
    comments_tag([*silent, *named, *by_org, *hidden], user=analyst, add_themes=[themes["Carbon"]])
    report = report_build(consultation)
    carbon = next(t for t in report.themes if t.name == "Carbon")
    assert [(q.text, q.attribution) for q in carbon.quotes] == [
        ("Named one.", named[0].name),
        ("Organisation one.", "Northmoor Schools Trust"),
    ]
    html = you_said_html(report)
    assert "Named one." in html and "Silent" not in html and "Hidden one." not in html


def test_at_most_three_quotes_and_one_per_campaign_group(consultation, themes, analyst):
    copies = comments_make(consultation, [CAMPAIGN] * 4, consent_publish_name=True)
    others = comments_make(
        consultation, [f"Own words {n}." for n in range(4)], consent_publish_name=True
    )
    (group,) = groups_suggest(consultation)
    group_confirm(group, analyst)
    comments_tag([*copies, *others], user=analyst, add_themes=[themes["Carbon"]])
    (carbon,) = [t for t in report_build(consultation).themes if t.name == "Carbon"]
    assert [q.text for q in carbon.quotes] == [CAMPAIGN, "Own words 0.", "Own words 1."]


def test_withdrawal_removes_a_comment_from_every_count_list_and_report(
    consultation, themes, analyst, clock, client
):
    from tests.consultations.follow_up import respond

    kept = [
        respond(consultation, f"Kept {n}.", email=f"k{n}@x.gov.uk", consent_publish_name=True)
        for n in range(5)
    ]
    gone = respond(consultation, "Quote me, then withdraw.", consent_publish_name=True)
    comments_tag([*kept, gone], user=analyst, add_themes=[themes["Carbon"]], stance="supports")
    (group_member,) = comments_make(consultation, [CAMPAIGN])
    before = report_build(consultation)
    assert next(t for t in before.themes if t.name == "Carbon").count == 6
    assert comment_withdraw(gone)

    assert counts.headline(consultation).comments == 6  # 5 kept and the campaign one
    assert table(consultation, "stance").cell("Carbon", "Supports") == 5
    assert table(consultation, "section").cell(counts.ALL, "The whole draft") == 6
    carbon = next(t for t in report_build(consultation).themes if t.name == "Carbon")
    assert carbon.count == 5
    assert all("withdraw" not in q.text.lower() for q in carbon.quotes)
    assert "withdraw" not in report_docx(report_build(consultation)).decode("latin-1").lower()
    assert gone.pk not in AnalysedComment.objects.analysable(consultation).values_list(
        "pk", flat=True
    )
    client.force_login(analyst)
    listing = client.get(f"/admin/consultations/{consultation.pk}/analysis/comments/")
    assert gone.reference not in listing.content.decode()
    assert group_member.reference in listing.content.decode()
    one = client.get(f"/admin/consultations/{consultation.pk}/analysis/comments/{gone.pk}/")
    assert one.status_code == 404
    export = client.get(f"/admin/consultations/{consultation.pk}/analysis/?export=csv")
    blocks = export.content.decode().split("\r\n\r\n")
    stance = next(b for b in blocks if b.startswith("Themes by stance"))
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(stance))}
    assert rows["Theme"][0] == "Supports"
    assert rows["Carbon"][0] == "5"
    assert groups_suggest(consultation) == []


def test_retention_stops_quotes_and_council_counts(consultation, themes, analyst, tagged):
    from consultations.models import Comment

    comments_make(consultation, ["Quotable."], consent_publish_name=True)
    comments_tag(
        AnalysedComment.objects.filter(text="Quotable."),
        user=analyst,
        add_themes=[themes["Carbon"]],
    )
    assert next(t for t in report_build(consultation).themes if t.name == "Carbon").quotes
    Comment.objects.filter(consultation=consultation).forget_respondents()
    assert not next(t for t in report_build(consultation).themes if t.name == "Carbon").quotes
    assert table(consultation, "council-type").cell(counts.ALL, counts.NOT_GIVEN) == 13


def test_the_docx_reads_back_with_the_counts_the_view_shows(consultation, tagged, client, analyst):
    client.force_login(analyst)
    response = client.get(f"/admin/consultations/{consultation.pk}/analysis/report/?format=docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    document = Document(io.BytesIO(response.content))
    text = [p.text for p in document.paragraphs]
    page = client.get(f"/admin/consultations/{consultation.pk}/analysis/").content.decode()
    headline = str(counts.headline(consultation))
    assert headline == "12 comments, none in a campaign group"
    assert headline in page
    assert f"{headline}." in text
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Small firms", "Carbon", "Social value"]
    assert text[text.index("Small firms") + 1] == "7 comments"
    assert text[text.index("Carbon") + 1] == "Fewer than 5 comments"
    stances = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows[1:]}
    public = table(consultation, "stance", public=True)
    assert stances == {
        label: counts.shown(public.cell("Small firms", label))
        for label in ("Supports", "Opposes", "Mixed", "No view")
    }
    assert stances == {"Supports": "6", "Opposes": "Fewer than 5", "Mixed": "0", "No view": "0"}
