"""Site-wide search across every page type, in the words readers use."""

import re
from collections.abc import Sequence
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import render
from django.utils.text import capfirst

from wagtail import hooks
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.query import Or, Phrase, PlainText
from wagtail.search.utils import normalise_query_string

from hub.facets import Facet, Option
from hub.forms import SearchForm
from hub.models import StandardPage
from hub.pagination import paginate


PER_PAGE = 20
# How many of the best hits are re-ordered by tier: the first few pages of results.
RANK_DEPTH = 100

# What each page type is called in results and in the type filter, singular and plural.
# A page type not listed here is named by its verbose name.
READER_LABELS = {
    "hub.homepage": ("Home page", "Home page"),
    "hub.standardpage": ("About the hub", "About the hub"),
    "strategy.strategyindexpage": ("The strategy", "The strategy"),
    "strategy.strategyeditionpage": ("Strategy edition", "Strategy editions"),
    "strategy.themepage": ("Strategy theme", "Strategy themes"),
    "strategy.keyareapage": ("Key area", "Key areas"),
    "strategy.categorystrategyindexpage": ("Category strategies", "Category strategies"),
    "strategy.categorystrategypage": ("Category strategy", "Category strategies"),
    "progress.progressindexpage": ("Check your progress", "Check your progress"),
    "progress.findingspage": ("Survey findings", "Survey findings"),
    "strategy.toolkitindexpage": ("Toolkits", "Toolkits"),
    "strategy.toolkitpage": ("Toolkit", "Toolkits"),
    "strategy.resourceindexpage": ("Resources", "Resources"),
    "strategy.resourcepage": ("Resource", "Resources"),
    "casestudies.casestudyindexpage": ("Case study finder", "Case study finder"),
    "casestudies.casestudypage": ("Case study", "Case studies"),
    "consultations.consultationindexpage": ("Consultations", "Consultations"),
    "consultations.consultationpage": ("Consultation", "Consultations"),
}

# Abbreviations officers type, and the words the hub's pages spell out.
ABBREVIATIONS = {
    "nps": "national procurement strategy",
    "pcr": "public contracts regulations",
    "pcr2015": "public contracts regulations 2015",
    "pa23": "procurement act 2023",
    "pa2023": "procurement act 2023",
    "sme": "small and medium-sized enterprises",
    "smes": "small and medium-sized enterprises",
    "vcse": "voluntary community and social enterprise",
    "dps": "dynamic purchasing system",
}

# Policy pages (privacy, cookies, accessibility) come after guidance in results: a reader who
# searches a guidance term wants the guidance.
POLICY_TYPES = (StandardPage,)


def reader_label(model, *, plural: bool = False) -> str:
    """What a page type is called where readers see it."""
    labels = READER_LABELS.get(model._meta.label_lower)
    if labels:
        return labels[plural]
    return capfirst(model._meta.verbose_name_plural if plural else model._meta.verbose_name)


def searchable_types() -> dict[str, type[Page]]:
    """Public page types keyed by a short URL-safe name."""
    return {
        model._meta.model_name: model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract
    }


def spelled_out(query: str) -> list[str]:
    """The abbreviations in a query, spelled out."""
    return [
        ABBREVIATIONS[word]
        for word in re.findall(r"[\w-]+", query.lower())
        if word in ABBREVIATIONS
    ]


def expand(query: str):
    """The query as typed, or, where it holds abbreviations, also each spelled out."""
    spelled = spelled_out(query)
    if not spelled:
        return query
    return Or([PlainText(query, operator="or"), *(Phrase(words) for words in spelled)])


class Ranked(Sequence):
    """Search hits whose first RANK_DEPTH are re-ordered; the rest follow in the backend's order.

    Only the hits on the page shown are read from the database, so the cost of a search does
    not grow with the number of matches.
    """

    def __init__(self, hits, key):
        self.hits, self.key = hits, key

    @cached_property
    def top(self) -> list:
        return sorted(self.hits[:RANK_DEPTH], key=self.key)

    @cached_property
    def total(self) -> int:
        return self.hits.count()

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(len(self))
        head = self.top[start:stop]
        tail = self.hits[max(start, RANK_DEPTH) : stop] if stop > RANK_DEPTH else []
        return [*head, *tail]


def ranked(hits, query: str) -> Ranked:
    """Hits by relevance, with a page named by the query first and policy pages last.

    Tiers: the title is the query (or an abbreviation spelled out), the title holds the
    spelled-out words, the title holds the query as typed, then the rest. Within a tier,
    pages under a path an app demotes (a superseded edition) come after the others; the
    backend's relevance order is kept otherwise. Only the best RANK_DEPTH hits are re-ordered.
    """
    policy = {ct.pk for ct in ContentType.objects.get_for_models(*POLICY_TYPES).values()}
    demoted = tuple(path for fn in hooks.get_hooks("hub_search_demoted_paths") for path in fn())
    spelled = spelled_out(query)
    typed = re.compile(rf"\b{re.escape(query.lower())}")

    def tier(hit) -> tuple[bool, int, bool]:
        title = " ".join(hit.title.lower().split())
        if title in (query.lower(), *spelled):
            named = 0
        elif any(words in title for words in spelled):
            named = 1
        elif typed.search(title):
            named = 2
        else:
            named = 3
        return (
            hit.content_type_id in policy,
            named,
            bool(demoted) and hit.path.startswith(demoted),
        )

    return Ranked(hits, tier)


def labelled(pages: list) -> list:
    """The pages of one page of results, each with its reader_label (and edition, if any)."""
    contexts = {}
    for model in {type(page) for page in pages}:
        if hasattr(model, "search_contexts"):
            contexts.update(model.search_contexts([p for p in pages if type(p) is model]))
    for page in pages:
        label = reader_label(type(page))
        page.reader_label = f"{label} · {contexts[page.pk]}" if page.pk in contexts else label
    return pages


def search(request):
    """Search results, filterable by content type, with editors' promotions on top."""
    types = searchable_types()
    form = SearchForm(
        request.GET or None,
        type_choices=[(key, reader_label(model)) for key, model in types.items()],
    )
    context = {"form": form, "query": "", "results": None, "facets": [], "chosen": []}
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        chosen = form.cleaned_data["type"]
        pages = Page.objects.live().public()
        facet_counts = pages.search(expand(query)).facet("content_type_id")
        content_types = ContentType.objects.get_for_models(*types.values())
        facet = Facet(
            name="type",
            label="Type of content",
            options=[
                Option(
                    value=key,
                    label=reader_label(model, plural=True),
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
        results = paginate(request, ranked(pages.search(expand(query)), query), PER_PAGE)
        # One query per page type on this page of results, not one per result.
        specific = (
            Page.objects.filter(pk__in=[p.pk for p in results])
            .defer_streamfields()
            .specific()
            .in_bulk()
        )
        results.object_list = labelled([specific[p.pk] for p in results if p.pk in specific])
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
    elif form.errors:
        context["query"] = request.GET.get("q", "")
    return render(request, "search/search.html", context, status=400 if form.errors else 200)
