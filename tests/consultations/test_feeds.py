"""Must show 4: the .ics and the Atom feed carry exactly the page's instants, in summer time too."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time

import icalendar
import pytest

from consultations.follow_up.feeds import EVENT_NAMESPACE
from tests.consultations.factories import ConsultationPageFactory


pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def page_instants(client, consultation) -> list[str]:
    """The machine-readable instants the consultation page shows."""
    html = client.get(consultation.url).content.decode()
    return re.findall(r'<time datetime="([^"]+)"', html)


@pytest.fixture
def winter(index):
    """Closes at 5pm on 12 January 2027 (GMT), explicitly timed."""
    page = ConsultationPageFactory(
        parent=index,
        slug="winter",
        opening_date=date(2026, 12, 1),
        closing_date=date(2027, 1, 12),
        closing_time=time(17, 0),
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_ics_holds_the_closing_instant_of_a_summer_close(client, consultation, clock):
    response = client.get(consultation.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    closes = datetime(2026, 6, 30, 23, 0, tzinfo=UTC)  # 00:00 BST on 1 July
    assert consultation.closes_at == closes
    assert event.start == closes == event.end, "DTSTART, and the end it implies, are the close"
    assert event.get("DTEND") is None or event.decoded("DTEND") == closes
    assert b"DTSTART:20260630T230000Z" in response.content
    assert "2026-06-30T23:00:00Z" in page_instants(client, consultation)
    assert "11:59pm on 30 June 2026" in str(event["DESCRIPTION"])


def test_ics_for_a_winter_close_at_5pm(client, winter, clock):
    calendar = icalendar.Calendar.from_ical(client.get(winter.url + "calendar/").content)
    (event,) = calendar.walk("VEVENT")
    assert event.start == datetime(2027, 1, 12, 17, 0, tzinfo=UTC) == winter.closes_at


def test_the_feed_carries_opening_and_closing_instants(client, consultation, winter, clock):
    response = client.get("/consultations/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, in a test
    entries = {entry.find(f"{ATOM}title").text: entry for entry in root.findall(f"{ATOM}entry")}
    summer = entries[consultation.title]
    assert summer.find(f"{{{EVENT_NAMESPACE}}}enddate").text == "2026-06-30T23:00:00Z"
    assert summer.find(f"{{{EVENT_NAMESPACE}}}startdate").text == "2026-05-31T23:00:00Z"
    published = datetime.fromisoformat(summer.find(f"{ATOM}published").text)
    assert published == consultation.opens_at == datetime(2026, 5, 31, 23, 0, tzinfo=UTC)
    assert "closes at 11:59pm on 30 June 2026 (UK time)" in summer.find(f"{ATOM}summary").text
    instants = page_instants(client, consultation)
    assert summer.find(f"{{{EVENT_NAMESPACE}}}enddate").text in instants
    assert entries[winter.title].find(f"{{{EVENT_NAMESPACE}}}enddate").text == (
        "2027-01-12T17:00:00Z"
    )
    assert list(entries) == [winter.title, consultation.title], "latest to open first"


def test_the_listing_links_to_the_feed_and_the_page_to_its_ics(client, consultation, clock):
    listing = client.get("/consultations/").content.decode()
    assert 'type="application/atom+xml"' in listing and "/consultations/feed/" in listing
    assert "/calendar/" in client.get(consultation.url).content.decode()
