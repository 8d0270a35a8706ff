from consultations.analysis.models import *  # noqa: F403  (analysis models, same app)

from .comments import COMMENT_MAX_LENGTH, LATE_ENTRY_MAX_HOURS, Comment, LateEntryLink
from .follow_up import Subscription
from .pages import ConsultationIndexPage, ConsultationPage


__all__ = [
    "COMMENT_MAX_LENGTH",
    "LATE_ENTRY_MAX_HOURS",
    "Comment",
    "ConsultationIndexPage",
    "ConsultationPage",
    "LateEntryLink",
    "Subscription",
]
