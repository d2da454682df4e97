"""Who sees which cohort, joining and leaving, invites, and accounts made by trainers. Services flush only."""

import secrets
import unicodedata
from datetime import date, timedelta

from sqlalchemy import or_, select, update

from lms.auth import services as auth
from lms.auth.models import Role, User
from lms.cohorts.models import Cohort, Invite, Membership, Partner, PartnerStaff, cohort_trainers
from lms.core.clock import as_utc, utcnow
from lms.core.i18n import _
from lms.extensions import db

#: Letters and digits that cannot be mistaken for each other on a printed card (no 0/o, 1/l/i).
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class CohortError(Exception):
    """A request the cohort's rules do not allow; the message is translated."""


def _code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


# -- who sees what ----------------------------------------------------------------------------------


def partners_of(user: User) -> list[Partner]:
    """The partners a user works for (every partner, for admins)."""
    query = select(Partner).order_by(Partner.name)
    if user.role != Role.ADMIN:
        query = query.join(PartnerStaff).where(PartnerStaff.user_id == user.id)
    return list(db.session.scalars(query))


def territory_of(user: User) -> set[str] | None:
    """The provinces whose figures a user may see: None for the whole region (admins, trainers, and
    staff of a partner working region-wide); otherwise the union of their partners' provinces."""
    if user.role != Role.PARTNER:
        return None
    provinces: set[str] = set()
    for partner in partners_of(user):
        if not partner.provinces:
            return None
        provinces.update(partner.provinces)
    return provinces


def visible_cohorts(user: User) -> list[Cohort]:
    """Admins: every cohort; partner staff: their partners' cohorts; trainers: the cohorts they teach."""
    query = select(Cohort).order_by(Cohort.starts_on.desc(), Cohort.name)
    if user.role != Role.ADMIN:
        staff = select(PartnerStaff.partner_id).where(PartnerStaff.user_id == user.id)
        taught = select(cohort_trainers.c.cohort_id).where(cohort_trainers.c.user_id == user.id)
        query = query.where(or_(Cohort.partner_id.in_(staff), Cohort.id.in_(taught)))
    return list(db.session.scalars(query))


def can_manage(user: User, cohort: Cohort) -> bool:
    """Change the cohort itself (dates, courses, trainers, invites): admins and the partner's staff."""
    if user.role == Role.ADMIN:
        return True
    return db.session.get(PartnerStaff, (cohort.partner_id, user.id)) is not None


def can_view(user: User, cohort: Cohort) -> bool:
    """See the cohort and look after its learners: its managers and its trainers."""
    return can_manage(user, cohort) or any(t.id == user.id for t in cohort.trainers)


# -- partners and cohorts -----------------------------------------------------------------------------


def create_partner(name: str, provinces: list[str] | None = None) -> Partner:
    name = " ".join(name.split())
    if db.session.scalar(select(Partner).where(Partner.name == name)):
        raise CohortError(_("A partner with this name already exists."))
    partner = Partner(name=name, provinces=provinces or [])
    db.session.add(partner)
    db.session.flush()
    return partner


def add_staff(partner: Partner, user: User) -> None:
    if user.role not in (Role.PARTNER, Role.ADMIN):
        raise CohortError(_("Only accounts with the partner role can be a partner's staff."))
    if db.session.get(PartnerStaff, (partner.id, user.id)) is None:
        db.session.add(PartnerStaff(partner_id=partner.id, user_id=user.id))
        db.session.flush()


def set_trainers(cohort: Cohort, usernames: list[str]) -> list[str]:
    """Make these trainers the cohort's; return the usernames that are not trainers."""
    found, unknown = [], []
    for name in usernames:
        user = auth.get_by_username(name)
        if user is None or user.role not in (Role.TRAINER, Role.ADMIN):
            unknown.append(name)
        else:
            found.append(user)
    if not unknown:
        cohort.trainers = found
    return unknown


# -- members ------------------------------------------------------------------------------------------


def active_membership(cohort: Cohort, user: User) -> Membership | None:
    return db.session.scalar(
        select(Membership).where(
            Membership.cohort_id == cohort.id, Membership.user_id == user.id, Membership.left_at.is_(None)
        )
    )


def join(cohort: Cohort, user: User, via: str) -> tuple[Membership, bool]:
    """Put a learner in a cohort (again, after leaving); (membership, whether it is new)."""
    current = active_membership(cohort, user)
    if current is not None:
        return current, False
    membership = Membership(cohort_id=cohort.id, user_id=user.id, via=via)
    db.session.add(membership)
    db.session.flush()
    return membership, True


def leave(cohort: Cohort, user: User) -> None:
    """End the learner's membership; it stays in the cohort's history."""
    current = active_membership(cohort, user)
    if current is not None:
        current.left_at = utcnow()
        db.session.flush()


def members(cohort: Cohort, include_past: bool = False) -> list[Membership]:
    query = select(Membership).where(Membership.cohort_id == cohort.id)
    if not include_past:
        query = query.where(Membership.left_at.is_(None))
    return list(db.session.scalars(query.order_by(Membership.joined_at, Membership.id)))


# -- invites ------------------------------------------------------------------------------------------


def create_invite(cohort: Cohort, days: int, max_uses: int | None) -> Invite:
    invite = Invite(
        cohort_id=cohort.id,
        code=_code(8),
        expires_at=utcnow() + timedelta(days=days),
        max_uses=max_uses or None,
    )
    db.session.add(invite)
    db.session.flush()
    return invite


