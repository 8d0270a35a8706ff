from .pages import BasePage, HomeAction, HomePage, HomePanel, StandardPage
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
    "HomeAction",
    "HomePage",
    "HomePanel",
    "KeyArea",
    "KeyAreaKind",
    "MaturityLevel",
    "Region",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
