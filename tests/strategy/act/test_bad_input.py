# ruff: noqa: E501 (one hostile address a line reads best)
"""Hostile input across the Act tools: a 4xx with a GOV.UK error summary, typed answers kept."""

import html

import pytest


pytestmark = pytest.mark.django_db

BASE = "/procurement-act/"
GOOD = (
    "start_day=2&start_month=3&start_year=2026&authority=council&contract_for=services"
    "&kind=standard&route=competitive&value=250000"
)
TIMELINE = (
    "procedure=open&authority=council&electronic=on&all_documents=on"
    "&tender_notice_day=2&tender_notice_month=3&tender_notice_year=2026"
)


def swap(query: str, **changes) -> str:
    """The query with some answers replaced (None drops one)."""
    pairs = dict(p.split("=", 1) for p in query.split("&"))
    for name, value in changes.items():
        if value is None:
            pairs.pop(name, None)
        else:
            pairs[name] = value
    return "&".join(f"{k}={v}" for k, v in pairs.items())


# Addresses no form makes, with answers changed by hand: refused, with nothing to keep.
TAMPERED = {
    "null byte": f"{BASE}check/value/?{swap(GOOD, value='12%0034')}&continue=1",
    "very long value": f"{BASE}check/value/?{swap(GOOD, value='9' * 500)}&continue=1",
    "tampered result: authority": f"{BASE}check/result/?{swap(GOOD, authority='nope')}",
    "tampered result: route": f"{BASE}check/result/?{swap(GOOD, route='framework-foo')}",
    "tampered result: no type": f"{BASE}check/result/?{swap(GOOD, kind=None)}",
    "tampered result: year 0": f"{BASE}check/result/?{swap(GOOD, start_year='0')}",
    "tampered result: repeated value": f"{BASE}check/result/?{GOOD}&value=abc",
    "tampered answers page": f"{BASE}check/answers/?{swap(GOOD, contract_for='Infinity')}",
    "tampered notices route": f"{BASE}notices/which-do-i-need/?{swap(GOOD, value='-1')}",
}
# Addresses of steps, notices and files that do not exist.
UNKNOWN = {
    "unknown step": f"{BASE}check/not-a-step/?{GOOD}",
    "unknown notice": f"{BASE}notices/UK99/",
    "unknown data file": f"{BASE}data/passwords.csv",
    "timeline: nothing": f"{BASE}timeline/result/",
}

