from django.db import models


class OutcomeKind(models.TextChoices):
    """What a figure measures, named as the page shows it beside its value."""

    SAVINGS = "savings", "Savings"
    INCOME = "income", "Income"
    SOCIAL_VALUE = "social_value", "Social value"
    JOBS = "jobs", "Jobs"
    APPRENTICESHIPS = "apprenticeships", "Apprenticeships"
    SME_SPEND = "sme_spend", "Spend with SMEs"
    LOCAL_SPEND = "local_spend", "Spend with local suppliers"
    VCSE_SPEND = "vcse_spend", "Spend with VCSE organisations"
    CO2E = "co2e", "Carbon saved"


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


def outcome_kind_choices() -> list[tuple[str, str]]:
    """The admin's choices: each kind's label with the unit its number is entered in."""
    return [
        (kind.value, kind.label if unit == OutcomeUnit.COUNT else f"{kind.label} ({unit.label})")
        for kind, unit in OUTCOME_UNITS.items()
    ]


class CaseStudySort(models.TextChoices):
    NEWEST = "newest", "Newest"
    LARGEST_SAVING = "saving", "Largest saving"


FIRST_YEAR = 1990
LAST_YEAR = 2100
