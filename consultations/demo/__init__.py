"""Demo consultations: the two spring 2017 category-strategy consultations and an open one.

The content is in consultations.toml beside this file. Each consultation finds its draft among
the category strategies the strategy demo loads, by path. The open one has sample comments and
an illustrative analysis (analysis.toml): every comment there is invented, from a fictional
council, and flagged illustrative. Loading twice adds nothing: each comment has a fixed
submission id, and tags and groups are made once.
"""

import uuid
from datetime import timedelta

from django.utils import timezone

from consultations.analysis.grouping import groups_suggest
from consultations.analysis.models import CampaignGroup, Coding, ResponseTheme
from consultations.analysis.services import comments_tag, group_confirm, group_tag, theme_create
from consultations.models import Comment, ConsultationPage
from consultations.services import Respondent, comment_create
from consultations.times import next_working_day, to_london
from consultations.verification import verify_mark
from hub.demo.kit import DemoContext, load_pages, read_data


def dated(how_responses_used: str):
    """Completes a consultation row: shared text, and dates counted from the day of loading.

    The closing date moves on to the next working day in England and Wales when needed.
    """
    today = to_london(timezone.now()).date()

    def prepare(row: dict) -> dict:
        row = dict(row)
        if row["model"] != "consultations.ConsultationPage":
            return row
        row.setdefault("how_responses_used", how_responses_used)
        if "opens_days_from_load" in row:
            row["opening_date"] = today + timedelta(days=row.pop("opens_days_from_load"))
            # Never close on a weekend or bank holiday: people expect to respond on working days.
            closes = today + timedelta(days=row.pop("closes_days_from_load"))
            row["closing_date"] = next_working_day(closes)
        return row

    return prepare


def demo_comment(ctx, consultation, key: str, text: str, *, council: str, section, **respondent):
    """One invented comment from a fictional council, stored through the service like any other."""
    sections = consultation.sections()
    comment, _ = comment_create(
        consultation=consultation,
        idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, key),
        respondent=Respondent(
            council=ctx.shared["councils"][council], organisation_other="", **respondent
        ),
        text=text,
        section_id=sections[section - 1]["id"] if section and section <= len(sections) else "",
        confirm_by_email=False,
    )
    # Nobody opens a demo mailbox: an official response from a fictional council's own
    # .example domain is marked verified as its emailed link would.
    verify_mark(comment)
    return comment


def sample_comments(ctx: DemoContext, consultation: ConsultationPage, rows: list[dict]) -> None:
    """A few comments from fictional councils."""
    for row in rows:
        slug, name = row["council"], row["name"]
        demo_comment(
            ctx,
            consultation,
            f"demo:{consultation.slug}:{slug}",
            row["text"],
            council=slug,
            section=row.get("section"),
            name=name,
            email=f"{name.split()[0].lower()}@{slug}.example",
            role=row["role"],
            response_type=row["response_type"],
            consent_publish_organisation=True,
        )


def _analysis_comment(ctx, consultation, data, key: str, text: str, n: int, row: dict, kind: str):
    """The analysis's invented comment from its n-th fictional respondent."""
    slug = data["councils"][n % len(data["councils"])]
    name = data["names"][n % len(data["names"])]
    return demo_comment(
        ctx,
        consultation,
        f"demo-analysis:{consultation.slug}:{key}",
        text,
        council=slug,
        section=row.get("section"),
        name=name,
        email=f"{name.split()[0].lower()}.{n}@{slug}.example",
        role=data["roles"][n % len(data["roles"])],
        response_type=kind,
        consent_publish_name=n % 3 == 0,
        consent_publish_organisation=n % 2 == 0,
    )


def load_analysis(ctx: DemoContext, consultation) -> None:
    """Invented comments, six themes, their tags and two confirmed campaign groups."""
    data = read_data(__name__, "analysis")
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
            comment = _analysis_comment(
                ctx, consultation, data, f"{i}:{k}", f"{row['point']} {detail}", n, row, kind
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
            n = 5 * copy + c
            comment = _analysis_comment(
                ctx, consultation, data, f"campaign{c}:{copy}", text, n, row, row["response_type"]
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


def load(ctx: DemoContext) -> None:
    """The consultation listing, three consultations, and comments and analysis on the open one."""
    data = read_data(__name__, "consultations")
    pages = load_pages(ctx, data["pages"], prepare=dated(data["how_responses_used"]))
    open_one = pages["/consultations/construction-category-strategy-2026/"]
    # Comments can only be made while it is open.
    if open_one.is_open_at(timezone.now()):
        sample_comments(ctx, open_one, data["comments"])
        load_analysis(ctx, open_one)
