from django.db import models


class OutcomeKind(models.TextChoices):
    SAVINGS = "savings", "Savings (£)"
    INCOME = "income", "Income (£)"
    SOCIAL_VALUE = "social_value", "Social value (£)"
    JOBS = "jobs", "Jobs"
    APPRENTICESHIPS = "apprenticeships", "Apprenticeships"
    SME_SPEND = "sme_spend", "Spend with SMEs (%)"
    LOCAL_SPEND = "local_spend", "Local spend (%)"
    VCSE_SPEND = "vcse_spend", "Spend with VCSE organisations (%)"
    CO2E = "co2e", "Carbon saved (tonnes CO2e)"


class OutcomeUnit(models.TextChoices):
    POUNDS = "pounds", "£"
    COUNT = "count", "number"
    PERCENT = "percent", "%"
    TONNES_CO2E = "tonnes_co2e", "tonnes CO2e"


OUTCOME_UNITS = {
    OutcomeKind.SAVINGS: OutcomeUnit.POUNDS,
    OutcomeKind.INCOME: OutcomeUnit.POUNDS,
    OutcomeKind.SOCIAL_VALUE: OutcomeUnit.POUNDS,
    OutcomeKind.JOBS: OutcomeUnit.COUNT,
    OutcomeKind.APPRENTICESHIPS: OutcomeUnit.COUNT,
    OutcomeKind.SME_SPEND: OutcomeUnit.PERCENT,
    OutcomeKind.LOCAL_SPEND: OutcomeUnit.PERCENT,
    OutcomeKind.VCSE_SPEND: OutcomeUnit.PERCENT,
    OutcomeKind.CO2E: OutcomeUnit.TONNES_CO2E,
}

# How each kind of figure is named beside its value on the page.
OUTCOME_LABELS = {
    OutcomeKind.SAVINGS: "Savings",
    OutcomeKind.INCOME: "Income",
    OutcomeKind.SOCIAL_VALUE: "Social value",
    OutcomeKind.JOBS: "Jobs",
    OutcomeKind.APPRENTICESHIPS: "Apprenticeships",
    OutcomeKind.SME_SPEND: "Spend with SMEs",
    OutcomeKind.LOCAL_SPEND: "Spend with local suppliers",
    OutcomeKind.VCSE_SPEND: "Spend with VCSE organisations",
    OutcomeKind.CO2E: "Carbon saved",
}


class CaseStudySort(models.TextChoices):
    NEWEST = "newest", "Newest"
    LARGEST_SAVING = "saving", "Largest saving"


# The finder's facets, in the order they are shown, and the relation each filters on.
# Taxonomy facets are chosen by the term's slug.
FACETS = {
    "theme": "themes",
    "key_area": "key_areas",
    "category": "categories",
    "region": "region",
    "council_type": "council_type",
    "year": "year",
    "tag": "tags",
}

FIRST_YEAR = 1990
LAST_YEAR = 2100
