"""The association's deadlines as an iCalendar feed a phone's calendar can subscribe to."""

from datetime import date, timedelta

from icalendar import Alarm, Calendar, Event

from lms.associations.deadlines import Deadline


def feed(name: str, items: list[tuple[Deadline, str, str]], host: str) -> bytes:
    """One all-day event per (deadline, title, description), with a reminder a week before."""
    calendar = Calendar()
    calendar.add("prodid", "-//Ponte//Association deadlines//IT")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Ponte · {name}")
    for deadline, title, description in items:
        event = Event()
        event.add("uid", f"{deadline.key}-{deadline.on.isoformat()}@{host}")
        event.add("summary", title)
        event.add("description", description)
        event.add("dtstart", deadline.on)
        event.add("dtend", deadline.on + timedelta(days=1))
        event.add("dtstamp", date(deadline.on.year, 1, 1))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", timedelta(days=-7))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
