"""Writes with rules: sign-in links, starting and joining returns, answers, submission."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.log_actions import log

from hub.outbox import email_queue
from hub.ratelimit import RateLimited, rate_limit
from hub.tokens import token_hash
from progress import emails
from progress.access import access_for, proven_address
from progress.enums import Access, RequestStatus, ReturnStatus, Role
from progress.models import (
    COUNCIL,
    AccessRequest,
    Answer,
    Invitation,
    Respondent,
    Return,
    SignInLink,
    SupersededAnswer,
)


LINK_LIFETIME = timedelta(minutes=30)
# At most this many links per email address, and per client address, in the window.
LINKS_PER_EMAIL = 3
LINKS_PER_CLIENT = 10
THROTTLE_WINDOW = timedelta(minutes=15)
# Requests for access: at most this many per person an hour, and per council a day, so that
# nobody can flood a council's lead officer with them.
ACCESS_REQUESTS_PER_USER = 3
ACCESS_REQUESTS_PER_COUNCIL = 10


class Refused(Exception):
    """A write the rules do not allow; the message says why, for the person asking."""


class Throttled(Refused):
    """Too many sign-in links asked for."""


class NotAllowed(Exception):
    """A write the user's part in the return does not allow; the pages answer it with a 404."""


class NeedsApproval(Refused):
    """The user is not verified for the council: they may ask for access instead."""


def not_verified_message(council, action: str) -> str:
    return (
        f"Your email address is not at a confirmed domain of {council.name}, so you need "
        f"approval before you can {action}. Ask for access: the return's lead officer or a "
        "manager will decide."
    )


def lead_required(ret: Return, user, action: str) -> None:
    """Refuse unless the user is the return's lead officer, verified or approved."""
    lead = Respondent.objects.filter(return_obj=ret, user=user, role=Role.LEAD).first()
    if lead is None:
        raise NotAllowed(f"Only the lead officer can {action}.")
    if not lead.may_answer:
        raise NotAllowed(not_verified_message(ret.council, action))


def answer_check(ret: Return, department: str, user) -> None:
    """Refuse an answer the user may not give: the council's is the lead's; none once submitted."""
    if department == COUNCIL:
        lead_required(ret, user, "set the council's answer")
    respondent = Respondent.objects.filter(return_obj=ret, user=user).first()
    if respondent is None or not respondent.may_answer:
        raise NotAllowed(not_verified_message(ret.council, "answer"))
    if ret.is_submitted:
        raise Refused("This return has been submitted. Only a manager can reopen it.")


def sign_in_link_send(email: str, client_ip: str | None, url_for) -> None:
    """Email a new sign-in link to the address, unless too many were asked for lately.

    url_for(token) is the link; only the outbox row holds it, until the email is sent.
    """
    email = email.strip().lower()
    window, name = THROTTLE_WINDOW.seconds, "Sign-in link limit"
    try:
        if client_ip:
            rate_limit(f"progress:sign-in:{client_ip}", LINKS_PER_CLIENT, window, name=name)
        rate_limit(f"progress:sign-in:{token_hash(email)}", LINKS_PER_EMAIL, window, name=name)
    except RateLimited as limited:
        raise Throttled(
            "You have asked for too many sign-in links. Wait 15 minutes, then try again."
        ) from limited
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        link = SignInLink.objects.create(
            email=email, token_hash=token_hash(token), client_ip=client_ip
        )
        email_queue(emails.SIGN_IN, about=link, token=url_for(token))


def sign_in_link_use(token: str):
    """The user a valid, unused, unexpired link signs in; the link cannot be used again."""
    now = timezone.now()
    with transaction.atomic():
        # Marking the link used in the same statement that checks it stops a second use.
        used = SignInLink.objects.filter(
            token_hash=token_hash(token), used_at__isnull=True, created_at__gt=now - LINK_LIFETIME
        ).update(used_at=now)
        if not used:
            raise Refused(
                "This sign-in link has expired or has already been used. Ask for a new one."
            )
        email = SignInLink.objects.get(token_hash=token_hash(token)).email
        user = officer_for_email(email)
        invitations_accept(user)
    return user


