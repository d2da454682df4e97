"""Certificates of course completion: a one-page A4 landscape PDF, in Italian and in the learner's
language side by side.

The page is drawn with fpdf2 and HarfBuzz text shaping, with the Noto fonts shipped in
lms/core/fonts (see the README there), so Arabic letters join, Bengali and Gurmukhi conjuncts form
and right-to-left text runs right to left, on any machine. Each text gets the font of its dominant
script, with the other fonts as fallbacks for the odd character from another script (a Latin
issuer name inside an Arabic column, digits, ...). Only the fonts a certificate needs are loaded,
and fpdf2 embeds only the glyphs it uses. Characters of scripts none of the fonts covers (Korean,
Ethiopic, emoji, ...) come out as empty boxes, and fpdf2 logs a warning naming them.

Layout: a thin green border, "Ponte" at the top, then the heading and "this certifies that" in
two columns (Italian on the left, the learner's language on the right, right-aligned if it is
written right to left; a single centred column if the learner's language is Italian), the
learner's name once, large and centred across the page, then the course, the tier and the date
in the columns; the issuer centred at the bottom and the QR code of the verification URL in the
bottom right corner. Long texts wrap; if they do not fit, everything is drawn smaller until they
do: a certificate is always one page.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache, lru_cache
from pathlib import Path

import segno
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, PathPaintRule, TextMode, WrapMode

FONTS = Path(__file__).resolve().parents[1] / "core" / "fonts"

# Font families: (regular, bold) files; None when the font has no bold face (the text is then
# emboldened by stroking its outlines). The order is the fallback order.
_FAMILIES: dict[str, tuple[str, str | None]] = {
    "sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),  # Latin, Cyrillic, Greek
    "arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "nastaliq": ("NotoNastaliqUrdu-Regular.ttf", None),  # Urdu is written in Nastaliq
    "bengali": ("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
    "gurmukhi": ("NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"),
    "sc": ("NotoSansSC-Subset.otf", None),  # Simplified Chinese, see make_cjk_subset.py
}
# Line height as a multiple of the font size, for a text on one line and for the lines of a
# wrapped text: Arabic script, and Nastaliq even more, reach far above and below the Latin line.
_LEADING = {
    "sans": (1.3, 1.3),
    "arabic": (1.6, 1.75),
    "nastaliq": (2.1, 2.35),
    "bengali": (1.45, 1.55),
    "gurmukhi": (1.45, 1.55),
    "sc": (1.35, 1.4),
}
_SIZE = {"nastaliq": 1.15}  # Nastaliq looks small next to Naskh and Latin at the same size
_LANG_FAMILY = {
    "ar": "arabic",
    "fa": "arabic",
    "ps": "arabic",
    "ur": "nastaliq",
    "bn": "bengali",
    "pa": "gurmukhi",
    "zh": "sc",
}
RTL_LANGS = frozenset({"ar", "fa", "ps", "ur"})
_URDU_LETTERS = frozenset("ٹڈڑںھہۃےۓ")  # used in Urdu, not in Arabic: such a name is set in Nastaliq

PT = 25.4 / 72  # millimetres per point
GREEN = (11, 93, 75)  # #0b5d4b
INK = (28, 36, 33)
MUTED = (92, 104, 100)
RULE = (182, 206, 199)

# Page geometry, in mm (A4 landscape is 297 x 210)
PAGE_W, PAGE_H = 297.0, 210.0
LEFT, RIGHT = 24.0, PAGE_W - 24.0
COLUMN_GAP = 18.0
TOP = 27.0  # below "Ponte"
BOTTOM = 191.0
QR_SIZE = 25.0
URL_WIDTH = 52.0  # the verification URL under the QR code wraps at this width
SCALES = (1.0, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58, 0.52, 0.46, 0.4, 0.34, 0.28)


@dataclass
class CertificateData:
    recipient_name: str  # exactly as the learner typed it
    lang: str  # learner's interface language code: it en ar fr es bn uk zh pa ur sq tl
    issued_on: date
    issuer_name: str
    verify_url: str
    tier: int
    # Texts already translated by the caller, for "it" and for `lang` (same keys in both):
    # heading, certifies, completed, course, tier, date, issuer, verify
    texts: dict[str, dict[str, str]]


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as the bytes of a one-page PDF."""
    for scale in SCALES:
        pdf = _Certificate(data, scale)
        try:
            if pdf.draw(force=scale == SCALES[-1]):
                return bytes(pdf.output())
        finally:
            pdf.close_fonts()
    raise AssertionError("unreachable")


