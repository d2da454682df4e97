"""Compliance calendars: an .ics file (icalendar) with yearly events, and the same as a spreadsheet."""

from datetime import date
from pathlib import Path

from icalendar import Calendar, Event

from lms.core.clock import utcnow


def first_occurrence(month_day: str, today: date) -> date:
    """The next date with this month and day, from today (this year or next)."""
    month, day = (int(x) for x in month_day.split("-"))
    candidate = date(today.year, month, day)
    return candidate if candidate >= today else date(today.year + 1, month, day)


def write_ics(data: dict, path: Path, title: str, uid_domain: str, today: date) -> None:
    calendar = Calendar()
    calendar.add("prodid", "-//Ponte//Toolkit calendar//IT")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    stamp = utcnow()
    for item in data["events"]:
        event = Event()
        event.add("uid", f"{item['id']}@{uid_domain}")
        event.add("dtstamp", stamp)
        event.add("summary", str(item["title"]))
        event.add("dtstart", first_occurrence(str(item["date"]), today))
        event.add("rrule", {"freq": "yearly"})
        description = str(item.get("description") or "")
        if item.get("who"):
            description = f"{description}\n\n{item['who']}".strip()
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    path.write_bytes(calendar.to_ical())


def as_spreadsheet(data: dict) -> dict:
    """The calendar as a one-sheet spreadsheet source (date, deadline, who, notes, owner, done)."""
    rows = [
        [
            f"{str(e['date'])[3:]}/{str(e['date'])[:2]}",
            str(e["title"]),
            str(e.get("who") or ""),
            str(e.get("description") or ""),
            None,
            None,
        ]
        for e in data["events"]
    ]
    columns = [
        {"title": "Scadenza (gg/mm)", "width": 16},
        {"title": "Adempimento", "width": 40},
        {"title": "Chi", "width": 30},
        {"title": "Note", "width": 50},
        {"title": "Responsabile", "width": 20},
        {"title": "Fatto il", "width": 14},
    ]
    return {"sheets": [{"name": "Scadenze", "columns": columns, "rows": rows}]}
