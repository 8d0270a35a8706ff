"""Illustrative analysis of the open construction consultation (consultations/demo/analysis.toml).

Every comment is invented, from a fictional council, and flagged illustrative. Loading twice adds
nothing: each comment has a fixed submission id, and tags and groups are made once.
"""

import uuid

from django.utils import timezone

from consultations.analysis.grouping import groups_suggest
from consultations.analysis.models import CampaignGroup, Coding, ResponseTheme
from consultations.analysis.services import comments_tag, group_confirm, group_tag, theme_create
from consultations.models import Comment
from consultations.services import Respondent, comment_create
from consultations.verification import verify_mark
from hub.demo.kit import DemoContext, read_data


def _store(consultation, key: str, text: str, n: int, data, ctx, section: int | None, kind: str):
    """One invented comment through the service, from the n-th fictional respondent."""
    councils = ctx.shared["councils"]
    slug = data["councils"][n % len(data["councils"])]
    name = data["names"][n % len(data["names"])]
    sections = consultation.sections()
    comment, _ = comment_create(
        consultation=consultation,
        idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo-analysis:{consultation.slug}:{key}"),
        respondent=Respondent(
            name=name,
            email=f"{name.split()[0].lower()}.{n}@{slug}.example",
            council=councils[slug],
            organisation_other="",
            role=data["roles"][n % len(data["roles"])],
            response_type=kind,
            consent_publish_name=n % 3 == 0,
            consent_publish_organisation=n % 2 == 0,
        ),
        text=text,
        section_id=sections[section - 1]["id"] if section and section <= len(sections) else "",
        confirm_by_email=False,
    )
    if kind == "official":
        # As if the respondent followed the emailed link, as the other demo responses do.
        verify_mark(comment)
    return comment


def load_analysis(ctx: DemoContext, consultation) -> None:
    """Invented comments, six themes, their tags and two confirmed campaign groups."""
    if not consultation.is_open_at(timezone.now()):
        return
    data = read_data("consultations.demo", "analysis")
    existing = {t.name for t in ResponseTheme.objects.filter(consultation=consultation)}
    for name in data["themes"]:
        if name not in existing:
            theme_create(consultation, name, None)
    themes = {t.name: t for t in ResponseTheme.objects.filter(consultation=consultation)}
    details = data["details"]
    tagged = []
    for i, row in enumerate(data["individual"]):
        for k in (0, 1):
            detail = details[(i * 7 + 3 + 11 * k) % len(details)]
            n = 2 * i + k
            kind = "official" if n % 4 else "personal"
            comment = _store(
                consultation,
                f"{i}:{k}",
                f"{row['point']} {detail}",
                n,
                data,
                ctx,
                row.get("section"),
                kind,
            )
            tagged.append((comment, row))
    campaign_of: dict[int, int] = {}
    for c, row in enumerate(data["campaigns"]):
        changes = row["changes"]
        for copy in range(row["copies"]):
            text = row["text"]
            if copy:
                old, new = changes[(copy - 1) % len(changes)]
                text = text.replace(old, new)
            if copy > len(changes):
                old, new = changes[copy % len(changes)]
                text = text.replace(old, new)
            comment = _store(
                consultation,
                f"campaign{c}:{copy}",
                text,
                5 * copy + c,
                data,
                ctx,
                row.get("section"),
                row["response_type"],
            )
            campaign_of[comment.pk] = c
    # Everything on this demo consultation is invented, the first sample comments too.
    Comment.objects.filter(consultation=consultation).update(is_illustrative=True)
    if Coding.objects.filter(comment__consultation=consultation).exists():
        return
    for comment, row in tagged:
        comments_tag(
            [comment],
            user=None,
            set_themes=[themes[t] for t in row["themes"]],
            stance=row["stance"],
        )
    groups_suggest(consultation)
    for group in CampaignGroup.objects.filter(consultation=consultation):
        members = set(group.members.values_list("comment_id", flat=True))
        campaigns = {campaign_of.get(pk) for pk in members}
        if len(campaigns) != 1 or None in campaigns:
            group.delete()  # only the two campaigns are confirmed
            continue
        row = data["campaigns"][campaigns.pop()]
        group_confirm(group, None)
        group_tag(
            group, user=None, add_themes=[themes[t] for t in row["themes"]], stance=row["stance"]
        )
