"""Blocks of findings pages: headline figures, and charts drawn as tables with a CSV download."""

from django.core.exceptions import ValidationError

from wagtail import blocks


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

    def chart(self):
        """The chart the self-assessment draws too, so both write tables and CSVs alike."""
        # progress.charts reads the national figures, whose models use this block.
        from progress.charts import Chart

        return Chart(
            slug="",
            title=self["title"],
            series=list(self["series"]),
            rows=[(row["label"], list(row["values"])) for row in self["rows"]],
            label_heading=self["label_heading"] or "Item",
            maximum=self.maximum(),
            note=self.get("note") or "",
            illustrative=bool(self.get("illustrative")),
            unit=self.get("unit") or "",
        )

    def table_rows(self) -> list[dict]:
        """Rows with each value and its share of the scale, for drawing bars."""
        return self.chart().table_rows()

    def label_column(self) -> str:
        """The label column's heading; an illustrative chart says so in it, and so in its CSV."""
        return self.chart().label_column

    def csv_rows(self) -> list[list[str]]:
        """A header row then one row per label, numbers written as in the table."""
        return self.chart().csv_rows()


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
