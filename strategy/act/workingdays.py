"""Working days under s.123: not a weekend, nor a bank holiday in any part of the United Kingdom."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


# England and Wales share one list; Scotland and Northern Ireland have their own.
UK_PARTS = {"ENG": "England and Wales", "SCT": "Scotland", "NIR": "Northern Ireland"}
HOLIDAYS_SOURCE = (
    "Bank holidays from the holidays package (python-holidays), for each part of the UK"
)


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> dict[date, list[str]]:
    """Each bank holiday of the year in any part of the UK, with the parts and names it has."""
    days: dict[date, list[str]] = {}
    for code, part in UK_PARTS.items():
        for day, name in holidays.UK(subdiv=code, years=year).items():
            days.setdefault(day, []).append(f"{name} ({part})")
    return days


def holiday_names(day: date) -> list[str]:
    """Why day is a bank holiday somewhere in the UK; empty if it is not."""
    return bank_holidays(day.year).get(day, [])


def is_working_day(day: date) -> bool:
    """s.123: a day other than a Saturday, a Sunday or a bank holiday anywhere in the UK."""
    return day.weekday() < 5 and not holiday_names(day)


def nth_working_day(start: date, count: int) -> date:
    """The count-th working day of a period beginning with start (start is day 1 if working)."""
    day = start
    while not is_working_day(day):
        day += timedelta(days=1)
    seen = 1
    while seen < count:
        day += timedelta(days=1)
        if is_working_day(day):
            seen += 1
    return day


def skipped_days(start: date, end: date) -> list[tuple[date, list[str]]]:
    """The bank holidays between start and end (inclusive) that the count skipped."""
    days, day = [], start
    while day <= end:
        if names := holiday_names(day):
            days.append((day, names))
        day += timedelta(days=1)
    return days
