"""The "Analyse responses" workspace in the admin, one consultation at a time."""

import csv
import io

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from wagtail.admin import messages
from wagtail.admin.auth import permission_required
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from consultations.analysis import counts
from consultations.analysis.forms import (
    KEEP,
    BulkTagForm,
    FilterForm,
    GroupTagForm,
    MergeForm,
    TagForm,
    ThemeForm,
)
from consultations.analysis.grouping import groups_suggest
from consultations.analysis.models import AnalysedComment, CampaignGroup, ResponseTheme
from consultations.analysis.report import report_build, report_docx, you_said_html
from consultations.analysis.services import (
    CREATE_THEME,
    MERGE_THEMES,
    RENAME_THEME,
    comments_tag,
    group_confirm,
    group_dismiss,
    group_remove_member,
    group_tag,
    theme_create,
    theme_merge,
    theme_rename,
)
from consultations.models import ConsultationPage
from consultations.respondent_data.audit import EXPORT_RESPONSES, VIEW_RESPONSES
from hub.exports import spreadsheet_safe


ANALYSE_PERMISSION = "consultations.analyse_responses"
PER_PAGE = 25
GROUPS_PER_PAGE = 10


def can_analyse(user) -> bool:
    return user.has_perm(ANALYSE_PERMISSION)


def _private(response):
    add_never_cache_headers(response)
    return response


def _render(request, template, consultation, title, status=200, **context):
    return _private(
        TemplateResponse(
            request,
            f"consultations/admin/analysis/{template}.html",
            {
                "page_title": title,
                "page_subtitle": consultation.title,
                "header_icon": "tag",
                "consultation": consultation,
                "analysis_tab": template,
                **context,
            },
            status=status,
        )
    )


def _log(action, request, consultation, shown: int, **data):
    """One audit entry on the consultation, as the comment listing writes, even for none shown."""
    log(instance=consultation, action=action, user=request.user, data={**data, "comments": shown})


def _log_view(request, consultation, shown: int, **data):
    _log(VIEW_RESPONSES, request, consultation, shown, **data)


def _consultation(page_id):
    return get_object_or_404(ConsultationPage, pk=page_id)


def _page(request, items, per_page):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


@permission_required(ANALYSE_PERMISSION)
def index_view(request):
    """Every consultation with responses, to choose one to analyse."""
    from django.db.models import Count

    consultations = (
        ConsultationPage.objects.annotate(responses=Count("comments"))
        .filter(responses__gt=0)
        .order_by("-closes_at")
        .only("pk", "title", "closes_at")
    )
    return _private(
        TemplateResponse(
            request,
            "consultations/admin/analysis/choose.html",
            {
                "page_title": "Analyse responses",
                "header_icon": "tag",
                "consultations": _page(request, consultations, PER_PAGE),
            },
        )
    )


@permission_required(ANALYSE_PERMISSION)
def overview_view(request, page_id):
    """The counts, tables and sections ranked; CSV and XLSX of the tables."""
    consultation = _consultation(page_id)
    public = request.GET.get("public") == "1"
    tables = counts.tables(consultation)
    if public:
        tables = [t.suppressed() for t in tables]
    headline = counts.headline(consultation)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        _log(
            EXPORT_RESPONSES, request, consultation, headline.comments, format=f"analysis {export}"
        )
        return _private(_tables_export(consultation, tables, export, public))
    _log_view(request, consultation, headline.comments, view="analysis")
    return _render(
        request,
        "overview",
        consultation,
        "Analyse responses",
        headline=headline,
        tables=tables,
        public=public,
        sections=counts.sections_ranked(consultation),
        suppressed=counts.SUPPRESSED,
    )


