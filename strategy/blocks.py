"""Blocks used only by strategy pages."""

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
