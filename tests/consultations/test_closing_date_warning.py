"""Editors are warned when a consultation would close on a weekend or a bank holiday."""

from datetime import date

import pytest

from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from consultations.times import closing_date_warning, next_working_day
from consultations.wagtail_hooks import warn_about_a_closing_date_on_a_non_working_day
from tests.consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory


def test_substitute_bank_holidays_and_weekends_are_not_working_days():
    # Boxing Day 2026 is a Saturday, so Monday 28 December is its substitute bank holiday.
    assert "Boxing Day" in closing_date_warning(date(2026, 12, 28))
    assert "a Sunday" in closing_date_warning(date(2026, 12, 27))
    assert closing_date_warning(date(2026, 12, 30)) == ""
    assert next_working_day(date(2026, 12, 25)) == date(2026, 12, 29)
    assert next_working_day(date(2026, 6, 30)) == date(2026, 6, 30)


@pytest.mark.django_db
def test_saving_a_consultation_that_closes_on_a_bank_holiday_warns_the_editor(home):
    index = ConsultationIndexPageFactory(parent=home)
    page = ConsultationPageFactory(
        parent=index, opening_date=date(2026, 12, 1), closing_date=date(2026, 12, 28)
    )
    request = admin_request()
    warn_about_a_closing_date_on_a_non_working_day(request, page)
    warnings = [str(message) for message in get_messages(request)]
    assert warnings == [
        "The closing date, 28 December 2026, is a bank holiday (Boxing Day (observed)) in "
        "England and Wales. People may expect to be able to respond on the next working day: "
        "consider moving it."
    ]
    page.closing_date = date(2026, 12, 29)
    request = admin_request()
    warn_about_a_closing_date_on_a_non_working_day(request, page)
    assert list(get_messages(request)) == []


def admin_request():
    """A request that can carry messages, as the admin's edit view has."""
    request = RequestFactory().post("/admin/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request
