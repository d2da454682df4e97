"""Bringing a list of learners into a cohort from a CSV file: checked row by row, add-only, safe to re-run.

Columns (first line): name, username, email, language. Each row needs a name or a username.
- a username that exists joins the cohort (if not in it already);
- a new username, or a name alone, creates an account without email and a login card;
- a name alone that a member of the cohort already has is taken to be that person: nothing is created.
Nothing is ever deleted, and running the same file twice creates nothing the second time.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from sqlalchemy import select

from lms.auth import services as auth
from lms.auth.models import Role, User
from lms.cohorts import services
from lms.cohorts.models import Cohort
from lms.core.i18n import _
from lms.extensions import db

COLUMNS = ("name", "username", "email", "language")
MAX_ROWS = 2000
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
USERNAME = re.compile(r"^[\w.-]{3,40}$")


@dataclass
class Row:
    line: int
    name: str
    username: str
    email: str
    language: str
    errors: list[str] = field(default_factory=list)
    #: What importing it does: "join", "create" or "nothing" (already in the cohort).
    action: str = ""
    user: User | None = None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def parse(data: bytes, cohort: Cohort, languages: set[str]) -> tuple[list[Row], str | None]:
    """Every row with what importing it would do or why it cannot; or a problem with the whole file."""
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if not {"name", "username"} & set(header):
        return [], _("The first line must name the columns: name, username, email, language.")
    reader.fieldnames = header
    rows, seen = [], set()
    names = {(m.user.display_name or "").casefold(): m.user for m in services.members(cohort)}
    for number, record in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            return [], _("The file has more than %(max)d rows: split it.", max=MAX_ROWS)
        values = {c: " ".join((record.get(c) or "").split()) for c in COLUMNS}
        if not any(values.values()):
            continue
        row = Row(
            number, values["name"], values["username"].lower(), values["email"].lower(), values["language"]
        )
        _check(row, languages, seen, names)
        if row.action == "join" and services.active_membership(cohort, row.user) is not None:
            row.action = "nothing"
        rows.append(row)
    return rows, None


def _check(row: Row, languages: set[str], seen: set[str], names: dict[str, User]) -> None:
    if not row.name and not row.username:
        row.errors.append(_("Write a name or a username."))
    if row.username and not USERNAME.match(row.username):
        row.errors.append(_("The username can have 3 to 40 letters, numbers and . - _"))
    if row.email and not EMAIL.match(row.email):
        row.errors.append(_("This email address is not valid."))
    if row.language and row.language not in languages:
        row.errors.append(
            _("Unknown language code: use one of %(codes)s.", codes=", ".join(sorted(languages)))
        )
    key = row.username or f"name:{row.name.casefold()}"
    if key in seen:
        row.errors.append(_("This person is already in the file, on an earlier line."))
    seen.add(key)
    if row.errors:
        return
    existing = auth.get_by_username(row.username) if row.username else names.get(row.name.casefold())
    if existing is not None and existing.role != Role.LEARNER:
        row.errors.append(_("This username belongs to a staff account."))
    elif existing is not None:
        row.user, row.action = existing, "join"
    elif row.email and db.session.scalar(select(User.id).where(User.email == row.email)):
        row.errors.append(_("This email is already used by another account."))
    else:
        row.action = "create"


def apply(rows: list[Row], cohort: Cohort) -> tuple[list[tuple[User, str]], int, int]:
    """Import the rows without errors: (new accounts with their codes, learners added, rows unchanged)."""
    created, added, unchanged = [], 0, 0
    for row in rows:
        if row.errors:
            continue
        if row.action == "create":
            user, code = services.make_card_account(cohort, row.name or row.username, row.language or None)
            if row.username:
                user.username = row.username
            if row.email:
                user.email = row.email
            created.append((user, code))
        else:
            _membership, new = services.join(cohort, row.user, "csv")
            added += new
            unchanged += not new
    return created, added, unchanged
