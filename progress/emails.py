"""The self-assessment's emails, sent through Django's email framework.

Every email goes through send(), so moving them to a task queue changes one function.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def send(to: str, subject: str, template: str, context: dict) -> None:
    """Render a plain-text email template and send it to one address."""
    body = render_to_string(f"progress/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
