"""StreamField blocks shared by every content page."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading with a stable anchor for linking."""

    text = blocks.CharBlock()
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class InsetTextBlock(blocks.StructBlock):
    """Text set apart from the content around it, such as a quotation or an example."""

    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "openquote"
        template = "blocks/inset_text_block.html"


class WarningTextBlock(blocks.StructBlock):
    """Something the reader must not miss, such as a legal deadline."""

    text = blocks.CharBlock()

    class Meta:
        icon = "warning"
        template = "blocks/warning_text_block.html"


class DetailsBlock(blocks.StructBlock):
    """A summary line that expands to show more detail."""

    summary = blocks.CharBlock()
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "arrow-down"
        template = "blocks/details_block.html"


class DocumentBlock(blocks.StructBlock):
    """A download that states its file type and size."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Defaults to the document's title.")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A single prominent link styled as a button."""

    text = blocks.CharBlock()
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of a content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", template="blocks/paragraph_block.html"
    )
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    document = DocumentBlock()
    image = ImageBlock()
    table = TableBlock(template="blocks/table_block.html")
    call_to_action = CallToActionBlock()
