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
SUBJECTS = {
    NotificationKind.OUTCOME: "Outcome published",
    NotificationKind.CONSULTATION_OPENED: "New consultation",
    NotificationKind.CLOSING_REMINDER: "Closing soon",
}


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
    context = {
        "comment": comment,
        "consultation": comment.consultation,
        "received": times.format_instant(comment.received_at),
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
    if email.kind == NotificationKind.SUBSCRIPTION_CONFIRM:
        confirm_url = site_url(reverse("consultations:subscribe_confirm", args=[email.token]))
        return EmailMessage(
            subject="Confirm that you want emails about consultations",
            body=render_to_string(
                "consultations/email/subscription_confirm.txt", {"confirm_url": confirm_url}
            ),
            to=[subscribe_token_email(email.token)],
        )
    consultation = email.page.specific
    context = {"consultation": consultation, "url": consultation.get_full_url()}
    headers = {}
    if email.kind == NotificationKind.OUTCOME:
        context["comment"] = email.about
    else:
        unsubscribe = context["unsubscribe_url"] = unsubscribe_url(email.about)
        # RFC 8058 one-click unsubscribe: mail programs POST to the link.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    return EmailMessage(
        subject=f"{SUBJECTS[email.kind]}: {flag_text(consultation)}{consultation.title}",
        body=render_to_string(f"consultations/email/{email.kind}.txt", context),
        to=[email.about.email],
        headers=headers,
    )


def email_kinds() -> dict:
    """Each kind of consultation email, with its label and message, for the site's outbox."""
    return {
        kind: (kind.label, receipt_message if kind == NotificationKind.RECEIPT else message_for)
        for kind in NotificationKind
    }
