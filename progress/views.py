"""The self-assessment: sign-in by emailed link, the return, its results and national findings."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hub.http import client_ip
from progress import results
from progress.enums import Role
from progress.forms import (
    AccessRequestForm,
    AnswerForm,
    DecisionForm,
    EmailForm,
    InviteForm,
    StartForm,
)
from progress.models import COUNCIL, AccessRequest, Answer, Cycle, Return, SupersededAnswer
from progress.services import (
    NeedsApproval,
    NotAllowed,
    Refused,
    Throttled,
    access_request_create,
    access_request_decide,
    answer_check,
    answer_save,
    invitation_create,
    lead_required,
    return_reopen,
    return_start,
    return_submit,
    sign_in_link_send,
    sign_in_link_use,
    superseded_dismiss,
)


def private(view):
    """Signed-in officers only; never cached, since every page shows one council's answers."""
    return never_cache(login_required(view, login_url="progress:sign_in"))


def return_view(view):
    """Load the return named in the URL if the user may see it; 404 for others, or a NotAllowed."""

    @private
    @wraps(view)
    def wrapper(request, year, council, *args, **kwargs):
        ret = get_object_or_404(
            Return.objects.visible_to(request.user).select_related(
                "cycle", "council__council_type", "council__region"
            ),
            cycle__year=year,
            council__slug=council,
        )
        respondent = ret.respondents.filter(user=request.user).first()
        try:
            return view(request, ret, respondent, *args, **kwargs)
        except NotAllowed as refusal:
            raise Http404(str(refusal)) from None

    return wrapper


def form_page(request, template, form, refusal=None, field=None, **context):
    """A form's page: 400 once sent and not valid; 409 (429 if throttled) with the refusal shown."""
    status = 400 if request.method == "POST" else 200
    if refusal is not None:
        form.add_error(field, str(refusal))
        status = 429 if isinstance(refusal, Throttled) else 409
    return render(request, template, {"form": form, **context}, status=status)


def absolute_url(request):
    """A function giving an object's absolute address, for links in emails."""
    return lambda obj: request.build_absolute_uri(obj.get_absolute_url())


@never_cache
def index(request):
    """What the self-assessment is; for a signed-in officer, their returns."""
    context = {
        "cycles": Cycle.objects.newest_first(),
        "open_cycles": Cycle.objects.open(),
        "returns": Return.objects.visible_to(request.user).select_related("cycle", "council"),
        "is_manager": request.user.has_perm("progress.view_all_returns"),
    }
    return render(request, "progress/index.html", context)


def safe_next(request, url: str | None) -> str:
    """The page to go to after signing in, if it is on this site; otherwise none."""
    on_site = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if on_site else ""


def sign_in(request):
    """Ask for a one-time sign-in link by email; the link leads on to the page asked for."""
    form = EmailForm(request.POST or None)
    after = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if form.is_valid():
        email = form.cleaned_data["email"].lower()

        def url_for(token):
            link = request.build_absolute_uri(reverse("progress:sign_in_link", args=[token]))
            return link + ("?" + urlencode({"next": after}) if after else "")

        try:
            sign_in_link_send(email, client_ip(request) or None, url_for)
        except Refused as refusal:
            return form_page(request, "progress/sign_in.html", form, refusal, "email", next=after)
        # The same answer whether or not the address is known.
        return render(request, "progress/sign_in_sent.html", {"email": email})
    return form_page(request, "progress/sign_in.html", form, next=after)


@never_cache
def sign_in_link(request, token):
    """Confirm, then use, a sign-in link; a button stops mail scanners using it up."""
    if request.method != "POST":
        return render(request, "progress/sign_in_confirm.html")
    try:
        user = sign_in_link_use(token)
    except Refused as refusal:
        return render(request, "progress/sign_in_invalid.html", {"message": refusal}, status=410)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, f"You are signed in as {user.email}.")
    # The confirm form posts to its own address, so the link's ?next= is still there.
    after = safe_next(request, request.GET.get("next"))
    return HttpResponseRedirect(after or reverse("progress:index"))


@require_POST
def sign_out(request):
    logout(request)
    messages.success(request, "You have signed out.")
    return HttpResponseRedirect(reverse("progress:index"))


