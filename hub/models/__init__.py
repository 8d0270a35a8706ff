from .illustrative import Illustrative, flag_text, is_illustrative
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
    "BasePage",
    "Category",
    "Council",
    "CouncilType",
    "HomeAction",
    "HomePage",
    "HomePanel",
    "Illustrative",
    "KeyArea",
    "KeyAreaKind",
    "MaturityLevel",
    "Provenance",
    "Region",
    "SiteSettings",
    "StandardPage",
    "Theme",
    "flag_text",
    "is_illustrative",
]
