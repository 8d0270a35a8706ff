from .comments import COMMENT_MAX_LENGTH, LATE_ENTRY_MAX_HOURS, Comment, CommentEmail, LateEntryLink
from .follow_up import Notification, Subscription
from .pages import ConsultationIndexPage, ConsultationPage


__all__ = [
    "COMMENT_MAX_LENGTH",
    "LATE_ENTRY_MAX_HOURS",
    "Comment",
    "CommentEmail",
    "ConsultationIndexPage",
    "ConsultationPage",
    "LateEntryLink",
    "Notification",
    "Subscription",
]
