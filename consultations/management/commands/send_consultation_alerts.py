"""Queue and send email alerts to subscribers, and retry any email still in the outbox."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations.follow_up.notifications import notifications_send_pending
from consultations.follow_up.outcome import outcome_notifications_due
from consultations.follow_up.subscriptions import alerts_create


class Command(BaseCommand):
    help = (
        "Email subscribers about newly opened consultations and closes within three days, "
        "and respondents about an outcome written before the close once it shows, then retry "
        "unsent emails to respondents and subscribers. Run every few minutes; "
        "each email is recorded per subscriber, consultation and kind, so none goes twice."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        queued = alerts_create(now) + outcome_notifications_due(now)
        sent, left = notifications_send_pending()
        self.stdout.write(f"{len(queued)} alerts due; sent {sent} emails; {left} still waiting.")
