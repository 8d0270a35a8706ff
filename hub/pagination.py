"""One way to paginate a listing, tolerant of bad page numbers."""

from django.core.paginator import Page, Paginator


def paginate(request, items, per_page: int = 20, param: str = "page") -> Page:
    """Return the requested page of items; bad or out-of-range numbers fall back safely."""
    return Paginator(items, per_page).get_page(request.GET.get(param))


def page_window(page: Page, around: int = 2) -> list[int | None]:
    """Page numbers to show in a pager, with None where a run is skipped."""
    last = page.paginator.num_pages
    wanted = {1, last, *range(page.number - around, page.number + around + 1)}
    numbers = sorted(n for n in wanted if 1 <= n <= last)
    window: list[int | None] = []
    for n in numbers:
        if window and n - window[-1] > 1:
            window.append(None)
        window.append(n)
    return window
