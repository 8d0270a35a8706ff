from django.db import models


class EditionStatus(models.TextChoices):
    CURRENT = "current", "Current"
    SUPERSEDED = "superseded", "Superseded"


class CategoryStrategyStatus(models.TextChoices):
    DRAFT = "draft", "Draft for consultation"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"
