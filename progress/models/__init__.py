from .pages import FindingsPage, FindingsQuerySet, ProgressIndexPage
from .self_assessment import (
    COUNCIL,
    AccessRequest,
    Answer,
    AnswerFields,
    Cycle,
    Invitation,
    Respondent,
    Return,
    SignInLink,
    SupersededAnswer,
)


__all__ = [
    "COUNCIL",
    "AccessRequest",
    "Answer",
    "AnswerFields",
    "Cycle",
    "FindingsPage",
    "FindingsQuerySet",
    "Invitation",
    "ProgressIndexPage",
    "Respondent",
    "Return",
    "SignInLink",
    "SupersededAnswer",
]
