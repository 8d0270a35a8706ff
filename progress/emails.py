"""The self-assessment's emails, written from their rows in the site's outbox."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from hub.models import Email


# Each kind of email the self-assessment sends, with what the outbox calls it.
SIGN_IN, INVITATION, REMINDER = "sign_in", "invitation", "reminder"
ACCESS_REQUESTED, ACCESS_DECIDED = "access_requested", "access_decided"
LABELS = {
    SIGN_IN: "Self-assessment sign-in link",
    INVITATION: "Invitation to a self-assessment",
    REMINDER: "Reminder of an unsubmitted self-assessment",
    ACCESS_REQUESTED: "Request for access to a self-assessment, to the lead officer",
    ACCESS_DECIDED: "Decision on a request for access to a self-assessment",
}


def message(email: Email) -> EmailMessage:
    """One self-assessment email, written from its row; the link it carries is the row's token."""
    from progress.services import return_lead

    about = email.about
    if email.kind == SIGN_IN:
        to, subject = about.email, "Your sign-in link for the self-assessment"
    elif email.kind in (ACCESS_REQUESTED, ACCESS_DECIDED):
        title = f"{about.council.name}'s {about.cycle.year} self-assessment"
        if email.kind == ACCESS_REQUESTED:
            to = return_lead(about.cycle, about.council).user.email
            subject = f"{about.email} asked for access to {title}"
        else:
            to, subject = about.email, f"Your request for access to {title}"
    else:
        ret = about.return_obj
        title = f"{ret.council.name}'s {ret.cycle.year} self-assessment"
        if email.kind == INVITATION:
            to, subject = about.email, f"Join {title}"
        else:
            to, subject = about.user.email, f"Reminder: {title} is not submitted"
    context = {"about": about, "link": email.token}
    body = render_to_string(f"progress/email/{email.kind}.txt", context)
    return EmailMessage(subject, body, to=[to])


def email_kinds() -> dict:
    """Each kind of self-assessment email, with its label and message, for the site's outbox."""
    return {kind: (label, message) for kind, label in LABELS.items()}
