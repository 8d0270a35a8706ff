"""Writes with rules: themes made, renamed and merged (logged); comments and groups tagged."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from consultations.analysis.models import (
    AnalysedComment,
    CampaignGroup,
    CampaignMember,
    Coding,
    ResponseTheme,
)


CREATE_THEME = "consultations.theme_create"
RENAME_THEME = "consultations.theme_rename"
MERGE_THEMES = "consultations.theme_merge"
TAG_COMMENTS = "consultations.tag_comments"
CONFIRM_GROUP = "consultations.campaign_confirm"

ACTIONS = {
    CREATE_THEME: ("Create theme", "Created a theme for analysing responses"),
    RENAME_THEME: ("Rename theme", "Renamed a theme"),
    MERGE_THEMES: ("Merge themes", "Merged themes"),
    TAG_COMMENTS: ("Tag comments", "Tagged comments with themes and a stance"),
    CONFIRM_GROUP: ("Confirm campaign group", "Confirmed a campaign group"),
}


def _name_free(consultation, name: str, exclude=None) -> None:
    taken = ResponseTheme.objects.filter(consultation=consultation, name__iexact=name)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ValidationError({"name": f"There is already a theme called “{name}”."})


def theme_create(consultation, name: str, user) -> ResponseTheme:
    """A new theme; names are unique within the consultation, whatever their case."""
    with transaction.atomic():
        _name_free(consultation, name)
        theme = ResponseTheme.objects.create(consultation=consultation, name=name)
        log(instance=consultation, action=CREATE_THEME, user=user, data={"theme": name})
    return theme


def theme_rename(theme: ResponseTheme, name: str, user) -> ResponseTheme:
    """Rename a theme; its tags stay."""
    old = theme.name
    with transaction.atomic():
        _name_free(theme.consultation, name, exclude=theme)
        theme.name = name
        theme.save(update_fields=["name"])
        log(
            instance=theme.consultation,
            action=RENAME_THEME,
            user=user,
            data={"from": old, "to": name},
        )
    return theme


def theme_merge(sources: Iterable[ResponseTheme], target: ResponseTheme, user) -> int:
    """Fold the source themes into the target: their comments keep a tag, on the target.

    Returns how many comments gained the target theme.
    """
    sources = [s for s in sources if s.pk != target.pk]
    if any(s.consultation_id != target.consultation_id for s in sources):
        raise ValidationError("Themes can only be merged within one consultation.")
    if not sources:
        raise ValidationError("Choose at least one other theme to merge into this one.")
    through = Coding.themes.through
    with transaction.atomic():
        tagged = set(
            through.objects.filter(responsetheme__in=sources).values_list("coding_id", flat=True)
        )
        already = set(
            through.objects.filter(responsetheme=target, coding_id__in=tagged).values_list(
                "coding_id", flat=True
            )
        )
        through.objects.bulk_create(
            through(coding_id=coding_id, responsetheme=target) for coding_id in tagged - already
        )
        names = [s.name for s in sources]
        ResponseTheme.objects.filter(pk__in=[s.pk for s in sources]).delete()
        log(
            instance=target.consultation,
            action=MERGE_THEMES,
            user=user,
            data={"merged": names, "into": target.name, "comments": len(tagged)},
        )
    return len(tagged - already)


def comments_tag(
    comments: Iterable[AnalysedComment],
    *,
    user,
    add_themes: Iterable[ResponseTheme] = (),
    set_themes: Iterable[ResponseTheme] | None = None,
    stance: str | None = None,
) -> int:
    """Tag comments: add themes (bulk), or set exactly these themes (one comment), and a stance.

    A stance of None leaves each comment's stance as it is. Records who tagged and when.
    """
    comments = list(comments)
    add_themes = list(add_themes)
    if not comments:
        return 0
    themes = [*add_themes, *(set_themes or [])]
    consultation_ids = {c.consultation_id for c in comments}
    if len(consultation_ids) != 1 or any(t.consultation_id not in consultation_ids for t in themes):
        raise ValidationError("Tag comments only with their own consultation's themes.")
    now = timezone.now()
    pks = [c.pk for c in comments]
    through = Coding.themes.through
    # Only who and when change on a comment already tagged, and its stance if one is given.
    changed = ["tagged_by", "tagged_at"] if stance is None else ["tagged_by", "tagged_at", "stance"]
    with transaction.atomic():
        Coding.objects.bulk_create(
            [
                Coding(comment_id=pk, tagged_by=user, tagged_at=now, stance=stance or "")
                for pk in pks
            ],
            update_conflicts=True,
            unique_fields=["comment"],
            update_fields=changed,
        )
        if set_themes is not None:
            through.objects.filter(coding_id__in=pks).exclude(
                responsetheme__in=list(set_themes)
            ).delete()
        through.objects.bulk_create(
            [through(coding_id=pk, responsetheme_id=t.pk) for pk in pks for t in themes],
            ignore_conflicts=True,
        )
        log(
            instance=comments[0].consultation,
            action=TAG_COMMENTS,
            user=user,
            data={
                "comments": len(pks),
                "themes": sorted(t.name for t in themes),
                "stance": stance,
            },
        )
    return len(pks)


def group_confirm(group: CampaignGroup, user) -> CampaignGroup:
    """A person agrees the members are copies of one campaign."""
    with transaction.atomic():
        group.confirmed_by = user
        group.confirmed_at = timezone.now()
        group.save(update_fields=["confirmed_by", "confirmed_at"])
        log(
            instance=group.consultation,
            action=CONFIRM_GROUP,
            user=user,
            data={"group": group.pk, "comments": group.members.count()},
        )
    return group


def group_remove_member(group: CampaignGroup, comment_id: int) -> None:
    """Take one comment out of a group; a group left with one comment is no group."""
    with transaction.atomic():
        CampaignMember.objects.filter(group=group, comment_id=comment_id).delete()
        if group.members.count() < 2:
            group.delete()


def group_dismiss(group: CampaignGroup) -> None:
    """Drop a suggestion that is not a campaign."""
    group.delete()


def group_tag(group: CampaignGroup, *, user, add_themes, stance: str | None) -> int:
    """Tag every member of a confirmed group as one."""
    if group.confirmed_at is None:
        raise ValidationError("Confirm the group before tagging it.")
    members = AnalysedComment.objects.analysable(group.consultation).filter(
        campaign_member__group=group
    )
    return comments_tag(members, user=user, add_themes=add_themes, stance=stance)
