from .pages import BasePage, HomeAction, HomePage, HomePanel, SectionIndexPage, StandardPage
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
    "Provenance",
    "Region",
    "SectionIndexPage",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
