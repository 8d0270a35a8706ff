"""Self-assessment cycles, councils' returns, their answers and the sign-in links officers use."""

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from hub.blocks import RICH_TEXT_FEATURES
from hub.models import Level
from hub.models.taxonomy import level_label, level_validators
from progress.enums import VERIFIED_ACCESS, Access, RequestStatus, ReturnStatus, Role


# The council's own answer to a key area is kept beside the departments' answers, under no
# department.
COUNCIL = ""


def done_by(**options) -> models.ForeignKey:
    """Who did something, such as submit a return; left empty once their account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", **options
    )


class CycleQuerySet(models.QuerySet):
    """Reads over self-assessment cycles."""

    def open(self):
        """Cycles councils can start and edit returns in."""
        return self.filter(is_open=True)

    def newest_first(self):
        """Cycles from the latest year."""
        return self.order_by("-year")


class Cycle(models.Model):
    """One round of the self-assessment, such as 2026, with the key areas it asks about."""

    year = models.PositiveSmallIntegerField(unique=True)
    is_open = models.BooleanField(
        default=True, help_text="Councils can start, edit and submit returns."
    )
    key_areas = models.ManyToManyField(
        "hub.KeyArea",
        related_name="+",
        help_text="Every key area and enabler of the edition this cycle assesses.",
    )
    commentary = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Editors' commentary shown on the national findings page.",
    )
    is_illustrative = models.BooleanField(
        default=False, help_text="Tick when the returns are invented for illustration."
    )

    objects = CycleQuerySet.as_manager()

    panels = [
        FieldPanel("year"),
        FieldPanel("is_open"),
        FieldPanel("key_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("commentary"),
        FieldPanel("is_illustrative"),
    ]

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def areas(self):
        """The cycle's key areas and enablers in the strategy's order."""
        return self.key_areas.select_related("theme").order_by(
            "theme__sort_order", "sort_order", "name"
        )

    def previous(self):
        """The cycle before this one, if any."""
        return Cycle.objects.filter(year__lt=self.year).order_by("-year").first()

    def get_findings_url(self):
        return reverse("progress:findings", args=[self.year])


class ReturnQuerySet(models.QuerySet):
    """Reads over returns."""

    def submitted(self):
        """Returns councils have submitted."""
        return self.filter(status=ReturnStatus.SUBMITTED)

    def drafts(self):
        """Returns still being filled in."""
        return self.filter(status=ReturnStatus.DRAFT)

    def counted(self):
        """Submitted returns whose lead officer is verified: the ones national figures count."""
        return self.submitted().filter(
            respondents__role=Role.LEAD, respondents__access__in=VERIFIED_ACCESS
        )

    def left_out(self):
        """Submitted returns national figures leave out, their lead officer not verified."""
        return self.submitted().exclude(pk__in=self.counted().values("pk"))

    def visible_to(self, user):
        """Every return for a manager; otherwise only returns the user takes part in."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("progress.view_all_returns"):
            return self.all()
        return self.filter(respondents__user=user)


class Return(models.Model):
    """One council's return for one cycle."""

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="returns")
    council = models.ForeignKey(
        "hub.Council", on_delete=models.PROTECT, related_name="self_assessments"
    )
    status = models.CharField(
        max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = done_by(blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = done_by(blank=True)

    objects = ReturnQuerySet.as_manager()

    class Meta:
        ordering = ["-cycle__year", "council__name"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "council"], name="progress_one_return")
        ]
        permissions = [
            ("view_all_returns", "See every council's return"),
            ("reopen_return", "Reopen a submitted return"),
            ("export_returns", "Export returns"),
            ("approve_access", "Approve access to any council's return"),
        ]

    def __str__(self):
        return f"{self.council} {self.cycle}"

    def get_absolute_url(self):
        return reverse("progress:return", args=[self.cycle.year, self.council.slug])

    @property
    def is_submitted(self):
        return self.status == ReturnStatus.SUBMITTED

    def url(self, name, *args):
        """The address of one of this return's views."""
        return reverse(f"progress:{name}", args=[self.cycle.year, self.council.slug, *args])


class Respondent(models.Model):
    """An officer taking part in a council's return."""

    return_obj = models.ForeignKey(
        Return, on_delete=models.CASCADE, related_name="respondents", db_column="return_id"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.COLLEAGUE)
    department = models.CharField(max_length=100)
    joined_at = models.DateTimeField(auto_now_add=True)
    access = models.CharField(
        max_length=20, choices=Access.choices, blank=True, default=Access.NONE
    )

    class Meta:
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["return_obj", "user"], name="progress_one_respondent")
        ]

    def __str__(self):
        return f"{self.user.email} ({self.department})"

    @property
    def is_lead(self):
        return self.role == Role.LEAD

    @property
    def may_answer(self):
        """Verified for the council, or let in by the lead or a manager."""
        return self.access != Access.NONE

    @property
    def is_verified(self):
        return self.access in VERIFIED_ACCESS


