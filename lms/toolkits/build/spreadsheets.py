"""Spreadsheets with working formulas: .xlsx (openpyxl) and .ods (odfpy) from one source.

Formulas are written once, in A1 notation; `odf_formula` translates them to OpenFormula for .ods.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from odf.dc import Title
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableColumnProperties, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.properties import CalcProperties

REF = r"\$?[A-Z]{1,3}\$?\d+"
SHEET = r"(?:'[^']+'|[A-Za-z_][A-Za-z0-9_]*)"
_TOKEN = re.compile(
    rf'"[^"]*"|(?P<sheet>{SHEET})!(?P<a>{REF})(?::(?P<b>{REF}))?|(?<![A-Za-z_])(?P<c>{REF})(?::(?P<d>{REF}))?'
    r"|(?P<comma>,)"
)
_ROW_REF = re.compile(r"(?<![A-Za-z_$])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])")
FORMATS = {"date": "DD/MM/YYYY", "euro": '#,##0.00 "€"', "number": "#,##0.##", "percent": "0%", "text": "@"}


@dataclass
class Sheet:
    name: str
    columns: list[dict]
    rows: list[list[Any]]  # data rows, sheet row 2 onwards (row 1 is the header)


def shift_formula(formula: str, offset: int) -> str:
    """Move relative row references down by offset (copying a row down), outside strings."""
    parts = re.split(r'("[^"]*")', formula)
    return "".join(p if p.startswith('"') else _ROW_REF.sub(
        lambda m: m.group(1) + m.group(2) + (m.group(3) if m.group(2) else str(int(m.group(3)) + offset)), p)
        for p in parts)  # fmt: skip


def _shifted(value: Any, offset: int) -> Any:
    return shift_formula(value, offset) if isinstance(value, str) and value.startswith("=") else value


def layout(data: dict) -> list[Sheet]:
    """Expand repeated rows and totals into the final grid of each sheet."""
    sheets = []
    for source in data["sheets"]:
        rows = [list(r) for r in source.get("rows") or []]
        repeat = source.get("repeat")
        if repeat:
            index = int(repeat["row"]) - 2
            template = rows[index]
            copies = [[_shifted(v, k) for v in template] for k in range(1, int(repeat["times"]) + 1)]
            rows[index + 1 : index + 1] = copies
        last = len(rows) + 1
        for total in source.get("totals") or []:
            rows.append([v.replace("{last}", str(last)) if isinstance(v, str) else v for v in total])
        sheets.append(Sheet(str(source["name"]), list(source["columns"]), rows))
    return sheets


def layout_problems(data) -> list[tuple[int, str]]:
    """Structural problems of a spreadsheet source, with their lines."""
    sheets = data.get("sheets")
    if not isinstance(sheets, list) or not sheets:
        return [(data.line_of("sheets"), "'sheets' must be a non-empty list")]
    problems = []
    for i, sheet in enumerate(sheets):
        line = sheets.line_of(i)
        columns, rows = sheet.get("columns"), sheet.get("rows") or []
        if not sheet.get("name") or not isinstance(columns, list) or not columns:
            problems.append((line, "each sheet needs a 'name' and a list of 'columns'"))
            continue
        if len(str(sheet["name"])) > 31:
            problems.append((line, "a sheet name has at most 31 characters"))
        for c, column in enumerate(columns):
            if not isinstance(column, dict) or not column.get("title"):
                problems.append((columns.line_of(c), "each column needs a 'title'"))
            elif column.get("format", "text") not in FORMATS:
                problems.append((columns.line_of(c), f"'format' must be one of: {', '.join(FORMATS)}"))
        for r, row in enumerate(rows):
            if not isinstance(row, list) or len(row) > len(columns):
                problems.append((rows.line_of(r), "a row is a list with at most one value per column"))
        repeat = sheet.get("repeat")
        if repeat and not (isinstance(repeat, dict) and 2 <= int(repeat.get("row", 0)) <= len(rows) + 1):
            problems.append((sheet.line_of("repeat"), "'repeat' needs 'row' (a row of 'rows') and 'times'"))
    names = {str(s.get("name")) for s in sheets if isinstance(s, dict)}
    for i, check in enumerate(data.get("checks") or []):
        for ref in [*(check.get("set") or {}), *(check.get("expect") or {})]:
            if ref.split("!")[0].strip("'") not in names:
                problems.append((data["checks"].line_of(i), f"check refers to an unknown sheet: {ref}"))
    return problems


def _value(value: Any, fmt: str) -> Any:
    if fmt == "date" and isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return date.fromisoformat(value)
    return value


def write_xlsx(sheets: list[Sheet], path: Path, title: str) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    workbook.properties.language = "it-IT"
    workbook.calculation = CalcProperties(fullCalcOnLoad=True)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name)
        for c, column in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=c, value=str(column["title"]))
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBE7")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.column_dimensions[get_column_letter(c)].width = column.get("width", 14)
        for r, row in enumerate(sheet.rows, start=2):
            for c, column in enumerate(sheet.columns, start=1):
                fmt = column.get("format", "text")
                value = row[c - 1] if c - 1 < len(row) else None
                cell = ws.cell(row=r, column=c, value=_value(value, fmt))
                if fmt != "text" or (isinstance(value, str) and value.startswith("=")):
                    cell.number_format = FORMATS.get(fmt, "General")
        ws.freeze_panes = "A2"
    workbook.save(path)


def odf_formula(formula: str) -> str:
    """Translate an A1 formula ('=SUM(B2:B9)', "='Prima nota'!C5") to OpenFormula for .ods."""

    def replace(match: re.Match) -> str:
        if match.group("comma"):
            return ";"
        if match.group("sheet"):
            sheet = match.group("sheet")
            end = f":.{match.group('b').replace('$', '')}" if match.group("b") else ""
            return f"[${sheet}.{match.group('a').replace('$', '')}{end}]"
        if match.group("c"):
            end = f":.{match.group('d').replace('$', '')}" if match.group("d") else ""
            return f"[.{match.group('c').replace('$', '')}{end}]"
        return match.group(0)  # a string literal

    return "of:=" + _TOKEN.sub(replace, formula[1:])


def write_ods(sheets: list[Sheet], path: Path, title: str) -> None:
    doc = OpenDocumentSpreadsheet()
    doc.meta.addElement(Title(text=title))
    header = Style(name="Header", family="table-cell")
    header.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(header)
    for s_index, sheet in enumerate(sheets):
        table = Table(name=sheet.name)
        for c, column in enumerate(sheet.columns):
            width = Style(name=f"co{s_index}-{c}", family="table-column")
            width.addElement(TableColumnProperties(columnwidth=f"{column.get('width', 14) * 0.19:.2f}cm"))
            doc.automaticstyles.addElement(width)
            table.addElement(TableColumn(stylename=width))
        row = TableRow()
        for column in sheet.columns:
            row.addElement(_ods_cell(str(column["title"]), header))
        table.addElement(row)
        for values in sheet.rows:
            row = TableRow()
            for c in range(len(sheet.columns)):
                row.addElement(_ods_cell(values[c] if c < len(values) else None))
            table.addElement(row)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


def _ods_cell(value: Any, style: Any = None) -> Any:
    kwargs = {"stylename": style} if style else {}
    if value is None:
        return TableCell(**kwargs)
    if isinstance(value, str) and value.startswith("="):
        return TableCell(formula=odf_formula(value), valuetype="float", **kwargs)
    if isinstance(value, bool) or not isinstance(value, int | float):
        cell = TableCell(valuetype="string", **kwargs)
        cell.addElement(P(text=str(value)))
        return cell
    cell = TableCell(valuetype="float", value=value, **kwargs)
    cell.addElement(P(text=str(value)))
    return cell
