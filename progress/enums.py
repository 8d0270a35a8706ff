from django.db import models


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Role(models.TextChoices):
    LEAD = "lead", "Lead officer"
    COLLEAGUE = "colleague", "Colleague"


class Level(models.IntegerChoices):
    """The five steps of the maturity scale, scored 1 to 5."""

    MINIMUM = 1, "Minimum"
    DEVELOPING = 2, "Developing"
    MATURE = 3, "Mature"
    LEADER = 4, "Leader"
    INNOVATOR = 5, "Innovator"
