from .outbox import Email, EmailKind, EmailStatus, email_kinds
from .pages import BasePage, HomeAction, HomePage, HomePanel, SectionIndexPage, StandardPage
from .provenance import Provenance
from .settings import SiteSettings
from .taxonomy import (
    Category,
    Council,
    CouncilType,
    KeyArea,
    KeyAreaKind,
    Level,
    MaturityLevel,
    Region,
    Theme,
)


__all__ = [
    "BasePage",
    "Category",
    "Council",
    "CouncilType",
    "Email",
    "EmailKind",
    "EmailStatus",
    "HomeAction",
    "HomePage",
    "HomePanel",
    "KeyArea",
    "KeyAreaKind",
    "Level",
    "MaturityLevel",
    "Provenance",
    "Region",
    "SectionIndexPage",
    "SiteSettings",
    "StandardPage",
    "Theme",
    "email_kinds",
]
