"""Documents (.docx with python-docx, .odt with odfpy) from the template Markdown subset."""

from pathlib import Path

from docx import Document
from docx.shared import Pt
from odf.opendocument import OpenDocumentText
from odf.style import ListLevelProperties, ParagraphProperties, Style, TextProperties
from odf.text import H, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P, Span

from lms.toolkits.build.blocks import Block, parse

LEGAL_NOTE = (
    "Modello da adattare: questo testo è un esempio, non un parere legale. Adattatelo alla vostra "
    "associazione con l'aiuto del CSV Lazio o di un consulente prima di usarlo."
)


def blocks_for(text: str, legal: bool) -> list[Block]:
    blocks = parse(text)
    if legal:
        blocks.insert(0, Block("paragraph", [(LEGAL_NOTE, True)]))
    return blocks


def write_docx(blocks: list[Block], path: Path, title: str) -> None:
    document = Document()
    document.core_properties.title = title
    document.core_properties.language = "it-IT"
    document.styles["Normal"].font.size = Pt(11)
    for block in blocks:
        if block.kind == "pagebreak":
            document.add_page_break()
            continue
        if block.kind == "heading":
            paragraph = document.add_heading(level=block.level)
        else:
            # Numbered items keep their number as text: Word's "List Number" would run on across lists.
            style = {"bullet": "List Bullet"}.get(block.kind)
            paragraph = document.add_paragraph(style=style)
            if block.kind == "number":
                paragraph.add_run(f"{block.level}. ")
        for text, bold in block.runs:
            paragraph.add_run(text).bold = bold or None
    document.save(path)


def _odt_styles(doc: OpenDocumentText) -> dict[str, Style]:
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    note = Style(name="Note", family="paragraph")
    note.addElement(ParagraphProperties(padding="0.2cm", border="0.06pt solid #8a3b00"))
    brk = Style(name="PageBreak", family="paragraph")
    brk.addElement(ParagraphProperties(breakbefore="page"))
    headings = {}
    for level, size in ((1, "16pt"), (2, "13pt"), (3, "12pt")):
        style = Style(name=f"Heading {level}", family="paragraph")
        style.addElement(TextProperties(fontsize=size, fontweight="bold"))
        style.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
        headings[level] = style
    bullets, numbers = ListStyle(name="Bullets"), ListStyle(name="Numbers")
    bullet = ListLevelStyleBullet(level=1, bulletchar="•")
    number = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    for level_style, holder in ((bullet, bullets), (number, numbers)):
        level_style.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.6cm"))
        holder.addElement(level_style)
    for style in (bold, note, brk, *headings.values(), bullets, numbers):
        doc.styles.addElement(style)
    return {
        "bold": bold,
        "note": note,
        "break": brk,
        "bullet": bullets,
        "number": numbers,
        **{f"h{k}": v for k, v in headings.items()},
    }


def _fill(element, block: Block, bold_style: Style) -> None:
    for text, bold in block.runs:
        if bold:
            span = Span(stylename=bold_style)
            span.addText(text)
            element.addElement(span)
        else:
            element.addText(text)


def write_odt(blocks: list[Block], path: Path, title: str) -> None:
    doc = OpenDocumentText()
    styles = _odt_styles(doc)
    current_list, list_kind = None, None
    pending_break = False
    for block in blocks:
        if block.kind == "pagebreak":
            pending_break = True
            current_list = None
            continue
        if block.kind in ("bullet", "number"):
            if current_list is None or list_kind != block.kind:
                current_list, list_kind = List(stylename=styles[block.kind]), block.kind
                doc.text.addElement(current_list)
            item, paragraph = ListItem(), P()
            _fill(paragraph, block, styles["bold"])
            item.addElement(paragraph)
            current_list.addElement(item)
            continue
        current_list = None
        if block.kind == "heading":
            element = H(outlinelevel=block.level, stylename=styles[f"h{block.level}"])
        else:
            element = P(stylename=styles["break"]) if pending_break else P()
        pending_break = False
        _fill(element, block, styles["bold"])
        doc.text.addElement(element)
    doc.save(str(path))
