"""An association's legal deadlines for a year, from its legal form and registrations. Pure functions.

Source: the compliance calendar in the domain fact sheet (section 4.9) and its sources. Only deadlines
with a fixed date are placed on the calendar; the one the fact sheet marks UNVERIFIED as a general rule
(the assembly approving the accounts by 30 April) is shown as "check your statute".
"""

from dataclasses import dataclass
from datetime import date

from lms.associations.models import LegalForm


@dataclass(frozen=True)
class Facts:
    """What the rules need to know about an association."""

    legal_form: str
    in_runts: bool
    in_art42: bool
    filed_eas: bool
    public_grants: bool


@dataclass(frozen=True)
class Deadline:
    on: date
    key: str  # what it is: the views translate it (see TITLES in views)
    source: str  # where the rule comes from, for the curious and for reviewers
    check_statute: bool = False  # the date depends on the association's own statute


#: key -> (month, day, where the rule comes from)
RULES = {
    "art42-report": (1, 30, "DPR 394/1999 art. 54; lavoro.gov.it, Relazione annuale"),
    "eas-changes": (3, 31, "Agenzia delle Entrate, modello EAS (only if the data changed)"),
    "5x1000-enrolment": (4, 10, "5x1000 accreditamento (late until 30 September, with a 250 EUR penalty)"),
    "accounts-approval": (4, 30, "the association's own statute (30 April is common practice)"),
    "runts-accounts": (6, 30, "d.lgs. 117/2017 art. 48 c. 3"),
    "grants-transparency": (6, 30, "L. 124/2017 art. 1 c. 125-129 (public grants above 10,000 EUR)"),
}


def _applies(facts: Facts) -> list[str]:
    keys = []
    if facts.in_art42:
        keys.append("art42-report")
    if facts.filed_eas and not facts.in_runts:  # once in the RUNTS, the EAS no longer applies
        keys.append("eas-changes")
    if facts.in_runts:
        keys += ["5x1000-enrolment", "runts-accounts"]
    if facts.legal_form != LegalForm.INFORMAL:
        keys.append("accounts-approval")
    if facts.public_grants:
        keys.append("grants-transparency")
    return keys


def deadlines(facts: Facts, year: int) -> list[Deadline]:
    """The year's deadlines that apply, in date order."""
    found = []
    for key in _applies(facts):
        month, day, source = RULES[key]
        found.append(Deadline(date(year, month, day), key, source, check_statute=key == "accounts-approval"))
    return sorted(found, key=lambda d: (d.on, d.key))


def upcoming(facts: Facts, today: date, count: int = 5) -> list[Deadline]:
    """The next deadlines from today, across the turn of the year."""
    ahead = [d for d in deadlines(facts, today.year) + deadlines(facts, today.year + 1) if d.on >= today]
    return ahead[:count]
