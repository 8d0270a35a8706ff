"""Admin reports on pages: what readers said of them, and which are past their review date."""

import django_filters

from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import (
    Column,
    DateColumn,
    LiveStatusTagColumn,
    NumberColumn,
    TitleColumn,
)
from wagtail.admin.views.reports import PageReportView, ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from hub.exports import SafeCSVMixin
from hub.guidance import pages_past_review
from hub.models import PageFeedback, Team


class PageFeedbackCountsFilterSet(WagtailFilterSet):
    """Count only the answers received in a date range."""

    received = django_filters.DateFromToRangeFilter(
        label="Received", field_name="feedback__received_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = Page
        fields: list[str] = []

    def filter_queryset(self, queryset):
        # The range narrows the counts themselves, not just which pages are listed.
        return queryset


class ReportExportMixin(SafeCSVMixin):
    """A report's export headed like its table: each column's label, else export_headings."""

    def get_heading(self, queryset, field):
        labels = {column.name: column.label for column in self.columns}
        return labels.get(field) or super().get_heading(queryset, field)


def feedback_listing_url(page) -> str:
    """The answers and comments about one page, in the page feedback listing."""
    return reverse("page_feedback:index") + f"?page={page.pk}"


class PageFeedbackCountsView(ReportExportMixin, ReportView):
    """Per page: how many readers said yes, no, and wrote what went wrong; exports as CSV."""

    page_title = "Page feedback"
    header_icon = "help"
    index_url_name = "page_feedback_counts"
    index_results_url_name = "page_feedback_counts_results"
    permission_policy = ModelPermissionPolicy(PageFeedback)
    any_permission_required = ["view", "delete"]
    filterset_class = PageFeedbackCountsFilterSet
    columns = [
        TitleColumn("title", label="Page", get_url=feedback_listing_url),
        Column("url", label="Address"),
        NumberColumn("yes", label="Useful"),
        NumberColumn("no", label="Not useful"),
        NumberColumn("comments", label="Said what went wrong"),
    ]
    list_export = ["title", "url", "yes", "no", "comments"]

    def get_filename(self):
        return f"page-feedback-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        answers = Q()
        form = self.filters.form if self.filters else None
        if form is not None and form.is_valid() and form.cleaned_data.get("received"):
            span = form.cleaned_data["received"]
            if span.start:
                answers &= Q(feedback__received_at__gte=span.start)
            if span.stop:
                answers &= Q(feedback__received_at__lte=span.stop)
        return (
            Page.objects.filter(pk__in=PageFeedback.objects.values("page"))
            .annotate(
                yes=Count("feedback", filter=answers & Q(feedback__useful=True)),
                no=Count("feedback", filter=answers & Q(feedback__useful=False)),
                comments=Count("feedback", filter=answers & ~Q(feedback__text="")),
            )
            .order_by("-no", "title")
        )


class PageFeedbackFilterSet(WagtailFilterSet):
    """Answers about one page, yes or no, in a date range."""

    page = django_filters.ModelChoiceFilter(
        label="Page",
        empty_label="Any page",
        queryset=lambda request: Page.objects.filter(
            pk__in=PageFeedback.objects.values("page")
        ).order_by("title"),
    )
    useful = django_filters.BooleanFilter(label="Useful")
    with_text = django_filters.BooleanFilter(
        label="Said what went wrong", method="filter_with_text"
    )
    received_at = django_filters.DateFromToRangeFilter(
        label="Received", widget=DateRangePickerWidget
    )

    class Meta:
        model = PageFeedback
        fields = ["page", "useful", "received_at"]

    def filter_with_text(self, queryset, name, value):
        return queryset.with_text() if value else queryset.filter(text="")


class PagesPastReviewView(ReportExportMixin, PageReportView):
    """Guidance pages whose review date has passed, the longest overdue first, with owners."""

    page_title = "Pages past review"
    header_icon = "date"
    index_url_name = "pages_past_review"
    index_results_url_name = "pages_past_review_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    columns = [
        TitleColumn("title", label="Page", url_name="wagtailadmin_pages:edit"),
        DateColumn("review_by", label="Review by"),
        Column("team_name", label="Owner"),
        LiveStatusTagColumn(),
    ]
    list_export = ["title", "url", "review_by", "team_name", "live"]
    export_headings = {"url": "Address", "live": "Published"}

    def get_filename(self):
        return f"pages-past-review-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return pages_past_review().annotate(
            team_name=Subquery(Team.objects.filter(pk=OuterRef("team_id")).values("name")[:1])
        )
