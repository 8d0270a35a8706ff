from .act import GlossaryTerm, MinimumPeriod, Notice, RulesVersion, ValueLine
from .editions import (
    CategoryStrategyIndexPage,
    CategoryStrategyPage,
    CategoryStrategyPageTag,
    KeyAreaPage,
    KeyAreaPageTag,
    StrategyEditionPage,
    StrategyIndexPage,
    ThemePage,
)
from .resources import ResourceIndexPage, ResourcePage, ResourcePageTag
from .toolkits import ToolkitIndexPage, ToolkitPage, ToolkitPageTag


__all__ = [
    "GlossaryTerm",
    "MinimumPeriod",
    "Notice",
    "RulesVersion",
    "ValueLine",
    "CategoryStrategyIndexPage",
    "CategoryStrategyPage",
    "CategoryStrategyPageTag",
    "KeyAreaPage",
    "KeyAreaPageTag",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourcePageTag",
    "StrategyEditionPage",
    "StrategyIndexPage",
    "ThemePage",
    "ToolkitIndexPage",
    "ToolkitPage",
    "ToolkitPageTag",
]
