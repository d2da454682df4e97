"""Self-assessments: save and resume, finish (recommend a tier and modules), retake, territory figures."""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select, true

from lms.associations import needs
from lms.associations.models import Association, SelfAssessment
from lms.auth.models import User
from lms.catalog.models import Course, Module
from lms.cohorts.suppression import suppress, total
from lms.core.clock import utcnow
from lms.core.i18n import _
from lms.extensions import db


class AssessmentError(Exception):
    """The questionnaire cannot be finished yet; the message is translated."""


def open_one(association: Association) -> SelfAssessment | None:
    return db.session.scalar(
        select(SelfAssessment).where(
            SelfAssessment.association_id == association.id, SelfAssessment.completed_at.is_(None)
        )
    )


def history(association: Association) -> list[SelfAssessment]:
    """Finished assessments, the newest first."""
    return list(
        db.session.scalars(
            select(SelfAssessment)
            .where(SelfAssessment.association_id == association.id, SelfAssessment.completed_at.is_not(None))
            .order_by(SelfAssessment.completed_at.desc(), SelfAssessment.id.desc())
        )
    )


def start_or_resume(association: Association, user: User) -> SelfAssessment:
    """The unfinished assessment, or a new one that starts from the last answers (a retake)."""
    current = open_one(association)
    if current is not None:
        return current
    previous = history(association)
    answers = dict(previous[0].answers) if previous else {}
    current = SelfAssessment(association_id=association.id, started_by_id=user.id, answers=answers)
    db.session.add(current)
    db.session.flush()
    return current


def save(assessment: SelfAssessment, answers: dict[str, str]) -> None:
    """Keep the answers given so far (unknown questions or answers are ignored)."""
    if assessment.completed_at is not None:
        raise AssessmentError(_("This self-assessment is finished: start a new one to answer again."))
    assessment.answers = {**assessment.answers, **needs.clean(answers)}
    assessment.updated_at = utcnow()
    db.session.flush()


def finish(assessment: SelfAssessment) -> None:
    """Close the assessment with its recommendation; every question must have an answer."""
    missing = needs.missing(assessment.answers)
    if missing:
        raise AssessmentError(
            _("Answer every question before finishing: %(n)d still without an answer.", n=len(missing))
        )
    found = needs.needs(assessment.answers)
    assessment.needs = [n.key for n in found]
    assessment.tier = needs.tier(found)
    assessment.completed_at = utcnow()
    db.session.flush()


@dataclass(frozen=True)
class Recommendation:
    need: needs.Need
    module: Module | None  # None if that module is not in the catalog


def recommendations(assessment: SelfAssessment) -> list[Recommendation]:
    """The needs found, each with its module from the catalog, the recommended tier's needs first."""
    found = [n for n in needs.needs(assessment.answers) if n.key in set(assessment.needs)]
    rows = db.session.execute(
        select(Course.slug, Module)
        .join(Module.course)
        .where(Module.retired.is_(False), Course.retired.is_(False))
    )
    modules = {(slug, module.slug): module for slug, module in rows}
    ordered = sorted(found, key=lambda n: (n.tier != assessment.tier, n.tier))
    return [Recommendation(n, modules.get((n.course, n.module))) for n in ordered]


def solved_since(before: SelfAssessment, after: SelfAssessment) -> list[str]:
    """Needs the earlier assessment found and the later one no longer does."""
    return [key for key in before.needs if key not in set(after.needs)]


@dataclass
class ProvinceFigures:
    province: str
    associations: int | str
    by_tier: dict[str, int | str]
    top_needs: list[tuple[str, int | str]]


def territory(provinces: set[str] | None = None, limit: int = 5) -> list[ProvinceFigures]:
    """Per province: associations by recommended tier and their commonest needs, from each association's
    latest finished assessment; small counts suppressed so no association can be singled out."""
    latest = (
        select(SelfAssessment.association_id, func.max(SelfAssessment.id).label("id"))
        .where(SelfAssessment.completed_at.is_not(None))
        .group_by(SelfAssessment.association_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Association.province, SelfAssessment.tier, SelfAssessment.needs)
        .join(latest, latest.c.association_id == Association.id)
        .join(SelfAssessment, SelfAssessment.id == latest.c.id)
        .where(Association.province.in_(provinces) if provinces is not None else true())
        .order_by(Association.province)
    )
    grouped: dict[str, list[tuple[int, list[str]]]] = {}
    for province, tier, found in rows:
        grouped.setdefault(province, []).append((tier, found or []))
    figures = []
    for province, items in grouped.items():
        tiers = Counter(str(tier) for tier, _found in items)
        need_counts = Counter(key for _tier, found in items for key in found)
        top = need_counts.most_common(limit)
        figures.append(
            ProvinceFigures(
                province=province,
                associations=total(len(items)),
                by_tier=suppress({t: tiers.get(t, 0) for t in ("1", "2", "3")}),
                top_needs=[(key, total(count)) for key, count in top],
            )
        )
    return figures
