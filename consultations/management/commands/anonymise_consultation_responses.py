"""Anonymise respondents' personal fields once the retention period has passed (run daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from consultations.respondent_data.retention import anonymise_due


class Command(BaseCommand):
    help = (
        "Clear names, emails, roles and organisations from comments "
        "CONSULTATIONS_RETENTION_MONTHS after the outcome (or the close). Safe to run again."
    )

    def handle(self, *args, **options):
        done = anonymise_due()
        months = settings.CONSULTATIONS_RETENTION_MONTHS
        self.stdout.write(
            f"Anonymised {sum(done.values())} comments on {len(done)} consultations "
            f"({months} months after the outcome or close)."
        )
