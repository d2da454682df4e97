"""Toolkit files are generated from their sources and open in the software associations use."""

import shutil
from datetime import date

import pytest

from lms.toolkits import sources
from lms.toolkits.build import build
from lms.toolkits.build.documents import LEGAL_NOTE
from tests import factories
from tests.catalog.test_loader import edit
from tests.toolkits import readers

TOOLKITS = factories.TEST_COURSES


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("toolkits")
    specs, problems = sources.load_toolkits(TOOLKITS)
    assert problems == []
    return {spec.slug: (spec, build(spec, out, date(2026, 11, 25))) for spec in specs}, out


def test_document_as_docx_and_odt(built):
    _, (docx_path, odt_path) = built[0]["statuto-prova"]
    for text in (readers.docx_text(docx_path), readers.odt_text(odt_path)):
        assert text.startswith(LEGAL_NOTE)  # legal models carry the note first
        assert "Statuto dell'associazione ________" in text
        assert "16 €" in text and "secondo punto" in text
    assert readers.is_zip_document(odt_path, "application/vnd.oasis.opendocument.text")


def test_checklist_as_printable_pdf_and_documents(built):
    _, (pdf, docx_path, odt_path) = built[0]["lista-prova"]
    text = readers.pdf_text(pdf)
    assert "Lista di prova" in text and "Pagare 16 € di marca da bollo" in text
    assert "30 giorni prima" in text and "Verificate sempre con il Municipio." in text
    assert "☐ Contare la cassa in due persone" in readers.docx_text(docx_path)
    assert "☐ Contare la cassa in due persone" in readers.odt_text(odt_path)


def test_calendar_as_ics_repeating_every_year(built):
    _, (ics, _xlsx, ods) = built[0]["scadenze-prova"]
    events = readers.ics_events(ics)
    assert [str(e["summary"]) for e in events] == ["Relazione annuale", "Deposito del rendiconto"]
    assert events[0]["dtstart"].dt == date(2027, 1, 30)  # the next 30 January after 25 November 2026
    assert events[1]["dtstart"].dt == date(2027, 6, 30)
    assert all(e["rrule"]["FREQ"] == ["YEARLY"] for e in events)
    assert "Enti iscritti" in str(events[0]["description"])
    assert readers.is_zip_document(ods, "application/vnd.oasis.opendocument.spreadsheet")


def test_spreadsheet_formulas_compute_the_right_totals(built, tmp_path):
    spec, (xlsx, ods) = built[0]["cassa-prova"]
    for check in spec.content["checks"]:
        result = readers.evaluate(xlsx, check["set"], list(check["expect"]), tmp_path)
        assert result == pytest.approx({k: float(v) for k, v in check["expect"].items()})
    assert readers.ods_matches_xlsx(ods, xlsx)
    assert readers.ods_formulas(ods)["Riepilogo!B2"] == "of:=[$'Prima nota'.C12]"


def test_broken_sources_are_reported_with_file_and_line(tmp_path):
    tree = tmp_path / "courses"
    shutil.copytree(TOOLKITS, tree)
    edit(
        tree / "_toolkits/cassa-prova/spreadsheet.yaml",
        "{title: Descrizione, width: 30}",
        "{title: Descrizione, format: money}",
    )
    edit(tree / "_toolkits/lista-prova/toolkit.yaml", "topic: events", "topic: parties")
    edit(tree / "_toolkits/scadenze-prova/calendar.yaml", 'date: "06-30"', 'date: "30-06"')
    _, problems = sources.load_toolkits(tree)
    found = [str(p) for p in problems]
    assert any(
        p.startswith("_toolkits/cassa-prova/spreadsheet.yaml:5: 'format' must be one of") for p in found
    )
    assert any(p.startswith("_toolkits/lista-prova/toolkit.yaml:3: 'topic' must be one of") for p in found)
    assert any(p.startswith("_toolkits/scadenze-prova/calendar.yaml:3: each event needs") for p in found)


def test_legal_spreadsheet_opens_on_the_legal_note(tmp_path):
    import openpyxl

    specs, _ = sources.load_toolkits(TOOLKITS)
    spec = next(s for s in specs if s.slug == "cassa-prova")
    spec.legal = True
    xlsx, ods = build(spec, tmp_path, date(2026, 11, 25))
    workbook = openpyxl.load_workbook(xlsx)
    assert workbook.sheetnames[0] == "Leggimi"
    assert workbook["Leggimi"]["A2"].value == LEGAL_NOTE
    assert readers.ods_matches_xlsx(ods, xlsx)
