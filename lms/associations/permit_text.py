"""What each permit is and what to do, in the user's language. Facts from the fact sheet, §5 and §4."""
# ruff: noqa: E501 - one sentence per line reads best

from lms.core.i18n import _


def permit_texts() -> dict[str, tuple[str, str]]:
    """permit key -> (name, what to do)."""
    return {
        "show_scia": (
            _("SCIA for a public show"),
            _(
                "Up to 200 people and ending by midnight: file a SCIA (certified notice) with the Comune through the SUAP. Our sources give no lead time: ask the SUAP and file early."
            ),
        ),
        "show_licence": (
            _("Licence for a public show"),
            _(
                "More than 200 people, ending after midnight or lasting several days: the Comune's licence is needed, through the SUAP; the venue may also need the fitness check (agibilità) by the supervisory commission. Ask the SUAP for the lead time."
            ),
        ),
        "land_municipio": (
            _("Public land in a Municipio (OSP)"),
            _(
                "Send a PEC to the Municipio at least 30 days before, with a detailed report (place, purpose, expected people, dates and times including set-up and take-down, organiser and responsible person) and a technical report on the set-up with a site plan."
            ),
        ),
        "land_city": (
            _("Public land across the city or in a historic area"),
            _(
                "Send a PEC to the Gabinetto del Sindaco (protocollo.gabinettosindaco@pec.comune.roma.it) with a 16 euro revenue stamp, at least 30 days before (60 in some cases). The fee (canone) is paid at the Municipio."
            ),
        ),
        "land_comune": (
            _("Public land occupation"),
            _("Ask your Comune: each Comune's regulation sets the procedure and the lead time."),
        ),
        "safety_plan": (
            _("Safety and emergency plan"),
            _(
                "Comuni often ask for an emergency management plan, following the Interior Ministry circular of 7 June 2017 and, in Rome, the Prefettura's guidelines. Prepare it with the application."
            ),
        ),
        "structures": (
            _("Stage and structures"),
            _(
                "A qualified technician certifies the stage; the electrical and sound systems need a declaration of conformity. The venue may need the fitness check (agibilità, art. 80 TULPS)."
            ),
        ),
        "siae": (
            _("SIAE permit for music"),
            _(
                "Protected music at a public event needs a SIAE permit, even if the event is free and without dancing; it can be bought online. The musicians fill in the programme (borderò). Groups playing only their own repertoire, not registered with SIAE, declare it in writing."
            ),
        ),
        "food": (
            _("Food and drinks: SCIA and sanitary notification"),
            _(
                "File a SCIA for temporary serving through the SUAP and a sanitary notification to the ASL, typically 10 to 20 days before; it varies from Comune to Comune. The procedure in Rome could not be confirmed: check it with the SUAP of Roma Capitale."
            ),
        ),
        "questura": (
            _("Notice to the Questura"),
            _(
                "A meeting in a public place must be notified to the authorities in advance (art. 17 of the Constitution): ask the Questura how early."
            ),
        ),
    }


def dated_labels() -> dict[str, str]:
    names = {key: name for key, (name, _what) in permit_texts().items()}
    return {
        **names,
        "event": _("The event"),
        "fundraising_report": _(
            "Separate report of the occasional collection (within 4 months of the year's end)"
        ),
    }


def budget_notes() -> dict[str, str]:
    return {
        "sponsorship": _(
            "Sponsorship is always commercial: it needs a VAT number and an invoice with 22% VAT. A donation has no counterpart in return."
        ),
        "occasional_fundraising": _(
            "An occasional public collection is not taxed if it is tied to a celebration or campaign and offers goods of small value; it needs a separate report within 4 months of the year's end."
        ),
        "public_show": _(
            "Tickets and advertising are signs of a public show (pubblico spettacolo), which needs a licence or a SCIA."
        ),
    }
