"""A PDF with Ponte's fonts: Noto Sans with HarfBuzz shaping and fallbacks for every shipped script."""

from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FALLBACKS = {
    "arabic": "NotoSansArabic-Regular.ttf",
    "bengali": "NotoSansBengali-Regular.ttf",
    "gurmukhi": "NotoSansGurmukhi-Regular.ttf",
    "sc": "NotoSansSC-Subset.otf",
}


def new_pdf(auto_page_break: bool = True) -> FPDF:
    """An A4 document whose "sans" font writes every shipped language as its readers write it."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto_page_break, margin=15)
    pdf.add_font("sans", "", str(FONTS / "NotoSans-Regular.ttf"))
    pdf.add_font("sans", "B", str(FONTS / "NotoSans-Bold.ttf"))
    for family, file in FALLBACKS.items():
        pdf.add_font(family, "", str(FONTS / file))
    pdf.set_fallback_fonts(list(FALLBACKS), exact_match=False)
    pdf.set_text_shaping(True)
    return pdf
