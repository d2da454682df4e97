"""A course as a zip in the courses/ format, and back: the way curricula are shipped and exchanged.

The zip holds one course folder (`<course>/course.yaml`, ...) and, beside it, `media/` with the images and
documents its pages use. Reading a zip checks it exactly like `lms check-courses` and changes nothing.
"""

import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lms.authoring import media
from lms.catalog import loader, writer
from lms.catalog.specs import CourseSpec, Problem

MEDIA_FOLDER = "media"


def export_zip(spec: CourseSpec, files: dict[str, bytes]) -> bytes:
    """The course's files, plus the media they refer to (name -> bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(writer.course_files(spec).items()):
            archive.writestr(f"{spec.slug}/{name}", text.encode("utf-8"))
        for name, data in sorted(files.items()):
            archive.writestr(f"{MEDIA_FOLDER}/{name}", data)
    return out.getvalue()


def texts_of(spec: CourseSpec) -> list[str]:
    """Every Markdown text of a course, to find the media it uses."""
    texts = [t.get("summary", "") for t in spec.texts.values()]
    for module in spec.modules:
        texts += [body for page in module.pages for _title, body in page.texts.values()]
    return texts


@dataclass
class Unpacked:
    spec: CourseSpec | None = None
    problems: list[Problem] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)


def read_zip(data: bytes, max_bytes: int, known_courses: set[str]) -> Unpacked:
    """Unpack and check a course zip; problems name the file (and line) as in the zip."""
    result = Unpacked()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        result.problems.append(Problem("(zip)", 1, "this is not a zip file"))
        return result
    with archive, tempfile.TemporaryDirectory() as tmp:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if sum(m.file_size for m in members) > max_bytes:
            result.problems.append(Problem("(zip)", 1, "the zip is too large once unpacked"))
            return result
        folders = set()
        for member in members:
            path = PurePosixPath(member.filename)
            if path.is_absolute() or ".." in path.parts or len(path.parts) < 2:
                result.problems.append(Problem(member.filename, 1, "unexpected file in the zip"))
                continue
            if path.parts[0] == MEDIA_FOLDER:
                if not media.NAME.match(path.name):
                    result.problems.append(Problem(member.filename, 1, "media files are named by their hash"))
                else:
                    result.media[path.name] = archive.read(member)
                continue
            folders.add(path.parts[0])
            target = Path(tmp, *path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(member))
        if len(folders) != 1:
            result.problems.append(Problem("(zip)", 1, "the zip must hold exactly one course folder"))
            return result
        courses, problems = loader.load_courses(Path(tmp, folders.pop()))
        problems += loader.check_prerequisites(courses, known_courses)
    result.problems += problems
    if courses and not result.problems:
        result.spec = courses[0]
    return result
