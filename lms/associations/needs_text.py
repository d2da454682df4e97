"""Why each need is recommended, in the learner's language (kept apart from the pure rules)."""
# ruff: noqa: E501 - tables of questions and reasons read best one per line

from lms.core.i18n import _


def reasons() -> dict[str, str]:
    return {
        "statute": _("You do not have a complete atto costitutivo and statuto: they are the association's founding documents, and every registration asks for them."),
        "liability": _("In a group or an association without legal personality, the people who act in its name can answer with their own money for its debts (art. 38 of the Civil Code): learn who is liable."),
        "legal_form": _("Choose the legal form that fits what you do: a generic association, an APS or an ODV have different rules."),
        "tax_code": _("Registering the atto and getting a codice fiscale lets the association open a bank account and sign in its own name."),
        "digital": _("A PEC address and SPID or CIE are needed to deal with the RUNTS, the Agenzia delle Entrate and the Comune."),
        "register": _("Registers (RUNTS, art. 42, Lazio) bring benefits and duties: learn which one suits you."),
        "governance": _("Assemblies that meet, and minutes that record their decisions, protect the association and its members."),
        "members": _("A members' book and recorded fees show who can vote and keep fees out of tax."),
        "bookkeeping": _("Writing down every income and expense, in the association's own account, is the base of yearly accounts."),
        "deadlines": _("Knowing the yearly deadlines keeps the association in order: for example, the 5×1000 needs an enrolment by its date."),  # noqa: RUF001
        "volunteers": _("Every Third Sector entity that uses volunteers must insure them and keep a register of them."),
        "event_design": _("Design your first event on your own: goals, audience, programme and team."),
        "permits": _("A public event may need a licence or SCIA, public land, SIAE, food and safety permits, each with its own lead time."),
        "event_money": _("An event needs a budget and a cash sheet, and a report of what came in and went out."),
        "fundraising": _("Donations and collections have rules: receipts, occasional collections, a separate report."),
        "projects": _("Public grants and calls reward well-designed projects: learn to write one."),
    }  # fmt: skip


def tier_names() -> dict[int, str]:
    return {
        1: _("Tier 1: getting started (founding the association)"),
        2: _("Tier 2: running the association day to day"),
        3: _("Tier 3: events, money and projects"),
    }


def need_names() -> dict[str, str]:
    return {
        "statute": _("Statute and founding act"),
        "liability": _("Liability and the common fund"),
        "legal_form": _("Choosing the legal form"),
        "tax_code": _("Registration and codice fiscale"),
        "digital": _("Digital identity (PEC, SPID)"),
        "register": _("Registers (RUNTS, art. 42, Lazio)"),
        "governance": _("Assemblies, board and minutes"),
        "members": _("Members and fees"),
        "bookkeeping": _("Bookkeeping and accounts"),
        "deadlines": _("Yearly deadlines"),
        "volunteers": _("Volunteers and insurance"),
        "event_design": _("Designing events"),
        "permits": _("Event permits"),
        "event_money": _("Event budget and cash"),
        "fundraising": _("Fundraising and donors"),
        "projects": _("Projects and public funding"),
    }
