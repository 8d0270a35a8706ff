"""The national picture from submitted returns: a direct computation, small groups suppressed."""

import csv
import io
import re
import statistics

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone

from hub.models import Council
from progress.enums import Access, ReturnStatus, Role
from progress.models import Answer, Respondent, Return
from progress.stats import national_picture
from tests.factories import KeyAreaFactory
from tests.progress.conftest import lead_of


pytestmark = pytest.mark.django_db


def make_return(cycle, council, levels, status=ReturnStatus.SUBMITTED, access=Access.DOMAIN):
    """A return with the council's answers, led by an officer verified for it (by default)."""
    ret = Return.objects.create(cycle=cycle, council=council, status=status)
    lead = get_user_model().objects.create_user(f"lead-{ret.pk}", f"lead@{council.slug}.example")
    Respondent.objects.create(
        return_obj=ret, user=lead, role=Role.LEAD, department="Procurement", access=access
    )
    for area, (current, target) in zip(cycle.areas(), levels, strict=True):
        Answer.objects.create(
            return_obj=ret,
            key_area=area,
            current_level=current,
            target_level=target,
            updated_at=timezone.now(),
        )
    return ret


@pytest.fixture
def returns(cycle):
    """Six London boroughs, four districts in the South East, two drafts that must not count."""
    boroughs = Council.objects.filter(council_type__slug="london-borough").order_by("name")[:7]
    districts = Council.objects.current().filter(
        council_type__slug="district-council", region__name="South East"
    )[:5]
    for n, council in enumerate(boroughs[:6]):
        make_return(cycle, council, [(1 + n % 5, 5), (2, 3 + n % 3), (n % 4 + 1, 4)])
    for n, council in enumerate(districts[:4]):
        make_return(cycle, council, [(3, 4), (n % 2 + 1, 2), (5, 5)])
    make_return(cycle, boroughs[6], [(5, 5)] * 3, status=ReturnStatus.DRAFT)
    make_return(cycle, districts[4], [(5, 5)] * 3, status=ReturnStatus.DRAFT)


def direct(cycle, **council_filter):
    """Median current and target and the distribution, straight from the submitted rows."""
    result = {}
    for area in cycle.areas():
        rows = list(
            Answer.objects.filter(
                return_obj__cycle=cycle,
                return_obj__status="submitted",
                department="",
                key_area=area,
                **{f"return_obj__council__{k}": v for k, v in council_filter.items()},
            ).values_list("current_level", "target_level")
        )
        result[area.pk] = (
            statistics.median(r[0] for r in rows),
            statistics.median(r[1] for r in rows),
            [sum(1 for r in rows if r[0] == level) for level in range(1, 6)],
        )
    return result


def as_tuples(group):
    return {
        pk: (f.median_current, f.median_target, f.distribution) for pk, f in group.areas.items()
    }


def test_national_picture_equals_a_direct_computation(cycle, returns):
    groups = {(g.kind, g.name): g for g in national_picture(cycle)}
    overall = groups[("overall", "All councils")]
    assert overall.councils == 10
    assert as_tuples(overall) == direct(cycle)
    london = groups[("type", "London borough")]
    assert london.councils == 6
    assert as_tuples(london) == direct(cycle, council_type__slug="london-borough")
    assert as_tuples(groups[("region", "London")]) == direct(cycle, region__name="London")


def test_groups_of_fewer_than_five_councils_are_suppressed(cycle, returns):
    groups = {(g.kind, g.name): g for g in national_picture(cycle)}
    districts = groups[("type", "District council")]
    assert districts.councils == 4 and districts.suppressed
    assert all(
        f.median_current is None and f.distribution is None for f in districts.areas.values()
    )
    assert districts.overall_current is None
    south_east = groups[("region", "South East")]
    assert south_east.suppressed and south_east.overall_current is None


def test_a_key_area_answered_by_fewer_than_five_councils_is_suppressed(client, cycle, returns):
    """A key area added after returns were in, answered by two of the ten, shows no figure."""
    added = KeyAreaFactory(
        theme=cycle.areas().first().theme, name="Added later", slug="added-later", sort_order=9
    )
    cycle.key_areas.add(added)
    for ret in Return.objects.submitted().order_by("pk")[:2]:
        Answer.objects.create(
            return_obj=ret,
            key_area=added,
            current_level=4,
            target_level=5,
            updated_at=timezone.now(),
        )
    groups = {(g.kind, g.name): g for g in national_picture(cycle)}
    overall = groups[("overall", "All councils")]
    assert overall.councils == 10 and not overall.suppressed
    assert as_tuples(overall)[added.pk] == (None, None, None)
    # The key areas every council answered still show their figures.
    first = cycle.areas().first()
    assert as_tuples(overall)[first.pk] == direct(cycle)[first.pk]
    html = client.get(cycle.get_findings_url()).content.decode()
    for slug in ["medians", "distribution"]:
        table, _ = table_and_csv(client, html, slug)
        row = next(r for r in table if r[0] == "Added later")
        assert set(row[1:]) == {"Fewer than 5 councils"}, slug


