"""Files handed to the browser as downloads: one place for the headers and for CSV that Excel opens."""

import csv
import io

from flask import Response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(body: bytes | str, mimetype: str, filename: str) -> Response:
    """A response the browser saves as ``filename`` (ASCII letters, digits, - _ . only)."""
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{ascii_filename(filename)}"'
    return response


def csv_attachment(rows, filename: str) -> Response:
    """Rows as CSV with a byte-order mark, so spreadsheet programs read accented letters right."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return attachment("\ufeff" + out.getvalue(), "text/csv", filename)


def ascii_filename(name: str) -> str:
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name)
    return safe or "file"
