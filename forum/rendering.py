"""Posts are written in a small Markdown subset and stored as sanitised HTML.

Raw HTML in a post is never passed through: Python-Markdown's HTML handling is switched off,
so `<script>` comes out as the text "<script>". nh3 then keeps only the tags the subset makes
(paragraphs, emphasis, lists, links, quotes) and gives every link rel="nofollow ugc noopener".
"""

import markdown
import nh3

ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def post_html(text: str) -> str:
    """The post's Markdown as safe HTML."""
    html = _markdown().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def quote_markdown(*, author: str, text: str) -> str:
    """A post quoted at the start of a reply."""
    lines = [f"{author} wrote:", "", *text.strip().splitlines()]
    return "\n".join("> " + line if line else ">" for line in lines) + "\n\n"
