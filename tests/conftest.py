"""Fixtures shared by the whole suite.

Unit tests start from the migrated database and build what they need with the factories in
tests/. `demo_site` gives a test the whole demo site: the demo command runs once per test
process (`demo_rows`, in a transaction that is then rolled back), and each test that asks for it
gets its own copy of the rows the command left (tests/demo_copy.py), inside its own transaction,
so it may change the demo freely. When adding a test:
- prefer factories; ask for `demo_site` only where the test is about the whole site or the demo;
  for the demo command's second run ask for `rerun_demo_command`, for the search index ask for
  `indexed_demo_site`;
- ask for `demo_site` before any fixture that writes: the copy replaces every table's rows.
"""

import os
import shutil

import pytest

from django.core.cache import cache
from django.core.management import call_command


# demo_rows and demo_site.
pytest_plugins = ["tests.demo_copy"]

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Kept by django_db_setup for the teardown hook below: the migrated database's rows, with
# pytest-django's django_db_blocker.
MIGRATED = pytest.StashKey[tuple]()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive the system's Chromium; never a downloaded browser."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def transactional(item) -> bool:
    """Whether the item commits for real (pytest-django's transactional_db)."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or "live_server" in fixtures
        or "transactional_db" in fixtures
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests first, skipped cleanly where no Chromium is installed.

    pytest-django puts tests that commit last, and the browser files are the longest: a worker
    that takes one late runs on alone while the others stand idle. Run first, the short files
    fill in around them (the teardown hook below makes any order safe).
    """
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords and not CHROMIUM:
            item.add_marker(skip)
    items.sort(key=lambda item: "browser" not in item.keywords)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, put back the migrations' rows for the next test.

    A transactional test ends by emptying every table, then remakes content types and permissions
    under new ids. Run alone, pytest-django orders such tests last; a parallel worker (pytest -n)
    may run an ordinary test after one, which would then find no locale, roles or page tree.
    """
    result = yield
    if nextitem is not None and transactional(item):
        from django.contrib.contenttypes.models import ContentType

        from tests.demo_copy import copy_rows

        rows, blocker = item.config.stash[MIGRATED]
        with blocker.unblock():
            copy_rows(rows)
        # The remade content types' ids may be remembered; the rows put back have the first ones.
        ContentType.objects.clear_cache()
    return result


@pytest.fixture
def home(db):
    """A bare home page as the default site's root."""
    from tests.factories import home_as_default_site

    return home_as_default_site(title="Procurement Knowledge Hub")


@pytest.fixture
def rerun_demo_command(demo_site):
    """The demo command, to run a second time on demo_site."""
    return lambda: call_command("load_demo_data", "--no-index", verbosity=0)


@pytest.fixture
def indexed_demo_site(demo_site):
    """The demo site with every page in the search index, as `load_demo_data` builds it."""
    call_command("update_index", verbosity=0)
    return demo_site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, pytestconfig):
    """The test database, its rows as the migrations left them kept for the teardown hook.

    Browser tests open connections Django never closes; at the end their sessions are ended, or
    the database could not be dropped.
    """
    from django.db import connection

    from tests.demo_copy import copied_models, table_rows

    with django_db_blocker.unblock():
        rows = {model: table_rows(model) for model in copied_models()}
    pytestconfig.stash[MIGRATED] = (rows, django_db_blocker)
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def page_cache(settings):
    """The page cache switched on, empty before and after the test."""
    from hub.page_cache import cache_was_down, recent

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    recent.clear()
    cache_was_down.clear()
    yield cache
    cache.clear()
    recent.clear()
