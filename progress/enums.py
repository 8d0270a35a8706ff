from django.db import models


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Role(models.TextChoices):
    LEAD = "lead", "Lead officer"
    COLLEAGUE = "colleague", "Colleague"


class Access(models.TextChoices):
    """Why an officer may take part in a council's return."""

    DOMAIN = "domain", "Address at a confirmed domain of the council"
    MANAGER_VERIFIED = "manager_verified", "Verified for the council by a hub manager"
    MANAGER_APPROVED = "manager_approved", "Access approved by a manager"
    LEAD_APPROVED = "lead_approved", "Access approved by the lead officer"
    # Respondents from before verification: they may read, not answer or submit.
    NONE = "", "Not verified"


# A return led by one of these counts in the national figures.
VERIFIED_ACCESS = (Access.DOMAIN, Access.MANAGER_VERIFIED, Access.MANAGER_APPROVED)


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


class Instrument(models.TextChoices):
    """How a set of findings was gathered."""

    SURVEY = "survey", "Survey"
    DIAGNOSTIC = "diagnostic", "Diagnostic"
