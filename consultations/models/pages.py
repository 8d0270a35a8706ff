"""Consultation pages: the listing, and one consultation with its dates, outcome and routes."""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from consultations import times
from consultations.enums import ConsultationState
from hub.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, DocumentBlock
from hub.models import BasePage, Illustrative, SectionIndexPage
from strategy.models import CategoryStrategyPage


def view_route(pattern: str, name: str, view: str):
    """A subpage route to a view function elsewhere, imported on use: views import these models."""

    def page_view(page, request, *args, **kwargs):
        return import_string(view)(request, page, *args, **kwargs)

    return path(pattern, name=name)(page_view)


class ConsultationIndexPage(RoutablePageMixin, SectionIndexPage):
    """Every consultation: open ones first by closing time, then forthcoming, then closed."""

    subpage_types = ["consultations.ConsultationPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        consultations = (
            ConsultationPage.objects.child_of(self).live().public().for_listing().order_by()
        )
        context["groups"] = [
            (ConsultationState.OPEN, "Open", consultations.open_at(now)),
            (ConsultationState.FORTHCOMING, "Forthcoming", consultations.forthcoming_at(now)),
            (ConsultationState.CLOSED, "Closed", consultations.closed_at(now)),
            (
                ConsultationState.OUTCOME_PUBLISHED,
                "Outcome published",
                consultations.outcome_published_at(now),
            ),
        ]
        context["now"] = now
        return context

    feed = view_route("feed/", "feed", "consultations.follow_up.feeds.consultation_feed")


EXTEND_CLOSING = "consultations.extend_closing"

# The outcome is published once its date or its "We did" is on the live page.
OUTCOME_PUBLISHED = models.Q(outcome_published_on__isnull=False) | ~models.Q(we_did="")


class ConsultationPageQuerySet(PageQuerySet):
    """Reads over consultations; every state is worked out against the given instant."""

    def for_listing(self):
        """Only what a listing card needs."""
        return self.defer_streamfields().select_related("strategy")

    def open_at(self, now: datetime):
        """Open at that instant, the soonest to close first."""
        return self.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at", "pk")

    def forthcoming_at(self, now: datetime):
        """Not yet open, the soonest to open first."""
        return self.filter(opens_at__gt=now).order_by("opens_at", "pk")

    def closed_at(self, now: datetime):
        """Closed with no outcome yet, the most recently closed first."""
        return (
            self.filter(closes_at__lte=now).exclude(OUTCOME_PUBLISHED).order_by("-closes_at", "pk")
        )

    def outcome_published_at(self, now: datetime):
        """Closed with an outcome, the most recently closed first."""
        return self.filter(OUTCOME_PUBLISHED, closes_at__lte=now).order_by("-closes_at", "pk")

    def open_for_strategy(self, strategy, now: datetime):
        """Open consultations on this draft strategy."""
        return self.open_at(now).filter(strategy=strategy)

    def next_change_after(self, now: datetime) -> datetime | None:
        """The next instant a state or a countdown shown for these consultations changes."""
        found = self.aggregate(
            opens=Min("opens_at", filter=Q(opens_at__gt=now)),
            closes=Min("closes_at", filter=Q(closes_at__gt=now)),
            open=Count("pk", filter=Q(opens_at__lte=now, closes_at__gt=now)),
        )
        instants = [found["opens"], found["closes"]]
        if found["open"]:
            # Open ones count down the days left ("Closing in 3 days") at UK midnight.
            instants.append(times.next_midnight(now))
        return min((instant for instant in instants if instant), default=None)


