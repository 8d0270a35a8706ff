"""Email each owning team once about its guidance pages past their review date (run daily)."""

from django.core.management.base import BaseCommand

from hub.guidance import review_reminders_queue, review_reminders_send


class Command(BaseCommand):
    help = (
        "Queue one reminder per guidance page whose review date has passed (once per review "
        "date), then send every pending reminder. Safe to run again."
    )

    def handle(self, *args, **options):
        queued = review_reminders_queue()
        sent, left = review_reminders_send()
        self.stdout.write(f"Queued {len(queued)} review reminders; sent {sent}, {left} not sent.")
