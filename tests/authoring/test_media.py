"""Uploads: checked by content, cleaned, stored once by hash, described, and served to learners."""

import io
import zipfile

import pytest
from PIL import Image

from lms.authoring import media, services
from tests import factories
from tests.authoring.helpers import complete_course

PAGE = "/author/nuovo-corso/modules/primo-modulo/pages/prima-pagina"


def _jpeg_with_gps(size=(3000, 2000)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {2: (41.0, 54.0, 0.0)}  # GPSInfo: where the phone was
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _png(size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, (0, 90, 70, 255)).save(out, format="PNG")
    return out.getvalue()


def _docx() -> bytes:
    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


def _store(data, name="file", max_bytes=2 * 1024 * 1024):
    return media.store(data, name, None, max_bytes, 1280)


def test_a_photo_is_scaled_down_and_loses_its_metadata(db):
    stored = _store(_jpeg_with_gps(), "photo.jpg")
    image = Image.open(io.BytesIO(stored.data))
    assert stored.extension == "jpg" and max(image.size) == 1280
    assert not image.getexif()


def test_the_same_image_twice_is_stored_once(db):
    assert _store(_png()).sha256 == _store(_png()).sha256


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg"),
        (b"<html><script>alert(1)</script></html>", "x.png"),
        (b"MZ\x90\x00 an executable", "x.pdf.exe"),
        (b"PK\x03\x04 not really a zip", "x.docx"),
    ],
)
def test_files_that_are_not_images_or_documents_are_refused(db, data, name):
    with pytest.raises(media.MediaError):
        _store(data, name)


def test_an_office_name_on_a_zip_of_something_else_is_refused(db):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("evil.html", "<script>alert(1)</script>")
    with pytest.raises(media.MediaError):
        _store(out.getvalue(), "statuto.docx")


@pytest.mark.parametrize(("data", "name", "extension"), [(b"%PDF-1.7\n...", "a.pdf", "pdf")])
def test_documents_are_kept_as_they_are(db, data, name, extension):
    assert _store(data, name).extension == extension


def test_a_real_docx_is_accepted(db):
    assert _store(_docx(), "statuto.docx").extension == "docx"


def test_a_file_over_the_limit_is_refused(db):
    with pytest.raises(media.MediaError):
        _store(_png(), max_bytes=10)


def _course(db):
    services.create_course(complete_course(), factories.get_user("tina"))
    db.session.commit()


def test_upload_adds_the_described_image_to_the_page(client, forms, login_as, db):
    login_as("trainer", "tina")
    _course(db)
    response = forms.post(
        PAGE + "/upload", {"alt": "Un gruppo in assemblea", "file": (io.BytesIO(_png()), "foto.png")},
        page=PAGE, content_type="multipart/form-data",
    )  # fmt: skip
    assert response.status_code == 302
    body = services.spec_of(services.open_version("nuovo-corso")).modules[0].pages[0].texts["it"][1]
    name = media.referenced([body]).pop()
    assert f"![Un gruppo in assemblea](/media/{name})" in body
    served = client.get(f"/media/{name}")
    assert served.status_code == 200 and served.mimetype == "image/png"
    assert "immutable" in served.headers["Cache-Control"]


def test_upload_without_a_description_is_refused(client, forms, login_as, db):
    login_as("trainer", "tina")
    _course(db)
    forms.post(PAGE + "/upload", {"alt": "", "file": (io.BytesIO(_png()), "foto.png")}, page=PAGE,
               content_type="multipart/form-data")  # fmt: skip
    body = services.spec_of(services.open_version("nuovo-corso")).modules[0].pages[0].texts["it"][1]
    assert "/media/" not in body


def test_documents_download_instead_of_opening(client, db):
    stored = _store(_docx(), "statuto.docx")
    db.session.commit()
    response = client.get(f"/media/{stored.name}")
    assert response.headers["Content-Disposition"].startswith("attachment")


def test_unknown_or_malformed_media_names_are_404(client, db):
    assert client.get("/media/" + "0" * 64 + ".png").status_code == 404
    assert client.get("/media/../../etc/passwd").status_code == 404
