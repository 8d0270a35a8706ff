"""UK time for consultations: exact instants in Europe/London and the way GOV.UK writes them.

The server's own TZ and Django's TIME_ZONE never enter these calculations: the zone is fixed.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays


LONDON = ZoneInfo("Europe/London")


class LocalTimeError(ValueError):
    """A wall-clock time that does not exist, or exists twice, in UK time."""


def london_instant(day: date, at: time | None = None) -> datetime:
    """The aware instant of a UK wall-clock time, refusing times skipped or repeated by BST."""
    wall = datetime.combine(day, at or time(0))
    first = wall.replace(tzinfo=LONDON, fold=0)
    second = wall.replace(tzinfo=LONDON, fold=1)
    if first.utcoffset() != second.utcoffset():
        # zoneinfo marks both gaps and overlaps by a fold-dependent offset; tell them apart.
        round_trip = first.astimezone(ZoneInfo("UTC")).astimezone(LONDON).replace(tzinfo=None)
        if round_trip != wall:
            why = "does not exist in UK time because the clocks go forward"
        else:
            why = "happens twice in UK time because the clocks go back"
        at = f"{format_time(wall.time())} on {format_date(day)}"
        raise LocalTimeError(f"{at} {why}. Choose another time.")
    return first


def closing_instant(day: date, at: time | None = None) -> datetime:
    """The exclusive close: the start of the next UK day, or the explicit time on that day."""
    if at is None:
        return london_instant(day + timedelta(days=1))
    return london_instant(day, at)


def to_london(instant: datetime) -> datetime:
    """An aware instant as UK wall-clock time."""
    return instant.astimezone(LONDON)


def utc_iso(instant: datetime | None) -> str:
    """An instant in UTC as ISO 8601, e.g. 2026-06-30T23:00:00Z; "" for none."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if instant else ""


def format_date(day: date) -> str:
    """GOV.UK date: 30 June 2026."""
    return f"{day.day} {day:%B %Y}"


def format_time(at: time) -> str:
    """GOV.UK time: 5pm, 5:30pm, midday, 11:59pm; never "midnight" or "12am"."""
    if at.hour == 12 and at.minute == 0:
        return "midday"
    hour = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    return f"{hour}{suffix}" if at.minute == 0 else f"{hour}:{at.minute:02d}{suffix}"


def last_moment(instant: datetime) -> datetime:
    """The UK wall time to show for an exclusive close: 00:00 reads as 11:59pm the day before."""
    local = to_london(instant)
    if local.hour == 0 and local.minute == 0:
        return (local - timedelta(minutes=1)).replace(second=0, microsecond=0)
    return local


def format_instant(instant: datetime) -> str:
    """An instant in UK time as people read it: "5:30pm on 30 June 2026"."""
    local = to_london(instant)
    return f"{format_time(local.time())} on {format_date(local.date())}"


def format_closing(instant: datetime) -> str:
    """The close as people read it: "11:59pm on 30 June 2026" for 00:00 on 1 July."""
    return format_instant(last_moment(instant))


def format_opening(instant: datetime) -> str:
    """The opening as people read it: "9am on 1 June 2026", or the date alone at 00:00."""
    local = to_london(instant)
    if local.hour == 0 and local.minute == 0:
        return format_date(local.date())
    return format_instant(instant)


def next_midnight(now: datetime) -> datetime:
    """The start of the next UK day, when every countdown drops by one."""
    return london_instant(to_london(now).date() + timedelta(days=1))


def days_left(instant: datetime, now: datetime) -> int:
    """Whole UK calendar days from today to the last day of the consultation (0 on that day)."""
    return (last_moment(instant).date() - to_london(now).date()).days


# Bank holidays of England and Wales (the package's "ENG" list; Wales has the same days),
# substitute days included, from a maintained package rather than a hand-written list.
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG")


def non_working_day(day: date) -> str:
    """Why day is not a working day in England and Wales ("" when it is one)."""
    if day.weekday() >= 5:
        return f"a {day:%A}"
    name = BANK_HOLIDAYS.get(day)
    return f"a bank holiday ({name})" if name else ""


def closing_date_warning(day: date) -> str:
    """A warning for editors when a consultation would close on a non-working day."""
    reason = non_working_day(day)
    if not reason:
        return ""
    return (
        f"The closing date, {format_date(day)}, is {reason} in England and Wales. "
        "People may expect to be able to respond on the next working day: consider moving it."
    )


def next_working_day(day: date) -> date:
    """day itself when it is a working day in England and Wales, otherwise the next one."""
    while non_working_day(day):
        day += timedelta(days=1)
    return day