def officer_for_email(email: str):
    """The user with this email address, created without a password if new."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        user = User(username=email[:150], email=email)
        user.set_unusable_password()
        user.save()
    return user


def invitations_accept(user) -> None:
    """Join every return the user's email address was invited to."""
    for invitation in Invitation.objects.filter(
        email__iexact=user.email, accepted_at__isnull=True
    ).select_related("return_obj__council"):
        access = access_for(user, invitation.return_obj.council)
        Respondent.objects.get_or_create(
            return_obj=invitation.return_obj,
            user=user,
            defaults={
                "department": invitation.department,
                "role": Role.COLLEAGUE,
                # The lead officer's invitation approves someone not verified for the council.
                "access": access if access != Access.NONE else Access.LEAD_APPROVED,
            },
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])


def taking_part_check(user, cycle, council) -> None:
    """Refuse a cycle that is closed, an ended council, or a user already in a return."""
    if not cycle.is_open:
        raise Refused(f"The {cycle.year} self-assessment is closed.")
    if council.has_ended:
        raise Refused(f"{council.name} has ended. Choose the council that replaced it.")
    if Respondent.objects.filter(return_obj__cycle=cycle, user=user).exists():
        raise Refused(f"You are already taking part in a {cycle.year} return.")


def return_start(user, cycle, council, department: str, access: Access | None = None) -> Return:
    """Start the council's return with the user as lead, or join it; `access` if approved."""
    taking_part_check(user, cycle, council)
    access = access or access_for(user, council)
    if access == Access.NONE:
        raise NeedsApproval(not_verified_message(council, "start or join its return"))
    with transaction.atomic():
        ret, started = Return.objects.get_or_create(cycle=cycle, council=council)
        # Already started: a verified officer joins it as a colleague.
        Respondent.objects.get_or_create(
            return_obj=ret,
            user=user,
            defaults={
                "role": Role.LEAD if started else Role.COLLEAGUE,
                "department": department,
                "access": access,
            },
        )
    return ret


def return_lead(cycle, council) -> Respondent | None:
    """The lead officer of the council's return in the cycle, if it has one."""
    return (
        Respondent.objects.filter(
            return_obj__cycle=cycle, return_obj__council=council, role=Role.LEAD
        )
        .select_related("user")
        .first()
    )


def access_request_create(
    user, cycle, council, department: str, reason: str, decide_url
) -> AccessRequest:
    """Ask for access to a council's return; its lead officer, if it has one, is emailed.

    `decide_url(request)` is the absolute address where the lead or a manager decides.
    """
    email = proven_address(user)
    if email is None:
        raise Refused("Sign in with an emailed link before you ask for access.")
    taking_part_check(user, cycle, council)
    if access_for(user, council) != Access.NONE:
        raise Refused(f"You are verified for {council.name}: start or join its return.")
    now = timezone.now()
    recent = AccessRequest.objects.filter(created_at__gte=now - timedelta(hours=1), user=user)
    today = AccessRequest.objects.filter(created_at__gte=now - timedelta(days=1), council=council)
    if recent.count() >= ACCESS_REQUESTS_PER_USER or today.count() >= ACCESS_REQUESTS_PER_COUNCIL:
        raise Throttled(
            "Too many requests for access have been made. Wait an hour, then try again."
        )
    try:
        with transaction.atomic():
            request = AccessRequest.objects.create(
                cycle=cycle,
                council=council,
                user=user,
                email=email,
                department=department,
                reason=reason,
            )
    except IntegrityError:
        raise Refused(
            f"You have already asked for access to {council.name}'s {cycle.year} return. Its "
            "lead officer or a manager will decide."
        ) from None
    if return_lead(cycle, council):
        email_queue(emails.ACCESS_REQUESTED, about=request, token=decide_url(request))
    return request


def access_request_decide(request: AccessRequest, by, approve: bool, return_url) -> None:
    """Approve or refuse a request, as the return's lead or a manager; the decision is logged.

    Approving lets the person join the return, or start it when there is none (a manager only).
    `return_url(ret)` is the return's absolute address, for the email telling them.
    """
    manager = by.has_perm("progress.approve_access")
    with transaction.atomic():
        request = AccessRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != RequestStatus.PENDING:
            raise Refused("This request has already been decided.")
        if not AccessRequest.objects.decidable_by(by).filter(pk=request.pk).exists():
            raise NotAllowed("Only the return's lead officer or a manager can decide.")
        ret = None
        if approve:
            access = Access.MANAGER_APPROVED if manager else Access.LEAD_APPROVED
            ret = return_start(
                request.user, request.cycle, request.council, request.department, access
            )
        request.status = RequestStatus.APPROVED if approve else RequestStatus.REFUSED
        request.decided_by, request.decided_at = by, timezone.now()
        request.save(update_fields=["status", "decided_by", "decided_at"])
        log(
            instance=request,
            action="progress.access_approved" if approve else "progress.access_refused",
            user=by,
            data={"council": request.council.name, "email": request.email},
        )
        email_queue(emails.ACCESS_DECIDED, about=request, token=return_url(ret) if ret else "")


