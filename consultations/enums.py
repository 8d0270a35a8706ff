from django.db import models


class ConsultationState(models.TextChoices):
    FORTHCOMING = "forthcoming", "Forthcoming"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed – we are analysing your feedback"
    OUTCOME_PUBLISHED = "outcome", "Outcome published"


class CommentStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    QUARANTINED = "quarantined", "Quarantined (suspected spam)"
    PUBLISHED = "published", "Published"
    HIDDEN = "hidden", "Hidden"


class ResponseType(models.TextChoices):
    OFFICIAL = "official", "Official response for your organisation"
    PERSONAL = "personal", "Personal view"


class EmailStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Gave up after repeated failures"
