from django.db import models


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Role(models.TextChoices):
    LEAD = "lead", "Lead officer"
    COLLEAGUE = "colleague", "Colleague"


class Level(models.IntegerChoices):
    """The five steps of the maturity scale, scored 1 to 5.

    Only the names of levels 3 to 5 are confirmed in the strategy's published material; levels 1
    and 2 go by their number.
    """

    LEVEL_1 = 1, "Level 1"
    LEVEL_2 = 2, "Level 2"
    MATURE = 3, "Mature"
    LEADER = 4, "Leader"
    INNOVATOR = 5, "Innovator"


class ProgressEmail(models.TextChoices):
    SIGN_IN = "sign_in", "Self-assessment sign-in link"
    INVITATION = "invitation", "Invitation to a self-assessment"
    REMINDER = "reminder", "Reminder of an unsubmitted self-assessment"
