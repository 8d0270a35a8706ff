"""Following consultations without visiting: an Atom feed and an .ics per closing date."""

from datetime import UTC

import icalendar

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from consultations import times
from consultations.models import ConsultationPage
from hub.exports import attachment
from hub.feeds import IndexFeed
from hub.models import flag_text


FEED_LENGTH = 50
# The RSS 1.0 event module: ev:startdate and ev:enddate carry the opening and closing instants.
EVENT_NAMESPACE = "http://purl.org/rss/1.0/modules/event/"


class ConsultationAtomFeed(Atom1Feed):
    """Atom with each entry's opening and closing instants as ev:startdate and ev:enddate."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:ev": EVENT_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("ev:startdate", item["opens_at"])
        handler.addQuickElement("ev:enddate", item["closes_at"])


class ConsultationFeed(IndexFeed):
    """Consultations under one listing, the latest to open first."""

    feed_type = ConsultationAtomFeed
    about = "Consultations on draft category strategies."

    def title(self):
        return f"{self.index.title} – Procurement Knowledge Hub"

    def items(self):
        return (
            ConsultationPage.objects.child_of(self.index)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-opens_at", "pk")[:FEED_LENGTH]
        )

    def item_description(self, item):
        state = item.state_at(timezone.now()).label
        return (
            f"{state}. Opens {item.opens_text}; closes at {item.closes_text} (UK time). "
            f"{item.summary}"
        ).strip()

    def item_pubdate(self, item):
        return item.opens_at

    def item_updateddate(self, item):
        return item.last_published_at or item.opens_at

    def item_extra_kwargs(self, item):
        return {
            "opens_at": times.utc_iso(item.opens_at),
            "closes_at": times.utc_iso(item.closes_at),
        }


def consultation_feed(request, index) -> HttpResponse:
    """The listing's Atom feed, with each consultation's opening and closing instants."""
    return ConsultationFeed(index)(request)


def closing_calendar(request, page: ConsultationPage) -> HttpResponse:
    """One event at the closing instant (no DTEND: RFC 5545 makes it end as it starts)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Procurement Knowledge Hub//Consultations//EN")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    url = page.get_full_url(request=request)
    event.add("uid", f"consultation-{page.pk}-closes@{request.get_host()}")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", page.closes_at.astimezone(UTC))
    event.add("summary", f"Consultation closes: {flag_text(page)}{page.title}")
    event.add(
        "description",
        f"Comments are accepted until {page.closes_text} (UK time).\n{url}",
    )
    event.add("url", url)
    calendar.add_component(event)
    filename = f"{page.slug}-closing-date.ics"
    return attachment(calendar.to_ical(), filename, "text/calendar; charset=utf-8")
