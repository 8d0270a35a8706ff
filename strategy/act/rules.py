"""The rules in force on a date, read once per answer."""

from dataclasses import dataclass, field
from datetime import date

from strategy.models.act import MinimumPeriod, Notice, RulesVersion, ValueLine


# When the Act took over from PCR 2015 (SI 2024/716 reg 5, as amended by SI 2024/959).
ACT_START = date(2025, 2, 24)
TRANSITION_SECTION = "SI 2024/716 reg 5"
TRANSITION_URL = "https://www.legislation.gov.uk/uksi/2024/716/regulation/5"
# Sch. 1: "not less than" the threshold amount; the fact sheet does not quote it: partly verified.
BOUNDARY_SECTION = "Sch. 1"
BOUNDARY_URL = "https://www.legislation.gov.uk/ukpga/2023/54/schedule/1"
EARLIEST_DATE = date(2015, 1, 1)
LATEST_DATE = date(2099, 12, 31)
LICENCE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
DISCLAIMER = (
    "These tools give guidance, not legal advice. Check the Act and take legal advice on your "
    "own procurement."
)


def data_version() -> int:
    """The current data version of the rules: raised by every change to them."""
    version = RulesVersion.objects.first()
    return version.number if version else 1


@dataclass
class RuleBook:
    """Every rule in force on one day."""

    on: date
    version: int
    value_lines: dict = field(default_factory=dict)
    periods: list = field(default_factory=list)
    notices: dict = field(default_factory=dict)

    @classmethod
    def on_date(cls, day: date) -> "RuleBook":
        """The rules in force on day."""
        return cls(
            on=day,
            version=data_version(),
            value_lines={row.key: row for row in ValueLine.objects.in_force_on(day)},
            periods=MinimumPeriod.objects.in_force_on(day),
            notices={row.key: row for row in Notice.objects.in_force_on(day)},
        )

    def period(self, key: str):
        """The s.54 row with this key, or None if none is in force."""
        return next((row for row in self.periods if row.key == key), None)
