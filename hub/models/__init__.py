from .pages import BasePage, HomePage, StandardPage
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
    "BasePage",
    "Category",
    "Council",
    "CouncilType",
    "HomePage",
    "KeyArea",
    "KeyAreaKind",
    "MaturityLevel",
    "Region",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
