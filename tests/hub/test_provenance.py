"""Sources and dates that editors set: a year, a month or a day, written the GOV.UK way."""

import pytest

from django.core.exceptions import ValidationError

from hub.models.provenance import partial_date_text, validate_partial_date


@pytest.mark.parametrize(
    ("value", "text"),
    [("2018", "2018"), ("2014-07", "July 2014"), ("2017-07-11", "11 July 2017")],
)
def test_a_publication_date_can_be_a_year_a_month_or_a_day(value, text):
    validate_partial_date(value)
    assert partial_date_text(value) == text


@pytest.mark.parametrize(
    "value", ["18", "2014-13", "2017-7-11", "July 2014", "2017-02-30", "2017-07-11x"]
)
def test_other_dates_are_refused_with_the_accepted_forms(value):
    with pytest.raises(ValidationError, match="2014-07"):
        validate_partial_date(value)
