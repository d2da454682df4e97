"""An event plan as a PDF, and its budget as a spreadsheet with working formulas. Words come translated."""

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font

from lms.associations.budget import euros
from lms.associations.models import EventPlan
from lms.core.pdf import new_pdf


@dataclass
class Section:
    heading: str
    body: str


def plan_pdf(title: str, subtitle: str, sections: list[Section]) -> bytes:
    """Headings and paragraphs on A4; every script prints as written (see lms.core.pdf)."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("sans", "B", 16)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("sans", "", 10)
    pdf.multi_cell(0, 6, subtitle, new_x="LMARGIN", new_y="NEXT")
    for section in sections:
        if not section.body.strip():
            continue
        pdf.ln(3)
        pdf.set_font("sans", "B", 12)
        pdf.multi_cell(0, 7, section.heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("sans", "", 10)
        pdf.multi_cell(0, 5.5, section.body, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def budget_xlsx(plan: EventPlan, headers: list[str], type_names: dict[str, str], totals: list[str]) -> bytes:
    """Columns: side, type, description, planned, actual; totals and balance as formulas."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Budget"
    sheet.append([plan.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    lines = sorted(plan.budget or [], key=lambda line: line["side"] != "income")
    first = 3
    for line in lines:
        planned, actual = euros(line.get("planned")), euros(line.get("actual"))
        sheet.append(
            [type_names[line["side"]], type_names[line["type"]], line.get("label", ""), planned, actual]
        )
    last = first + len(lines) - 1
    income, costs, balance = totals
    sheet.append([])
    row = last + 2
    for label, side in ((income, "income"), (costs, "cost")):
        name = type_names[side]
        sheet.append([label, "", "", f'=SUMIF($A${first}:$A${last},"{name}",D{first}:D{last})',
                      f'=SUMIF($A${first}:$A${last},"{name}",E{first}:E{last})'])  # fmt: skip
    sheet.append([balance, "", "", f"=D{row}-D{row + 1}", f"=E{row}-E{row + 1}"])
    for column in "DE":
        for cell in sheet[column][2:]:
            cell.number_format = "#,##0.00 €"
    for column, width in zip("ABCDE", (22, 34, 40, 14, 14), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
