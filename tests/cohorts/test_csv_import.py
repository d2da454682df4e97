"""CSV import: errors per row with the reason, add-only, and a second run creates nothing."""

import io

import pytest

from lms.cohorts import csvimport, services
from tests import factories
from tests.cohorts.helpers import make_cohort

LANGS = {"it", "en", "ar"}
FILE = (
    "name,username,email,language\n"
    "Awa Diop,,,it\n"
    ",amina,,\n"
    "Lin,,not-an-email,\n"
    "Omar,,,xx\n"
    ",,,\n"
    "Awa Diop,,,it\n"
    "Staff,tina,,\n"
)


@pytest.fixture
def cohort(db):
    factories.make_user("amina")
    factories.make_user("tina", "trainer")
    return make_cohort()


def test_each_row_says_what_it_will_do_or_why_not(cohort):
    rows, problem = csvimport.parse(FILE.encode(), cohort, LANGS)
    assert problem is None
    assert [(r.line, r.action, len(r.errors)) for r in rows] == [
        (2, "create", 0), (3, "join", 0), (4, "", 1), (5, "", 1), (7, "", 1), (8, "", 1),
    ]  # fmt: skip


def test_running_the_same_file_twice_creates_nothing_the_second_time(cohort, db):
    rows, _ = csvimport.parse(FILE.encode(), cohort, LANGS)
    created, added, unchanged = csvimport.apply(rows, cohort)
    assert (len(created), added, unchanged) == (1, 1, 0)
    db.session.commit()
    rows, _ = csvimport.parse(FILE.encode(), cohort, LANGS)
    created, added, unchanged = csvimport.apply(rows, cohort)
    assert (len(created), added, unchanged) == (0, 0, 2)
    assert len(services.members(cohort)) == 2


def test_a_file_without_a_header_is_refused(cohort):
    rows, problem = csvimport.parse(b"Awa Diop,it\n", cohort, LANGS)
    assert rows == [] and problem


def test_semicolons_and_a_windows_encoding_are_read(cohort):
    rows, problem = csvimport.parse("name;language\nNiccolò;it\n".encode("cp1252"), cohort, LANGS)
    assert problem is None and rows[0].name == "Niccolò"


def test_preview_then_import_through_the_pages(client, forms, login_as, cohort, db):
    login_as("admin")
    upload = {"file": (io.BytesIO(FILE.encode()), "list.csv")}
    preview = forms.post(f"/cohorts/{cohort.id}/import", upload, content_type="multipart/form-data")
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and services.members(cohort) == []
    from tests.conftest import csrf_from

    text = html.split('name="csv" value="')[1].split('"')[0]
    import html as htmllib

    response = client.post(
        f"/cohorts/{cohort.id}/import", data={"csrf_token": csrf_from(html), "csv": htmllib.unescape(text)}
    )
    assert response.status_code == 302 and "/cards/" in response.location
    assert len(services.members(cohort)) == 2
