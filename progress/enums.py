from django.db import models


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Role(models.TextChoices):
    LEAD = "lead", "Lead officer"
    COLLEAGUE = "colleague", "Colleague"
