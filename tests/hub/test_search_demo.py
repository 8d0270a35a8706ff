"""Search on the demo site answers what an officer types: abbreviations, plain labels, guidance
before policy pages. Runs on whichever database the suite runs against."""

FIRST_RESULT = {
    "NPS": "/strategy/",
    "procurement act": "/toolkits/procurement-act-2023/",
    "social value": "/strategy/2022/achieving-community-benefits/obtaining-social-value/",
    "PCR": "/toolkits/pcr-2015/",
}

# Each abbreviation finds, near the top, a page that spells it out.
ABBREVIATIONS = {
    "PA23": "/toolkits/procurement-act-2023/",
    "SME": "/engaging-local-smes-and-micro-businesses/",
    "VCSE": "/enabling-vcse-engagement/",
    "DPS": "/resources/dynamic-purchasing-system",
}

POLICY_PAGES = ("/privacy/", "/cookies/", "/accessibility-statement/")


def result_urls(client, query) -> list[str]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [page.url for page in response.context["results"]]


def test_search_speaks_the_readers_language(client, indexed_demo_site):
    for query, expected in FIRST_RESULT.items():
        urls = result_urls(client, query)
        assert urls and urls[0] == expected, (query, urls[:5])

    for query, expected in ABBREVIATIONS.items():
        urls = result_urls(client, query)
        assert any(expected in url for url in urls[:3]), (query, urls[:5])

    # Policy pages come after every guidance page that matches.
    urls = result_urls(client, "procurement act")
    policy = [n for n, url in enumerate(urls) if url in POLICY_PAGES]
    assert not policy or min(policy) == len(urls) - len(policy), urls

    # Results are labelled in plain words, and a key area names its edition.
    response = client.get("/search/", {"q": "social value"})
    html = response.content.decode()
    assert "Key area · National Procurement Strategy 2022" in html
    assert "Key area · National Procurement Strategy 2018" in html
    labels = [page.reader_label for page in response.context["results"]]
    assert not [label for label in labels if label.lower().endswith(("page", "pages"))], labels
    type_labels = [option.label for option in response.context["facets"][0].options]
    assert not [label for label in type_labels if "page" in label.lower()], type_labels
