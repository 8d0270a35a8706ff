"""Blocks used only by strategy pages."""

from wagtail import blocks


class MaturityDescriptorBlock(blocks.StructBlock):
    """What a council at one maturity level looks like in a key area."""

    level = blocks.IntegerBlock(min_value=1, max_value=5)
    descriptor = blocks.TextBlock()

    class Meta:
        icon = "pick"
