"""Factories for consultations; the draft strategies they are about come from tests.strategy."""

from datetime import date

from consultations.models import ConsultationIndexPage, ConsultationPage
from tests.factories import numbered, page_factory


ConsultationIndexPageFactory = page_factory(
    ConsultationIndexPage, title="Consultations", slug="consultations", show_in_menus=True
)
ConsultationPageFactory = page_factory(
    ConsultationPage,
    title=numbered("Consultation"),
    summary="Comment on the draft.",
    opening_date=date(2026, 6, 1),
    closing_date=date(2026, 6, 30),
    contact_email="team@example.gov.uk",
)
