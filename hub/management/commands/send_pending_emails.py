"""Retry emails that could not be sent when they were written to the outbox."""

from django.core.management.base import BaseCommand

from hub.outbox import emails_send_pending


class Command(BaseCommand):
    help = "Send emails still waiting in the outbox (run every few minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="Most emails to try in one run.")

    def handle(self, *args, limit, **options):
        sent, left = emails_send_pending(limit=limit)
        self.stdout.write(f"Sent {sent} emails; {left} still waiting.")
