"""The one renderer: useful Markdown survives, anything that could run in a browser does not."""

from html.parser import HTMLParser

import pytest

from lms.core.markdown import render_markdown

XSS_VECTORS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    '<p onclick="alert(1)">x</p>',
    "[x](vbscript:msgbox(1))",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    '[a](https://ok.example "title" onclick="alert(1)")',
    "<object data=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    '{: onclick="alert(1)" }',
]


class _Inspector(HTMLParser):
    """Collect every live tag and attribute, as a browser would parse them."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)


@pytest.mark.parametrize("source", XSS_VECTORS)
def test_hostile_markdown_is_neutralised(source):
    inspector = _Inspector()
    inspector.feed(str(render_markdown(source)))
    assert not inspector.tags & {"script", "iframe", "svg", "object", "style", "form", "math", "embed"}
    for name, value in inspector.attrs:
        assert not name.startswith("on"), (source, name)
        assert name != "style", source
        if name in ("href", "src"):
            assert value.split(":")[0].strip().lower() in (
                "https",
                "http",
                "mailto",
                "tel",
            ) or value.startswith("#")


def test_raw_html_is_shown_as_text_not_interpreted():
    html = str(render_markdown("Hello <b>world</b>"))
    assert "&lt;b&gt;world&lt;/b&gt;" in html


def test_tables_footnotes_admonitions_and_anchors():
    source = (
        "## Chi firma\n\n| Voce | Euro |\n|---|---|\n| Quote | 100 |\n\n"
        "Testo[^1].\n\n[^1]: Art. 38 c.c.\n\n"
        '!!! law "Codice civile"\n    Art. 38.\n\n!!! tip\n    Un consiglio.\n\n'
        "!!! danger\n    Not allowed class.\n"
    )
    html = str(render_markdown(source))
    assert '<h2 id="s-chi-firma">Chi firma</h2>' in html
    assert "<table>" in html and "<td>100</td>" in html
    assert 'href="#fn:1"' in html and 'id="fn:1"' in html
    assert '<div class="admonition law">' in html
    assert '<p class="admonition-title">Codice civile</p>' in html
    assert '<div class="admonition tip">' in html
    assert "danger" not in html.split("Not allowed")[0].split("tip")[-1]


def test_links_keep_safe_protocols():
    html = str(
        render_markdown("[a](https://www.csvlazio.org) [b](mailto:info@example.org) [c](tel:+3906123)")
    )
    assert 'href="https://www.csvlazio.org"' in html
    assert 'href="mailto:info@example.org"' in html
    assert 'href="tel:+3906123"' in html


def test_level_one_headings_are_demoted():
    assert "<h1" not in str(render_markdown("# Title\n\ntext"))


def test_rendering_is_cached_per_text():
    from lms.core import markdown

    markdown._render.cache_clear()
    render_markdown("same text")
    render_markdown("same text")
    info = markdown._render.cache_info()
    assert (info.hits, info.misses) == (1, 1)
