"""Course zips: export(import(x)) keeps everything; a broken zip changes nothing, says where it is wrong."""

import io
import zipfile
from pathlib import Path

import pytest

from lms.authoring import exchange, services, specjson
from lms.authoring.snapshot import spec_from_db
from lms.catalog import importer, loader
from tests import factories
from tests.authoring.helpers import complete_course
from tests.authoring.test_media import _png

SHIPPED = Path(__file__).parents[2] / "courses"
MAX = 30 * 1024 * 1024


def _zip(files: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_the_whole_shipped_curriculum_survives_a_round_trip(db):
    specs, problems = loader.load_courses(SHIPPED)
    glossary, _ = loader.load_shared_glossary(SHIPPED)
    assert not problems
    importer.import_courses(specs, glossary)
    db.session.flush()
    admin = factories.make_user("ada", "admin")
    for spec in specs:
        version = services.start_draft(spec.slug, admin)
        unpacked = exchange.read_zip(services.export_course(version), MAX, {s.slug for s in specs})
        assert unpacked.problems == [], spec.slug
        assert (
            specjson.to_json(unpacked.spec)
            == specjson.to_json(spec)
            == specjson.to_json(spec_from_db(factories.course(spec.slug)))
        )


def test_images_travel_with_the_course(db):
    from lms.authoring import editor, media

    trainer = factories.make_user("tina", "trainer")
    stored = media.store(_png(), "a.png", None, 10**6, 1280)
    spec = complete_course()
    page = spec.modules[0].pages[0]
    editor.set_page_text(
        page, "it", "Prima pagina", page.texts["it"][1] + "\n" + media.markdown_for(stored, "Foto")
    )
    version = services.create_course(spec, trainer)
    data = services.export_course(version)
    assert f"media/{stored.name}" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    unpacked = exchange.read_zip(data, MAX, set())
    assert unpacked.media == {stored.name: stored.data}


def test_a_broken_file_is_reported_with_its_line_and_nothing_changes(client, forms, login_as, db, courses):
    login_as("admin")
    files = {f"basi/{p.relative_to(factories.TEST_COURSES / 'basi')}": p.read_bytes()
             for p in (factories.TEST_COURSES / "basi").rglob("*") if p.is_file()}  # fmt: skip
    files["basi/primo/module.yaml"] = files["basi/primo/module.yaml"].replace(
        b"pass_mark: 70", b"pass_mark: 700"
    )
    upload = {"file": (io.BytesIO(_zip(files)), "basi.zip")}
    response = forms.post("/author/import", upload, page="/author/import", content_type="multipart/form-data")
    assert response.status_code == 422
    assert "basi/primo/module.yaml:4: &#39;pass_mark&#39; must be a whole number" in response.get_data(
        as_text=True
    )
    assert services.versions("basi") == []


@pytest.mark.parametrize(
    "files",
    [
        {"../evil/course.yaml": "tier: 1"},
        {"a/course.yaml": "tier: 1", "b/course.yaml": "tier: 1"},
        {"media/not-a-hash.png": b"x", "a/course.yaml": "tier: 1"},
    ],
)
def test_odd_zips_are_refused(db, files):
    assert exchange.read_zip(_zip(files), MAX, set()).spec is None


def test_not_a_zip_and_a_zip_bomb_are_refused(db):
    assert exchange.read_zip(b"plain text", MAX, set()).problems
    assert exchange.read_zip(_zip({"a/course.yaml": "x" * 5000}), 1000, set()).problems


def test_import_previews_then_creates_a_draft_in_one_step(client, forms, login_as, db):
    login_as("trainer", "tom")
    data = exchange.export_zip(complete_course("nuovissimo"), {})
    response = forms.post("/author/import", {"file": (io.BytesIO(data), "c.zip")}, page="/author/import",
                          content_type="multipart/form-data")  # fmt: skip
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "primo-modulo/prima-pagina.it.md" in html
    assert services.versions("nuovissimo") == []  # nothing yet
    from tests.conftest import csrf_from

    pending = html.split('name="pending" value="')[1].split('"')[0]
    response = client.post("/author/import", data={"csrf_token": csrf_from(html), "pending": pending})
    assert response.status_code == 302
    draft = services.open_version("nuovissimo")
    assert draft.state == "draft" and services.can_edit(factories.get_user("tom"), "nuovissimo")
    assert (
        client.post("/author/import", data={"csrf_token": csrf_from(html), "pending": pending}).status_code
        == 404
    )


def test_importing_over_a_course_you_cannot_edit_is_refused(client, forms, login_as, db, courses):
    admin = factories.make_user("ada", "admin")
    data = services.export_course(services.start_draft("basi", admin))
    services.discard(services.open_version("basi"), admin)
    db.session.commit()
    login_as("trainer", "tom")
    response = forms.post("/author/import", {"file": (io.BytesIO(data), "c.zip")}, page="/author/import",
                          content_type="multipart/form-data")  # fmt: skip
    html = response.get_data(as_text=True)
    from tests.conftest import csrf_from

    pending = html.split('name="pending" value="')[1].split('"')[0]
    client.post("/author/import", data={"csrf_token": csrf_from(html), "pending": pending})
    assert services.open_version("basi") is None
