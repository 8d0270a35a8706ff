"""The self-assessment's emails, written from their rows in the site's outbox."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from hub.models import Email


# Each kind of email the self-assessment sends, with what the outbox calls it.
SIGN_IN, INVITATION, REMINDER = "sign_in", "invitation", "reminder"
LABELS = {
    SIGN_IN: "Self-assessment sign-in link",
    INVITATION: "Invitation to a self-assessment",
    REMINDER: "Reminder of an unsubmitted self-assessment",
}


def message(email: Email) -> EmailMessage:
    """A sign-in link, an invitation or a reminder; the link it carries is the row's token."""
    about = email.about
    if email.kind == SIGN_IN:
        to, subject, context = about.email, "Your sign-in link for the self-assessment", {}
    else:
        ret = about.return_obj
        title = f"{ret.council.name}'s {ret.cycle.year} self-assessment"
        context = {"ret": ret, "by": getattr(about, "invited_by", None)}
        if email.kind == INVITATION:
            to, subject = about.email, f"Join {title}"
            context["department"] = about.department
        else:
            to, subject = about.user.email, f"Reminder: {title} is not submitted"
    context["link"] = email.token
    body = render_to_string(f"progress/email/{email.kind}.txt", context)
    return EmailMessage(subject, body, to=[to])


def email_kinds() -> dict:
    """Each kind of self-assessment email, with its label and message, for the site's outbox."""
    return {kind: (label, message) for kind, label in LABELS.items()}
