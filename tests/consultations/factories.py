"""Factories for consultations; the draft strategies they are about come from tests.strategy."""

from datetime import date

import factory
import wagtail_factories

from consultations.models import ConsultationIndexPage, ConsultationPage


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Consultations"
    slug = "consultations"
    show_in_menus = True

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Consultation {n}")
    summary = "Comment on the draft."
    opening_date = date(2026, 6, 1)
    closing_date = date(2026, 6, 30)
    contact_email = "team@example.gov.uk"

    class Meta:
        model = ConsultationPage
