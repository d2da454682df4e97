"""Open Badges 2.0 documents (JSON-LD) and their stable addresses under BASE_URL."""

from flask_babel import force_locale

from lms.badges.models import Award, BadgeClass
from lms.core.i18n import BABEL_ALIASES, ngettext

CONTEXT = "https://w3id.org/openbadges/v2"


class Urls:
    """The stable addresses of badge documents; views serve exactly these paths."""

    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/")

    @property
    def issuer(self) -> str:
        return f"{self.base}/badges/issuer"

    def badge_class(self, badge: BadgeClass, lang: str | None = None) -> str:
        url = f"{self.base}/badges/classes/{badge.course.slug}"
        return f"{url}/{lang}" if lang and lang != badge.course.source_language else url

    def image(self, badge: BadgeClass, ext: str = "png") -> str:
        return f"{self.base}/badges/classes/{badge.course.slug}/image.{ext}"

    def assertion(self, award: Award) -> str:
        return f"{self.base}/badges/assertions/{award.public_id}"

    def verify(self, award: Award) -> str:
        return f"{self.base}/badges/verify/{award.public_id}"


def issuer(config: dict, urls: Urls) -> dict:
    return {"@context": CONTEXT, "type": "Issuer", "id": urls.issuer, "name": config["BADGE_ISSUER_NAME"],
            "url": config["BADGE_ISSUER_URL"], "email": config["BADGE_ISSUER_EMAIL"]}  # fmt: skip


def criteria(badge: BadgeClass, lang: str) -> str:
    """What the badge certifies, in one language."""
    course = badge.course
    title = (course.texts.get(lang) or course.texts[course.source_language]).title
    count = len(course.active_modules)
    with force_locale(BABEL_ALIASES.get(lang, lang)):
        return str(
            ngettext(
                'Completed the course "%(course)s" (level %(tier)s) on Ponte: read every page of '
                "its %(num)d module and passed its quiz.",
                'Completed the course "%(course)s" (level %(tier)s) on Ponte: read every page of '
                "its %(num)d modules and passed each module's quiz.",
                count,
                course=title,
                tier=course.tier,
            )
        )


def badge_class(badge: BadgeClass, urls: Urls, lang: str | None = None) -> dict:
    """The BadgeClass in one of the course's languages; the source language links the others."""
    course = badge.course
    lang = lang if lang in course.texts else course.source_language
    text = course.texts[lang]
    document = {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": urls.badge_class(badge, lang),
        "@language": lang,
        "name": text.title,
        "description": text.summary or text.title,
        "image": urls.image(badge),
        "criteria": {"narrative": criteria(badge, lang)},
        "issuer": urls.issuer,
        "tags": ["Ponte", f"tier-{course.tier}", "associazionismo"],
    }
    others = sorted(code for code in course.texts if code != lang)
    if others:
        document["related"] = [{"id": urls.badge_class(badge, code), "@language": code} for code in others]
    return document


def assertion(award: Award, urls: Urls) -> dict:
    document = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": urls.assertion(award),
        "recipient": {
            "type": award.recipient_type,
            "hashed": True,
            "salt": award.recipient_salt,
            "identity": award.recipient_hash,
        },
        "badge": urls.badge_class(award.badge_class),
        "issuedOn": award.issued_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verification": {"type": "hosted"},
        "image": f"{urls.assertion(award)}/image.png",
    }
    if award.evidence:
        document["evidence"] = [{"id": urls.verify(award), "narrative": award.evidence}]
    return document


def revoked(award: Award, urls: Urls) -> dict:
    """What a revoked hosted assertion answers (with HTTP 410)."""
    return {"@context": CONTEXT, "id": urls.assertion(award), "type": "Assertion", "revoked": True,
            "revocationReason": award.revocation_reason or ""}  # fmt: skip