def table_and_csv(client, html, chart_slug):
    """The cells of a chart's table and the rows of its CSV download."""
    figure = re.search(rf'<figure[^>]*id="chart-{chart_slug}".*?</figure>', html, re.S).group(0)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", figure, re.S):
        cells = re.findall(
            r"<t[hd][^>]*>(?:<span class=\"data\">)?(.*?)(?:</span>)?</t[hd]>", row, re.S
        )
        rows.append([re.sub(r"\s+", " ", c).strip() for c in cells])
    url = re.search(r'href="([^"]+\.csv)"', figure).group(1)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return rows, list(csv.reader(io.StringIO(response.content.decode())))


def test_findings_charts_are_tables_and_their_csvs_hold_the_same_numbers(client, cycle, returns):
    html = client.get(cycle.get_findings_url()).content.decode()
    for slug in ["medians", "distribution", "by-type", "by-region"]:
        table, rows = table_and_csv(client, html, slug)
        assert table == [[cell.replace("'", "&#x27;") for cell in row] for row in rows], slug
    # The small district group shows no figure anywhere.
    table, _ = table_and_csv(client, html, "by-type")
    assert ["District council (4)", "Fewer than 5 councils", "Fewer than 5 councils"] in table


def test_results_charts_are_tables_and_their_csvs_hold_the_same_numbers(
    client, cycle, returns, officer
):
    from progress.enums import Role

    ret = Return.objects.submitted().filter(council__council_type__slug="london-borough").first()
    client.force_login(officer("lead@example.gov.uk", ret, Role.LEAD))
    html = client.get(ret.url("results")).content.decode()
    for slug in ["profile", "national"]:
        table, rows = table_and_csv(client, html, slug)
        assert table == [[cell.replace("'", "&#x27;") for cell in row] for row in rows], slug
    # Beside the council: the medians of all councils, London boroughs and London.
    _, rows = table_and_csv(client, html, "national")
    area = cycle.areas().first()
    overall = direct(cycle)[area.pk][0]
    london = direct(cycle, council_type__slug="london-borough")[area.pk][0]
    assert rows[1][0] == area.name
    assert rows[1][2:] == [f"{overall:g}", f"{london:g}", f"{london:g}"]


def test_results_name_the_councils_type_and_region(client, medway):
    client.force_login(lead_of(medway))
    html = client.get(medway.url("results")).content.decode()
    _, rows = table_and_csv(client, html, "national")
    assert rows[0][1:] == [
        "This council",
        "Median, All councils (0)",
        "Median, Council type: Unitary authority (0)",
        "Median, Region: South East (0)",
    ]
    assert "authoritys" not in html


def test_a_suppressed_cell_names_the_smallest_group_shown():
    from progress.charts import SUPPRESSED, cell_text
    from progress.stats import MIN_GROUP

    assert cell_text(None) == SUPPRESSED == f"Fewer than {MIN_GROUP} councils"


def test_findings_show_the_levels_by_council_type_and_region(client, cycle, returns):
    """Per cent of answers at each level, per group, equal a direct count; small groups hidden."""

    def per_cent(**council_filter):
        levels = list(
            Answer.objects.filter(
                return_obj__cycle=cycle,
                return_obj__status="submitted",
                department="",
                **{f"return_obj__council__{k}": v for k, v in council_filter.items()},
            ).values_list("current_level", flat=True)
        )
        return [f"{round(100 * levels.count(level) / len(levels))}" for level in range(1, 6)]

    html = client.get(cycle.get_findings_url()).content.decode()
    suppressed = ["Fewer than 5 councils"] * 5
    for slug, rows in [
        (
            "levels-by-type",
            {
                "All councils (10)": per_cent(),
                "District council (4)": suppressed,
                "London borough (6)": per_cent(council_type__slug="london-borough"),
            },
        ),
        (
            "levels-by-region",
            {
                "All councils (10)": per_cent(),
                "London (6)": per_cent(region__name="London"),
                "South East (4)": suppressed,
            },
        ),
    ]:
        table, csv_rows = table_and_csv(client, html, slug)
        assert table == csv_rows, slug
        assert csv_rows[0][1:] == ["Level 1", "Level 2", "Mature", "Leader", "Innovator"]
        assert {row[0]: row[1:] for row in csv_rows[1:]} == rows, slug
