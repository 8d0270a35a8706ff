"""Demo consultations: the two spring 2017 category-strategy consultations and an open one.

The content is in consultations.toml beside this file. Each consultation finds its draft among
the category strategies the strategy demo loads, by path.
"""

import uuid
from datetime import timedelta

from django.utils import timezone

from consultations.analysis.demo import load_analysis
from consultations.models import ConsultationPage
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


def sample_comments(ctx: DemoContext, consultation: ConsultationPage, rows: list[dict]) -> None:
    """A few comments from fictional councils, stored through the service like any other."""
    if not consultation.is_open_at(timezone.now()):
        return
    councils = ctx.shared["councils"]
    sections = consultation.sections()
    for row in rows:
        slug, name = row["council"], row["name"]
        number = row.get("section")
        comment, _ = comment_create(
            consultation=consultation,
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo:{consultation.slug}:{slug}"),
            respondent=Respondent(
                name=name,
                email=f"{name.split()[0].lower()}@{slug}.example",
                council=councils[slug],
                organisation_other="",
                role=row["role"],
                response_type=row["response_type"],
                consent_publish_organisation=True,
            ),
            text=row["text"],
            section_id=sections[number - 1]["id"] if number and sections else "",
            confirm_by_email=False,
        )
        # Nobody opens a demo mailbox: an official response from a fictional council's own
        # .example domain is marked verified as its emailed link would.
        verify_mark(comment)


def load(ctx: DemoContext) -> None:
    """The consultation listing, three consultations and sample comments on the open one."""
    data = read_data(__name__, "consultations")
    pages = load_pages(ctx, data["pages"], prepare=dated(data["how_responses_used"]))
    open_one = pages["/consultations/construction-category-strategy-2026/"]
    sample_comments(ctx, open_one, data["comments"])
    load_analysis(ctx, open_one)
