from datetime import datetime

from django import template
from django.conf import settings
from django.template.defaultfilters import pluralize
from django.utils import timezone

from consultations import times
from consultations.models import ConsultationPage
from consultations.respondent_data.withdrawal import withdraw_url
from consultations.verification import verification_wanted, verify_url


register = template.Library()


# An instant for a <time datetime> attribute.
register.filter("utc_iso", times.utc_iso)
# A comment's withdraw link, and its verification link (empty when none is wanted).
register.filter("withdraw_link", withdraw_url)
register.filter("verify_link", verify_url)
register.filter("verification_wanted", verification_wanted)


@register.simple_tag
def retention_period() -> str:
    """How long respondents' details are kept, as the retention command enforces it."""
    months = settings.CONSULTATIONS_RETENTION_MONTHS
    return f"{months} month{pluralize(months)}"


@register.simple_tag
def closing_countdown(consultation: ConsultationPage, now: datetime) -> str:
    """The countdown: "Closing in 3 days", or "Closes today at 11:59pm" on the last day."""
    days = consultation.days_left_at(now)
    if days <= 0:
        last = times.last_moment(consultation.closes_at)
        return f"Closes today at {times.format_time(last.time())}"
    return f"Closing in {days} day{pluralize(days)}"


def open_consultation_for(request, strategy) -> ConsultationPage | None:
    """The open consultation on this strategy, looked up once per request."""
    cache = request.__dict__.setdefault("_open_consultations", {}) if request else {}
    if strategy.pk not in cache:
        cache[strategy.pk] = (
            ConsultationPage.objects.live()
            .public()
            .defer_streamfields()
            .open_for_strategy(strategy, timezone.now())
            .first()
        )
    return cache[strategy.pk]


@register.inclusion_tag("components/consultations_section_link.html", takes_context=True)
def comment_on_section(context, strategy, section: dict):
    """A "Comment on this section" link, while a consultation on the strategy is open."""
    request = context.get("request")
    consultation = open_consultation_for(request, strategy)
    url = None
    if consultation is not None:
        respond = consultation.reverse_subpage("respond")
        url = f"{consultation.get_url(request=request)}{respond}?section={section['id']}"
    return {"url": url, "section": section}
