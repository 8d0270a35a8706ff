"""One address for each public page type in the demo site."""

from wagtail.models import Page


EXTRA_PATHS = [
    ("search results", "/search/?q=contract"),
    ("search with no results", "/search/?q=zebra"),
    ("search start", "/search/"),
    ("page not found", "/no-such-page/"),
    ("resources filtered", "/resources/?type=guide&theme=behaving-commercially"),
    ("resources with no results", "/resources/?type=slides&category=energy"),
    ("resources with invalid filters", "/resources/?type=spreadsheet&theme=nope"),
    ("resources page two", "/resources/?page=2"),
    ("consultation comment form", "/consultations/construction-category-strategy-2026/respond/"),
    ("self-assessment", "/check-your-progress/self-assessment/"),
    ("self-assessment sign-in", "/check-your-progress/self-assessment/sign-in/"),
    ("self-assessment findings", "/check-your-progress/self-assessment/findings/2026/"),
    ("self-assessment blank return", "/check-your-progress/self-assessment/2026/blank/"),
    ("whole toolkit to print", "/toolkits/pcr-2015/print/"),
    ("procurement policy note index", "/toolkits/procurement-act-2023/procurement-policy-notes/"),
    ("illustrative consultation", "/consultations/construction-category-strategy-2026/"),
    ("external resource", "/resources/ppn-002-social-value/"),
    ("superseded key area", "/strategy/2018/showing-leadership/working-with-partners/"),
    ("Procurement Act tools", "/procurement-act/"),
    ("Act checker question", "/procurement-act/check/start-date/"),
    (
        "Act checker result",
        "/procurement-act/check/result/?start_day=2&start_month=3&start_year=2026"
        "&authority=council&contract_for=services&kind=standard&route=competitive&value=250000",
    ),
    ("Act timeline", "/procurement-act/timeline/"),
    (
        "Act timeline result",
        "/procurement-act/timeline/result/?procedure=competitive-flexible&authority=council"
        "&electronic=on&all_documents=on&tender_notice_day=1&tender_notice_month=12"
        "&tender_notice_year=2025",
    ),
    ("Act notice", "/procurement-act/notices/tender-notice/"),
    ("Act glossary", "/procurement-act/glossary/"),
]


def demo_pages() -> list[tuple[str, str]]:
    """The first live page of each page type, then the non-page views."""
    seen = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        seen.setdefault(type(page).__name__, page.url)
    return [*sorted(seen.items()), *EXTRA_PATHS]
