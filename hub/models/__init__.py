from .domains import CouncilDomain, DomainSource, DomainStatus, ManagerVerification
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
    "CouncilDomain",
    "CouncilType",
    "DomainSource",
    "DomainStatus",
    "HomeAction",
    "HomePage",
    "HomePanel",
    "KeyArea",
    "KeyAreaKind",
    "ManagerVerification",
    "MaturityLevel",
    "Provenance",
    "Region",
    "SiteSettings",
    "StandardPage",
    "Theme",
]
