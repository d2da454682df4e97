"""Which permits an event needs, and by when: pure rules from the fact sheet's section on events (§5).

Lead times are given only where the sources give one (public land in Rome: 30 days; food at temporary
events: typically 10-20 days, so 20 to be safe). Where the sources give none, the permit has no date
and the page says to ask the SUAP early: Ponte never invents a legal deadline.
"""

from dataclasses import dataclass
from datetime import date, timedelta

SHOW, MUSIC, FOOD, STRUCTURES = "show", "music", "food", "structures"
TICKETS, ADVERTISING, PUBLIC_MEETING = "tickets", "advertising", "public_meeting"
FEATURES = (SHOW, MUSIC, FOOD, STRUCTURES, TICKETS, ADVERTISING, PUBLIC_MEETING)
VENUE_KINDS = ("indoor", "private_outdoor", "public_municipio", "public_city")
PUBLIC_LAND = frozenset({"public_municipio", "public_city"})
SCIA_MAX_PEOPLE = 200  # art. 68 TULPS as changed by DL 91/2013 art. 7


@dataclass(frozen=True)
class EventFacts:
    starts_on: date
    multi_day: bool
    ends_by_midnight: bool
    expected_people: int
    in_rome: bool
    venue_kind: str
    features: frozenset[str]


@dataclass(frozen=True)
class Permit:
    key: str
    source: str
    lead_days: int | None = None  # None: no lead time in the sources
    caution: bool = False  # the fact sheet marks part of it unverified: check locally

    def due(self, starts_on: date) -> date | None:
        return starts_on - timedelta(days=self.lead_days) if self.lead_days is not None else None


def _show(facts: EventFacts) -> list[Permit]:
    if SHOW not in facts.features:
        return []
    small = facts.expected_people <= SCIA_MAX_PEOPLE and facts.ends_by_midnight and not facts.multi_day
    if small:
        return [Permit("show_scia", "art. 68 TULPS; DL 91/2013 art. 7")]
    return [Permit("show_licence", "art. 68 e 80 TULPS (RD 773/1931)")]


def _land(facts: EventFacts) -> list[Permit]:
    if facts.venue_kind not in PUBLIC_LAND:
        return []
    if not facts.in_rome:
        return [Permit("land_comune", "L. 160/2019 c. 819")]
    if facts.venue_kind == "public_municipio":
        return [Permit("land_municipio", "DAC Roma Capitale 21/2021, art. 9 c. 2", lead_days=30)]
    return [Permit("land_city", "DAC Roma Capitale 21/2021; DGC 245/2018", lead_days=30)]


def permits(facts: EventFacts) -> list[Permit]:
    """The permits and filings this event needs, in the order to deal with them."""
    found = [*_show(facts), *_land(facts)]
    if facts.venue_kind in PUBLIC_LAND or SHOW in facts.features or STRUCTURES in facts.features:
        found.append(Permit("safety_plan", "Circolare Min. Interno 7.6.2017; Prefettura di Roma 2017-2018"))
    if STRUCTURES in facts.features:
        found.append(Permit("structures", "art. 80 TULPS"))
    if MUSIC in facts.features:
        found.append(Permit("siae", "L. 633/1941; SIAE"))
    if FOOD in facts.features:
        found.append(
            Permit("food", "Reg. CE 852/2004; SCIA + notifica sanitaria", lead_days=20, caution=True)
        )
    if PUBLIC_MEETING in facts.features:
        found.append(Permit("questura", "Costituzione art. 17"))
    return found


def public_show_signs(facts: EventFacts) -> list[str]:
    """Features that push an event towards being a "pubblico spettacolo" (tickets, advertising...)."""
    return [f for f in (TICKETS, ADVERTISING) if f in facts.features]
