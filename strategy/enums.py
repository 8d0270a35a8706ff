from django.db import models


class EditionStatus(models.TextChoices):
    CURRENT = "current", "Current"
    SUPERSEDED = "superseded", "Superseded"


class CategoryStrategyStatus(models.TextChoices):
    DRAFT = "draft", "Draft for consultation"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"


class Regime(models.TextChoices):
    PCR_2015 = "pcr2015", "Public Contracts Regulations 2015"
    ACT_2023 = "act2023", "Procurement Act 2023"


class ResourceType(models.TextChoices):
    GUIDE = "guide", "Guide"
    TEMPLATE = "template", "Template"
    CHECKLIST = "checklist", "Checklist"
    REPORT = "report", "Report"
    SLIDES = "slides", "Slides"


class Audience(models.TextChoices):
    COUNCILLOR = "councillor", "Councillors"
    HEAD_OF_PROCUREMENT = "head-of-procurement", "Heads of procurement"
    PROCUREMENT_OFFICER = "procurement-officer", "Procurement officers"
    COMMISSIONER = "commissioner", "Commissioners"
    CONTRACT_MANAGER = "contract-manager", "Contract managers"
