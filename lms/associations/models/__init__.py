"""The association's tables: profile and members, self-assessments, work handed in for review, events."""

from lms.associations.models.assessment import SelfAssessment
from lms.associations.models.association import (
    ETS_FORMS,
    MANAGERS,
    TOPICS,
    Association,
    AssociationMember,
    LegalForm,
    Role,
)
from lms.associations.models.event import EventPlan
from lms.associations.models.review import ReviewMessage, Submission, SubmissionFile, SubmissionVersion

__all__ = [
    "ETS_FORMS",
    "MANAGERS",
    "TOPICS",
    "Association",
    "AssociationMember",
    "EventPlan",
    "LegalForm",
    "ReviewMessage",
    "Role",
    "SelfAssessment",
    "Submission",
    "SubmissionFile",
    "SubmissionVersion",
]
