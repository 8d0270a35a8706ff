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
    WITHDRAWN = "withdrawn", "Withdrawn by the respondent"


class ResponseType(models.TextChoices):
    OFFICIAL = "official", "Official response for your organisation"
    PERSONAL = "personal", "Personal view"


class NotificationKind(models.TextChoices):
    RECEIPT = "receipt", "Confirmation of a comment"
    OUTCOME = "outcome", "Outcome published"
    SUBSCRIPTION_CONFIRM = "subscription_confirm", "Confirm a subscription"
    CONSULTATION_OPENED = "opened", "New consultation open"
    CLOSING_REMINDER = "closing_reminder", "Closing in three days"
