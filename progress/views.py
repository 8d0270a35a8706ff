"""The self-assessment: sign-in by emailed link, the return, its results and national findings."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from hub.http import client_ip
from progress import results
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
    may_decide,
    return_reopen,
    return_start,
    return_submit,
    sign_in_link_send,
    sign_in_link_use,
    superseded_dismiss,
)


def private(view):
    """Signed-in officers only; never cached, since every page shows one council's answers."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("progress:sign_in"))
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


def return_view(view):
    """Load the return named in the URL, if the user may see it; 404 for anyone else's."""

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
        return view(request, ret, respondent, *args, **kwargs)

    return wrapper


def index(request):
    """What the self-assessment is; for a signed-in officer, their returns."""
    context = {"cycles": Cycle.objects.newest_first(), "open_cycles": Cycle.objects.open()}
    if request.user.is_authenticated:
        context["returns"] = Return.objects.visible_to(request.user).select_related(
            "cycle", "council"
        )
        context["is_manager"] = request.user.has_perm("progress.view_all_returns")
    response = render(request, "progress/index.html", context)
    add_never_cache_headers(response)
    return response


def safe_next(request, url: str | None) -> str:
    """The page to go to after signing in, if it is on this site; otherwise none."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def sign_in(request):
    """Ask for a one-time sign-in link by email; the link leads on to the page asked for."""
    form = EmailForm(request.POST or None)
    after = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()

        def url_for(token):
            link = request.build_absolute_uri(reverse("progress:sign_in_link", args=[token]))
            return link + ("?" + urlencode({"next": after}) if after else "")

        try:
            sign_in_link_send(email, client_ip(request) or None, url_for)
        except Refused as refusal:
            form.add_error("email", str(refusal))
            status = 429
        else:
            # The same answer whether or not the address is known.
            return render(request, "progress/sign_in_sent.html", {"email": email})
    elif request.method == "POST":
        status = 400
    return render(request, "progress/sign_in.html", {"form": form, "next": after}, status=status)


def sign_in_link(request, token):
    """Confirm, then use, a sign-in link; a button stops mail scanners using it up."""
    if request.method == "POST":
        try:
            user = sign_in_link_use(token)
        except Refused as refusal:
            return render(
                request, "progress/sign_in_invalid.html", {"message": refusal}, status=410
            )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"You are signed in as {user.email}.")
        # The confirm form posts to its own address, so the link's ?next= is still there.
        after = safe_next(request, request.GET.get("next"))
        return HttpResponseRedirect(after or reverse("progress:index"))
    response = render(request, "progress/sign_in_confirm.html")
    add_never_cache_headers(response)
    return response


@require_POST
def sign_out(request):
    logout(request)
    messages.success(request, "You have signed out.")
    return HttpResponseRedirect(reverse("progress:index"))


@private
def start(request):
    """Start the council's return for a cycle, as its lead officer."""
    form = StartForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                ret = return_start(
                    request.user,
                    form.cleaned_data["cycle"],
                    form.cleaned_data["council"],
                    form.cleaned_data["department"],
                )
            except NeedsApproval as refusal:
                # Everything typed goes on to the request for access.
                messages.warning(request, str(refusal))
                query = urlencode(
                    {
                        name: request.POST.get(name, "")
                        for name in ("cycle", "council", "department")
                    }
                )
                return HttpResponseRedirect(f"{reverse('progress:request_access')}?{query}")
            except Refused as refusal:
                form.add_error("council", str(refusal))
                status = 409
            else:
                started = ret.respondents.filter(user=request.user, role="lead").exists()
                verb = "started" if started else "joined"
                messages.success(request, f"You have {verb} {ret.council.name}'s return.")
                return HttpResponseRedirect(ret.get_absolute_url())
        else:
            status = 400
    return render(request, "progress/start.html", {"form": form}, status=status)


@private
def request_access(request):
    """Ask the return's lead officer or a manager for access to a council's return."""
    form = AccessRequestForm(request.POST or None, initial=request.GET.dict())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                access = access_request_create(
                    request.user,
                    data["cycle"],
                    data["council"],
                    data["department"],
                    data["reason"],
                    lambda made: request.build_absolute_uri(made.get_absolute_url()),
                )
            except Throttled as refusal:
                form.add_error(None, str(refusal))
                status = 429
            except Refused as refusal:
                form.add_error("council", str(refusal))
                status = 409
            else:
                return render(request, "progress/access_requested.html", {"access": access})
        else:
            status = 400
    return render(request, "progress/request_access.html", {"form": form}, status=status)


