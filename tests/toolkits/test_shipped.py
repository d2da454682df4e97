"""Every shipped toolkit builds, opens with a reader for its format, and its formulas compute right."""

from datetime import date

import pytest

from lms.catalog import loader
from lms.toolkits import sources
from lms.toolkits.build import build
from tests.catalog.test_loader import SHIPPED
from tests.toolkits import readers

SPECS, PROBLEMS = sources.load_toolkits(SHIPPED)


def test_shipped_toolkits_are_valid_and_attached_to_real_modules():
    assert PROBLEMS == []
    assert len(SPECS) >= 25
    courses, _ = loader.load_courses(SHIPPED)
    modules = {(c.slug, m.slug) for c in courses for m in c.modules}
    assert [s.slug for s in SPECS if (s.course, s.module) not in modules] == []


@pytest.mark.parametrize("spec", SPECS, ids=[s.slug for s in SPECS])
def test_shipped_toolkit_opens_in_every_format(spec, tmp_path):
    paths = {p.suffix[1:]: p for p in build(spec, tmp_path, date(2026, 11, 25))}
    title = spec.title["it"]
    if "docx" in paths:
        assert readers.docx_text(paths["docx"]).strip()
        assert readers.odt_text(paths["odt"]).strip()
    if "pdf" in paths:
        assert title.split()[0] in readers.pdf_text(paths["pdf"])
    if "ics" in paths:
        assert len(readers.ics_events(paths["ics"])) == len(spec.content["events"])
    if "xlsx" in paths:
        assert readers.ods_matches_xlsx(paths["ods"], paths["xlsx"])
        for check in (spec.content or {}).get("checks", []) if spec.kind == "spreadsheet" else []:
            result = readers.evaluate(paths["xlsx"], check["set"], list(check["expect"]), tmp_path)
            assert result == pytest.approx({k: float(v) for k, v in check["expect"].items()})


def test_every_shipped_spreadsheet_has_checks():
    spreadsheets = [s for s in SPECS if s.kind == "spreadsheet"]
    assert spreadsheets and all(s.content.get("checks") for s in spreadsheets)
