"""Generate a toolkit's files from its source: one function per kind, deterministic names."""

from datetime import date
from pathlib import Path

from lms.toolkits.build import calendars, checklists, documents, spreadsheets
from lms.toolkits.sources import ToolkitSpec

#: File extension -> media type, for downloads and the library page.
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "pdf": "application/pdf",
    "ics": "text/calendar",
}


def build(spec: ToolkitSpec, out: Path, today: date, uid_domain: str = "ponte.invalid") -> list[Path]:
    """Write the toolkit's files into out/ and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    title = spec.title["it"]
    base = out / spec.slug
    if spec.kind == "document":
        blocks = documents.blocks_for(spec.content, spec.legal)
        return _documents(blocks, base, title)
    if spec.kind == "checklist":
        checklists.write_pdf(spec.content, base.with_suffix(".pdf"), title, spec.legal)
        blocks = checklists.blocks_for(spec.content, title, spec.legal)
        return [base.with_suffix(".pdf"), *_documents(blocks, base, title)]
    if spec.kind == "spreadsheet":
        return _spreadsheets(_with_legal_note(spec.content) if spec.legal else spec.content, base, title)
    calendars.write_ics(spec.content, base.with_suffix(".ics"), title, uid_domain, today)
    return [base.with_suffix(".ics"), *_spreadsheets(calendars.as_spreadsheet(spec.content), base, title)]


def _with_legal_note(data: dict) -> dict:
    """Legal spreadsheets open on a first sheet that says they are a model to adapt."""
    note = {"name": "Leggimi", "columns": [{"title": "Nota", "width": 100}], "rows": [[documents.LEGAL_NOTE]]}
    return {**data, "sheets": [note, *data["sheets"]]}


def _documents(blocks, base: Path, title: str) -> list[Path]:
    documents.write_docx(blocks, base.with_suffix(".docx"), title)
    documents.write_odt(blocks, base.with_suffix(".odt"), title)
    return [base.with_suffix(".docx"), base.with_suffix(".odt")]


def _spreadsheets(data: dict, base: Path, title: str) -> list[Path]:
    sheets = spreadsheets.layout(data)
    spreadsheets.write_xlsx(sheets, base.with_suffix(".xlsx"), title)
    spreadsheets.write_ods(sheets, base.with_suffix(".ods"), title)
    return [base.with_suffix(".xlsx"), base.with_suffix(".ods")]
