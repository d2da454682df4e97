"""Open generated toolkit files with the libraries that read each format, as associations' software would."""

import zipfile
from pathlib import Path

import docx
import formulas
import openpyxl
from icalendar import Calendar
from odf import opendocument, table, teletype
from odf.namespaces import TEXTNS
from pypdf import PdfReader

from lms.toolkits.build.spreadsheets import odf_formula


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def odt_text(path: Path) -> str:
    """Headings and paragraphs in document order."""
    doc = opendocument.load(str(path))
    wanted = ((TEXTNS, "h"), (TEXTNS, "p"))
    parts = []

    def walk(node) -> None:
        for child in node.childNodes:
            if getattr(child, "qname", None) in wanted:
                parts.append(teletype.extractText(child))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(doc.text)
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def ics_events(path: Path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def xlsx_formulas(path: Path) -> dict[str, str]:
    workbook = openpyxl.load_workbook(path)
    return {f"{ws.title}!{cell.coordinate}": cell.value for ws in workbook for row in ws.iter_rows()
            for cell in row if isinstance(cell.value, str) and cell.value.startswith("=")}  # fmt: skip


def ods_formulas(path: Path) -> dict[str, str]:
    """Formulas of an .ods file by cell, reading the OpenDocument XML as LibreOffice would."""
    doc = opendocument.load(str(path))
    found = {}
    for sheet in doc.spreadsheet.getElementsByType(table.Table):
        for r, row in enumerate(sheet.getElementsByType(table.TableRow), start=1):
            for c, cell in enumerate(row.getElementsByType(table.TableCell), start=1):
                formula = cell.getAttribute("formula")
                if formula:
                    found[f"{sheet.getAttribute('name')}!{openpyxl.utils.get_column_letter(c)}{r}"] = formula
    return found


def ods_matches_xlsx(ods: Path, xlsx: Path) -> bool:
    """The .ods carries exactly the .xlsx formulas, translated to OpenFormula."""
    return ods_formulas(ods) == {ref: odf_formula(f) for ref, f in xlsx_formulas(xlsx).items()}


def evaluate(path: Path, values: dict[str, float], cells: list[str], work: Path) -> dict[str, float]:
    """Put sample values into a copy of the workbook and compute its formulas (formulas library)."""
    workbook = openpyxl.load_workbook(path)
    for ref, value in values.items():
        sheet, cell = ref.split("!")
        workbook[sheet.strip("'")][cell] = value
    target = work / f"check-{path.name}"
    workbook.save(target)
    solution = formulas.ExcelModel().loads(str(target)).finish().calculate()
    result = {}
    for ref in cells:
        sheet, cell = ref.split("!")
        value = solution[f"'[{target.name}]{sheet.strip(chr(39)).upper()}'!{cell}"].value[0, 0]
        result[ref] = float(value) if value is not None and str(value) != "" else 0.0
    return result


def is_zip_document(path: Path, mimetype: str) -> bool:
    with zipfile.ZipFile(path) as archive:
        return archive.read("mimetype").decode() == mimetype
