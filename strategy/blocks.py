"""Blocks used only by strategy pages."""

from django.core.exceptions import ValidationError

from wagtail import blocks

from hub.blocks import RICH_TEXT_FEATURES


class MaturityDescriptorBlock(blocks.StructBlock):
    """What a council at one maturity level looks like in a key area."""

    level = blocks.IntegerBlock(min_value=1, max_value=5)
    descriptor = blocks.TextBlock()

    class Meta:
        icon = "pick"


class StrategySectionBlock(blocks.StructBlock):
    """A numbered section of a category strategy; its block id is its stable identity."""

    heading = blocks.CharBlock()
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    key_actions = blocks.ListBlock(
        blocks.CharBlock(label="Action"),
        required=False,
        default=[],
        help_text="What councils should do; shown as a checklist at the end of the section.",
    )

    class Meta:
        icon = "list-ol"
        template = "blocks/strategy_section_block.html"


class HeadlineFigureBlock(blocks.StructBlock):
    """One headline number from a survey or diagnostic, e.g. "95%" of councils knew the NPS."""

    figure = blocks.CharBlock(max_length=20, help_text='As it should read, e.g. "95%" or "£46m".')
    label = blocks.CharBlock(help_text="What the figure counts, in a sentence fragment.")

    class Meta:
        icon = "order"
        template = "blocks/headline_figure_block.html"


class ChartRowBlock(blocks.StructBlock):
    """A labelled row of a chart with one value per series."""

    label = blocks.CharBlock()
    values = blocks.ListBlock(blocks.FloatBlock(min_value=0), min_num=1)

    class Meta:
        icon = "list-ul"


class ChartValue(blocks.StructValue):
    """A chart's data, read the same way by its table and by its CSV download."""

    def maximum(self) -> float:
        """The top of the scale: 100 for percentages, otherwise the largest value."""
        if self.get("unit") == "%":
            return 100.0
        return max((v for row in self["rows"] for v in row["values"]), default=0) or 1.0

    def table_rows(self) -> list[dict]:
        """Rows with each value and its share of the scale, for drawing bars."""
        top = self.maximum()
        return [
            {
                "label": row["label"],
                "cells": [
                    {"value": value, "text": format_number(value), "size": value / top}
                    for value in row["values"]
                ],
            }
            for row in self["rows"]
        ]

    def label_column(self) -> str:
        """The label column's heading; an illustrative chart says so in it, and so in its CSV."""
        heading = self["label_heading"] or "Item"
        return f"{heading} ({ILLUSTRATIVE_FLAG})" if self.get("illustrative") else heading

    def csv_rows(self) -> list[list[str]]:
        """A header row then one row per label, numbers written as in the table."""
        header = [self.label_column(), *self["series"]]
        return [header] + [
            [row["label"], *(format_number(v) for v in row["values"])] for row in self["rows"]
        ]


ILLUSTRATIVE_FLAG = "illustrative figures, not survey results"


def format_number(value: float) -> str:
    """A value without a trailing ".0", so 95.0 reads as 95."""
    return f"{value:g}"


class ChartBlock(blocks.StructBlock):
    """A bar chart drawn as an accessible HTML table, with its data as a CSV download."""

    title = blocks.CharBlock(help_text="Used as the table caption.")
    label_heading = blocks.CharBlock(
        required=False, help_text='Heading of the label column, e.g. "Council type".'
    )
    unit = blocks.ChoiceBlock(
        choices=[("%", "Percentage"), ("", "Number")], default="%", required=False
    )
    series = blocks.ListBlock(
        blocks.CharBlock(label="Series name"),
        min_num=1,
        max_num=3,
        help_text='One name per bar in a row, e.g. "Upper tier" and "Districts".',
    )
    rows = blocks.ListBlock(ChartRowBlock(), min_num=1)
    note = blocks.TextBlock(required=False, help_text="Source or caveats shown under the chart.")
    illustrative = blocks.BooleanBlock(
        required=False, help_text="Tick when the figures are invented for illustration."
    )

    class Meta:
        icon = "table"
        template = "blocks/chart_block.html"
        value_class = ChartValue

    def clean(self, value):
        value = super().clean(value)
        expected = len(value["series"])
        if any(len(row["values"]) != expected for row in value["rows"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "rows": ValidationError(f"Give every row {expected} value(s), one per series.")
                }
            )
        return value


class PolicyNoteRowBlock(blocks.StructBlock):
    """One procurement policy note: its number, date, title, whether councils must apply it."""

    number = blocks.CharBlock(max_length=20, help_text='As GOV.UK numbers it, e.g. "PPN 002".')
    date = blocks.CharBlock(
        max_length=100,
        required=False,
        help_text='As the source dates it, e.g. "13 February 2025"; leave blank when unknown.',
    )
    title = blocks.CharBlock()
    councils = blocks.ChoiceBlock(
        choices=[
            ("must", "Must apply"),
            ("may", "May apply"),
            ("need_not", "Need not apply"),
        ],
        help_text="Whether councils in England must apply the note, may choose to, or need not.",
    )
    scope = blocks.TextBlock(help_text="Who must apply it, in the note's own terms.")
    source_url = blocks.URLBlock(label="source link")
    source_name = blocks.CharBlock(
        max_length=100, help_text='Who published the source, e.g. "GOV.UK".'
    )

    class Meta:
        icon = "doc-full"


class PolicyNoteIndexBlock(blocks.StructBlock):
    """A table of procurement policy notes, one typed row each, with its caption."""

    caption = blocks.CharBlock()
    notes = blocks.ListBlock(PolicyNoteRowBlock(), min_num=1)

    class Meta:
        icon = "table"
        template = "blocks/policy_note_index_block.html"
