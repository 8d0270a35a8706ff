"""Whether an address is at a council's domain: the pure rules, case by case."""

import pytest

from hub.domains import (
    address_at_domain,
    address_normalised,
    domain_normalised,
    domain_problem,
    domains_of_address,
    is_sub_addressed,
)


MATCHES = [
    # the domain itself, and any subdomain of it
    ("jo.bloggs@kent.gov.uk", "kent.gov.uk"),
    ("jo@procurement.kent.gov.uk", "kent.gov.uk"),
    ("jo@a.b.kent.gov.uk", "kent.gov.uk"),
    # upper case on either side
    ("Jo.Bloggs@KENT.GOV.UK", "kent.gov.uk"),
    ("jo@kent.gov.uk", "Kent.Gov.UK"),
    # an internationalised domain matches itself, typed or IDNA-encoded
    ("jo@bücher.example", "xn--bcher-kva.example"),
    ("jo@xn--bcher-kva.example", "bücher.example"),
    ("jo@BÜCHER.example", "bücher.example"),
    # a shared service domain, as Adur and Worthing share theirs
    ("jo@adur-worthing.gov.uk", "adur-worthing.gov.uk"),
    # a fictional council's reserved domain
    ("lead@northshire-county-council.example", "northshire-county-council.example"),
]

NEVER = [
    # lookalikes: the domain inside a longer host, or its dots swapped for hyphens
    ("jo@kent.gov.uk.example.com", "kent.gov.uk", "longer host"),
    ("jo@kent-gov.uk", "kent.gov.uk", "hyphen lookalike"),
    ("jo@notkent.gov.uk", "kent.gov.uk", "suffix without a dot"),
    ("jo@kentgov.uk", "kent.gov.uk", "dot dropped"),
    ("jo@gov.uk", "kent.gov.uk", "parent of the domain"),
    # another council's domain altogether
    ("jo@medway.gov.uk", "kent.gov.uk", "mismatched"),
    # trailing dots, on the address or the domain
    ("jo@kent.gov.uk.", "kent.gov.uk", "trailing dot on the host"),
    ("jo@kent.gov.uk", "kent.gov.uk.", "trailing dot on the domain"),
    ("jo@kent..gov.uk", "kent.gov.uk", "empty label"),
    # IDN homographs: Cyrillic е (U+0435) and а (U+0430), Greek ο (U+03BF)
    ("jo@k\u0435nt.gov.uk", "kent.gov.uk", "Cyrillic e"),
    ("jo@xn--knt-rdd.gov.uk", "kent.gov.uk", "Cyrillic e, encoded"),
    ("jo@\u0430dur-worthing.gov.uk", "adur-worthing.gov.uk", "Cyrillic a"),
    ("jo@w\u03bfrthing.gov.uk", "worthing.gov.uk", "Greek o"),
    ("jo@kent.gov.uk", "k\u0435nt.gov.uk", "homograph domain entered"),
    # "+" tricks: a tag lets one mailbox pose as several people, or hide a domain in the local part
    ("jo+chief.executive@kent.gov.uk", "kent.gov.uk", "sub-address at the council"),
    ("attacker+kent.gov.uk@gmail.com", "kent.gov.uk", "domain in a tag"),
    ("kent.gov.uk@gmail.com", "kent.gov.uk", "domain as the local part"),
    # not one plain address
    ("jo@evil.example@kent.gov.uk", "kent.gov.uk", "two @ signs"),
    ('"jo@kent.gov.uk"@evil.example', "kent.gov.uk", "quoted local part"),
    ("jo@kent.gov.uk>", "kent.gov.uk", "stray bracket"),
    (" jo@kent.gov.uk", "kent.gov.uk", "leading space"),
    ("jo@kent.gov.uk ", "kent.gov.uk", "trailing space"),
    ("jo@", "kent.gov.uk", "no host"),
    ("@kent.gov.uk", "kent.gov.uk", "no local part"),
    ("", "kent.gov.uk", "empty"),
    # a bare public suffix is nobody's domain
    ("jo@kent.gov.uk", "gov.uk", "public suffix"),
    ("jo@kent.gov.uk", "uk", "top-level domain"),
]


@pytest.mark.parametrize("address,domain", MATCHES)
def test_address_at_domain(address, domain):
    assert address_at_domain(address, domain)


@pytest.mark.parametrize("address,domain,why", NEVER, ids=[case[2] for case in NEVER])
def test_never_matches(address, domain, why):
    assert not address_at_domain(address, domain)


@pytest.mark.parametrize(
    "domain,expected",
    [
        ("KENT.gov.uk", "kent.gov.uk"),
        ("bücher.example", "xn--bcher-kva.example"),
        ("k\u0435nt.gov.uk", "xn--knt-rdd.gov.uk"),
        ("kent.gov.uk.", None),
        (" kent.gov.uk", None),
        ("kent", None),
        ("kent gov.uk", None),
        ("", None),
    ],
)
def test_domain_normalised(domain, expected):
    assert domain_normalised(domain) == expected


@pytest.mark.parametrize(
    "domain,problem",
    [
        ("kent.gov.uk", None),
        ("gov.uk", "shared by many organisations"),
        ("kent.gov.uk.", "without a trailing dot"),
        ("https://www.kent.gov.uk/", "Enter a domain such as"),
    ],
)
def test_domain_problem_for_the_manager(domain, problem):
    found = domain_problem(domain)
    assert (found is None) if problem is None else (problem in found)


def test_addresses_compare_in_lower_case_after_encoding():
    assert address_normalised("Jo.Bloggs@BÜCHER.Example") == "jo.bloggs@xn--bcher-kva.example"
    assert address_normalised("jo@evil.example@kent.gov.uk") is None
    assert is_sub_addressed("jo+x@kent.gov.uk") and not is_sub_addressed("jo@kent.gov.uk")


def test_domains_of_address_lists_host_and_parents():
    assert domains_of_address("jo@procurement.KENT.gov.uk") == [
        "procurement.kent.gov.uk",
        "kent.gov.uk",
        "gov.uk",
    ]
    assert domains_of_address("jo@kent.gov.uk.") == []
