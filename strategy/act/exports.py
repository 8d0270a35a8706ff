"""The timeline as a calendar file and as CSV."""

import csv
import io
from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event

from hub.exports import spreadsheet_safe
from strategy.act.timeline import Timeline


TIMELINE_COLUMNS = [
    "date",
    "milestone",
    "detail",
    "section",
    "source_url",
    "standing",
    "assumed",
]


def milestone_rows(t: Timeline) -> list[dict]:
    """One row per dated milestone, as in the CSV."""
    return [
        {
            "date": m.day.isoformat(),
            "milestone": m.title,
            "detail": m.text,
            "section": m.section,
            "source_url": m.source_url,
            "standing": "partly verified" if m.partly_verified else "verified",
            "assumed": "yes" if m.assumed else "no",
        }
        for m in t.dated
    ]


def timeline_csv(t: Timeline) -> str:
    """The timeline's dated milestones, with the rules date and data version in the header."""
    out = io.StringIO()
    out.write(
        f"# Procurement Act 2023 timeline; rules as in force on {t.rules.on.isoformat()}, "
        f"data version {t.rules.version}. Guidance, not legal advice.\n"
    )
    writer = csv.DictWriter(out, fieldnames=TIMELINE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in milestone_rows(t):
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    return out.getvalue()


def timeline_ics(t: Timeline, url: str) -> bytes:
    """Each dated milestone as an all-day event, linked to the timeline's address."""
    cal = Calendar()
    cal.add("prodid", "-//Procurement Knowledge Hub//Procurement Act timeline//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Procurement timeline")
    stamp_key = f"{t.plan.tender_notice.isoformat()}-{t.rules.version}"
    # Fixed by the answers, so the same address always gives the same file.
    stamp = datetime.combine(t.plan.tender_notice, time(0), tzinfo=UTC)
    for number, m in enumerate(t.dated, start=1):
        event = Event()
        event.add("uid", f"{stamp_key}-{number}@procurement-act-timeline")
        event.add("summary", m.title)
        event.add("dtstart", m.day)
        event.add("dtend", m.day + timedelta(days=1))
        event.add("dtstamp", stamp)
        event.add("description", f"{m.text} ({m.section}; {m.source_url})")
        event.add("url", url)
        cal.add_component(event)
    return cal.to_ical()
