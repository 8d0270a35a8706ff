"""Retry confirmation emails that could not be sent when their comment was stored."""

from django.core.management.base import BaseCommand

from consultations.services import comment_emails_send_pending


class Command(BaseCommand):
    help = "Send confirmation emails still waiting in the outbox (run every few minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="Most emails to try in one run.")

    def handle(self, *args, limit, **options):
        sent, left = comment_emails_send_pending(limit=limit)
        self.stdout.write(f"Sent {sent} confirmation emails; {left} still waiting.")
