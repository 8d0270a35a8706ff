"""One way to paginate a listing, tolerant of bad page numbers."""

from django.core.paginator import Page, Paginator


def paginate(request, items, per_page: int = 20) -> Page:
    """Return the requested page of items; bad or out-of-range numbers fall back safely."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
