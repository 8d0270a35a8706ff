"""The Act tools' pages: every answer is a GET with the answers in the query string.

Pages depend only on their URL and the rules data, so the hub's page cache (keyed by the full
URL, and cleared by any saved rule) may keep them. Bad answers get a 400 with an error summary.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from hub.exports import attachment
from strategy.act import exports, opendata
from strategy.act.checker import check
from strategy.act.forms import CHECKER_STEPS, CheckerForm, TimelineForm
from strategy.act.rules import ACT_START, DISCLAIMER, LICENCE, LICENCE_URL, data_version
from strategy.act.timeline import AUTHORITIES, CIRCUMSTANCES, PROCEDURES, calculate
from strategy.models.act import GlossaryTerm, MinimumPeriod, Notice, ValueLine


STEP_NAMES = [slug for slug, _, _ in CHECKER_STEPS]


def answers_query(form) -> str:
    """The answers a form was given, for the next URL: known names only, in a fixed order."""
    names = [name for name in form.fields if form.data.get(name)]
    return urlencode([(name, form.data.get(name)[:40]) for name in names])


def with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def step_url(slug: str, query: str) -> str:
    return with_query(reverse("act:check_step", args=[slug]), query)


def error_list(form, on_page: set[str], query: str) -> list[dict]:
    """The error summary: fields on this page link to themselves, others to their question."""
    items = []
    for name, errors in form.errors.items():
        field_of = name.removesuffix("_day")
        step = next((slug for slug, names, _ in CHECKER_STEPS if field_of in names), None)
        if name in on_page or field_of in on_page or step is None:
            anchor = name if name in form.fields and name.endswith("_day") else f"id_{name}"
            if name in form.fields and hasattr(form.fields[name], "choices"):
                anchor = f"id_{name}_0"
            href = f"#{anchor}"
        else:
            href = step_url(step, query)
        items.extend({"text": str(error), "href": href} for error in errors)
    return items


def render_page(request, template, context, status=200):
    """A tool page, with the disclaimer and the data version every page shows."""
    context.setdefault("disclaimer", DISCLAIMER)
    context.setdefault("version", data_version())
    return render(request, template, context, status=status)


def index(request):
    """What the tools are, with links to each."""
    return render_page(request, "strategy/act/index.html", {"act_start": ACT_START})


def check_start(request):
    """The checker's start page."""
    return render_page(
        request, "strategy/act/check_start.html", {"first": step_url(STEP_NAMES[0], "")}
    )


def check_step(request, step):
    """One question of the checker; "continue" validates it and moves on."""
    if step not in STEP_NAMES:
        raise Http404
    number = STEP_NAMES.index(step) + 1
    _, names, title = CHECKER_STEPS[number - 1]
    sent = "continue" in request.GET
    form = CheckerForm(request.GET, upto=number if sent else number - 1)
    valid = form.is_valid()
    query = answers_query(form)
    back_to_answers = request.GET.get("return") == "answers"
    if sent and valid:
        if back_to_answers or number == len(STEP_NAMES):
            return HttpResponseRedirect(with_query(reverse("act:check_answers"), query))
        return HttpResponseRedirect(step_url(STEP_NAMES[number], query))
    on_page = set(names)
    errors = error_list(form, on_page, query) if form.errors else []
    back = (
        with_query(reverse("act:check_answers"), query)
        if back_to_answers
        else step_url(STEP_NAMES[number - 2], query)
        if number > 1
        else reverse("act:check")
    )
    hidden = [
        (name, form.data.get(name)[:40])
        for name in form.fields
        if form.data.get(name)
        and name.removesuffix("_day").removesuffix("_month").removesuffix("_year") not in names
    ]
    return render_page(
        request,
        "strategy/act/check_step.html",
        {
            "form": form,
            "step": step,
            "names": names,
            "title": title,
            "number": number,
            "number_text": str(number),
            "total_text": str(len(STEP_NAMES)),
            "field": form[names[0]] if names[0] in form.fields else None,
            "errors": errors,
            "hidden": hidden,
            "back": back,
            "back_to_answers": back_to_answers,
            "show_errors": bool(errors),
        },
        status=400 if errors else 200,
    )


def summary_rows(form, query: str) -> list[dict]:
    """Check your answers: each answer with a link to change it."""
    data = form.cleaned_data
    shown = {
        "start-date": f"{data['start']:%-d %B %Y}" if data.get("start") else "",
        "authority": dict(form.fields["authority"].choices).get(data.get("authority"), ""),
        "contract-for": dict(form.fields["contract_for"].choices).get(data.get("contract_for"), ""),
        "contract-kind": dict(form.fields["kind"].choices).get(data.get("kind"), ""),
        "route": dict(form.fields["route"].choices).get(data.get("route"), ""),
        "value": f"£{data['value']:,}" if data.get("value") else "",
    }
    return [
        {
            "question": title,
            "answer": shown[slug],
            "change": step_url(slug, f"{query}&return=answers"),
            "hidden": title[0].lower() + title[1:].rstrip("?"),
        }
        for slug, _, title in CHECKER_STEPS
    ]


def checker_form(request):
    """The checker's answers, all required; errors as a summary linking to each question."""
    form = CheckerForm(request.GET)
    valid = form.is_valid()
    query = answers_query(form)
    errors = [] if valid else error_list(form, set(), query)
    return form, valid, query, errors