@private
def access_decide(request, pk):
    """The return's lead officer or a manager approves or refuses a request for access."""
    access = get_object_or_404(AccessRequest.objects.select_related("council", "cycle"), pk=pk)
    if access.decided_at is None and not may_decide(access, request.user):
        raise Http404("Not a request you can decide")
    if access.decided_at is not None and not (
        access.decided_by == request.user or request.user.has_perm("progress.approve_access")
    ):
        raise Http404("Not a request you can decide")
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST" and access.decided_at is None:
        if form.is_valid():
            approve = form.cleaned_data["decision"] == "approve"
            try:
                access_request_decide(
                    access,
                    request.user,
                    approve,
                    lambda ret: request.build_absolute_uri(ret.get_absolute_url()),
                )
            except NotAllowed:
                raise Http404("Not a request you can decide") from None
            except Refused as refusal:
                form.add_error(None, str(refusal))
                status = 409
            else:
                verb = "approved" if approve else "refused"
                messages.success(request, f"You have {verb} {access.email}'s request.")
                return HttpResponseRedirect(access.get_absolute_url())
        else:
            status = 400
    return render(
        request, "progress/access_decide.html", {"access": access, "form": form}, status=status
    )


@return_view
def task_list(request, ret, respondent):
    """Every key area with its progress; where to submit."""
    context = results.task_list_context(ret, respondent, request.user)
    return render(request, "progress/return.html", context)


def area_for(ret, slug):
    return get_object_or_404(ret.cycle.key_areas.select_related("theme"), slug=slug)


def next_url(ret, area):
    areas = list(ret.cycle.areas())
    later = areas[areas.index(area) + 1 :] if area in areas else []
    return ret.url("area", later[0].slug) if later else ret.get_absolute_url()


def answer_page(request, ret, respondent, area, department, template, can_edit, after, extra=None):
    """Show and save one answer; a form sent from an older version still saves, and says so."""
    answer = Answer.objects.filter(return_obj=ret, key_area=area, department=department).first()
    initial = {**(answer.values() if answer else {}), "version": answer.version if answer else 0}
    form = AnswerForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        try:
            # Checked before the form too, so an officer who may not answer is only told 404.
            answer_check(ret, department, request.user)
            result = (
                answer_save(
                    ret, area, department, form.values(), form.cleaned_data["version"], request.user
                )
                if form.is_valid()
                else None
            )
        except NotAllowed:
            raise Http404("You cannot change this answer") from None
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
                messages.success(request, f"Your answer to ‘{area.name}’ has been saved.")
            if "save_and_return" in request.POST:
                return HttpResponseRedirect(ret.get_absolute_url())
            return HttpResponseRedirect(after)
        status = 400
    superseded = (
        SupersededAnswer.objects.filter(
            answer=answer, editor=request.user, dismissed_at__isnull=True
        ).select_related("superseded_by")
        if answer
        else []
    )
    context = {
        "ret": ret,
        "respondent": respondent,
        "area": area,
        "answer": answer,
        "form": form,
        "can_edit": can_edit,
        "superseded": superseded,
        "guidance": results.guidance_for([area]).get(area.pk),
        **(extra or {}),
    }
    return render(request, template, context, status=status)


@return_view
def area(request, ret, respondent, slug):
    """One key area: the officer's department's answer."""
    key_area = area_for(ret, slug)
    department = respondent.department if respondent else None
    if department is None:
        # A manager reads the council's answer and the spread.
        return council_answer_page(request, ret, respondent, key_area)
    return answer_page(
        request,
        ret,
        respondent,
        key_area,
        department,
        "progress/area.html",
        can_edit=not ret.is_submitted,
        # The lead goes on to set the council's answer while the departments' are in view.
        after=ret.url("council_answer", slug) if respondent.is_lead else next_url(ret, key_area),
    )


@return_view
def council_answer(request, ret, respondent, slug):
    """One key area: the departments' spread and the council's answer, set by the lead."""
    return council_answer_page(request, ret, respondent, area_for(ret, slug))


def council_answer_page(request, ret, respondent, key_area):
    """The council's answer to a key area beside the departments' spread."""
    spread = Answer.objects.filter(return_obj=ret, key_area=key_area).departments()
    spread = spread.select_related("updated_by")
    return answer_page(
        request,
        ret,
        respondent,
        key_area,
        COUNCIL,
        "progress/council_answer.html",
        can_edit=bool(respondent and respondent.is_lead and not ret.is_submitted),
        after=next_url(ret, key_area),
        extra={"spread": spread, "spread_range": results.spread_range(spread)},
    )


