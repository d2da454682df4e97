"""Uploaded images and documents for lessons, checked by lms.core.uploads and stored once by hash."""

import hashlib
import re

from sqlalchemy import select

from lms.authoring.models import MediaFile
from lms.core.i18n import _
from lms.core.uploads import IMAGE_EXTENSIONS, OFFICE, clean, document, image
from lms.core.uploads import UploadError as MediaError
from lms.extensions import db

__all__ = ["IMAGE_EXTENSIONS", "MediaError", "get", "markdown_for", "referenced", "store", "store_exact"]

NAME = re.compile(r"^[0-9a-f]{64}\.(png|jpg|webp|pdf|docx|xlsx|odt|ods)$")


def store(data: bytes, filename: str, user_id: int | None, max_bytes: int, max_side: int) -> MediaFile:
    """Check and clean an upload, then store it once (the same bytes twice make one file)."""
    data, extension, content_type = clean(data, filename, max_bytes, max_side)
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
        checked = image(data, 1 << 16)
        ok = checked is not None and checked[1] == extension
    else:
        ok = document(data, name) is not None
    if not ok:
        raise MediaError(_("The file %(name)s is not what its name says.", name=name))
    content_type = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "pdf": "application/pdf"}
    content_type = content_type.get(extension) or OFFICE[extension][0]
    return _keep(name.split(".")[0], extension, content_type, data, user_id)
