"""The needs self-assessment: its questions, and the pure rules that turn answers into advice.

Each rule names a need, the tier it belongs to and the module that teaches it; the recommended tier is
the lowest tier with a need (all needs met: tier 3, events and projects). No database, no request.
"""
# ruff: noqa: E501 - tables of questions and reasons read best one per line

from dataclasses import dataclass

from lms.core.i18n import _l

YES, PARTLY, NO, UNSURE, NOT_APPLICABLE = "yes", "partly", "no", "unsure", "na"
ANSWER_LABELS = {
    YES: _l("Yes"),
    PARTLY: _l("Partly, or not always"),
    NO: _l("No"),
    UNSURE: _l("I do not know"),
    NOT_APPLICABLE: _l("Does not apply to us"),
}


@dataclass(frozen=True)
class Question:
    key: str
    section: str
    text: object  # a lazy string
    answers: tuple[str, ...] = (YES, PARTLY, NO, UNSURE)


SECTIONS = {
    "legal": _l("Legal status"),
    "governance": _l("Governance"),
    "accounts": _l("Books and accounts"),
    "volunteers": _l("Volunteers and insurance"),
    "events": _l("Events and funding"),
}
QUESTIONS = (
    Question("statute", "legal", _l("Do you have a written atto costitutivo and statuto?")),
    Question("tax_code", "legal", _l("Is the atto registered with the Agenzia delle Entrate, with a codice fiscale of the association?")),
    Question("digital", "legal", _l("Does the association have a PEC address, and its legal representative SPID or CIE?")),
    Question("register", "legal", _l("Are you in the register that suits you (RUNTS, art. 42, Lazio), or have you decided you do not need one?")),
    Question("assembly", "governance", _l("Does the members' assembly meet at least once a year, for example to approve the accounts?")),
    Question("minutes", "governance", _l("Do you write the minutes of assemblies and board meetings?")),
    Question("members_book", "governance", _l("Do you keep a list of members (libro soci) and record their fees?")),
    Question("bank", "accounts", _l("Does the association have its own bank account?")),
    Question("cash_book", "accounts", _l("Do you write down every income and expense, with receipts?")),
    Question("accounts", "accounts", _l("Do you prepare the year's accounts (rendiconto) for the assembly?")),
    Question("deadlines", "accounts", _l("Do you know your yearly legal deadlines?")),
    Question("insurance", "volunteers", _l("If volunteers help you: are they insured against accidents, illness and liability towards others?"), (YES, NO, UNSURE, NOT_APPLICABLE)),
    Question("volunteer_book", "volunteers", _l("Do you keep a register of volunteers?"), (YES, NO, UNSURE, NOT_APPLICABLE)),
    Question("events", "events", _l("Have you organised a public event on your own?"), (YES, PARTLY, NO)),
    Question("permits", "events", _l("Do you know which permits a public event needs, and how long they take?")),
    Question("fundraising", "events", _l("Do you raise money (donations, collections) with receipts and a report?"), (YES, PARTLY, NO, NOT_APPLICABLE)),
    Question("grants", "events", _l("Have you applied for a public grant or a call for projects?"), (YES, PARTLY, NO)),
)  # fmt: skip
QUESTION_KEYS = tuple(q.key for q in QUESTIONS)


@dataclass(frozen=True)
class Need:
    key: str
    tier: int
    course: str
    module: str


#: need -> (tier, course, module, the answers to which questions show it)
RULES = (
    ("statute", 1, "fare-associazione", "atto-e-statuto", {"statute": (PARTLY, NO, UNSURE)}),
    ("liability", 1, "fare-associazione", "responsabilita-e-soldi", {"statute": (NO, UNSURE)}),
    ("legal_form", 1, "fare-associazione", "forma-giuridica", {"statute": (NO,), "register": (UNSURE,)}),
    ("tax_code", 1, "fare-associazione", "firma-e-codice-fiscale", {"tax_code": (PARTLY, NO, UNSURE)}),
    ("digital", 1, "fare-associazione", "identita-digitale", {"digital": (PARTLY, NO, UNSURE)}),
    ("register", 2, "gestire-associazione", "registri", {"register": (PARTLY, NO, UNSURE)}),
    ("governance", 2, "gestire-associazione", "assemblee-e-consiglio", {"assembly": (PARTLY, NO, UNSURE), "minutes": (PARTLY, NO, UNSURE)}),
    ("members", 2, "gestire-associazione", "soci-e-quote", {"members_book": (PARTLY, NO, UNSURE)}),
    ("bookkeeping", 2, "gestire-associazione", "contabilita-e-rendiconto", {"bank": (NO, UNSURE), "cash_book": (PARTLY, NO, UNSURE), "accounts": (PARTLY, NO, UNSURE)}),
    ("deadlines", 2, "gestire-associazione", "calendario-adempimenti", {"deadlines": (PARTLY, NO, UNSURE)}),
    ("volunteers", 2, "gestire-associazione", "volontari-e-assicurazione", {"insurance": (NO, UNSURE), "volunteer_book": (NO, UNSURE)}),
    ("event_design", 3, "eventi-finanza-progetti", "strategia-eventi", {"events": (PARTLY, NO)}),
    ("permits", 3, "eventi-finanza-progetti", "permessi-e-sicurezza-roma", {"permits": (PARTLY, NO, UNSURE)}),
    ("event_money", 3, "eventi-finanza-progetti", "budget-e-cassa-evento", {"events": (PARTLY, NO), "cash_book": (PARTLY, NO, UNSURE)}),
    ("fundraising", 3, "eventi-finanza-progetti", "raccolta-fondi-e-donatori", {"fundraising": (PARTLY, NO)}),
    ("projects", 3, "eventi-finanza-progetti", "progetti-e-finanziamenti", {"grants": (PARTLY, NO)}),
)  # fmt: skip
NEED_KEYS = tuple(rule[0] for rule in RULES)


def missing(answers: dict[str, str]) -> list[str]:
    """The questions not answered yet, in order."""
    return [q.key for q in QUESTIONS if answers.get(q.key) not in q.answers]


def clean(answers: dict[str, str]) -> dict[str, str]:
    """Only known questions with allowed answers (a tampered form changes nothing else)."""
    allowed = {q.key: q.answers for q in QUESTIONS}
    return {k: v for k, v in answers.items() if k in allowed and v in allowed[k]}


def needs(answers: dict[str, str]) -> list[Need]:
    """The needs the answers show, in teaching order; each comes with the module that meets it."""
    found = []
    for key, tier, course, module, triggers in RULES:
        if any(answers.get(question) in values for question, values in triggers.items()):
            found.append(Need(key, tier, course, module))
    return found


def tier(found: list[Need]) -> int:
    """The tier to start from: the lowest with a need; with none left, tier 3."""
    return min((need.tier for need in found), default=3)
