"""What analysts record about comments: themes, each comment's tags and stance, campaign groups."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, Max, OuterRef, Q

from consultations.enums import CommentStatus
from consultations.models.comments import Comment, CommentQuerySet
from consultations.models.pages import ConsultationPage


# Where a comment is on the whole draft, its section id is empty; filters use this instead.
WHOLE_DRAFT = "whole"
UNTAGGED = "untagged"
UNKNOWN = "unknown"


class Stance(models.TextChoices):
    SUPPORTS = "supports", "Supports"
    OPPOSES = "opposes", "Opposes"
    MIXED = "mixed", "Mixed"
    NO_VIEW = "no_view", "No view"


class AnalysedCommentQuerySet(CommentQuerySet):
    """Reads over the comments an analyst works on (and every read comments have)."""

    def analysable(self, consultation):
        """The consultation's responses: never withdrawn ones (their words are gone) or spam."""
        return self.filter(consultation=consultation).exclude(
            status__in=[CommentStatus.WITHDRAWN, CommentStatus.QUARANTINED]
        )

    def for_listing(self):
        """What a row of the analysis list shows, in a fixed number of queries."""
        return self.select_related(
            "council__council_type", "council__region", "coding__tagged_by", "campaign_member"
        ).prefetch_related("coding__themes")

    def in_order(self):
        """Oldest first, the order analysts work through them."""
        return self.order_by("received_at", "pk")

    def sections(self) -> list[tuple[str, str]]:
        """(id, "3. Heading") of each section these comments are on, in the draft's order."""
        rows = (
            self.exclude(section_id="")
            .values("section_id")
            .annotate(number=Max("section_number"), heading=Max("section_heading"))
            .order_by("number")
        )
        return [(r["section_id"], f"{r['number']}. {r['heading']}") for r in rows]

    def on_section(self, section_id: str):
        return self.filter(section_id="" if section_id == WHOLE_DRAFT else section_id)

    def with_theme(self, theme_id):
        """Tagged with the theme; UNTAGGED for comments with no theme yet."""
        if theme_id == UNTAGGED:
            return self.exclude(Exists(Coding.themes.through.objects.filter(coding=OuterRef("pk"))))
        return self.filter(coding__themes=theme_id)

    def with_stance(self, stance: str):
        if stance == UNTAGGED:
            return self.filter(Q(coding__isnull=True) | Q(coding__stance=""))
        return self.filter(coding__stance=stance)

    def of_response_type(self, response_type: str):
        return self.filter(response_type=response_type)

    def of_council_type(self, council_type_id):
        if council_type_id == UNKNOWN:
            return self.filter(council__council_type__isnull=True)
        return self.filter(council__council_type=council_type_id)

    def in_region(self, region_id):
        if region_id == UNKNOWN:
            return self.filter(council__region__isnull=True)
        return self.filter(council__region=region_id)

    def verified_as(self, value: str):
        """Verified responses from a council ("yes"), or the rest ("no")."""
        return self.verified() if value == "yes" else self.not_verified()

    def after(self, comment):
        """Those after this one in working order."""
        return self.filter(
            Q(received_at__gt=comment.received_at)
            | Q(received_at=comment.received_at, pk__gt=comment.pk)
        )

    def before(self, comment):
        """Those before this one in working order, nearest first."""
        return self.filter(
            Q(received_at__lt=comment.received_at)
            | Q(received_at=comment.received_at, pk__lt=comment.pk)
        ).order_by("-received_at", "-pk")

    def quotable(self):
        """Comments whose authors agreed to be published with their name or organisation.

        Retention and erasure clear those consents, so their words are never quoted after.
        """
        return self.exclude(status=CommentStatus.HIDDEN).filter(
            Q(consent_publish_name=True) | Q(consent_publish_organisation=True)
        )


class AnalysedComment(Comment):
    """A comment as analysts see it: the same row, read through the analysis QuerySet."""

    objects = AnalysedCommentQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = "analysed comment"
        permissions = [("analyse_responses", "Can analyse consultation responses")]


class ResponseTheme(models.Model):
    """A theme analysts tag comments with, one list per consultation."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="response_themes"
    )
    name = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "name"], name="response_theme_unique_name"
            )
        ]

    def __str__(self):
        return self.name


class Coding(models.Model):
    """One comment's themes and stance, and who last tagged it, when."""

    comment = models.OneToOneField(
        Comment, primary_key=True, on_delete=models.CASCADE, related_name="coding"
    )
    themes = models.ManyToManyField(ResponseTheme, blank=True, related_name="codings")
    stance = models.CharField(max_length=10, choices=Stance.choices, blank=True)
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    tagged_at = models.DateTimeField()

    def __str__(self):
        return f"Tags on {self.comment_id}"


class CampaignGroupQuerySet(models.QuerySet):
    """Reads over campaign groups."""

    def suggested(self):
        return self.filter(confirmed_at__isnull=True)


class CampaignGroup(models.Model):
    """Near-identical comments (a campaign), suggested by the grouping and confirmed by a person."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="campaign_groups"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = CampaignGroupQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Campaign group {self.pk}"


class CampaignMember(models.Model):
    """A comment's place in one campaign group; a comment is in one group at most."""

    comment = models.OneToOneField(
        Comment, primary_key=True, on_delete=models.CASCADE, related_name="campaign_member"
    )
    group = models.ForeignKey(CampaignGroup, on_delete=models.CASCADE, related_name="members")

    def __str__(self):
        return f"{self.comment_id} in {self.group_id}"


__all__ = ["AnalysedComment", "CampaignGroup", "CampaignMember", "Coding", "ResponseTheme"]
