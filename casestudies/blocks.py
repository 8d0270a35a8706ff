"""Blocks used only by case studies."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from hub.blocks import DocumentBlock


class FigureBlock(blocks.StructBlock):
    """A photograph or chart with its alternative text and an optional caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/casestudy_figure_block.html"


class CaseStudyImagesBlock(blocks.StreamBlock):
    """Images shown under the story of a case study."""

    figure = FigureBlock()


class CaseStudyDocumentsBlock(blocks.StreamBlock):
    """Downloads that go with a case study: reports, templates, slides."""

    document = DocumentBlock()