@private
def start(request):
    """Start the council's return for a cycle, as its lead officer."""
    form = StartForm(request.POST or None)
    if not form.is_valid():
        return form_page(request, "progress/start.html", form)
    data = form.cleaned_data
    try:
        ret = return_start(request.user, data["cycle"], data["council"], data["department"])
    except NeedsApproval as refusal:
        # Everything typed goes on to the request for access.
        messages.warning(request, str(refusal))
        query = urlencode({name: request.POST.get(name, "") for name in StartForm.base_fields})
        return HttpResponseRedirect(f"{reverse('progress:request_access')}?{query}")
    except Refused as refusal:
        return form_page(request, "progress/start.html", form, refusal, "council")
    started = ret.respondents.filter(user=request.user, role=Role.LEAD).exists()
    verb = "started" if started else "joined"
    messages.success(request, f"You have {verb} {ret.council.name}'s return.")
    return HttpResponseRedirect(ret.get_absolute_url())


@private
def request_access(request):
    """Ask the return's lead officer or a manager for access to a council's return."""
    form = AccessRequestForm(request.POST or None, initial=request.GET.dict())
    if not form.is_valid():
        return form_page(request, "progress/request_access.html", form)
    data = form.cleaned_data
    try:
        access = access_request_create(
            request.user,
            data["cycle"],
            data["council"],
            data["department"],
            data["reason"],
            absolute_url(request),
        )
    except Refused as refusal:
        field = None if isinstance(refusal, Throttled) else "council"
        return form_page(request, "progress/request_access.html", form, refusal, field)
    return render(request, "progress/access_requested.html", {"access": access})


@private
def access_decide(request, pk):
    """The return's lead officer or a manager approves or refuses a request for access."""
    requests = AccessRequest.objects.visible_to(request.user).select_related("council", "cycle")
    access = get_object_or_404(requests, pk=pk)
    template = "progress/access_decide.html"
    if request.method != "POST" or access.decided_at is not None:
        return render(request, template, {"access": access, "form": DecisionForm()})
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return form_page(request, template, form, access=access)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        access_request_decide(access, request.user, approve, absolute_url(request))
    except NotAllowed:
        raise Http404("Not a request you can decide") from None
    except Refused as refusal:
        return form_page(request, template, form, refusal, access=access)
    verb = "approved" if approve else "refused"
    messages.success(request, f"You have {verb} {access.email}'s request.")
    return HttpResponseRedirect(access.get_absolute_url())


@return_view
def task_list(request, ret, respondent):
    """Every key area with its progress; where to submit."""
    context = results.task_list_context(ret, respondent, request.user)
    return render(request, "progress/return.html", context)


def next_url(ret, area):
    areas = list(ret.cycle.areas())
    later = areas[areas.index(area) + 1 :] if area in areas else []
    return ret.url("area", later[0].slug) if later else ret.get_absolute_url()


@return_view
def area(request, ret, respondent, slug, for_council=False):
    """A key area's answer, the department's or the council's beside the spread, to see and save."""
    key_area = get_object_or_404(ret.cycle.key_areas.select_related("theme"), slug=slug)
    extra = {}
    if for_council or respondent is None:
        # A manager reads the council's answer and the spread.
        department, template = COUNCIL, "progress/council_answer.html"
        can_edit = bool(respondent and respondent.is_lead and not ret.is_submitted)
        after = next_url(ret, key_area)
        spread = Answer.objects.filter(return_obj=ret, key_area=key_area).departments()
        extra["spread"] = spread.select_related("updated_by")
        extra["spread_range"] = results.spread_range(extra["spread"])
    else:
        department, template = respondent.department, "progress/area.html"
        can_edit = not ret.is_submitted
        # The lead goes on to set the council's answer while the departments' are in view.
        after = ret.url("council_answer", slug) if respondent.is_lead else next_url(ret, key_area)
    answer = Answer.objects.filter(return_obj=ret, key_area=key_area, department=department).first()
    initial = {**answer.values(), "version": answer.version} if answer else {}
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST":
        result = None
        try:
            # Checked before the form too, so an officer who may not answer is only told 404.
            answer_check(ret, department, request.user)
            if form.is_valid():
                values, version = form.values(), form.cleaned_data["version"]
                result = answer_save(ret, key_area, department, values, version, request.user)
        except Refused as refusal:
            # The return is submitted: the task list says so.
            messages.error(request, str(refusal))
            return HttpResponseRedirect(ret.get_absolute_url())
        if result is not None:
            if request.POST.get("restore"):
                # The officer put back what a colleague's later save replaced.
                for old in SupersededAnswer.objects.filter(
                    pk=request.POST["restore"], answer=result.answer, editor=request.user
                ):
                    superseded_dismiss(old)
            if result.superseded:
                messages.warning(
                    request,
                    f"{result.superseded.editor.email} had changed this answer since you opened "
                    "it. Your answer has been saved; they can still see what they entered.",
                )
            else:
                messages.success(request, f"Your answer to ‘{key_area.name}’ has been saved.")
            if "save_and_return" in request.POST:
                return HttpResponseRedirect(ret.get_absolute_url())
            return HttpResponseRedirect(after)
    superseded = (
        SupersededAnswer.objects.filter(
            answer=answer, editor=request.user, dismissed_at__isnull=True
        ).select_related("superseded_by")
        if answer
        else []
    )
    return form_page(
        request,
        template,
        form,
        ret=ret,
        respondent=respondent,
        area=key_area,
        answer=answer,
        can_edit=can_edit,
        superseded=superseded,
        guidance=results.guidance_for([key_area]).get(key_area.pk),
        **extra,
    )


