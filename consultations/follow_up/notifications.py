"""The emails to respondents and subscribers, written from their rows in the site's outbox."""

from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.models import Site

from consultations import times
from consultations.enums import NotificationKind
from hub.models import Email, flag_text


SUBSCRIBE_SALT = "consultations.subscribe"


def site_url(path: str) -> str:
    """An absolute address on the default site, for links in emails."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site else ""
    return f"{root}{path}"


def subscribe_token(email: str) -> str:
    """A signed, timestamped token carrying the address that asked to subscribe."""
    return signing.dumps({"email": email}, salt=SUBSCRIBE_SALT)


def subscribe_token_email(token: str, max_age: float | None = None) -> str:
    """The address in a subscription token; raises signing.BadSignature when not ours or old."""
    return signing.loads(token, salt=SUBSCRIBE_SALT, max_age=max_age)["email"]


def unsubscribe_url(subscription) -> str:
    return site_url(reverse("consultations:unsubscribe", args=[subscription.key]))


def receipt_message(email: Email) -> EmailMessage:
    """The confirmation: reference, consultation and time, and none of the respondent's words."""
    comment = email.about
    received = times.to_london(comment.received_at)
    context = {
        "comment": comment,
        "consultation": comment.consultation,
        "received": f"{times.format_time(received.time())} on {times.format_date(received.date())}",
        "url": comment.consultation.get_full_url(),
    }
    return EmailMessage(
        subject=(
            f"Your comment on {flag_text(comment.consultation)}{comment.consultation.title}: "
            f"{comment.reference}"
        ),
        body=render_to_string("consultations/email/comment_confirmation.txt", context),
        to=[comment.email],
    )


def message_for(email: Email) -> EmailMessage:
    """A follow-up email, addressed from its comment, subscription or token."""
    kind = email.kind
    consultation = email.page.specific if email.page_id else None
    context = {"consultation": consultation}
    headers = {}
    if consultation is not None:
        context["url"] = consultation.get_full_url()
    if kind == NotificationKind.OUTCOME:
        to = email.about.email
        context["comment"] = email.about
        subject = f"Outcome published: {flag_text(consultation)}{consultation.title}"
    elif kind == NotificationKind.SUBSCRIPTION_CONFIRM:
        to = subscribe_token_email(email.token)
        context["confirm_url"] = site_url(
            reverse("consultations:subscribe_confirm", args=[email.token])
        )
        subject = "Confirm that you want emails about consultations"
    else:
        to = email.about.email
        unsubscribe = unsubscribe_url(email.about)
        context["unsubscribe_url"] = unsubscribe
        # RFC 8058 one-click unsubscribe: mail programs POST to the link.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        if kind == NotificationKind.CONSULTATION_OPENED:
            subject = f"New consultation: {flag_text(consultation)}{consultation.title}"
        else:
            subject = f"Closing soon: {flag_text(consultation)}{consultation.title}"
    return EmailMessage(
        subject=subject,
        body=render_to_string(f"consultations/email/{kind}.txt", context),
        to=[to],
        headers=headers,
    )


def email_kinds() -> dict:
    """Each kind of consultation email, with its label and message, for the site's outbox."""
    return {
        kind: (kind.label, receipt_message if kind == NotificationKind.RECEIPT else message_for)
        for kind in NotificationKind
    }