def _tables_export(consultation, tables, fmt, public):
    """Every table, one after another in a CSV, or one sheet each in a workbook."""
    name = f"analysis-{consultation.slug}" + ("-for-publication" if public else "")
    rows_of = {
        t.slug: [
            [t.title],
            ["Theme", *t.columns],
            *(
                [label, *(counts.shown(v) if public else v for v in values)]
                for label, values in t.rows
            ),
        ]
        for t in tables
    }
    if fmt == "csv":
        output = io.StringIO()
        writer = csv.writer(output)
        for rows in rows_of.values():
            writer.writerows([[spreadsheet_safe(cell) for cell in row] for row in rows])
            writer.writerow([])
        response = HttpResponse(output.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for table in tables:
        sheet = workbook.create_sheet(title=table.title[:31])
        for row in rows_of[table.slug]:
            sheet.append([spreadsheet_safe(cell) for cell in row])
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@permission_required(ANALYSE_PERMISSION)
def themes_view(request, page_id):
    """Themes with how many comments each has; create, rename and merge; their log."""
    from django.db.models import Count

    consultation = _consultation(page_id)
    form = ThemeForm(request.POST or None, prefix="new")
    merge = MergeForm(consultation=consultation, prefix="merge")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                theme = theme_create(consultation, form.cleaned_data["name"], request.user)
            except ValidationError as error:
                form.add_error("name", error.message_dict["name"])
            else:
                messages.success(request, f"Theme “{theme.name}” created.")
                return redirect("consultations_analysis_themes", consultation.pk)
        status = 400
    themes = ResponseTheme.objects.filter(consultation=consultation).annotate(
        comments=Count("codings")
    )
    log = PageLogEntry.objects.filter(
        page=consultation, action__in=[CREATE_THEME, RENAME_THEME, MERGE_THEMES]
    ).select_related("user")[:20]
    return _render(
        request,
        "themes",
        consultation,
        "Themes",
        status=status,
        form=form,
        merge=merge,
        themes=themes,
        log=log,
    )


@permission_required(ANALYSE_PERMISSION)
def theme_rename_view(request, page_id, theme_id):
    consultation = _consultation(page_id)
    theme = get_object_or_404(ResponseTheme, consultation=consultation, pk=theme_id)
    form = ThemeForm(request.POST or None, initial={"name": theme.name})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            old = theme.name
            try:
                theme_rename(theme, form.cleaned_data["name"], request.user)
            except ValidationError as error:
                form.add_error("name", error.message_dict["name"])
            else:
                messages.success(request, f"Theme “{old}” renamed “{theme.name}”.")
                return redirect("consultations_analysis_themes", consultation.pk)
        status = 400
    return _render(
        request, "rename", consultation, f"Rename “{theme.name}”", status, form=form, theme=theme
    )


@permission_required(ANALYSE_PERMISSION)
def theme_merge_view(request, page_id):
    consultation = _consultation(page_id)
    merge = MergeForm(request.POST or None, consultation=consultation, prefix="merge")
    if request.method == "POST" and merge.is_valid():
        target = merge.cleaned_data["target"]
        sources = merge.cleaned_data["sources"]
        theme_merge(sources, target, request.user)
        names = ", ".join(f"“{s.name}”" for s in sources if s.pk != target.pk)
        messages.success(request, f"Merged {names} into “{target.name}”. Their tags are kept.")
        return redirect("consultations_analysis_themes", consultation.pk)
    return _render(
        request,
        "merge",
        consultation,
        "Merge themes",
        status=400 if merge.is_bound else 200,
        merge=merge,
    )


def _filtered(request, consultation):
    """The filter form and the comments it selects; invalid filters select nothing."""
    filters = FilterForm(request.GET or None, consultation=consultation)
    comments = AnalysedComment.objects.analysable(consultation)
    if filters.is_bound and not filters.is_valid():
        return filters, comments.none()
    if filters.is_bound:
        comments = filters.apply(comments)
    return filters, comments


@permission_required(ANALYSE_PERMISSION)
def comments_view(request, page_id):
    """The filtered comment list, 25 a page, with a bulk tagging form over the page shown."""
    consultation = _consultation(page_id)
    filters, comments = _filtered(request, consultation)
    page = _page(request, comments.for_listing().in_order(), PER_PAGE)
    ids = [c.pk for c in page.object_list]
    bulk = BulkTagForm(request.POST or None, consultation=consultation, comment_ids=ids)
    status = 400 if filters.errors else 200
    if request.method == "POST":
        if bulk.is_valid():
            chosen = [c for c in page.object_list if c.pk in set(bulk.cleaned_data["comments"])]
            stance = bulk.cleaned_data["stance"]
            n = comments_tag(
                chosen,
                user=request.user,
                add_themes=bulk.cleaned_data["add_themes"],
                stance=None if stance == KEEP else stance,
            )
            messages.success(request, f"Tagged {n} comment" + ("" if n == 1 else "s") + ".")
            return redirect(request.get_full_path())
        status = 400
    _log_view(request, consultation, len(ids), view="analysis list")
    query = filters.query_string() if filters.is_bound and filters.is_valid() else ""
    return _render(
        request,
        "comments",
        consultation,
        "Tag comments",
        status=status,
        filters=filters,
        page=page,
        bulk=bulk,
        query=query,
        total=page.paginator.count,
    )


@permission_required(ANALYSE_PERMISSION)
def comment_view(request, page_id, comment_id):
    """One comment to tag, with next and previous within the same filters."""
    consultation = _consultation(page_id)
    filters, comments = _filtered(request, consultation)
    comment = get_object_or_404(
        AnalysedComment.objects.analysable(consultation).for_listing(), pk=comment_id
    )
    coding = getattr(comment, "coding", None)
    initial = {
        "themes": list(coding.themes.all()) if coding else [],
        "stance": coding.stance if coding else "",
    }
    form = TagForm(request.POST or None, consultation=consultation, initial=initial)
    query = filters.query_string() if filters.is_bound and filters.is_valid() else ""
    after = comments.in_order().after(comment).values_list("pk", flat=True).first()
    before = comments.before(comment).values_list("pk", flat=True).first()
    status = 200
    if request.method == "POST":
        if form.is_valid():
            comments_tag(
                [comment],
                user=request.user,
                set_themes=form.cleaned_data["themes"],
                stance=form.cleaned_data["stance"],
            )
            messages.success(request, f"Tagged {comment.reference}.")
            go = after if request.POST.get("then") == "next" and after else comment.pk
            url = reverse("consultations_analysis_comment", args=[consultation.pk, go])
            return redirect(url + (f"?{query}" if query else ""))
        status = 400
    _log_view(request, consultation, 1, reference=comment.reference)
    position = comments.in_order().before(comment).count() + 1
    return _render(
        request,
        "comment",
        consultation,
        f"Tag {comment.reference}",
        status=status,
        comment=comment,
        form=form,
        query=query,
        after=after,
        before=before,
        position=position,
        total=comments.count(),
    )


@permission_required(ANALYSE_PERMISSION)
def groups_view(request, page_id):
    """Campaign groups, confirmed and suggested; POST finds fresh suggestions."""
    consultation = _consultation(page_id)
    if request.method == "POST":
        found = groups_suggest(consultation)
        messages.success(
            request,
            f"Found {len(found)} possible campaign group" + ("" if len(found) == 1 else "s") + ".",
        )
        return redirect("consultations_analysis_groups", consultation.pk)
    page = _page(request, counts.campaign_groups(consultation), GROUPS_PER_PAGE)
    return _render(
        request,
        "groups",
        consultation,
        "Campaign groups",
        page=page,
        headline=counts.headline(consultation),
    )


@permission_required(ANALYSE_PERMISSION)
def group_view(request, page_id, group_id):
    """One group's members; confirm, dismiss, take a member out, or tag them all."""
    consultation = _consultation(page_id)
    group = get_object_or_404(CampaignGroup, consultation=consultation, pk=group_id)
    form = GroupTagForm(request.POST or None, consultation=consultation)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        back = redirect("consultations_analysis_group", consultation.pk, group.pk)
        if action == "confirm":
            group_confirm(group, request.user)
            messages.success(request, "Group confirmed.")
            return back
        if action == "dismiss":
            group_dismiss(group)
            messages.success(request, "Suggestion dismissed.")
            return redirect("consultations_analysis_groups", consultation.pk)
        if action == "remove":
            group_remove_member(group, int(request.POST.get("comment", 0) or 0))
            messages.success(request, "Comment taken out of the group.")
            if not CampaignGroup.objects.filter(pk=group.pk).exists():
                return redirect("consultations_analysis_groups", consultation.pk)
            return back
        if action == "tag" and group.confirmed_at and form.is_valid():
            stance = form.cleaned_data["stance"]
            n = group_tag(
                group,
                user=request.user,
                add_themes=form.cleaned_data["add_themes"],
                stance=None if stance == KEEP else stance,
            )
            messages.success(request, f"Tagged the group's {n} comments.")
            return back
        status = 400
    members = _page(
        request,
        AnalysedComment.objects.analysable(consultation)
        .filter(campaign_member__group=group)
        .for_listing()
        .in_order(),
        PER_PAGE,
    )
    _log_view(request, consultation, len(members.object_list), view="campaign group")
    return _render(
        request,
        "group",
        consultation,
        f"Campaign group {group.pk}",
        status=status,
        group=group,
        members=members,
        form=form,
    )


@permission_required(ANALYSE_PERMISSION)
def report_view(request, page_id):
    """The draft summary report: to read, print, download as DOCX or copy into "You said"."""
    consultation = _consultation(page_id)
    report = report_build(consultation)
    shown_quotes = sum(len(t.quotes) for t in report.themes)
    if request.method == "POST":
        return _you_said_copy(request, consultation, report)
    if request.GET.get("format") == "docx":
        _log(EXPORT_RESPONSES, request, consultation, shown_quotes, format="report docx")
        response = HttpResponse(
            report_docx(report),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="summary-report-{consultation.slug}.docx"'
        )
        return _private(response)
    _log_view(request, consultation, shown_quotes, view="summary report")
    template = "report_print" if request.GET.get("print") == "1" else "report"
    return _render(request, template, consultation, "Draft summary report", report=report)


def _you_said_copy(request, consultation, report):
    """Save the report as "You said" in a new draft of the page, for the editor to edit."""
    page = consultation.get_latest_revision_as_object()
    if not page.permissions_for_user(request.user).can_edit():
        messages.error(request, "You may not edit this consultation's page.")
        return redirect("consultations_analysis_report", consultation.pk)
    page.you_said = you_said_html(report)
    page.save_revision(user=request.user, log_action=True)
    messages.success(
        request,
        "The report is in “You said” on a new draft of the page. Edit it there before publishing.",
    )
    return redirect("wagtailadmin_pages:edit", consultation.pk)
