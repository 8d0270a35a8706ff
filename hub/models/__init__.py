from .domains import CouncilDomain, DomainSource, DomainStatus, ManagerVerification
from .feedback import FEEDBACK_TEXT_MAX, PageFeedback
from .guidance import ChangeNote, Guidance, ReviewReminder, Team
from .illustrative import Illustrative, flag_text, is_illustrative
from .outbox import Email, EmailStatus, email_kinds
from .pages import BasePage, HomeAction, HomePage, HomePanel, SectionIndexPage, StandardPage
from .provenance import Provenance
from .settings import SiteSettings
from .taxonomy import (
    Category,
    Council,
    CouncilType,
    KeyArea,
    Level,
    MaturityLevel,
    Region,
    Theme,
)


__all__ = [
    "FEEDBACK_TEXT_MAX",
    "BasePage",
    "Category",
    "ChangeNote",
    "Council",
    "CouncilDomain",
    "CouncilType",
    "DomainSource",
    "DomainStatus",
    "Guidance",
    "Email",
    "EmailStatus",
    "HomeAction",
    "HomePage",
    "HomePanel",
    "Illustrative",
    "KeyArea",
    "Level",
    "ManagerVerification",
    "MaturityLevel",
    "PageFeedback",
    "Provenance",
    "Region",
    "ReviewReminder",
    "SectionIndexPage",
    "SiteSettings",
    "StandardPage",
    "Team",
    "Theme",
    "email_kinds",
    "flag_text",
    "is_illustrative",
]
