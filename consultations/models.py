"""Consultations on draft category strategies, and the comments people send."""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from consultations import times
from consultations.enums import (
    CommentStatus,
    ConsultationState,
    EmailStatus,
    NotificationKind,
    ResponseType,
)
from hub.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, DocumentBlock
from hub.models import BasePage, Illustrative


COMMENT_MAX_LENGTH = 10_000


class ConsultationIndexPage(RoutablePageMixin, BasePage):
    """Every consultation: open ones first by closing time, then forthcoming, then closed."""

    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["hub.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    # One listing of consultations for the whole hub.
    max_count = 1
    show_last_updated = False

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

    @path("")
    def listing(self, request):
        """The listing itself."""
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        """Atom feed of consultations with their opening and closing instants."""
        from consultations.feeds import ConsultationFeed

        return ConsultationFeed(self)(request)


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
        from consultations.outcome import closing_change_log, closing_change_record

        update_fields = kwargs.get("update_fields")
        change = None
        if update_fields is None or "closes_at" in update_fields:
            change = closing_change_record(self)
        super().save(*args, **kwargs)
        if change:
            closing_change_log(self, *change)

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
        from strategy.models import CategoryStrategyPage

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

    @path("")
    def detail(self, request):
        """The consultation page itself."""
        return self.render(request)

    @path("respond/")
    def respond(self, request):
        """The comment form, and where it posts."""
        from consultations.views import comment_form_view

        return comment_form_view(request, self)

    @path("confirmation/<str:reference>/")
    def confirmation(self, request, reference):
        """What someone sees once their comment is stored: its reference."""
        from consultations.views import comment_confirmation_view

        return comment_confirmation_view(request, self, reference)

    @path("responses/")
    def responses(self, request):
        """Published responses, once closed, if the consultation publishes them."""
        from consultations.published import published_responses_view

        return published_responses_view(request, self)

    @path("calendar/")
    def calendar(self, request):
        """The closing instant as an iCalendar event."""
        from consultations.feeds import closing_calendar

        return closing_calendar(request, self)

    @path("late/<str:token>/")
    def late_entry(self, request, token):
        """The comment form through a manager's late-entry link."""
        from consultations.late_entry import late_entry_view

        return late_entry_view(request, self, token)

    @path("withdraw/<str:token>/")
    def withdraw(self, request, token):
        """A respondent withdraws their comment before the close."""
        from consultations.withdrawal import withdraw_view

        return withdraw_view(request, self, token)

    def responses_published_at(self, now: datetime) -> bool:
        """Whether the public may read approved comments at that instant."""
        return self.publish_responses and now >= self.closes_at


class CommentQuerySet(models.QuerySet):
    """Reads over comments."""

    def with_key(self, consultation, key):
        """The comment stored for this form submission, if any."""
        return self.filter(consultation=consultation, idempotency_key=key)

    def exportable(self):
        """Everything but withdrawn comments, which leave the exports."""
        return self.exclude(status=CommentStatus.WITHDRAWN)

    def published_on(self, consultation):
        """Comments on the consultation that a manager approved for publication."""
        return self.filter(consultation=consultation, status=CommentStatus.PUBLISHED)

    def for_email(self, email: str):
        """Every comment sent from this address, whatever its case."""
        return self.filter(email__iexact=email)

    def forget_respondents(self, **changes) -> int:
        """Clear who sent these comments and what they agreed to, keeping text and reference."""
        return self.update(
            name="",
            email="",
            role="",
            organisation_other="",
            council=None,
            consent_publish_name=False,
            consent_publish_organisation=False,
            notify_outcome=False,
            **changes,
        )

    def awaiting_outcome_email(self, consultation):
        """Respondents who asked to hear about the outcome and can still be reached."""
        return (
            self.filter(consultation=consultation, notify_outcome=True, anonymised_at__isnull=True)
            .exclude(email="")
            .exclude(status__in=[CommentStatus.QUARANTINED, CommentStatus.WITHDRAWN])
        )


class Comment(models.Model):
    """One response to a consultation, on the whole draft or on one numbered section."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.PROTECT, related_name="comments"
    )
    section_id = models.CharField(
        max_length=64, blank=True, help_text="Stable id of the section; empty for the whole draft."
    )
    section_number = models.PositiveSmallIntegerField(null=True, blank=True)
    section_heading = models.CharField(
        max_length=255, blank=True, help_text="The section heading when the comment was made."
    )
    page_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The live revision of the draft the comment was made on.",
    )
    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    council = models.ForeignKey(
        "hub.Council", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_other = models.CharField("other organisation", max_length=200, blank=True)
    role = models.CharField(max_length=200)
    response_type = models.CharField(max_length=20, choices=ResponseType.choices)
    consent_publish_name = models.BooleanField("may publish name", default=False)
    consent_publish_organisation = models.BooleanField("may publish organisation", default=False)
    text = models.TextField("comment")
    reference = models.CharField(max_length=20, unique=True, editable=False)
    received_at = models.DateTimeField(editable=False)
    status = models.CharField(
        max_length=20, choices=CommentStatus.choices, default=CommentStatus.RECEIVED
    )
    quarantine_reason = models.CharField(max_length=100, blank=True, editable=False)
    idempotency_key = models.UUIDField(editable=False)
    notify_outcome = models.BooleanField("email me the outcome", default=False)
    late_entry = models.OneToOneField(
        "consultations.LateEntryLink",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="comment",
        editable=False,
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    # Comments point at pages, never the other way; indexing them would only slow each POST.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "idempotency_key"], name="comment_unique_submission"
            ),
            models.CheckConstraint(
                condition=models.Q(GreaterThanOrEqual(Length("text"), 1))
                & models.Q(LessThanOrEqual(Length("text"), COMMENT_MAX_LENGTH)),
                name="comment_text_length",
            ),
        ]
        permissions = [
            ("erase_respondent_data", "Can find, export and erase everything held for an email"),
        ]

    def __str__(self):
        return self.reference

    @property
    def organisation(self) -> str:
        """The council's name, or the organisation typed in."""
        return self.council.name if self.council_id else self.organisation_other

    @property
    def gss_code(self) -> str:
        """The council's GSS code, for exports."""
        return self.council.gss_code if self.council_id else ""

    @property
    def about(self) -> str:
        """What the comment is on: "3. Market engagement" or "The whole draft"."""
        if not self.section_id:
            return "The whole draft"
        return f"{self.section_number}. {self.section_heading}"

    @property
    def received_at_uk(self) -> str:
        """Received time in UK time, ISO 8601 with offset, for exports."""
        return times.to_london(self.received_at).isoformat(timespec="seconds")

    @property
    def late(self) -> str:
        """Who accepted the comment after the close, and why; empty when on time."""
        if not self.late_entry_id:
            return ""
        link = self.late_entry
        user = link.created_by
        by = (user.get_full_name() or user.get_username()) if user else "a manager"
        return f"Late (accepted by {by}: {link.reason})"


class CommentEmail(models.Model):
    """A confirmation email waiting to go, written in the same transaction as its comment."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="email_job")
    status = models.CharField(
        max_length=20, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "confirmation email"

    def __str__(self):
        return f"Confirmation for {self.comment.reference}"


# The longest a late-entry link may work for.
LATE_ENTRY_MAX_HOURS = 72


class LateEntryLink(models.Model):
    """A manager's single-use link that lets one comment in after the close."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="late_entry_links"
    )
    # Only a hash is kept: the link itself is shown once, to the manager who issued it.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    reason = models.TextField(help_text="Why a comment is accepted after the close.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Late entry to {self.consultation.title}"

    def usable_at(self, now: datetime) -> bool:
        """Not used and not expired at that instant."""
        return self.used_at is None and now < self.expires_at