@return_view
@require_POST
def dismiss(request, ret, respondent, pk):
    superseded = get_object_or_404(
        SupersededAnswer, pk=pk, answer__return_obj=ret, editor=request.user
    )
    superseded_dismiss(superseded)
    return HttpResponseRedirect(ret.get_absolute_url())


def lead_only(request, ret, action):
    """404 unless the user is the return's lead officer, as the service's rule has it."""
    try:
        lead_required(ret, request.user, action)
    except NotAllowed as refusal:
        raise Http404(str(refusal)) from None


@return_view
def colleagues(request, ret, respondent):
    """Who takes part; the lead invites colleagues by email."""
    can_invite = bool(respondent and respondent.is_lead)
    form = InviteForm(request.POST or None)
    status = 200
    if request.method == "POST":
        lead_only(request, ret, "invite colleagues")
        if form.is_valid():
            try:
                invitation_create(
                    ret,
                    request.user,
                    form.cleaned_data["email"],
                    form.cleaned_data["department"],
                    # Signing in from the invitation leads on to the return.
                    request.build_absolute_uri(
                        reverse("progress:sign_in")
                        + "?"
                        + urlencode({"next": ret.get_absolute_url()})
                    ),
                )
            except NotAllowed:
                raise Http404("Only the lead officer can invite colleagues") from None
            except Refused as refusal:
                form.add_error("email", str(refusal))
                status = 409
            else:
                messages.success(
                    request, f"We have emailed an invitation to {form.cleaned_data['email']}."
                )
                return HttpResponseRedirect(ret.url("colleagues"))
        else:
            status = 400
    context = {
        "ret": ret,
        "respondent": respondent,
        "form": form,
        "can_invite": can_invite,
        "respondents": ret.respondents.select_related("user"),
        "invitations": ret.invitations.filter(accepted_at__isnull=True),
        "access_requests": AccessRequest.objects.decidable_by(request.user).filter(
            cycle=ret.cycle, council=ret.council
        ),
    }
    return render(request, "progress/colleagues.html", context, status=status)


@return_view
def submit(request, ret, respondent):
    """Check the council's answers, then submit them."""
    lead_only(request, ret, "submit the return")
    status = 200
    error = None
    if request.method == "POST":
        try:
            return_submit(ret, request.user)
        except NotAllowed:
            raise Http404("Only the lead officer can submit the return") from None
        except Refused as refusal:
            error, status = str(refusal), 409
        else:
            messages.success(request, f"{ret.council.name}'s {ret.cycle.year} return is submitted.")
            return HttpResponseRedirect(ret.url("results"))
    context = {**results.print_context(ret), "respondent": respondent, "error": error}
    return render(request, "progress/submit.html", context, status=status)


@return_view
@require_POST
def reopen(request, ret, respondent):
    try:
        return_reopen(ret, request.user)
    except NotAllowed:
        raise Http404("Only a manager can reopen a return") from None
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{ret.council.name}'s {ret.cycle.year} return is open again.")
    return HttpResponseRedirect(ret.get_absolute_url())


@return_view
def results_page(request, ret, respondent):
    """The council's profile beside its previous cycle and the national picture."""
    context = {**results.results_context(ret), "respondent": respondent}
    return render(request, "progress/results.html", context)


@return_view
def results_csv(request, ret, respondent, chart):
    charts = results.results_context(ret)["charts"]
    found = next((c for c in charts if c.slug == chart), None)
    if found is None:
        raise Http404("No such chart")
    return found.csv_response(f"{ret.council.slug}-{ret.cycle.year}-{found.slug}")


@return_view
def print_return(request, ret, respondent):
    """The draft or submitted return on paper."""
    return render(
        request, "progress/print.html", {**results.print_context(ret), "respondent": respondent}
    )


def blank(request, year):
    """Every question of the cycle, blank, to circulate before scoring."""
    cycle = get_object_or_404(Cycle, year=year)
    return render(request, "progress/print.html", results.blank_context(cycle))


def findings(request, year):
    """The national picture from submitted returns, with editors' commentary."""
    cycle = get_object_or_404(Cycle, year=year)
    return render(request, "progress/findings.html", results.findings_context(cycle))


def findings_csv(request, year, chart):
    cycle = get_object_or_404(Cycle, year=year)
    charts = results.findings_context(cycle)["charts"]
    found = next((c for c in charts if c.slug == chart), None)
    if found is None:
        raise Http404("No such chart")
    return found.csv_response(f"self-assessment-{cycle.year}-{found.slug}")