class Invitation(models.Model):
    """A colleague asked to join a return; they join when they sign in with this email."""

    return_obj = models.ForeignKey(
        Return, on_delete=models.CASCADE, related_name="invitations", db_column="return_id"
    )
    email = models.EmailField()
    department = models.CharField(max_length=100)
    invited_by = done_by()
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["return_obj", "email"], name="progress_one_invitation")
        ]

    def __str__(self):
        return self.email


class AnswerQuerySet(models.QuerySet):
    """Reads over answers."""

    def council(self):
        """The councils' consolidated answers."""
        return self.filter(department=COUNCIL)

    def departments(self):
        """Departments' answers, from which the spread is drawn."""
        return self.exclude(department=COUNCIL)


class AnswerFields(models.Model):
    """What an answer records: current and target level, comment and evidence."""

    current_level = models.PositiveSmallIntegerField(
        choices=Level.choices, validators=level_validators()
    )
    target_level = models.PositiveSmallIntegerField(
        choices=Level.choices, validators=level_validators()
    )
    comment = models.TextField(blank=True)
    evidence = models.TextField(blank=True)

    VALUE_FIELDS = ["current_level", "target_level", "comment", "evidence"]

    class Meta:
        abstract = True

    def values(self) -> dict:
        return {name: getattr(self, name) for name in self.VALUE_FIELDS}

    @property
    def gap(self):
        return self.target_level - self.current_level

    @property
    def current_label(self) -> str:
        """The current level as lists show it, e.g. "3. Mature"."""
        return level_label(self.current_level, self.get_current_level_display())

    @property
    def target_label(self) -> str:
        """The target level as lists show it."""
        return level_label(self.target_level, self.get_target_level_display())


class Answer(AnswerFields):
    """A department's answer to a key area, or (under no department) the council's own."""

    return_obj = models.ForeignKey(
        Return, on_delete=models.CASCADE, related_name="answers", db_column="return_id"
    )
    key_area = models.ForeignKey("hub.KeyArea", on_delete=models.PROTECT, related_name="+")
    department = models.CharField(max_length=100, blank=True)
    # Each save adds one, so a form sent from an older version is known to be out of date.
    version = models.PositiveIntegerField(default=1)
    updated_by = done_by()
    updated_at = models.DateTimeField()

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["department"]
        constraints = [
            models.UniqueConstraint(
                fields=["return_obj", "key_area", "department"], name="progress_one_answer"
            )
        ]

    def __str__(self):
        return f"{self.key_area}: {self.current_level} → {self.target_level}"

    @property
    def is_council(self):
        return self.department == COUNCIL

    @property
    def editor_email(self) -> str:
        """The last editor's email address; blank once their account is deleted."""
        return self.updated_by.email if self.updated_by else ""


class SupersededAnswer(AnswerFields):
    """What an officer saved before a colleague's later save replaced it, kept for them."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="superseded")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    saved_at = models.DateTimeField()
    superseded_by = done_by()
    superseded_at = models.DateTimeField(auto_now_add=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-superseded_at"]

    def __str__(self):
        return f"{self.answer} (replaced {self.superseded_at:%Y-%m-%d %H:%M})"


class SignInLink(models.Model):
    """An emailed one-time sign-in link; only a hash of its token is kept."""

    email = models.EmailField(db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)
    client_ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} {self.created_at:%Y-%m-%d %H:%M}"


class AccessRequestQuerySet(models.QuerySet):
    """Reads over requests for access to a council's return."""

    def pending(self):
        return self.filter(status=RequestStatus.PENDING)

    def visible_to(self, user):
        """Requests the user may open: all for a manager; else those they may decide or decided."""
        if user.has_perm("progress.approve_access"):
            return self.all()
        return self.filter(models.Q(pk__in=self.decidable_by(user)) | models.Q(decided_by=user))

    def decidable_by(self, user):
        """Pending requests the user may decide: as the return's lead, or every one as manager."""
        if user.has_perm("progress.approve_access"):
            return self.pending()
        led = Respondent.objects.filter(user=user, role=Role.LEAD, access__in=VERIFIED_ACCESS)
        return self.pending().filter(
            models.Exists(
                led.filter(
                    return_obj__cycle=models.OuterRef("cycle"),
                    return_obj__council=models.OuterRef("council"),
                )
            )
        )


class AccessRequest(models.Model):
    """Someone not verified for a council asking to start or join its return.

    The row is the record of the decision: who decided, when and what.
    """

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="access_requests")
    council = models.ForeignKey(
        "hub.Council", on_delete=models.CASCADE, related_name="access_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_requests"
    )
    # The address the user proved with a sign-in link when asking.
    email = models.EmailField()
    department = models.CharField(max_length=100)
    reason = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    decided_by = done_by(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = AccessRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "council", "user"],
                condition=models.Q(status="pending"),
                name="progress_one_pending_access_request",
            )
        ]

    def __str__(self):
        return f"{self.email} for {self.council} {self.cycle}"

    def get_absolute_url(self):
        return reverse("progress:access_decide", args=[self.pk])
