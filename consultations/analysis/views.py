"""The "Analyse responses" workspace in the admin, one consultation at a time."""

import io
from functools import partial

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.admin import messages
from wagtail.admin.auth import permission_required
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from consultations.analysis import counts, forms, services
from consultations.analysis.grouping import groups_suggest
from consultations.analysis.models import AnalysedComment, CampaignGroup, ResponseTheme
from consultations.analysis.report import report_build, report_docx, you_said_html
from consultations.models import ConsultationPage
from consultations.respondent_data.audit import EXPORT_RESPONSES, VIEW_RESPONSES
from hub.exports import attachment, csv_download, spreadsheet_safe
from hub.pagination import paginate


ANALYSE_PERMISSION = "consultations.analyse_responses"
PER_PAGE = 25
GROUPS_PER_PAGE = 10
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

analyst_only = permission_required(ANALYSE_PERMISSION)


def _render(request, template, consultation, title, *, invalid=False, **context):
    """A workspace tab; a POST that comes back to it failed its form, so it is a 400."""
    # Wagtail's admin URLs are never cached: no view here sets cache headers of its own.
    return TemplateResponse(
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
        status=400 if invalid or request.method == "POST" else 200,
    )


def _log(request, consultation, shown: int, action=VIEW_RESPONSES, **data):
    """One audit entry on the consultation, as the comment listing writes, even for none shown."""
    log(instance=consultation, action=action, user=request.user, data={**data, "comments": shown})


def _consultation(page_id):
    return get_object_or_404(ConsultationPage, pk=page_id)


@analyst_only
def index_view(request):
    """Every consultation with responses, to choose one to analyse."""
    consultations = (
        ConsultationPage.objects.annotate(responses=Count("comments"))
        .filter(responses__gt=0)
        .order_by("-closes_at")
        .only("pk", "title", "closes_at")
    )
    return TemplateResponse(
        request,
        "consultations/admin/analysis/choose.html",
        {
            "page_title": "Analyse responses",
            "header_icon": "tag",
            "consultations": paginate(request, consultations, PER_PAGE),
        },
    )


@analyst_only
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
            request, consultation, headline.comments, EXPORT_RESPONSES, format=f"analysis {export}"
        )
        return _tables_export(consultation, tables, export, public)
    _log(request, consultation, headline.comments, view="analysis")
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
    sheets = {
        t.title: [
            [t.title],
            ["Theme", *t.columns],
            *([label, *(counts.shown(v) if public else v for v in vs)] for label, vs in t.rows),
        ]
        for t in tables
    }
    if fmt == "csv":
        rows = [row for sheet in sheets.values() for row in [*sheet, []]]
        return csv_download([[spreadsheet_safe(cell) for cell in row] for row in rows], name)
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title=title[:31])
        for row in rows:
            sheet.append([spreadsheet_safe(cell) for cell in row])
    output = io.BytesIO()
    workbook.save(output)
    return attachment(output.getvalue(), f"{name}.xlsx", XLSX)


def _named(form, save) -> bool:
    """Save the valid form's theme name; a name already taken becomes the form's error."""
    if not form.is_valid():
        return False
    try:
        save(form.cleaned_data["name"])
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@analyst_only
def themes_view(request, page_id):
    """Themes with how many comments each has; create, rename and merge; their log."""
    consultation = _consultation(page_id)
    form = forms.ThemeForm(request.POST or None, prefix="new")
    save = partial(services.theme_create, consultation, user=request.user)
    if request.method == "POST" and _named(form, save):
        messages.success(request, f"Theme “{form.cleaned_data['name']}” created.")
        return redirect("consultations_analysis_themes", consultation.pk)
    themes = ResponseTheme.objects.filter(consultation=consultation)
    log = PageLogEntry.objects.filter(
        page=consultation,
        action__in=[services.CREATE_THEME, services.RENAME_THEME, services.MERGE_THEMES],
    ).select_related("user")[:20]
    return _render(
        request,
        "themes",
        consultation,
        "Themes",
        form=form,
        merge=forms.MergeForm(consultation=consultation, prefix="merge"),
        themes=themes.annotate(comments=Count("codings")),
        log=log,
    )


