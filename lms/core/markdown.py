"""The one Markdown renderer: Python-Markdown, then a bleach allow-list. Nothing else renders Markdown."""

import re
from functools import lru_cache
from xml.etree import ElementTree as etree

import bleach
import markdown
from markdown.extensions.toc import slugify_unicode
from markdown.treeprocessors import Treeprocessor
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
                             "footnote-backref", "toclink", "term", *ADMONITIONS})  # fmt: skip
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


#: Glossary links: ((words that name a term, ...), href) pairs, in the order they should be tried.
TermLinks = tuple[tuple[tuple[str, ...], str], ...]
_NO_LINKS_INSIDE = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "abbr"}


class _GlossaryLinker(Treeprocessor):
    """Link the first mention of each glossary term in running text to its definition."""

    def __init__(self, md: markdown.Markdown, links: TermLinks):
        super().__init__(md)
        self.links = [
            (
                re.compile(
                    r"(?<!\w)("
                    + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                    + r")(?!\w)",
                    re.IGNORECASE,
                ),
                href,
            )
            for words, href in links
        ]
        self.done: set[str] = set()

    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        """Visit text in document order: the element's text, then each child and its tail."""
        if element.tag in _NO_LINKS_INSIDE:
            return
        children = list(element)
        element.text, made = self._split(element.text)
        for i, link in enumerate(made):
            element.insert(i, link)
        for child in children:
            self._walk(child)
            child.tail, made = self._split(child.tail)
            at = list(element).index(child) + 1
            for offset, link in enumerate(made):
                element.insert(at + offset, link)

    def _split(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """Cut text at each first mention of a term: return the text before them and the <a> elements."""
        head, made, rest = text, [], text
        while rest:
            found = [(m, href) for rx, href in self.links if href not in self.done and (m := rx.search(rest))]
            if not found:
                break
            match, href = min(found, key=lambda pair: pair[0].start())
            self.done.add(href)
            link = etree.Element("a", {"href": href, "class": "term"})
            link.text = match.group(0)
            if made:
                made[-1].tail = rest[: match.start()]
            else:
                head = rest[: match.start()]
            made.append(link)
            rest = rest[match.end() :]
        if made:
            made[-1].tail = rest
        return head, made


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
def _render(text: str, links: TermLinks = ()) -> str:
    md = _make_markdown()
    if links:
        md.treeprocessors.register(_GlossaryLinker(md, links), "glossary", 1)
    html = md.convert(text)
    html = re.sub(r"<h1([ >])", r"<h2\1", html).replace("</h1>", "</h2>")
    return _cleaner.clean(html)


def render_markdown(text: str | None, links: TermLinks = ()) -> Markup:
    """Render author Markdown to safe HTML, linking glossary terms; cached per text and links."""
    return Markup(_render(text or "", links))  # noqa: S704 - sanitised by the bleach allow-list
