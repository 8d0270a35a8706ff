"""The draft summary report: per theme, the count, the stance split and up to three quotes.

It is written to be published, so every count below the self-assessment's threshold is hidden,
and quotes come only from comments whose authors agreed to publication.
"""

import io
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.template.defaultfilters import pluralize
from django.utils.html import escape

from consultations.analysis.counts import SUPPRESSED, headline, shown, suppress
from consultations.analysis.models import AnalysedComment, Coding, ResponseTheme, Stance
from progress.stats import MIN_GROUP


MAX_QUOTES = 3
# Long comments are cut to this many characters in a quote, at a word.
QUOTE_LENGTH = 400


@dataclass
class Quote:
    text: str
    attribution: str


@dataclass
class ThemeSummary:
    name: str
    count: int | None  # None when suppressed
    stances: list[tuple[str, int | None]]
    quotes: list[Quote]
    total: int  # the exact count, for ordering only

    @property
    def count_text(self) -> str:
        if self.count is None:
            return f"{SUPPRESSED} comments"
        return f"{self.count} comment{pluralize(self.count)}"


@dataclass
class Report:
    consultation_title: str
    headline: str
    themes: list[ThemeSummary]


def _cut(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= QUOTE_LENGTH:
        return text
    return text[:QUOTE_LENGTH].rsplit(" ", 1)[0] + " …"


def _attribution(comment: AnalysedComment) -> str:
    parts = []
    if comment.consent_publish_name and comment.name:
        parts.append(comment.name)
    if comment.consent_publish_organisation and comment.organisation:
        parts.append(comment.organisation)
    who = ", ".join(parts) or "A respondent"
    # Invented demo comments say so wherever they are offered.
    return f"{who} (illustrative)" if comment.is_illustrative else who


def _quotes(consultation) -> dict[int, list[Quote]]:
    """Up to MAX_QUOTES per theme, oldest first, one per campaign group at most."""
    through = Coding.themes.through
    quotable = AnalysedComment.objects.analysable(consultation).quotable()
    pairs = (
        through.objects.filter(coding__comment__in=quotable)
        .order_by("coding__comment__received_at", "coding_id")
        .values_list("responsetheme_id", "coding_id", "coding__comment__campaign_member__group_id")
    )
    chosen: dict[int, list[int]] = defaultdict(list)
    groups_used: dict[int, set] = defaultdict(set)
    for theme_id, comment_id, group_id in pairs:
        if len(chosen[theme_id]) < MAX_QUOTES and group_id not in groups_used[theme_id]:
            chosen[theme_id].append(comment_id)
            if group_id is not None:
                groups_used[theme_id].add(group_id)
    wanted = {pk for pks in chosen.values() for pk in pks}
    comments = AnalysedComment.objects.filter(pk__in=wanted).select_related("council").in_bulk()
    return {
        theme_id: [Quote(_cut(comments[pk].text), _attribution(comments[pk])) for pk in pks]
        for theme_id, pks in chosen.items()
    }


def report_build(consultation) -> Report:
    """The report's content, from the same counts as the analysis view, small groups hidden."""
    split: dict[int, dict[str, int]] = defaultdict(dict)
    for theme_id, stance, n in (
        AnalysedComment.objects.analysable(consultation)
        .filter(coding__themes__isnull=False)
        .values_list("coding__themes", "coding__stance")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    ):
        split[theme_id][stance] = n
    quotes = _quotes(consultation)
    summaries = []
    for theme in ResponseTheme.objects.filter(consultation=consultation):
        by_stance = split[theme.pk]
        total = sum(by_stance.values())
        stances = [(label, suppress(by_stance.get(value, 0))) for value, label in Stance.choices]
        quoted = quotes.get(theme.pk, [])
        summaries.append(ThemeSummary(theme.name, suppress(total), stances, quoted, total))
    summaries.sort(key=lambda s: (-s.total, s.name))
    return Report(consultation.title, str(headline(consultation)), summaries)


def you_said_html(report: Report) -> str:
    """The report as rich text for the outcome's "You said", a starting point to edit."""
    parts = [f"<p>{escape(report.headline)}.</p>"]
    for theme in report.themes:
        stances = "; ".join(f"{label.lower()}: {shown(n)}" for label, n in theme.stances)
        parts.append(f"<h3>{escape(theme.name)}</h3>")
        parts.append(f"<p>{escape(theme.count_text)} ({escape(stances)}).</p>")
        for quote in theme.quotes:
            parts.append(f"<p>“{escape(quote.text)}” ({escape(quote.attribution)})</p>")
    return "".join(parts)


def report_docx(report: Report) -> bytes:
    """The report as a Word document (python-docx)."""
    from docx import Document

    document = Document()
    document.core_properties.title = f"Draft summary report: {report.consultation_title}"
    document.add_heading(f"Draft summary report: {report.consultation_title}", level=1)
    document.add_paragraph(f"{report.headline}.")
    document.add_paragraph(
        f"Counts of fewer than {MIN_GROUP} comments are not shown. Quotes come only from "
        "respondents who agreed to publication."
    )
    for theme in report.themes:
        document.add_heading(theme.name, level=2)
        document.add_paragraph(theme.count_text)
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text = "Stance"
        table.rows[0].cells[1].text = "Comments"
        for label, n in theme.stances:
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = shown(n)
        for quote in theme.quotes:
            document.add_paragraph(f"“{quote.text}” ({quote.attribution})", style="Quote")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
