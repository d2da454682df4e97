"""Checklists: a printable PDF (fpdf2, with the Noto Sans font shipped in lms/toolkits/fonts) and
the same content as editable documents."""

from pathlib import Path

from fpdf import FPDF

from lms.toolkits.build.blocks import Block, runs
from lms.toolkits.build.documents import LEGAL_NOTE

FONTS = Path(__file__).resolve().parents[2] / "core" / "fonts"
BOX = "\u2610"  # ☐ in the editable documents


def blocks_for(data: dict, title: str, legal: bool) -> list[Block]:
    blocks = [Block("heading", [(title, False)], 1)]
    if legal:
        blocks.append(Block("paragraph", [(LEGAL_NOTE, True)]))
    if data.get("intro"):
        blocks.append(Block("paragraph", runs(str(data["intro"]))))
    for section in data["sections"]:
        blocks.append(Block("heading", runs(str(section["title"])), 2))
        blocks += [Block("paragraph", [(f"{BOX} ", False), *runs(str(item))]) for item in section["items"]]
    if data.get("note"):
        blocks.append(Block("paragraph", runs(str(data["note"]))))
    return blocks


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Noto", size=8)
        self.cell(0, 8, f"Ponte · {self.page_no()}/{{nb}}", align="C")


def write_pdf(data: dict, path: Path, title: str, legal: bool) -> None:
    pdf = _Pdf(format="A4")
    pdf.set_title(title)
    pdf.set_lang("it")
    pdf.set_creator("Ponte")
    pdf.add_font("Noto", "", str(FONTS / "NotoSans-Regular.ttf"))
    pdf.add_font("Noto", "B", str(FONTS / "NotoSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    pdf.set_font("Noto", "B", 16)
    pdf.multi_cell(0, 8, title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if legal:
        pdf.set_font("Noto", "B", 9)
        pdf.multi_cell(0, 5, LEGAL_NOTE, border=1, padding=2, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.set_font("Noto", "", 10.5)
    if data.get("intro"):
        pdf.multi_cell(0, 5.5, _plain(data["intro"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for section in data["sections"]:
        pdf.set_font("Noto", "B", 12)
        pdf.ln(2)
        pdf.multi_cell(0, 6.5, _plain(section["title"]), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Noto", "", 10.5)
        for item in section["items"]:
            _item(pdf, _plain(item))
    if data.get("note"):
        pdf.ln(3)
        pdf.set_font("Noto", "", 9)
        pdf.multi_cell(0, 5, _plain(data["note"]), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _item(pdf: FPDF, text: str) -> None:
    """A checkbox drawn as a square, then the item's text wrapped beside it."""
    if pdf.will_page_break(12):
        pdf.add_page()
    x, y = pdf.get_x(), pdf.get_y()
    pdf.rect(x, y + 1.2, 3.6, 3.6)
    pdf.set_x(x + 6)
    pdf.multi_cell(0, 5.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _plain(text) -> str:
    return "".join(t for t, _ in runs(str(text)))
