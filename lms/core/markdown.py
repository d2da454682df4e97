"""The one Markdown renderer: Python-Markdown, then a bleach allow-list. Nothing else renders Markdown."""

import re
from functools import lru_cache

import bleach
import markdown
from markdown.extensions.toc import slugify_unicode
from markupsafe import Markup

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "section",
        "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})
#: Admonition boxes authors may use: !!! tip, !!! warning, !!! law (and note for general remarks).
ADMONITIONS = frozenset({"tip", "warning", "law", "note"})
ALLOWED_CLASSES = frozenset({"admonition", "admonition-title", "footnote", "footnote-ref",
                             "footnote-backref", "toclink", *ADMONITIONS})  # fmt: skip
# Only ids the renderer makes itself: heading anchors ("s-...") and footnotes ("fn:1", "fnref:1").
_SAFE_ID = re.compile(r"^(s-[\w-]{1,80}|fn(ref)?(-\d+)?:\d+)$", re.UNICODE)
_SAFE_CLASS = re.compile(r"^[a-z-]+$")


def _slugify(value: str, separator: str) -> str:
    return "s-" + slugify_unicode(value, separator)


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    if name == "id":
        return bool(_SAFE_ID.match(value))
    if name == "class":
        return all(_SAFE_CLASS.match(c) and c in ALLOWED_CLASSES for c in value.split())
    if tag == "a":
        return name in {"href", "title"}
    if tag == "img":
        return name in {"src", "alt", "title"}
    if tag in {"td", "th"}:
        return name == "align" and value in {"left", "right", "center"}
    if tag == "abbr":
        return name == "title"
    if tag == "ol":
        return name == "start" and value.isdigit()
    return False


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=_allow_attribute,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def _make_markdown() -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["tables", "footnotes", "admonition", "toc", "sane_lists", "abbr"],
        extension_configs={
            "toc": {"slugify": _slugify, "permalink": False, "toc_depth": "2-4"},
            "footnotes": {"UNIQUE_IDS": False, "BACKLINK_TITLE": "%d"},
        },
        output_format="html",
    )
    # Authors write Markdown, never HTML: raw HTML is shown as text, not interpreted.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


@lru_cache(maxsize=1024)
def _render(text: str) -> str:
    md = _make_markdown()
    html = md.convert(text)
    html = re.sub(r"<h1([ >])", r"<h2\1", html).replace("</h1>", "</h2>")
    return _cleaner.clean(html)


def render_markdown(text: str | None) -> Markup:
    """Render author Markdown to safe HTML; the result is cached per distinct text."""
    return Markup(_render(text or ""))  # noqa: S704 - sanitised by the bleach allow-list