class SubscriptionQuerySet(models.QuerySet):
    """Reads over confirmed subscriptions."""

    def confirmed_before(self, instant: datetime):
        """Subscribers who had confirmed by that instant."""
        return self.filter(confirmed_at__lte=instant)

    def not_yet_sent(self, kind: str, consultation, confirmed_before: datetime | None = None):
        """Subscribers with no email of this kind about the consultation yet."""
        subscribers = self if confirmed_before is None else self.confirmed_before(confirmed_before)
        sent = Notification.objects.filter(
            subscription=OuterRef("pk"), kind=kind, consultation=consultation
        )
        return subscribers.exclude(Exists(sent))


class Subscription(models.Model):
    """A confirmed address that hears about new consultations and closing dates."""

    email = models.EmailField(max_length=254, unique=True)
    # The unsubscribe link carries this, never the address.
    key = models.UUIDField(unique=True, editable=False)
    confirmed_at = models.DateTimeField()

    objects = SubscriptionQuerySet.as_manager()

    def __str__(self):
        return f"Subscription {self.pk}"


class NotificationQuerySet(models.QuerySet):
    """Reads over the outbox of emails to respondents and subscribers."""

    def pending(self):
        return self.filter(status=EmailStatus.PENDING)


class Notification(models.Model):
    """One email in the outbox, at most one per recipient, consultation and kind.

    The recipient is worked out when it is sent (from its comment, subscription or signed
    token), so erasing a comment or a subscription leaves no address behind here.
    """

    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    consultation = models.ForeignKey(
        ConsultationPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    subscription = models.ForeignKey(
        Subscription,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    # A subscription confirmation goes to an address held nowhere else: its signed token.
    token = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "comment"],
                condition=models.Q(comment__isnull=False),
                name="notification_once_per_comment",
            ),
            models.UniqueConstraint(
                fields=["kind", "subscription", "consultation"],
                condition=models.Q(subscription__isnull=False),
                name="notification_once_per_subscriber",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"
