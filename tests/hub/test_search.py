"""Site-wide search on whichever database backend the tests run against."""

import pytest

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories import KeyAreaPageFactory, StandardPageFactory


@pytest.fixture
def pages(home):
    key_area = KeyAreaPageFactory(
        parent__parent__parent__parent=home,
        title="Managing contracts and relationships",
        what_it_is="<p>Control of every contract from inception to completion.</p>",
        body=[("paragraph", "<p>Keep a register and review suppliers quarterly.</p>")],
    )
    guide = StandardPageFactory(
        parent=home, title="Contract register guide", summary="How to keep a register."
    )
    return {"key_area": key_area, "guide": guide}


@pytest.mark.django_db
def test_search_finds_a_key_area_by_a_word_from_its_body(client, pages):
    response = client.get("/search/", {"q": "quarterly"})
    assert response.status_code == 200
    assert [p.pk for p in response.context["results"]] == [pages["key_area"].pk]


@pytest.mark.django_db
def test_search_results_filter_by_content_type_with_counts(client, pages):
    response = client.get("/search/", {"q": "register"})
    facets = {o.value: o.count for o in response.context["facets"][0].options}
    assert facets == {"keyareapage": 1, "standardpage": 1}

    filtered = client.get("/search/", {"q": "register", "type": "standardpage"})
    assert [p.pk for p in filtered.context["results"]] == [pages["guide"].pk]


@pytest.mark.django_db
def test_search_with_no_results_offers_help(client, pages):
    response = client.get("/search/", {"q": "zebra crossing"})
    assert response.status_code == 200
    assert b"There are no matching results" in response.content
    assert b"checking your spelling" in response.content


@pytest.mark.django_db
def test_unknown_content_type_is_a_clear_400_that_keeps_the_query(client, pages):
    response = client.get("/search/", {"q": "register", "type": "not-a-type"})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert b'value="register"' in response.content


@pytest.mark.django_db
def test_overlong_query_is_refused_with_a_message(client, pages):
    response = client.get("/search/", {"q": "x" * 500})
    assert response.status_code == 400
    assert b"at most 200 characters" in response.content


@pytest.mark.django_db
def test_out_of_range_page_shows_the_last_page(client, pages):
    response = client.get("/search/", {"q": "register", "page": "999"})
    assert response.status_code == 200
    assert response.context["results"].number == 1


@pytest.mark.django_db
def test_editors_promotions_appear_above_results(client, pages):
    query = Query.get("procurement act")
    SearchPromotion.objects.create(
        query=query, page=pages["guide"], description="Start here.", sort_order=0
    )
    response = client.get("/search/", {"q": "Procurement Act"})
    assert b"Recommended" in response.content
    assert b"Start here." in response.content


class FakeHits:
    """Search hits in the backend's order, recording which slices were read."""

    def __init__(self, items):
        self.items, self.reads = items, []

    def __getitem__(self, index):
        self.reads.append((index.start, index.stop))
        return self.items[index]

    def count(self):
        return len(self.items)


def test_only_the_best_hits_are_reordered_and_only_the_page_shown_is_read(monkeypatch):
    from hub import search

    monkeypatch.setattr(search, "RANK_DEPTH", 4)
    hits = FakeHits(list(range(1000)))
    ranked = search.Ranked(hits, key=lambda n: -n)  # reverse the best four
    assert len(ranked) == 1000
    assert ranked[0:6] == [3, 2, 1, 0, 4, 5]
    assert ranked[500:503] == [500, 501, 502]
    assert ranked[2] == 1
    # The first four once, then only what each page shows: never all 1,000.
    assert hits.reads == [(None, 4), (4, 6), (500, 503)]
