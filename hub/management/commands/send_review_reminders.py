"""Email each owning team once about its guidance pages past their review date (run daily)."""

from django.core.management.base import BaseCommand

from hub.guidance import review_reminders_queue


class Command(BaseCommand):
    help = (
        "Queue one reminder per guidance page whose review date has passed (once per review "
        "date) in the site's outbox, which sends it. Safe to run again."
    )

    def handle(self, *args, **options):
        queued = review_reminders_queue()
        self.stdout.write(f"Queued {len(queued)} review reminders in the outbox.")
