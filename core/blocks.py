"""The StreamField blocks that every page body shares (after bakerydemo's base/blocks.py)."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# Rich text features for editors: enough for plain, accessible content, nothing that lets
# them paste in styling or embeds from other hosts.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading. Pages already have their h1, so this offers h2 and h3."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image and an optional caption. The image is Wagtail's own ImageBlock: the editor writes
    the text alternative that screen reader users hear or ticks "decorative", and it will not
    save with neither; `{% image %}` then uses that text, or an empty alt for a decorative image.
    https://docs.wagtail.org/en/stable/reference/streamfield/blocks.html#imageblock

    Bodies saved before it stored the alt text beside the image (an empty one meaning
    decorative): the migrations named `*_image_block_alt_text` moved it into the image's block
    (core.migration_operations.ImageAltTextIntoImageBlock)."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """Someone's words, with who said them."""

    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class KeyFigureBlock(blocks.StructBlock):
    """A number that matters, shown large, with what it counts."""

    value = blocks.CharBlock(max_length=20, help_text='For example "58" or "£7,500".')
    label = blocks.CharBlock(max_length=160)

    class Meta:
        icon = "pick"
        template = "blocks/key_figure_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks available in every page body."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figures = blocks.ListBlock(KeyFigureBlock(), icon="pick", template="blocks/key_figures_block.html")