def _script(char: str) -> str | None:
    """The font family for a character's script; None for spaces, digits and punctuation."""
    cp = ord(char)
    if 0x0600 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        return "arabic"
    if 0x0980 <= cp <= 0x09FF:
        return "bengali"
    if 0x0A00 <= cp <= 0x0A7F:
        return "gurmukhi"
    if 0x2E80 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF or cp >= 0x20000:
        return "sc"
    if char.isalpha():
        return "sans"
    return None


@cache
def _cmap(family: str) -> frozenset[int]:
    with TTFont(FONTS / _FAMILIES[family][0], lazy=True) as font:
        return frozenset(font.getBestCmap())


@lru_cache(maxsize=4096)
def _family_for(text: str, lang: str) -> str:
    """The font for a text: that of its most frequent script (on a tie, the language's own)."""
    counts = Counter(s for s in map(_script, text) if s)
    preferred = _LANG_FAMILY.get(lang, "sans")
    if not counts:
        return preferred
    family = max(counts, key=lambda s: (counts[s], s == preferred))
    if family == "arabic" and (lang == "ur" or _URDU_LETTERS & set(text)):
        # Nastaliq, unless the text has letters the Urdu font lacks: switching to the fallback
        # font inside a word would break the joining.
        nastaliq = _cmap("nastaliq")
        if all(ord(c) in nastaliq for c in text if _script(c) == "arabic"):
            family = "nastaliq"
    return family


