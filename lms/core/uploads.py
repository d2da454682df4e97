"""Checking uploaded files by their content (never by name): images are re-encoded, documents inspected.

Images are decoded and re-encoded with Pillow: that proves they are images, drops metadata such as a
phone's GPS position, and scales large photos down for small data plans. Documents are accepted only as
PDF or as office files (OOXML, OpenDocument) whose inner structure matches.
"""

import io
import warnings
import zipfile
from typing import NamedTuple

from PIL import Image, UnidentifiedImageError

from lms.core.i18n import _

#: Pillow format -> (extension, content type, save options) of the cleaned file.
IMAGE_FORMATS = {
    "PNG": ("png", "image/png", {"optimize": True}),
    "JPEG": ("jpg", "image/jpeg", {"quality": 82, "optimize": True}),
    "WEBP": ("webp", "image/webp", {"quality": 80}),
    "GIF": ("png", "image/png", {"optimize": True}),  # first frame only: no animations in lessons
}
OFFICE = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/document.xml"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/workbook.xml"),
    "odt": ("application/vnd.oasis.opendocument.text", None),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", None),
}
MAX_PIXELS = 40_000_000
IMAGE_EXTENSIONS = frozenset({"png", "jpg", "webp"})


class UploadError(ValueError):
    """The upload is refused; the message is translated."""


def image(data: bytes, max_side: int) -> tuple[bytes, str, str] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                message = _("The image is too large: make it smaller than 6000 × 6000 pixels.")  # noqa: RUF001
                raise UploadError(message)
            fmt = image.format
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    except (OSError, SyntaxError, ValueError) as error:
        if isinstance(error, UploadError):
            raise
        raise UploadError(_("The image is damaged and cannot be read.")) from error
    if fmt not in IMAGE_FORMATS:
        return None
    extension, content_type, options = IMAGE_FORMATS[fmt]
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode == "P" else "RGB")
    if extension == "jpg" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.thumbnail((max_side, max_side))
    out = io.BytesIO()
    image.save(out, format="JPEG" if extension == "jpg" else fmt if fmt != "GIF" else "PNG", **options)
    return out.getvalue(), extension, content_type


def document(data: bytes, filename: str) -> tuple[str, str] | None:
    if data.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in OFFICE or not zipfile.is_zipfile(io.BytesIO(data)):
        return None
    content_type, required = OFFICE[extension]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if required:
                ok = "[Content_Types].xml" in names and required in names
            else:
                ok = (
                    "mimetype" in names
                    and archive.read("mimetype").decode("ascii", "replace") == content_type
                )
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    return (extension, content_type) if ok else None


class Cleaned(NamedTuple):
    data: bytes
    extension: str
    content_type: str


def clean(data: bytes, filename: str, max_bytes: int, max_side: int) -> Cleaned:
    """The upload as it may be kept (images re-encoded), or UploadError with a translated reason."""
    if not data:
        raise UploadError(_("The file is empty."))
    if len(data) > max_bytes:
        raise UploadError(
            _("The file is too big: the limit is %(size)s.", size=f"{max_bytes // (1024 * 1024)} MB")
        )
    checked = image(data, max_side)
    if checked is not None:
        return Cleaned(*checked)
    found = document(data, filename)
    if found is None:
        raise UploadError(
            _(
                "This kind of file cannot be uploaded. Use an image (PNG, JPEG, WebP, GIF) or a document "
                "(PDF, DOCX, XLSX, ODT, ODS)."
            )
        )
    return Cleaned(data, *found)
