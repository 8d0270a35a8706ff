"""The case-study finder: validated filters, facet counts and one page of results."""

from urllib.parse import urlencode

from casestudies.enums import FACETS, CaseStudySort
from casestudies.forms import CaseStudyFilterForm
from hub.pagination import paginate


PER_PAGE = 10

FACET_LABELS = {
    "theme": "Theme",
    "key_area": "Key area or enabler",
    "category": "Category",
    "region": "Region",
    "council_type": "Council type",
    "year": "Year",
    "tag": "Tag",
}


def url_value(value) -> str | int:
    """How a chosen facet value is written in the URL: a term's slug, or the year."""
    return getattr(value, "slug", value)


def query_string(params: dict) -> str:
    """A query string of the non-empty parameters, or "?" for none."""
    return "?" + urlencode(sorted((k, v) for k, v in params.items() if v not in (None, "")))


def find_case_studies(request, case_studies) -> dict:
    """Everything the finder template shows, for these (live, public) case studies.

    The number of queries depends on how many filters are chosen, never on how many case
    studies there are: one per facet for its counts, one for the total, one for the page.
    """
    form = CaseStudyFilterForm(request.GET)
    form.is_valid()
    chosen = form.chosen_facets()
    query = form.cleaned_data.get("q", "")
    sort = form.cleaned_data.get("sort") or CaseStudySort.NEWEST

    if query:
        case_studies = case_studies.matching(query)
    results = case_studies.filtered(chosen).for_listing()
    if sort == CaseStudySort.LARGEST_SAVING:
        results = results.largest_saving_first()
    else:
        results = results.newest_first()

    # The valid part of the query string, from which "remove this filter" links are made.
    kept = {"q": query, **{name: url_value(value) for name, value in chosen.items()}}
    if sort != CaseStudySort.NEWEST:
        kept["sort"] = sort

    facets = []
    for name in FACETS:
        others = {facet: value for facet, value in chosen.items() if facet != name}
        selected = chosen.get(name)
        selected_value = url_value(selected) if selected is not None else None
        options = [
            {**option, "selected": option["value"] == selected_value}
            for option in case_studies.filtered(others).facet_counts(name)
        ]
        if selected is not None and not any(option["selected"] for option in options):
            options.insert(
                0, {"value": selected_value, "label": str(selected), "count": 0, "selected": True}
            )
        facets.append(
            {
                "name": name,
                "label": FACET_LABELS[name],
                "options": options,
                "selected": selected,
                "selected_label": str(selected) if selected is not None else "",
                "remove_url": query_string({k: v for k, v in kept.items() if k != name}),
                "errors": form.errors.get(name, []),
            }
        )

    return {
        "form": form,
        "query": query,
        "search_text": request.GET.get("q", "")[:1000],
        "sort": sort,
        "sorts": CaseStudySort.choices,
        "chosen": chosen,
        "facets": facets,
        "active_filters": [f for f in facets if f["selected"] is not None],
        "results": paginate(request, results, PER_PAGE),
        "filtered": bool(chosen or query),
    }