@analyst_only
def theme_rename_view(request, page_id, theme_id):
    consultation = _consultation(page_id)
    theme = get_object_or_404(ResponseTheme, consultation=consultation, pk=theme_id)
    old = theme.name
    form = forms.ThemeForm(request.POST or None, initial={"name": old})
    save = partial(services.theme_rename, theme, user=request.user)
    if request.method == "POST" and _named(form, save):
        messages.success(request, f"Theme “{old}” renamed “{theme.name}”.")
        return redirect("consultations_analysis_themes", consultation.pk)
    return _render(request, "rename", consultation, f"Rename “{old}”", form=form, theme=theme)


@analyst_only
def theme_merge_view(request, page_id):
    consultation = _consultation(page_id)
    merge = forms.MergeForm(request.POST or None, consultation=consultation, prefix="merge")
    if request.method == "POST" and merge.is_valid():
        target, sources = merge.cleaned_data["target"], merge.cleaned_data["sources"]
        services.theme_merge(sources, target, request.user)
        names = ", ".join(f"“{s.name}”" for s in sources if s.pk != target.pk)
        messages.success(request, f"Merged {names} into “{target.name}”. Their tags are kept.")
        return redirect("consultations_analysis_themes", consultation.pk)
    return _render(request, "merge", consultation, "Merge themes", form=merge)


def _filtered(request, consultation):
    """The filter form, the comments it selects (none for invalid filters) and its query."""
    filters = forms.FilterForm(request.GET or None, consultation=consultation)
    comments = AnalysedComment.objects.analysable(consultation)
    if not filters.is_bound:
        return filters, comments, ""
    if not filters.is_valid():
        return filters, comments.none(), ""
    return filters, filters.apply(comments), filters.query_string()


@analyst_only
def comments_view(request, page_id):
    """The filtered comment list, 25 a page, with a bulk tagging form over the page shown."""
    consultation = _consultation(page_id)
    filters, comments, query = _filtered(request, consultation)
    page = paginate(request, comments.for_listing().in_order(), PER_PAGE)
    bulk = forms.BulkTagForm(
        request.POST or None, consultation=consultation, comment_ids=[c.pk for c in page]
    )
    if request.method == "POST" and bulk.is_valid():
        chosen = [c for c in page if c.pk in bulk.cleaned_data["comments"]]
        themes, stance = bulk.cleaned_data["add_themes"], bulk.cleaned_data["stance"]
        n = services.comments_tag(chosen, user=request.user, add_themes=themes, stance=stance)
        messages.success(request, f"Tagged {n} comment{pluralize(n)}.")
        return redirect(request.get_full_path())
    _log(request, consultation, len(page), view="analysis list")
    return _render(
        request,
        "comments",
        consultation,
        "Tag comments",
        invalid=bool(filters.errors),
        filters=filters,
        page=page,
        bulk=bulk,
        query=query,
        total=page.paginator.count,
    )