def invitation_create(ret: Return, by, email: str, department: str, sign_in_url: str):
    """Invite a colleague by email to the return, as its lead officer."""
    lead_required(ret, by, "invite colleagues")
    email = email.strip().lower()
    if ret.respondents.filter(user__email__iexact=email).exists():
        raise Refused(f"{email} is already taking part in this return.")
    invitation, created = Invitation.objects.get_or_create(
        return_obj=ret, email=email, defaults={"department": department, "invited_by": by}
    )
    if not created:
        raise Refused(f"{email} has already been invited.")
    email_queue(emails.INVITATION, about=invitation, token=sign_in_url)
    return invitation


@dataclass
class SaveResult:
    answer: Answer
    # What another officer had saved and this save replaced, kept for them.
    superseded: SupersededAnswer | None = None


def answer_save(ret: Return, key_area, department: str, values: dict, version: int, user):
    """Save an answer; the later save wins and the editor it replaced keeps what they saved.

    `version` is the version the form was drawn from (0 for a new answer). When someone else
    saved after that, their values are kept for them as a superseded answer.
    """
    answer_check(ret, department, user)
    now = timezone.now()
    with transaction.atomic():
        # Locks the answer, or creates it; if someone else creates it first, saves over theirs.
        answer, created = Answer.objects.select_for_update().get_or_create(
            return_obj=ret,
            key_area=key_area,
            department=department,
            defaults={**values, "updated_by": user, "updated_at": now},
        )
        if created:
            return SaveResult(answer)
        superseded = None
        if answer.version != version and answer.updated_by_id not in (None, user.pk):
            superseded = SupersededAnswer.objects.create(
                answer=answer,
                editor_id=answer.updated_by_id,
                saved_at=answer.updated_at,
                superseded_by=user,
                **answer.values(),
            )
        Answer.objects.filter(pk=answer.pk).update(
            **values, updated_by=user, updated_at=now, version=F("version") + 1
        )
        answer.refresh_from_db()
    return SaveResult(answer, superseded)


def return_submit(ret: Return, user) -> None:
    """Submit a complete return; only its lead officer may."""
    lead_required(ret, user, "submit the return")
    with transaction.atomic():
        ret = Return.objects.select_for_update().get(pk=ret.pk)
        if ret.is_submitted:
            raise Refused("This return has already been submitted.")
        missing = ret.cycle.key_areas.exclude(pk__in=ret.answers.council().values("key_area_id"))
        if missing.exists():
            raise Refused(
                "Set the council's answer for every key area before you submit. Missing: "
                + ", ".join(k.name for k in missing)
                + "."
            )
        ret.status = ReturnStatus.SUBMITTED
        ret.submitted_at = timezone.now()
        ret.submitted_by = user
        ret.save(update_fields=["status", "submitted_at", "submitted_by"])


def return_reopen(ret: Return, manager) -> None:
    """Reopen a submitted return so the council can change it."""
    if not manager.has_perm("progress.reopen_return"):
        raise NotAllowed("Only a manager can reopen a submitted return.")
    if not ret.is_submitted:
        raise Refused("This return is not submitted.")
    ret.status = ReturnStatus.DRAFT
    ret.reopened_at = timezone.now()
    ret.reopened_by = manager
    ret.save(update_fields=["status", "reopened_at", "reopened_by"])


def reminders_send(cycle, return_url) -> int:
    """Email every officer on a draft return in the cycle; the number of emails queued."""
    drafts = Return.objects.drafts().filter(cycle=cycle)
    respondents = Respondent.objects.filter(return_obj__in=drafts).select_related("return_obj")
    with transaction.atomic():
        for respondent in respondents:
            email_queue(emails.REMINDER, about=respondent, token=return_url(respondent.return_obj))
    return len(respondents)


def superseded_dismiss(superseded: SupersededAnswer) -> None:
    superseded.dismissed_at = timezone.now()
    superseded.save(update_fields=["dismissed_at"])