def answers_problem(request, errors, query):
    """A 400: some answers are missing or were changed in the address."""
    return render_page(
        request,
        "strategy/act/check_problem.html",
        {"errors": errors, "restart": step_url(STEP_NAMES[0], query)},
        status=400,
    )


def check_answers(request):
    """Check your answers before seeing the result."""
    form, valid, query, errors = checker_form(request)
    if not valid:
        return answers_problem(request, errors, query)
    return render_page(
        request,
        "strategy/act/check_answers.html",
        {
            "rows": summary_rows(form, query),
            "result": with_query(reverse("act:check_result"), query),
            "back": step_url(STEP_NAMES[-1], query),
        },
    )


def checked_page(request, template, printing=False):
    """A page of the checker's answer, drawn from the answers in the address."""
    form, valid, query, errors = checker_form(request)
    if not valid:
        return answers_problem(request, errors, query)
    answer = check(form.procurement())
    result = with_query(reverse("act:check_result"), query)
    return render_page(
        request,
        template,
        {
            "answer": answer,
            "rules": answer.rules,
            "rows": summary_rows(form, query),
            "answers": query,
            "printing": printing,
            "result": result,
            "permalink": request.build_absolute_uri(result),
        },
    )


def check_result(request):
    """The checker's answer: a citable page at a stable address."""
    return checked_page(request, "strategy/act/check_result.html")


def check_print(request):
    return checked_page(request, "strategy/act/check_result.html", printing=True)


def notices_needed(request):
    """Which notices do I need? The notices from the checker's answers."""
    return checked_page(request, "strategy/act/notices_needed.html")


def timeline_form(request):
    """The timeline's questions, all on one page."""
    return render_page(
        request,
        "strategy/act/timeline_form.html",
        {"form": TimelineForm(), "errors": [], "circumstance_names": list(CIRCUMSTANCES)},
    )


def timeline_answer(request):
    """The timeline, or the questions again with what went wrong (400)."""
    form = TimelineForm(request.GET)
    if not form.is_valid():
        errors = error_list(form, set(form.fields), "")
        response = render_page(
            request,
            "strategy/act/timeline_form.html",
            {
                "form": form,
                "errors": errors,
                "show_errors": True,
                "circumstance_names": list(CIRCUMSTANCES),
            },
            status=400,
        )
        return form, None, response
    return form, calculate(form.plan()), None


def timeline_result(request, printing=False):
    """The calculated timeline at a stable address."""
    form, result, problem = timeline_answer(request)
    if problem:
        return problem
    query = answers_query(form)
    return render_page(
        request,
        "strategy/act/timeline_result.html",
        {
            "timeline": result,
            "procedure": PROCEDURES[result.plan.procedure],
            "authority": AUTHORITIES[result.plan.authority],
            "rules": result.rules,
            "answers": query,
            "printing": printing,
            "change": with_query(reverse("act:timeline"), query),
            "permalink": request.build_absolute_uri(
                with_query(reverse("act:timeline_result"), query)
            ),
        },
    )


def timeline_print(request):
    return timeline_result(request, printing=True)


def timeline_ics(request):
    """The timeline as a calendar file."""
    form, result, problem = timeline_answer(request)
    if problem:
        return problem
    url = request.build_absolute_uri(
        with_query(reverse("act:timeline_result"), answers_query(form))
    )
    return attachment(
        exports.timeline_ics(result, url),
        "procurement-timeline.ics",
        "text/calendar; charset=utf-8",
    )


def timeline_csv(request):
    """The timeline as CSV."""
    form, result, problem = timeline_answer(request)
    if problem:
        return problem
    return attachment(
        exports.timeline_csv(result), "procurement-timeline.csv", "text/csv; charset=utf-8"
    )


def notice_list(request):
    """Every notice in the catalogue."""
    return render_page(
        request, "strategy/act/notice_list.html", {"notices": Notice.objects.latest_versions()}
    )


def notice_detail(request, key):
    """One notice: code, name, section, status, when and what it contains."""
    versions = list(Notice.objects.filter(key=key).order_by("-effective_from"))
    if not versions:
        raise Http404
    return render_page(
        request,
        "strategy/act/notice_detail.html",
        {"notice": versions[0], "earlier": versions[1:]},
    )


def glossary(request):
    """The A–Z of terms."""
    terms = list(GlossaryTerm.objects.a_to_z())
    letters = {}
    for term in terms:
        letters.setdefault(term.letter, []).append(term)
    return render_page(request, "strategy/act/glossary.html", {"letters": letters})


def data(request):
    """The open data: what it holds, its licence and its files."""
    return render_page(
        request,
        "strategy/act/data.html",
        {
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            "files": opendata.FILES,
            "value_lines": ValueLine.objects.all(),
            "periods": MinimumPeriod.objects.all(),
        },
    )


def data_json(request):
    """Every rule, every version, as JSON."""
    response = HttpResponse(opendata.as_json(request), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def data_csv(request, name):
    """One table of the rules as CSV."""
    if name not in opendata.FILES:
        raise Http404
    return attachment(opendata.as_csv(name), f"{name}.csv", "text/csv; charset=utf-8")
