"""Factories for the "Check your progress" page types."""

import factory

from progress.enums import Instrument
from progress.models import FindingsPage, ProgressIndexPage
from tests.factories import numbered, page_factory


ProgressIndexPageFactory = page_factory(
    ProgressIndexPage, title="Check your progress", slug="check-your-progress"
)
FindingsPageFactory = page_factory(
    FindingsPage,
    title=numbered("Findings"),
    instrument=Instrument.SURVEY,
    parent=factory.SubFactory(ProgressIndexPageFactory),
)