@analyst_only
def comment_view(request, page_id, comment_id):
    """One comment to tag, with next and previous within the same filters."""
    consultation = _consultation(page_id)
    _, comments, query = _filtered(request, consultation)
    comment = get_object_or_404(
        AnalysedComment.objects.analysable(consultation).for_listing(), pk=comment_id
    )
    coding = getattr(comment, "coding", None)
    initial = {"themes": [], "stance": ""}
    if coding:
        initial = {"themes": list(coding.themes.all()), "stance": coding.stance}
    form = forms.TagForm(request.POST or None, consultation=consultation, initial=initial)
    after = comments.in_order().after(comment).values_list("pk", flat=True).first()
    before = comments.before(comment).values_list("pk", flat=True).first()
    if request.method == "POST" and form.is_valid():
        themes, stance = form.cleaned_data["themes"], form.cleaned_data["stance"]
        services.comments_tag([comment], user=request.user, set_themes=themes, stance=stance)
        messages.success(request, f"Tagged {comment.reference}.")
        go = after if request.POST.get("then") == "next" and after else comment.pk
        url = reverse("consultations_analysis_comment", args=[consultation.pk, go])
        return redirect(url + (f"?{query}" if query else ""))
    _log(request, consultation, 1, reference=comment.reference)
    return _render(
        request,
        "comment",
        consultation,
        f"Tag {comment.reference}",
        comment=comment,
        form=form,
        query=query,
        after=after,
        before=before,
        position=comments.in_order().before(comment).count() + 1,
        total=comments.count(),
    )


@analyst_only
def groups_view(request, page_id):
    """Campaign groups, confirmed and suggested; POST finds fresh suggestions."""
    consultation = _consultation(page_id)
    if request.method == "POST":
        n = len(groups_suggest(consultation))
        messages.success(request, f"Found {n} possible campaign group{pluralize(n)}.")
        return redirect("consultations_analysis_groups", consultation.pk)
    return _render(
        request,
        "groups",
        consultation,
        "Campaign groups",
        page=paginate(request, counts.campaign_groups(consultation), GROUPS_PER_PAGE),
        headline=counts.headline(consultation),
    )


def _group_action(request, group, form) -> str:
    """Carry out the posted action on the group; what was done, or "" for a refused one."""
    action = request.POST.get("action")
    if action == "confirm":
        services.group_confirm(group, request.user)
        return "Group confirmed."
    if action == "dismiss":
        services.group_dismiss(group)
        return "Suggestion dismissed."
    if action == "remove":
        services.group_remove_member(group, int(request.POST.get("comment", 0) or 0))
        return "Comment taken out of the group."
    if action == "tag" and group.confirmed_at and form.is_valid():
        n = services.group_tag(group, user=request.user, **form.cleaned_data)
        return f"Tagged the group's {n} comments."
    return ""


@analyst_only
def group_view(request, page_id, group_id):
    """One group's members; confirm, dismiss, take a member out, or tag them all."""
    consultation = _consultation(page_id)
    group = get_object_or_404(CampaignGroup, consultation=consultation, pk=group_id)
    form = forms.GroupTagForm(request.POST or None, consultation=consultation)
    done = request.method == "POST" and _group_action(request, group, form)
    if done:
        messages.success(request, done)
        # Back to the group, unless dismissing it or taking a member out left no group.
        if CampaignGroup.objects.filter(pk=group_id).exists():
            return redirect("consultations_analysis_group", consultation.pk, group_id)
        return redirect("consultations_analysis_groups", consultation.pk)
    members = paginate(
        request,
        AnalysedComment.objects.analysable(consultation)
        .filter(campaign_member__group=group)
        .for_listing()
        .in_order(),
        PER_PAGE,
    )
    _log(request, consultation, len(members), view="campaign group")
    return _render(
        request,
        "group",
        consultation,
        f"Campaign group {group.pk}",
        group=group,
        members=members,
        form=form,
    )


@analyst_only
def report_view(request, page_id):
    """The draft summary report: to read, print, download as DOCX or copy into "You said"."""
    consultation = _consultation(page_id)
    report = report_build(consultation)
    if request.method == "POST":
        return _you_said_copy(request, consultation, report)
    shown_quotes = sum(len(t.quotes) for t in report.themes)
    if request.GET.get("format") == "docx":
        _log(request, consultation, shown_quotes, EXPORT_RESPONSES, format="report docx")
        return attachment(report_docx(report), f"summary-report-{consultation.slug}.docx", DOCX)
    _log(request, consultation, shown_quotes, view="summary report")
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
