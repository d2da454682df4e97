"""Uploaded images and documents: checked by their content (never by name), cleaned, stored by hash.

Images are decoded and re-encoded with Pillow: that proves they are images, drops metadata such as a
phone's GPS position, and scales large photos down for learners on small data plans. Documents are
accepted only as PDF or as office files (OOXML, OpenDocument) whose inner structure matches.
"""

import hashlib
import io
import re
import warnings
import zipfile

from PIL import Image, UnidentifiedImageError
from sqlalchemy import select

from lms.authoring.models import MediaFile
from lms.core.i18n import _
from lms.extensions import db

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
NAME = re.compile(r"^[0-9a-f]{64}\.(png|jpg|webp|pdf|docx|xlsx|odt|ods)$")
IMAGE_EXTENSIONS = frozenset({"png", "jpg", "webp"})


class MediaError(ValueError):
    """The upload is refused; the message is translated."""


def _image(data: bytes, max_side: int) -> tuple[bytes, str, str] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                message = _("The image is too large: make it smaller than 6000 × 6000 pixels.")  # noqa: RUF001
                raise MediaError(message)
            fmt = image.format
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    except (OSError, SyntaxError, ValueError) as error:
        if isinstance(error, MediaError):
            raise
        raise MediaError(_("The image is damaged and cannot be read.")) from error
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


def _document(data: bytes, filename: str) -> tuple[str, str] | None:
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


def store(data: bytes, filename: str, user_id: int | None, max_bytes: int, max_side: int) -> MediaFile:
    """Check and clean an upload, then store it once (the same bytes twice make one file)."""
    if not data:
        raise MediaError(_("The file is empty."))
    if len(data) > max_bytes:
        raise MediaError(
            _("The file is too big: the limit is %(size)s.", size=f"{max_bytes // (1024 * 1024)} MB")
        )
    image = _image(data, max_side)
    if image is not None:
        data, extension, content_type = image
    else:
        document = _document(data, filename)
        if document is None:
            raise MediaError(
                _(
                    "This kind of file cannot be uploaded. Use an image (PNG, JPEG, WebP, GIF) or a document "
                    "(PDF, DOCX, XLSX, ODT, ODS)."
                )
            )
        extension, content_type = document
    return _keep(hashlib.sha256(data).hexdigest(), extension, content_type, data, user_id)


def _keep(digest: str, extension: str, content_type: str, data: bytes, user_id: int | None) -> MediaFile:
    """The stored file with this hash, storing it first if it is new."""
    existing = db.session.get(MediaFile, digest)
    if existing is not None:
        return existing
    media = MediaFile(
        sha256=digest, extension=extension, content_type=content_type, size=len(data), data=data
    )
    media.uploaded_by_id = user_id
    db.session.add(media)
    db.session.flush()
    return media


def get(name: str) -> MediaFile | None:
    if not NAME.match(name):
        return None
    digest, extension = name.split(".")
    return db.session.scalar(
        select(MediaFile).where(MediaFile.sha256 == digest, MediaFile.extension == extension)
    )


def markdown_for(media: MediaFile, text: str) -> str:
    """The Markdown that shows an image (with its description) or links a document."""
    label = " ".join(text.replace("[", "(").replace("]", ")").split())
    url = f"/media/{media.name}"
    if media.extension in IMAGE_EXTENSIONS:
        return f"![{label}]({url})"
    return f"[{label} ({media.extension.upper()})]({url})"


MEDIA_LINK = re.compile(r"/media/([0-9a-f]{64}\.[a-z]{3,4})")


def referenced(texts) -> set[str]:
    """Names of the media files a set of Markdown texts refers to."""
    return {name for text in texts for name in MEDIA_LINK.findall(text)}


def store_exact(name: str, data: bytes, user_id: int | None) -> MediaFile:
    """Store a file from a course zip under its own name, after checking its hash and its content."""
    if not NAME.match(name) or hashlib.sha256(data).hexdigest() != name.split(".")[0]:
        raise MediaError(_("The file %(name)s does not match its name.", name=name))
    extension = name.split(".")[1]
    if extension in IMAGE_EXTENSIONS:
        checked = _image(data, 1 << 16)
        ok = checked is not None and checked[1] == extension
    else:
        ok = _document(data, name) is not None
    if not ok:
        raise MediaError(_("The file %(name)s is not what its name says.", name=name))
    content_type = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "pdf": "application/pdf"}
    content_type = content_type.get(extension) or OFFICE[extension][0]
    return _keep(name.split(".")[0], extension, content_type, data, user_id)
