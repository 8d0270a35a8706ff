"""The return's pages read the database a fixed number of times, however many answers and gaps."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from progress.models import Answer
from tests.factories import KeyAreaFactory
from tests.progress.conftest import lead_of
from tests.strategy.factories import ResourceIndexPageFactory, ResourcePageFactory


pytestmark = pytest.mark.django_db


@pytest.fixture
def wide(cycle, medway, home):
    """Medway's return in a cycle of seven key areas, each with four resources filed under it."""
    theme = cycle.areas().first().theme
    cycle.key_areas.add(
        *(
            KeyAreaFactory(theme=theme, name=f"Area {n}", slug=f"area-{n}", sort_order=10 + n)
            for n in range(4)
        )
    )
    library = ResourceIndexPageFactory(parent=home)
    for area in cycle.areas():
        for n in range(4):
            ResourcePageFactory(parent=library, title=f"{area.name} resource {n}", key_areas=[area])
    return medway


def set_council_answers(ret, gaps: int, departments: int = 0):
    """The council's answer to every key area, the first `gaps` of them below target."""
    Answer.objects.filter(return_obj=ret).delete()
    for n, area in enumerate(ret.cycle.areas()):
        for department in ["", *(f"Department {d}" for d in range(departments))]:
            Answer.objects.create(
                return_obj=ret,
                key_area=area,
                department=department,
                current_level=2,
                target_level=4 if n < gaps else 2,
                updated_by=lead_of(ret),
                updated_at=timezone.now(),
            )


def queries(client, url) -> int:
    """How many queries a page takes, once caches a session's first page fills are full."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_results_query_count_does_not_grow_with_the_gaps(client, wide):
    client.force_login(lead_of(wide))
    set_council_answers(wide, gaps=1)
    few = queries(client, wide.url("results"))
    set_council_answers(wide, gaps=7)
    many = queries(client, wide.url("results"))
    assert many <= few, (few, many)


def test_task_list_query_count_does_not_grow_with_the_answers(client, wide):
    client.force_login(lead_of(wide))
    set_council_answers(wide, gaps=1)
    few = queries(client, wide.get_absolute_url())
    set_council_answers(wide, gaps=7, departments=4)
    many = queries(client, wide.get_absolute_url())
    assert many <= few, (few, many)


def test_each_gap_lists_the_newest_three_resources_filed_under_it(client, wide):
    client.force_login(lead_of(wide))
    set_council_answers(wide, gaps=5)
    response = client.get(wide.url("results"))
    gaps = response.context["gaps"]
    assert len(gaps) == 5
    for gap in gaps:
        name = gap["answer"].key_area.name
        titles = [r.title for r in gap["guidance"]["resources"]]
        assert titles == [f"{name} resource {n}" for n in (3, 2, 1)], name


def test_a_managers_key_area_page_loads_the_return_once(client, wide, manager):
    """A manager's key-area page is the council's answer page, with no second look-up."""
    client.force_login(manager)
    set_council_answers(wide, gaps=1, departments=2)
    slug = wide.cycle.areas().first().slug
    area = queries(client, wide.url("area", slug))
    council = queries(client, wide.url("council_answer", slug))
    assert area == council, (area, council)