class ConsultationPage(RoutablePageMixin, Illustrative, BasePage):
    """A consultation on a draft: when it is open, what it is about, and the comment form."""

    strategy = models.ForeignKey(
        "strategy.CategoryStrategyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
        help_text="The draft category strategy under consultation; its numbered sections can "
        "be commented on one by one.",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="What the consultation is about and what we would like to know.",
    )
    documents = StreamField(
        [("document", DocumentBlock())],
        blank=True,
        help_text="The draft and supporting documents, when they are uploaded files.",
    )
    opening_date = models.DateField(help_text="UK date the consultation opens.")
    opening_time = models.TimeField(
        null=True,
        blank=True,
        help_text="UK time it opens. Leave empty to open at the start of the day.",
    )
    closing_date = models.DateField(help_text="UK date the consultation closes.")
    closing_time = models.TimeField(
        null=True,
        blank=True,
        help_text="UK time it closes, for example 17:00. Leave empty to accept comments until the "
        "end of the closing date (shown as 11:59pm).",
    )
    # Exact instants worked out from the dates and times above, kept for sorting and filtering.
    opens_at = models.DateTimeField(editable=False)
    closes_at = models.DateTimeField(editable=False)
    how_responses_used = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, verbose_name="How we will use your response"
    )
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    outcome_published_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day the outcome was published, shown on the page when known.",
    )
    we_asked = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name="We asked")
    you_said = RichTextField(features=RICH_TEXT_FEATURES, blank=True, verbose_name="You said")
    we_did = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name="We did",
        help_text="Publishing the page with this (or the date above) after the close shows "
        '"Outcome published" and emails, once, each respondent who asked to hear.',
    )
    outcome_strategy = models.ForeignKey(
        "strategy.CategoryStrategyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The strategy published as a result, if any.",
    )
    outcome_report = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An optional report on the responses, published with the outcome.",
    )
    publish_responses = models.BooleanField(
        default=False,
        help_text="After the close, show the comments a manager approved on a public page. "
        "Names and organisations appear only where the respondent agreed.",
    )
    # The close before the latest extension, for "Closing date extended from … to …".
    closing_extended_from = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PageManager.from_queryset(ConsultationPageQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opening_date"), FieldPanel("opening_time")]),
                FieldRowPanel([FieldPanel("closing_date"), FieldPanel("closing_time")]),
            ],
            heading="Dates (UK time)",
        ),
        FieldPanel("strategy"),
        FieldPanel("is_illustrative"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("how_responses_used"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], "Contact"),
        MultiFieldPanel(
            [
                FieldPanel("outcome_published_on"),
                FieldPanel("we_asked"),
                FieldPanel("you_said"),
                FieldPanel("we_did"),
                FieldPanel("outcome_strategy"),
                FieldPanel("outcome_report"),
            ],
            heading="Outcome",
        ),
        FieldPanel("publish_responses"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("we_did"),
        index.FilterField("closes_at"),
        index.FilterField("opens_at"),
    ]

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []
    # The comment form posts to the page; nothing else may change it.
    allowed_http_methods = ["GET", "HEAD", "OPTIONS", "POST"]

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.opens_at = times.london_instant(self.opening_date, self.opening_time)
        except times.LocalTimeError as error:
            errors["opening_time"] = str(error)
        except TypeError:
            errors["opening_date"] = "Enter the date the consultation opens."
        try:
            self.closes_at = times.closing_instant(self.closing_date, self.closing_time)
        except times.LocalTimeError as error:
            errors["closing_time"] = str(error)
        except TypeError:
            errors["closing_date"] = "Enter the date the consultation closes."
        if not errors and self.closes_at <= self.opens_at:
            errors["closing_date"] = "The consultation must close after it opens."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        change = None
        if update_fields is None or "closes_at" in update_fields:
            change = self._closing_change()
        super().save(*args, **kwargs)
        if change:
            old, new = change
            # The user comes from the admin's log context.
            log(
                instance=self,
                action=EXTEND_CLOSING,
                data={
                    "from": old.astimezone(UTC).isoformat(),
                    "to": new.astimezone(UTC).isoformat(),
                    "from_text": times.format_closing(old),
                    "to_text": times.format_closing(new),
                },
            )

    def _closing_change(self) -> tuple[datetime, datetime] | None:
        """Note a changed close on a live consultation before it is saved: (old, new) or None.

        A later close is shown as "Closing date extended from … to …"; an earlier one than the
        close before the last extension removes that line.
        """
        if self.pk is None or self.closes_at is None:
            return None
        before = ConsultationPage.objects.filter(pk=self.pk).values("closes_at", "live").first()
        if not before or not before["live"] or before["closes_at"] == self.closes_at:
            return None
        old, new = before["closes_at"], self.closes_at
        if new > old:
            self.closing_extended_from = old
        elif self.closing_extended_from and new <= self.closing_extended_from:
            self.closing_extended_from = None
        return old, new

    def state_at(self, now: datetime) -> ConsultationState:
        """The state at that instant: no scheduler decides it."""
        if now < self.opens_at:
            return ConsultationState.FORTHCOMING
        if now < self.closes_at:
            return ConsultationState.OPEN
        if self.outcome_published_on or self.we_did:
            return ConsultationState.OUTCOME_PUBLISHED
        return ConsultationState.CLOSED

    def is_open_at(self, now: datetime) -> bool:
        """Whether a comment received at that instant is on time."""
        return self.opens_at <= now < self.closes_at

    @property
    def closes_text(self) -> str:
        """The close in words, such as "11:59pm on 30 June 2026"."""
        return times.format_closing(self.closes_at)

    @property
    def extended_from_text(self) -> str:
        """The close before the latest extension, in words; empty when never extended."""
        if not self.closing_extended_from:
            return ""
        return times.format_closing(self.closing_extended_from)

    @property
    def opens_text(self) -> str:
        """The opening in words, such as "1 June 2026" or "9am on 1 June 2026"."""
        return times.format_opening(self.opens_at)

    def days_left_at(self, now: datetime) -> int:
        """UK calendar days until the last day for comments."""
        return times.days_left(self.closes_at, now)

    @cached_property
    def draft(self):
        """The live draft strategy under consultation, if any."""
        if self.strategy_id is None:
            return None
        return CategoryStrategyPage.objects.live().filter(pk=self.strategy_id).first()

    def sections(self) -> list[dict]:
        """The draft's numbered sections, for reading and commenting on one at a time."""
        return self.draft.numbered_sections() if self.draft else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context.update(
            now=now,
            state=self.state_at(now),
            sections=self.sections(),
            responses_published=self.responses_published_at(now),
        )
        return context

    # Each route is served by a view in the module that owns that part of the journey.
    respond = view_route("respond/", "respond", "consultations.views.comment_form_view")
    confirmation = view_route(
        "confirmation/<str:reference>/",
        "confirmation",
        "consultations.views.comment_confirmation_view",
    )
    responses = view_route(
        "responses/", "responses", "consultations.published.published_responses_view"
    )
    calendar = view_route("calendar/", "calendar", "consultations.follow_up.feeds.closing_calendar")
    late_entry = view_route(
        "late/<str:token>/", "late_entry", "consultations.views.late_entry_view"
    )
    verify = view_route("verify/<str:token>/", "verify", "consultations.verification.verify_view")
    withdraw = view_route(
        "withdraw/<str:token>/",
        "withdraw",
        "consultations.respondent_data.withdrawal.withdraw_view",
    )

    def responses_published_at(self, now: datetime) -> bool:
        """Whether the public may read approved comments at that instant."""
        return self.publish_responses and now >= self.closes_at
