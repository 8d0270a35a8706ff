"""UK time: exclusive closing instants and GOV.UK wording, whatever the server's zone."""

from datetime import UTC, date, datetime, time

import pytest

from consultations import times


@pytest.mark.parametrize(
    ("closing_date", "closes_at"),
    [
        (date(2026, 6, 30), datetime(2026, 6, 30, 23, 0, tzinfo=UTC)),  # BST
        (date(2026, 3, 29), datetime(2026, 3, 29, 23, 0, tzinfo=UTC)),  # 23-hour day
        (date(2026, 3, 28), datetime(2026, 3, 29, 0, 0, tzinfo=UTC)),  # GMT, day before
        (date(2026, 10, 25), datetime(2026, 10, 26, 0, 0, tzinfo=UTC)),  # 25-hour day
        (date(2026, 10, 24), datetime(2026, 10, 24, 23, 0, tzinfo=UTC)),  # BST, day before
    ],
)
def test_a_closing_date_closes_at_the_start_of_the_next_uk_day(server_tz, closing_date, closes_at):
    assert times.closing_instant(closing_date) == closes_at


def test_an_explicit_closing_time_is_the_exclusive_instant(server_tz):
    assert times.closing_instant(date(2026, 6, 30), time(17, 0)) == datetime(
        2026, 6, 30, 16, 0, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("day", "message"),
    [(date(2026, 3, 29), "does not exist"), (date(2026, 10, 25), "happens twice")],
)
def test_a_wall_time_skipped_or_repeated_by_the_clocks_is_refused(server_tz, day, message):
    with pytest.raises(times.LocalTimeError, match=message):
        times.london_instant(day, time(1, 30))


@pytest.mark.parametrize(
    ("at", "text"),
    [
        (time(17, 0), "5pm"),
        (time(17, 30), "5:30pm"),
        (time(12, 0), "midday"),
        (time(9, 5), "9:05am"),
        (time(23, 59), "11:59pm"),
        (time(0, 30), "12:30am"),
    ],
)
def test_times_are_written_the_gov_uk_way(at, text):
    assert times.format_time(at) == text


@pytest.mark.parametrize(
    ("instant", "text"),
    [
        (times.closing_instant(date(2026, 6, 30)), "11:59pm on 30 June 2026"),
        (times.closing_instant(date(2026, 10, 25)), "11:59pm on 25 October 2026"),
        (times.closing_instant(date(2026, 6, 30), time(17, 0)), "5pm on 30 June 2026"),
        (times.closing_instant(date(2026, 6, 30), time(12, 0)), "midday on 30 June 2026"),
        # An explicit 00:00 is the end of the day before, never "midnight" or "12am".
        (times.closing_instant(date(2026, 7, 1), time(0, 0)), "11:59pm on 30 June 2026"),
    ],
)
def test_closing_times_never_say_midnight_or_12am(server_tz, instant, text):
    assert times.format_closing(instant) == text
    assert "midnight" not in text and "12am" not in text


def test_days_left_counts_uk_calendar_days_to_the_last_day(server_tz):
    closes = times.closing_instant(date(2026, 6, 30))
    assert times.days_left(closes, datetime(2026, 6, 27, 9, 0, tzinfo=UTC)) == 3
    # 23:30 UTC on 29 June is already 30 June in London: the last day.
    assert times.days_left(closes, datetime(2026, 6, 29, 23, 30, tzinfo=UTC)) == 0
