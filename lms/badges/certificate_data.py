"""The words on a certificate, in Italian and in the learner's language, for the PDF renderer."""

from flask_babel import force_locale, format_date

from lms.badges import openbadges
from lms.badges.models import Award
from lms.core.clock import as_utc
from lms.core.i18n import BABEL_ALIASES, _


def _texts(award: Award, lang: str) -> dict[str, str]:
    course = award.badge_class.course
    text = course.texts.get(lang) or course.texts.get("en") or course.texts[course.source_language]
    with force_locale(BABEL_ALIASES.get(lang, lang)):
        return {
            "heading": str(_("Certificate of completion")),
            "certifies": str(_("This certifies that")),
            "completed": str(_("has completed the course")),
            "course": text.title,
            "tier": str(_("Level %(tier)s", tier=course.tier)),
            "date": format_date(as_utc(award.issued_at).date(), "long"),
            "issuer": str(_("Issued by")),
            "verify": str(_("Check it online")),
        }


def certificate_pdf(award: Award, urls: openbadges.Urls, config: dict, viewer) -> bytes:
    """Render the award's certificate: Italian beside the learner's own language."""
    from lms.badges.certificates import CertificateData, render_certificate

    lang = award.user.locale if award.user.locale in config["LANGUAGES"] else "it"
    data = CertificateData(
        recipient_name=award.recipient_name,
        lang=lang,
        issued_on=as_utc(award.issued_at).date(),
        issuer_name=config["BADGE_ISSUER_NAME"],
        verify_url=urls.verify(award),
        tier=award.badge_class.course.tier,
        texts={code: _texts(award, code) for code in {"it", lang}},
    )
    return render_certificate(data)
