from .feedback import FEEDBACK_TEXT_MAX, PageFeedback
from .guidance import ChangeNote, Guidance, GuidancePageForm, ReviewReminder, Team
from .pages import BasePage, HomeAction, HomePage, HomePanel, StandardPage
from .provenance import Provenance
from .settings import SiteSettings
from .taxonomy import (
    Category,
    Council,
    CouncilType,
    KeyArea,
    KeyAreaKind,
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
    "CouncilType",
    "Guidance",
    "GuidancePageForm",
    "HomeAction",
    "HomePage",
    "HomePanel",
    "KeyArea",
    "KeyAreaKind",
    "MaturityLevel",
    "PageFeedback",
    "Provenance",
    "Region",
    "ReviewReminder",
    "SiteSettings",
    "StandardPage",
    "Team",
    "Theme",
]
