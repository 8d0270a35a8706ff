"""The case-study finder: validated filters, facet counts and one page of results."""

from urllib.parse import urlencode

from casestudies.enums import CaseStudySort
from casestudies.facets import FACETS
from casestudies.forms import CaseStudyFilterForm
from hub.facets import Facet, Option
from hub.page_cache import remembered
from hub.pagination import paginate


PER_PAGE = 10


def url_value(value) -> str:
    """How a chosen facet value is written in the URL: a term's slug, or the year."""
    return str(getattr(value, "slug", value))


def query_string(params: dict) -> str:
    """A query string of the non-empty parameters, or "?" for none."""
    return "?" + urlencode(sorted((k, v) for k, v in params.items() if v not in (None, "")))


def facet_counts(case_studies, chosen: dict) -> dict[str, list[dict]]:
    """Each facet's values with how many case studies match them and the other chosen facets.

    One query per facet, kept per set of filters until any content changes.
    """

    def count():
        return {
            name: case_studies.filtered(
                {facet: value for facet, value in chosen.items() if facet != name}
            ).facet_counts(name)
            for name in FACETS
        }

    sql, params = case_studies.query.sql_with_params()
    filters = sorted((name, url_value(value)) for name, value in chosen.items())
    return remembered(f"casestudies:facets:{sql}:{params}:{filters}", count)


def find_case_studies(request, case_studies) -> dict:
    """Everything the finder template shows, for these (live, public) case studies.

    The number of queries depends on how many filters are chosen, never on how many case
    studies there are: one per facet for its counts (until content changes, see facet_counts),
    one for the total, one for the page.
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

    counts = facet_counts(case_studies, chosen)
    facets = []
    for name, spec in FACETS.items():
        selected = url_value(chosen[name]) if name in chosen else None
        options = [
            Option(
                str(row["value"]), str(row["label"]), row["count"], str(row["value"]) == selected
            )
            for row in counts[name]
        ]
        if selected is not None and not any(option.selected for option in options):
            options.insert(0, Option(selected, str(chosen[name]), 0, True))
        facets.append(
            Facet(
                name=name,
                label=spec.label,
                options=options,
                field=form[name],
                remove_url=query_string({k: v for k, v in kept.items() if k != name}),
                errors=form.errors.get(name, []),
            )
        )

    return {
        "form": form,
        "query": query,
        "sort": sort,
        "sorts": CaseStudySort.choices,
        "facets": facets,
        "chosen": [facet for facet in facets if facet.selected],
        "results": paginate(request, results, PER_PAGE),
        "filtered": bool(chosen or query),
    }