class _Certificate(FPDF):
    def __init__(self, data: CertificateData, scale: float) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.data = data
        self.langs = ["it"] if data.lang == "it" else ["it", data.lang]
        self.scale = scale
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.set_title(f"{data.texts['it']['heading']}: {data.recipient_name}")
        self.set_author(data.issuer_name)
        self.set_subject(f"{data.texts['it']['course']} ({data.texts['it']['tier']})")
        self.set_creator("Ponte")
        self.set_lang("it")
        # Dated the day of issue, not of rendering: the same certificate gives the same bytes.
        self.set_creation_date(datetime.combine(data.issued_on, time(), tzinfo=UTC))
        texts = [(data.lang, data.recipient_name), (data.lang, data.issuer_name), ("it", data.verify_url)]
        texts += [(lang, text) for lang in self.langs for text in data.texts[lang].values()]
        families = {"sans"} | {_family_for(text, lang) for lang, text in texts}
        families |= {script for _, text in texts for script in map(_script, text) if script}
        self.families = [f for f in _FAMILIES if f in families]
        for family in self.families:
            regular, bold = _FAMILIES[family]
            self.add_font(family, "", str(FONTS / regular))
            if bold:
                self.add_font(family, "B", str(FONTS / bold))

    def close_fonts(self) -> None:
        """fpdf2 reads the fonts lazily, keeping the files open until it writes the PDF, and some not
        even then: close them all."""
        for font in self.fonts.values():
            ttfont = getattr(font, "ttfont", None)
            if ttfont is not None:
                ttfont.close()

    # -- the page ---------------------------------------------------------------------------------

    def draw(self, force: bool = False) -> bool:
        """Draw the page; False, with the page left unfinished, if the texts do not fit at this scale
        (unless forced: the smallest scale is drawn whatever the texts)."""
        data, s = self.data, self.scale
        self.add_page()
        self._border()
        self._text(
            LEFT, 15.5, RIGHT - LEFT, "Ponte", 11, lang="it", bold=True, color=GREEN, align="C", spacing=1.2
        )
        band_top = min(self._issuer(), self._qr())

        columns = self._columns()
        # (key, size in points, bold, colour, space after in mm)
        top_rows = [("heading", 21 * s, True, GREEN, 4 * s), ("certifies", 12.5 * s, False, MUTED, 7 * s)]
        bottom_rows = [
            ("completed", 12.5 * s, False, MUTED, 3 * s),
            ("course", 18 * s, True, INK, 4 * s),
            ("tier", 13 * s, True, GREEN, 3 * s),
            ("date", 12.5 * s, False, INK, 0),
        ]
        name_x, name_width, name_size = LEFT + 10, RIGHT - LEFT - 20, 34 * s
        name_height = self._text(
            name_x,
            0,
            name_width,
            data.recipient_name,
            name_size,
            lang=data.lang,
            bold=True,
            align="C",
            measure=True,
        )
        top_heights = [self._row_height(columns, key, size, bold) for key, size, bold, _, _ in top_rows]
        bottom_heights = [self._row_height(columns, key, size, bold) for key, size, bold, _, _ in bottom_rows]
        total = sum(top_heights) + name_height + 12 * s + sum(bottom_heights)  # 12: around the rule
        total += sum(row[-1] for row in top_rows + bottom_rows)
        room = band_top - 5 - TOP
        if total > room and not force:
            return False

        y = self._rows(columns, top_rows, top_heights, TOP + max(0.0, room - total) * 0.45)
        self._text(
            name_x,
            y,
            name_width,
            data.recipient_name,
            name_size,
            lang=data.lang,
            bold=True,
            color=INK,
            align="C",
        )
        y += name_height + 4 * s
        self.set_draw_color(*GREEN)
        self.set_line_width(0.35)
        self.line(PAGE_W / 2 - 35, y, PAGE_W / 2 + 35, y)
        self._rows(columns, bottom_rows, bottom_heights, y + 8 * s)
        return True

    def _border(self) -> None:
        self.set_draw_color(*GREEN)
        self.set_line_width(0.9)
        self.rect(9, 9, PAGE_W - 18, PAGE_H - 18)
        self.set_line_width(0.25)
        self.rect(11.5, 11.5, PAGE_W - 23, PAGE_H - 23)

    def _issuer(self) -> float:
        """The issuer, centred at the bottom, clear of the QR code's URL; returns its top."""
        data = self.data
        x, width = LEFT + URL_WIDTH + 2, RIGHT - LEFT - 2 * URL_WIDTH - 4
        labels = [(lang, data.texts[lang]["issuer"]) for lang in self.langs]
        name_size = 14 * max(self.scale, 0.6)
        label_heights = [
            self._text(x, 0, width, label, 9.5, lang=lang, align="C", measure=True) for lang, label in labels
        ]
        name_height = self._text(
            x, 0, width, data.issuer_name, name_size, lang=data.lang, bold=True, align="C", measure=True
        )
        top = y = BOTTOM - 7 - name_height - 1 - sum(label_heights)
        for (lang, label), height in zip(labels, label_heights, strict=True):
            self._text(x, y, width, label, 9.5, lang=lang, color=MUTED, align="C")
            y += height
        self._text(
            x, y + 1, width, data.issuer_name, name_size, lang=data.lang, bold=True, color=INK, align="C"
        )
        return top

    def _qr(self) -> float:
        """The verification QR code in the bottom right corner, "Verifica" above it and the URL
        printed small under it; returns the top of the whole."""
        data = self.data
        x, width = RIGHT - URL_WIDTH, URL_WIDTH
        url_height = self._text(
            x, 0, width, data.verify_url, 6.5, lang="it", align="R", measure=True, wrap=WrapMode.CHAR
        )
        url_y = BOTTOM - url_height
        self._text(
            x, url_y, width, data.verify_url, 6.5, lang="it", color=MUTED, align="R", wrap=WrapMode.CHAR
        )
        qr_x, qr_y = RIGHT - QR_SIZE, url_y - 3 - QR_SIZE  # 3 mm: a quiet zone of 4+ modules
        self.link(qr_x, qr_y, QR_SIZE, QR_SIZE, data.verify_url)
        matrix = segno.make(data.verify_url, error="m", micro=False).matrix
        module = QR_SIZE / len(matrix)
        with self.new_path() as path:  # one path, so that no hairlines show between the modules
            path.style.fill_color = "#000000"
            path.style.stroke_color = None
            path.style.paint_rule = PathPaintRule.FILL_NONZERO
            for row, bits in enumerate(matrix):
                col = 0
                while col < len(bits):
                    if bits[col]:  # a run of dark modules, as one rectangle
                        start = col
                        while col < len(bits) and bits[col]:
                            col += 1
                        path.rectangle(
                            qr_x + start * module, qr_y + row * module, (col - start) * module, module
                        )
                    else:
                        col += 1
        y = qr_y - 3
        for lang in reversed(self.langs):
            label = data.texts[lang]["verify"]
            y -= self._text(x, 0, width, label, 9, lang=lang, align="R", measure=True)
            self._text(x, y, width, label, 9, lang=lang, color=GREEN, bold=True, align="R")
        return y

    # -- the columns ------------------------------------------------------------------------------

    def _columns(self) -> list[tuple[str, float, float, str]]:
        """(language, x, width, alignment) of each column."""
        if len(self.langs) == 1:
            width = 190.0
            return [("it", (PAGE_W - width) / 2, width, "C")]
        width = (RIGHT - LEFT - COLUMN_GAP) / 2
        lang = self.data.lang
        return [("it", LEFT, width, "L"), (lang, RIGHT - width, width, "R" if lang in RTL_LANGS else "L")]

    def _rows(self, columns, rows, heights: list[float], y: float) -> float:
        """Draw rows of texts across the columns, with a rule between the columns; returns the y below."""
        top = y
        for (key, size, bold, color, space), height in zip(rows, heights, strict=True):
            for (lang, x, width, align), text, offset in self._cells(columns, key, size, bold):
                self._text(x, y + offset, width, text, size, lang=lang, bold=bold, color=color, align=align)
            y += height + space
        if len(columns) == 2:
            self.set_draw_color(*RULE)
            self.set_line_width(0.25)
            self.line(PAGE_W / 2, top + 1, PAGE_W / 2, y - rows[-1][-1] - 1)
        return y

    def _row_height(self, columns, key: str, size: float, bold: bool) -> float:
        return max(
            offset + self._text(x, 0, width, text, size, lang=lang, bold=bold, align=align, measure=True)
            for (lang, x, width, align), text, offset in self._cells(columns, key, size, bold)
        )

    def _cells(self, columns, key: str, size: float, bold: bool):
        """Each column's text for a row, with the vertical offset that sets the first lines of the
        row level (Arabic and Bengali lines are taller than Latin ones)."""
        texts = [self.data.texts[lang][key] for lang, *_ in columns]
        firsts = [
            self._layout(text, lang, size, width, bold)[1]
            for (lang, _, width, _), text in zip(columns, texts, strict=True)
        ]
        return [
            (column, text, (max(firsts) - first) / 2)
            for column, text, first in zip(columns, texts, firsts, strict=True)
        ]

    # -- text -------------------------------------------------------------------------------------

    def _layout(
        self, text: str, lang: str, size: float, width: float, bold: bool, wrap: WrapMode | None = None
    ) -> tuple[WrapMode, float, int]:
        """Select the font for a text and measure it: (wrap mode, line height in mm, number of lines)."""
        family = _family_for(text, lang)
        has_bold = _FAMILIES[family][1] is not None
        self.set_font(family, "B" if bold and has_bold else "", size * _SIZE.get(family, 1.0))
        # The text's own font is in the fallback list too: fpdf2 2.8.9 otherwise sets it inside the
        # q/Q-wrapped line when a line starts with a fallback font (a Latin word opening an Arabic
        # line), then believes it set for the page, and the next text is drawn in the wrong font.
        self.set_fallback_fonts(self.families, exact_match=False)
        rtl = lang in RTL_LANGS and family in ("arabic", "nastaliq")
        own_script = family == _LANG_FAMILY.get(lang, "sans")
        self.set_text_shaping(True, direction="rtl" if rtl else None, language=lang if own_script else None)
        if wrap is None:  # Chinese has no spaces between words
            wrap = WrapMode.CHAR if family == "sc" else WrapMode.WORD
        single, multiple = _LEADING[family]
        lines = self.multi_cell(
            width, size * PT * multiple, text, wrapmode=wrap, dry_run=True, output=MethodReturnValue.LINES
        )
        return wrap, size * PT * (single if len(lines) == 1 else multiple), len(lines)

    def _text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        size: float,
        *,
        lang: str,
        bold: bool = False,
        color=INK,
        align: str = "L",
        measure: bool = False,
        spacing: float = 0,
        wrap: WrapMode | None = None,
    ) -> float:
        """Write (or, with measure, only measure) a text wrapped at width, its top at y; returns its
        height in mm. The size is in points."""
        self.set_char_spacing(spacing)
        wrap, line_height, lines = self._layout(text, lang, size, width, bold, wrap)
        if measure:
            return line_height * lines
        self.set_text_color(*color)
        fake_bold = bold and _FAMILIES[_family_for(text, lang)][1] is None
        if fake_bold:  # stroke the outlines to embolden a font without a bold face
            self.text_mode = TextMode.FILL_STROKE
            self.set_draw_color(*color)
            # fpdf2 2.8.9 writes this width into the text object as is, in points, not in mm
            self.set_line_width(self.font_size_pt * 0.03)
        self.set_xy(x, y)
        height = self.multi_cell(
            width, line_height, text, align=align, wrapmode=wrap, output=MethodReturnValue.HEIGHT
        )
        if fake_bold:
            self.text_mode = TextMode.FILL
        return height