def find_invite(code: str) -> Invite | None:
    return db.session.scalar(select(Invite).where(Invite.code == (code or "").strip().lower()))


def invite_problem(invite: Invite | None) -> str | None:
    """Why an invite cannot be used now (translated), or None."""
    if invite is None or invite.revoked:
        return _("This invitation code does not exist or was withdrawn. Ask your trainer for a new one.")
    if as_utc(invite.expires_at) < utcnow():
        return _("This invitation has expired. Ask your trainer for a new one.")
    if invite.max_uses is not None and invite.uses >= invite.max_uses:
        return _("This invitation has been used as many times as allowed. Ask your trainer for a new one.")
    return None


def redeem(invite: Invite, user: User) -> Membership:
    """Join the invite's cohort, counting the use at most once per learner and never past the limit."""
    problem = invite_problem(invite)
    if problem:
        raise CohortError(problem)
    existing = active_membership(invite.cohort, user)
    if existing is not None:
        return existing
    query = update(Invite).where(Invite.id == invite.id)
    if invite.max_uses is not None:
        query = query.where(Invite.uses < Invite.max_uses)
    if db.session.execute(query.values(uses=Invite.uses + 1)).rowcount != 1:
        raise CohortError(
            _("This invitation has been used as many times as allowed. Ask your trainer for a new one.")
        )
    membership, _new = join(invite.cohort, user, "invite")
    return membership


# -- accounts made by trainers ------------------------------------------------------------------------


def _username_for(name: str) -> str:
    """A username from a name: its Latin letters (accents dropped) and a short random tail."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = ".".join("".join(c for c in word if c.isalnum()) for word in ascii_name.split())
    base = base.strip(".")[:24].strip(".") or "ponte"
    while True:
        candidate = f"{base}.{_code(3)}"
        if auth.get_by_username(candidate) is None:
            return candidate


def make_card_account(cohort: Cohort, name: str, language: str | None) -> tuple[User, str]:
    """A learner account without email, in the cohort; returns it with its one-time code (never stored)."""
    code = f"{_code(4)}-{_code(4)}"
    user = auth.create_user(_username_for(name), code, role=Role.LEARNER)
    user.display_name = " ".join(name.split())[:120]
    user.must_change_password = True
    if language:
        user.locale = language
    join(cohort, user, "card")
    return user, code


def reset_code(cohort: Cohort, user: User) -> str:
    """A new one-time code for a learner of the cohort who forgot their password (no email needed)."""
    if user.role != Role.LEARNER or active_membership(cohort, user) is None:
        raise CohortError(_("You can reset the password only of learners in your cohort."))
    code = f"{_code(4)}-{_code(4)}"
    user.set_password(code)
    user.must_change_password = True
    db.session.flush()
    return code


def is_current(cohort: Cohort, today: date) -> bool:
    return cohort.starts_on <= today and (cohort.ends_on is None or cohort.ends_on >= today)


# -- funder data ----------------------------------------------------------------------------------------


def funder_profile(user: User):
    from lms.cohorts.models import FunderProfile

    return db.session.get(FunderProfile, user.id)


def save_funder_data(user: User, answers: dict) -> None:
    """Store the learner's answers with their consent (empty answers stay empty)."""
    from lms.cohorts.models import FunderProfile

    profile = funder_profile(user) or FunderProfile(user_id=user.id)
    db.session.add(profile)
    profile.consented_at, profile.withdrawn_at = utcnow(), None
    flags = {"yes": True, "no": False}
    for name in ("sex", "age_band", "citizenship", "province"):
        setattr(profile, name, answers.get(name) or None)
    for name in ("third_country", "international_protection", "second_generation"):
        setattr(profile, name, flags.get(answers.get(name) or ""))
    db.session.flush()


def withdraw_funder_consent(user: User) -> None:
    """Erase the answers; keep only when consent was given and withdrawn."""
    profile = funder_profile(user)
    if profile is None:
        return
    for name in ("sex", "age_band", "citizenship", "third_country", "international_protection",
                 "second_generation", "province"):  # fmt: skip
        setattr(profile, name, None)
    profile.withdrawn_at = utcnow()
    db.session.flush()


# -- API tokens -----------------------------------------------------------------------------------------

TOKEN_PREFIX = "ponte_"  # noqa: S105 - a marker that makes leaked tokens easy to find, not a secret


def _hash(token: str) -> str:
    import hashlib

    return hashlib.sha256(token.encode()).hexdigest()


def create_token(partner: Partner, name: str, user: User) -> str:
    """A new API token for the partner; returns the token itself, which is stored only as a hash."""
    from lms.cohorts.models import ApiToken

    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db.session.add(
        ApiToken(
            partner_id=partner.id,
            name=" ".join(name.split())[:100],
            prefix=token[:12],
            token_hash=_hash(token),
            created_by_id=user.id,
        )
    )
    db.session.flush()
    return token


def partner_for_token(token: str) -> Partner | None:
    """The partner a valid, unrevoked token belongs to (recording its use), or None."""
    from lms.cohorts.models import ApiToken

    if not token.startswith(TOKEN_PREFIX):
        return None
    found = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash(token)))
    if found is None or found.revoked_at is not None:
        return None
    found.last_used_at = utcnow()
    return db.session.get(Partner, found.partner_id)
