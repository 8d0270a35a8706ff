"""Blocks used only by strategy pages."""

from wagtail import blocks

from hub.blocks import RICH_TEXT_FEATURES
from hub.models import Level


class MaturityDescriptorBlock(blocks.StructBlock):
    """What a council at one maturity level looks like in a key area."""

    level = blocks.IntegerBlock(min_value=min(Level.values), max_value=max(Level.values))
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