# (what it is, address, text the page must keep or None)
HOSTILE = [
    (
        "day not a number",
        f"{BASE}check/start-date/?start_day=abc&start_month=3&start_year=2026&continue=1",
        "abc",
    ),
    (
        "31 February",
        f"{BASE}check/start-date/?start_day=31&start_month=2&start_year=2026&continue=1",
        "31",
    ),
    (
        "before 2015",
        f"{BASE}check/start-date/?start_day=1&start_month=1&start_year=2014&continue=1",
        "2014",
    ),
    (
        "year 99999",
        f"{BASE}check/start-date/?start_day=1&start_month=1&start_year=99999&continue=1",
        "99999",
    ),
    (
        "year 2100",
        f"{BASE}check/start-date/?start_day=1&start_month=1&start_year=2100&continue=1",
        "2100",
    ),
    ("day only", f"{BASE}check/start-date/?start_day=5&continue=1", "5"),
    (
        "negative day",
        f"{BASE}check/start-date/?start_day=-1&start_month=3&start_year=2026&continue=1",
        "-1",
    ),
    (
        "month 13",
        f"{BASE}check/start-date/?start_day=1&start_month=13&start_year=2026&continue=1",
        "13",
    ),
    (
        "Arabic-Indic digits",
        f"{BASE}check/start-date/?start_day=%D9%A1&start_month=3&start_year=2026&continue=1",
        "\u0661",
    ),
    (
        "nothing chosen",
        f"{BASE}check/authority/?{swap(GOOD, authority=None, contract_for=None, kind=None, route=None, value=None)}&continue=1",
        None,
    ),
    (
        "unknown authority",
        f"{BASE}check/authority/?{swap(GOOD, authority='martian', contract_for=None, kind=None, route=None, value=None)}&continue=1",
        None,
    ),
    ("value not a number", f"{BASE}check/value/?{swap(GOOD, value='abc')}&continue=1", "abc"),
    ("negative value", f"{BASE}check/value/?{swap(GOOD, value='-5000')}&continue=1", "-5000"),
    ("zero value", f"{BASE}check/value/?{swap(GOOD, value='0')}&continue=1", None),
    ("exponent", f"{BASE}check/value/?{swap(GOOD, value='1e9')}&continue=1", "1e9"),
    (
        "absurd value",
        f"{BASE}check/value/?{swap(GOOD, value='999999999999999')}&continue=1",
        "999999999999999",
    ),
    (
        "three decimal places",
        f"{BASE}check/value/?{swap(GOOD, value='12.345')}&continue=1",
        "12.345",
    ),
    ("NaN", f"{BASE}check/value/?{swap(GOOD, value='NaN')}&continue=1", "NaN"),
    (
        "markup",
        f"{BASE}check/value/?{swap(GOOD, value='%3Cscript%3Ealert(1)%3C/script%3E')}&continue=1",
        "<script>alert(1)</script>",
    ),
    *[(what, url, None) for what, url in {**TAMPERED, **UNKNOWN}.items()],
    (
        "timeline: unknown procedure",
        f"{BASE}timeline/result/?{swap(TIMELINE, procedure='closed')}",
        None,
    ),
    (
        "timeline: 30 February",
        f"{BASE}timeline/result/?{swap(TIMELINE, tender_notice_day='30', tender_notice_month='2')}",
        "30",
    ),
    (
        "timeline: before the Act",
        f"{BASE}timeline/result/?{swap(TIMELINE, tender_notice_year='2024')}",
        "2024",
    ),
    (
        "timeline: open with pre-selected",
        f"{BASE}timeline/result/?{TIMELINE}&pre_selected=on",
        None,
    ),
    (
        "timeline: negotiated alone",
        f"{BASE}timeline/result/?{swap(TIMELINE, procedure='competitive-flexible')}&negotiated=on",
        None,
    ),
    (
        "timeline: award before notice",
        f"{BASE}timeline/result/?{TIMELINE}&award_notice_day=1&award_notice_month=1&award_notice_year=2026",
        None,
    ),
    (
        "timeline: invitation with open",
        f"{BASE}timeline/result/?{TIMELINE}&invitation_day=9&invitation_month=3&invitation_year=2026",
        None,
    ),
    (
        "timeline calendar, bad",
        f"{BASE}timeline/result/timeline.ics?{swap(TIMELINE, tender_notice_year='x')}",
        "x",
    ),
    (
        "timeline CSV, bad",
        f"{BASE}timeline/result/timeline.csv?{swap(TIMELINE, authority='%27%3B--')}",
        None,
    ),
]


def test_at_least_25_hostile_inputs():
    assert len(HOSTILE) >= 25


@pytest.mark.parametrize(("what", "url", "kept"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_gets_a_4xx_never_a_500(client, what, url, kept):
    response = client.get(url)
    assert 400 <= response.status_code < 500, (what, response.status_code)
    body = response.content.decode()
    if response.status_code == 400:
        assert "govuk-error-summary" in body, what
        assert "There is a problem" in body, what
        if kept is not None:
            assert html.escape(kept) in body, (what, kept)
        assert "<script>alert" not in body


def test_a_page_of_answers_keeps_every_answer_after_an_error(client):
    response = client.get(
        f"{BASE}timeline/result/?{TIMELINE}&urgency=on&tender_notice_day=30&tender_notice_month=2"
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="30"' in body and 'value="2026"' in body
    assert 'id="id_urgency" name="urgency" type="checkbox" value="on" checked' in body
    assert 'value="open" checked' in body
