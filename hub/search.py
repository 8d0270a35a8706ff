"""Site-wide search across every page type."""

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import render
from django.utils.text import capfirst

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from hub.facets import Facet, Option
from hub.forms import SearchForm
from hub.pagination import paginate


PER_PAGE = 20


def searchable_types() -> dict[str, type[Page]]:
    """Public page types keyed by a short URL-safe name."""
    return {
        model._meta.model_name: model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract
    }


def search(request):
    """Search results, filterable by content type, with editors' promotions on top."""
    types = searchable_types()
    form = SearchForm(
        request.GET or None,
        type_choices=[(key, capfirst(m._meta.verbose_name)) for key, m in types.items()],
    )
    context = {"form": form, "query": "", "results": None, "facets": [], "chosen": []}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        chosen = form.cleaned_data["type"]
        pages = Page.objects.live().public()
        facet_counts = pages.search(query).facet("content_type_id")
        content_types = ContentType.objects.get_for_models(*types.values())
        facet = Facet(
            name="type",
            label="Type of content",
            options=[
                Option(
                    value=key,
                    label=capfirst(model._meta.verbose_name_plural),
                    count=facet_counts[content_types[model].pk],
                    selected=key == chosen,
                )
                for key, model in types.items()
                if facet_counts.get(content_types[model].pk)
            ],
            field=form["type"],
        )
        context["facets"] = [facet] if facet.options else []
        context["chosen"] = [facet] if facet.selected else []
        if chosen:
            pages = pages.filter(content_type=content_types[types[chosen]])
        results = paginate(request, pages.search(query), PER_PAGE)
        # One query per page type on this page of results, not one per result.
        specific = (
            Page.objects.filter(pk__in=[p.pk for p in results])
            .defer_streamfields()
            .specific()
            .in_bulk()
        )
        results.object_list = [specific[p.pk] for p in results if p.pk in specific]
        context.update(
            query=query,
            results=results,
            filtered=True,
            promotions=SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(query)
            ).select_related("page")
            if results.number == 1
            else [],
        )
    elif form.is_bound and not form.is_valid():
        context["query"] = request.GET.get("q", "")
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "search/search.html", context, status=status)