@return_view
@require_POST
def dismiss(request, ret, respondent, pk):
    superseded = get_object_or_404(
        SupersededAnswer, pk=pk, answer__return_obj=ret, editor=request.user
    )
    superseded_dismiss(superseded)
    return HttpResponseRedirect(ret.get_absolute_url())


@return_view
def colleagues(request, ret, respondent):
    """Who takes part; the lead invites colleagues by email."""
    if request.method == "POST":
        lead_required(ret, request.user, "invite colleagues")
    form = InviteForm(request.POST or None)
    template = "progress/colleagues.html"
    context = {
        "ret": ret,
        "respondent": respondent,
        "can_invite": bool(respondent and respondent.is_lead),
        "respondents": ret.respondents.select_related("user"),
        "invitations": ret.invitations.filter(accepted_at__isnull=True),
        "access_requests": AccessRequest.objects.decidable_by(request.user).filter(
            cycle=ret.cycle, council=ret.council
        ),
    }
    if not form.is_valid():
        return form_page(request, template, form, **context)
    email = form.cleaned_data["email"]
    # Signing in from the invitation leads on to the return.
    query = urlencode({"next": ret.get_absolute_url()})
    sign_in_url = request.build_absolute_uri(f"{reverse('progress:sign_in')}?{query}")
    try:
        invitation_create(ret, request.user, email, form.cleaned_data["department"], sign_in_url)
    except Refused as refusal:
        return form_page(request, template, form, refusal, "email", **context)
    messages.success(request, f"We have emailed an invitation to {email}.")
    return HttpResponseRedirect(ret.url("colleagues"))


@return_view
def submit(request, ret, respondent):
    """Check the council's answers, then submit them."""
    lead_required(ret, request.user, "submit the return")
    status, error = 200, None
    if request.method == "POST":
        try:
            return_submit(ret, request.user)
        except Refused as refusal:
            status, error = 409, str(refusal)
        else:
            messages.success(request, f"{ret.council.name}'s {ret.cycle.year} return is submitted.")
            return HttpResponseRedirect(ret.url("results"))
    context = {**results.print_context(ret.cycle, ret), "respondent": respondent, "error": error}
    return render(request, "progress/submit.html", context, status=status)


@return_view
@require_POST
def reopen(request, ret, respondent):
    try:
        return_reopen(ret, request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{ret.council.name}'s {ret.cycle.year} return is open again.")
    return HttpResponseRedirect(ret.get_absolute_url())


def chart_csv(charts, slug: str, filename: str):
    """One of a page's charts as a CSV download; 404 for a chart the page does not draw."""
    chart = next((c for c in charts if c.slug == slug), None)
    if chart is None:
        raise Http404("No such chart")
    return chart.csv_response(f"{filename}-{slug}")


@return_view
def results_page(request, ret, respondent):
    """The council's profile beside its previous cycle and the national picture."""
    context = {**results.results_context(ret), "respondent": respondent}
    return render(request, "progress/results.html", context)


@return_view
def results_csv(request, ret, respondent, chart):
    charts = results.results_context(ret)["charts"]
    return chart_csv(charts, chart, f"{ret.council.slug}-{ret.cycle.year}")


@return_view
def print_return(request, ret, respondent):
    """The draft or submitted return on paper."""
    context = {**results.print_context(ret.cycle, ret), "respondent": respondent}
    return render(request, "progress/print.html", context)


def blank(request, year):
    """Every question of the cycle, blank, to circulate before scoring."""
    cycle = get_object_or_404(Cycle, year=year)
    return render(request, "progress/print.html", results.print_context(cycle))


def findings(request, year):
    """The national picture from submitted returns, with editors' commentary."""
    cycle = get_object_or_404(Cycle, year=year)
    return render(request, "progress/findings.html", results.findings_context(cycle))


def findings_csv(request, year, chart):
    cycle = get_object_or_404(Cycle, year=year)
    charts = results.findings_context(cycle)["charts"]
    return chart_csv(charts, chart, f"self-assessment-{cycle.year}")
