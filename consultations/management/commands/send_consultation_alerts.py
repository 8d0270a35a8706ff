"""Queue and send the email alerts and outcome emails that are due."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations.follow_up.outcome import outcome_notifications_due
from consultations.follow_up.subscriptions import alerts_create
from hub.outbox import email_send


class Command(BaseCommand):
    help = (
        "Email subscribers about newly opened consultations and closes within three days, "
        "and respondents about an outcome written before the close once it shows. Run every "
        "few minutes; each email is recorded per subscriber, consultation and kind, so none "
        "goes twice. send_pending_emails retries any that fail."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        queued = alerts_create(now) + outcome_notifications_due(now)
        sent = sum(email_send(pk) for pk in queued)
        self.stdout.write(f"{len(queued)} emails due; sent {sent}; {len(queued) - sent} waiting.")
