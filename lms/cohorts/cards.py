"""Printable login cards: eight to an A4 page, each with a name, username, one-time code and a QR code.

Names are set with HarfBuzz shaping and Noto fallback fonts, so Arabic, Bengali, Gurmukhi and Chinese
names print as their owners write them.
"""

import io
from dataclasses import dataclass

import segno
from fpdf import FPDF

from lms.core.pdf import new_pdf

COLUMNS, ROWS = 2, 4
CARD_W, CARD_H = 90.0, 62.0
MARGIN_X, MARGIN_Y = 12.0, 16.0
QR_SIZE = 26.0


@dataclass
class Card:
    name: str
    username: str
    code: str
    login_url: str


@dataclass
class Labels:
    """The card's words, already translated by the caller."""

    title: str
    username: str
    code: str
    scan: str
    first_time: str


def render(cards: list[Card], labels: Labels) -> bytes:
    """The cards as the bytes of a PDF, cut lines drawn around each one."""
    pdf = new_pdf(auto_page_break=False)
    for index, card in enumerate(cards):
        slot = index % (COLUMNS * ROWS)
        if slot == 0:
            pdf.add_page()
        x = MARGIN_X + (slot % COLUMNS) * (CARD_W + 6)
        y = MARGIN_Y + (slot // COLUMNS) * (CARD_H + 3)
        _card(pdf, card, labels, x, y)
    return bytes(pdf.output())


def _card(pdf: FPDF, card: Card, labels: Labels, x: float, y: float) -> None:
    pdf.set_draw_color(150, 150, 150)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=1.5, gap=1.5)
    pdf.rect(x, y, CARD_W, CARD_H)
    pdf.set_dash_pattern()
    inner = CARD_W - QR_SIZE - 10
    pdf.set_text_color(11, 93, 75)
    pdf.set_font("sans", "B", 10)
    pdf.set_xy(x + 4, y + 3)
    pdf.cell(inner, 6, labels.title)
    pdf.set_text_color(28, 36, 33)
    pdf.set_font("sans", "B", 13)
    pdf.set_xy(x + 4, y + 10)
    pdf.multi_cell(inner, 6, card.name or card.username, max_line_height=6)
    pdf.set_font("sans", "", 8)
    pdf.set_xy(x + 4, y + 26)
    pdf.cell(inner, 4, labels.username)
    pdf.set_font("sans", "B", 12)
    pdf.set_xy(x + 4, y + 30)
    pdf.cell(inner, 6, card.username)
    pdf.set_font("sans", "", 8)
    pdf.set_xy(x + 4, y + 38)
    pdf.cell(inner, 4, labels.code)
    pdf.set_font("sans", "B", 14)
    pdf.set_xy(x + 4, y + 42)
    pdf.cell(inner, 7, card.code)
    pdf.set_font("sans", "", 7)
    pdf.set_xy(x + 4, y + 51)
    pdf.multi_cell(CARD_W - 8, 3.2, labels.first_time)
    qr = io.BytesIO()
    segno.make(card.login_url, error="m").save(qr, kind="png", scale=6, border=1)
    qr.seek(0)
    pdf.image(qr, x + CARD_W - QR_SIZE - 4, y + 6, QR_SIZE, QR_SIZE)
    pdf.set_font("sans", "", 7)
    pdf.set_xy(x + CARD_W - QR_SIZE - 5, y + 8 + QR_SIZE)
    pdf.multi_cell(QR_SIZE + 2, 3, labels.scan, align="C")
