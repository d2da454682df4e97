"""Open Badges 3.0: the award as an OpenBadgeCredential, signed as a VC-JWT (EdDSA, Ed25519)."""

import jwt

from lms.badges import keys, openbadges
from lms.badges.models import Award
from lms.core.clock import as_utc

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def credential(award: Award, urls: openbadges.Urls, config: dict) -> dict:
    """The unsigned OpenBadgeCredential (VC Data Model 2.0, Open Badges 3.0)."""
    badge = award.badge_class
    course = badge.course
    text = course.texts[course.source_language]
    issuer = keys.did_web(urls.base)
    identity_type = "emailAddress" if award.recipient_type == "email" else "url"
    return {
        "@context": CONTEXTS,
        "id": f"urn:uuid:{award.public_id[:8]}-{award.public_id[8:12]}-{award.public_id[12:16]}-"
              f"{award.public_id[16:20]}-{award.public_id[20:32]}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": config["BADGE_ISSUER_NAME"],
                   "url": config["BADGE_ISSUER_URL"], "email": config["BADGE_ISSUER_EMAIL"]},
        "validFrom": award.issued_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "name": text.title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityHash": award.recipient_hash,
                            "identityType": identity_type, "hashed": True, "salt": award.recipient_salt}],
            "achievement": {
                "id": urls.badge_class(badge),
                "type": ["Achievement"],
                "name": text.title,
                "description": text.summary or text.title,
                "criteria": {"narrative": openbadges.criteria(badge, course.source_language)},
                "image": {"id": urls.image(badge), "type": "Image"},
            },
        },
    }  # fmt: skip


def sign(award: Award, urls: openbadges.Urls, config: dict) -> str:
    """The credential as a compact JWS (VC-JWT) signed with the current key."""
    document = credential(award, urls, config)
    key = keys.current_key(config["SECRET_KEY"])
    issuer = document["issuer"]["id"]
    claims = {
        **document,
        "iss": issuer,
        "jti": document["id"],
        "nbf": int(as_utc(award.issued_at).timestamp()),
    }
    headers = {"kid": f"{issuer}#{key.kid}", "typ": "vc+jwt", "cty": "vc"}
    return jwt.encode(claims, keys.private_key(key, config["SECRET_KEY"]), algorithm="EdDSA", headers=headers)
