"""Charts drawn as HTML tables (charts.css) whose CSV downloads hold the same numbers."""

from dataclasses import dataclass

from django.http import HttpResponse

from hub.exports import csv_download
from hub.models import Level
from progress.stats import MIN_GROUP


ILLUSTRATIVE_FLAG = "illustrative figures, not survey results"
SUPPRESSED = f"Fewer than {MIN_GROUP} councils"


def cell_text(value) -> str:
    """A value as both the table and the CSV show it."""
    if value is None:
        return SUPPRESSED
    return f"{value:g}" if isinstance(value, float) else str(value)


@dataclass
class Chart:
    """A bar chart: one row per label, one bar per series, values on a fixed scale."""

    slug: str
    title: str
    series: list[str]
    rows: list[tuple[str, list]]
    label_heading: str = "Key area"
    # The top of the maturity scale, for charts of levels.
    maximum: float = max(Level.values)
    note: str = ""
    illustrative: bool = False
    csv_url: str = ""
    # Levels and counts carry no unit; the shared chart template appends it to each value.
    unit: str = ""

    @property
    def label_column(self) -> str:
        """The label column's heading; an illustrative chart says so in it, and so in its CSV."""
        if self.illustrative:
            return f"{self.label_heading} ({ILLUSTRATIVE_FLAG})"
        return self.label_heading

    def table_rows(self) -> list[dict]:
        return [
            {
                "label": label,
                "cells": [
                    {"text": cell_text(value), "size": (value or 0) / self.maximum}
                    for value in values
                ],
            }
            for label, values in self.rows
        ]

    def csv_rows(self) -> list[list[str]]:
        header = [self.label_column, *self.series]
        return [header, *([label, *(cell_text(v) for v in values)] for label, values in self.rows)]

    def csv_response(self, filename: str) -> HttpResponse:
        response = csv_download(self.csv_rows(), filename)
        response["Cache-Control"] = "private, no-store"
        return response
