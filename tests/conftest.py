"""Fixtures shared by the whole suite.

Unit tests start from the migrated database and build what they need with the factories in
tests/. `demo_site` gives a test the whole demo site, built by the demo command itself: the tests
that ask for it run one after another (in one xdist group), and the command runs once for them
all, in a transaction rolled back after the last. Each of those tests runs inside it in a
transaction of its own, as every database test does, so it may change the demo freely. Browser
tests need committed rows and have their own `demo_site` (tests/browser/conftest.py). When adding
a test:
- prefer factories; ask for `demo_site` only where the test is about the whole site or the demo;
  for the demo command's second run ask for `rerun_demo_command`, for the search index ask for
  `indexed_demo_site`;
- the demo is in place before any of the test's own fixtures run, and they may change it too.
"""

import os
import shutil

import pytest

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Site


# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Kept by the session fixtures for the hooks below: the migrated database's rows as a fixture
# file with pytest-django's django_db_blocker, and the shared demo.
MIGRATED = pytest.StashKey[tuple]()
SHARED_DEMO = pytest.StashKey["SharedDemo"]()


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


def shares_demo(item) -> bool:
    """Whether the item runs inside the shared demo."""
    return "demo_site" in getattr(item, "fixturenames", ()) and not transactional(item)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Run the demo's tests one after another, in one xdist group, and the browser tests in one.

    Every other test keeps to its file's group (`--dist loadgroup`, as `--dist loadfile` would).
    Browser tests are skipped cleanly where no Chromium is installed.
    """
    items.sort(key=shares_demo)  # pytest-django's sort by kind, which follows, keeps this order
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")
    grouped = getattr(config.option, "loadgroup", False)  # an xdist worker, --dist loadgroup
    for item in items:
        browser = "browser" in item.keywords
        if browser and not CHROMIUM:
            item.add_marker(skip)
        if grouped:
            group = "demo" if shares_demo(item) else "browser" if browser else item.path.name
            item.add_marker(pytest.mark.xdist_group(group))


class SharedDemo:
    """The demo site, built by the demo command in a transaction that is rolled back later."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None

    def open(self):
        """Build the demo, unless it is in place."""
        if self.atomic is not None:
            return
        self.blocker.unblock()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        call_command("load_demo_data", "--no-index", verbosity=0)
        cache.clear()

    def close(self):
        """Roll the demo back, if it is in place."""
        if self.atomic is None:
            return
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        self.atomic = None
        self.blocker.restore()
        cache.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """Build the shared demo again for a test that needs it, should it have been rolled back."""
    demo = item.config.stash.get(SHARED_DEMO, None)
    if demo is not None and shares_demo(item):
        demo.open()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Roll the shared demo back after its last test; after a transactional test, put back the
    migrations' rows for the next test.

    A transactional test ends by emptying every table, then remakes content types and permissions
    under new ids. Run alone, pytest-django orders such tests last; a parallel worker (pytest -n)
    may run an ordinary test after one, which would then find no locale, roles or page tree.
    """
    result = yield
    demo = item.config.stash.get(SHARED_DEMO, None)
    if demo is not None and (nextitem is None or not shares_demo(nextitem)):
        demo.close()
    if nextitem is not None and transactional(item):
        fixture, blocker = item.config.stash[MIGRATED]
        with blocker.unblock():
            # Empty again, without the content types and permissions the flush remade.
            call_command("flush", inhibit_post_migrate=True, interactive=False, verbosity=0)
            call_command("loaddata", fixture, verbosity=0)
    return result


@pytest.fixture
def home(db):
    """A bare home page as the default site's root."""
    from tests.factories import home_as_default_site

    return home_as_default_site(title="Procurement Knowledge Hub")


@pytest.fixture(scope="session")
def shared_demo(django_db_setup, django_db_blocker, pytestconfig):
    """The demo, built for the first test that needs it; see SharedDemo and the hooks above."""
    demo = SharedDemo(django_db_blocker)
    pytestconfig.stash[SHARED_DEMO] = demo
    demo.open()
    return demo


@pytest.fixture
def demo_site(shared_demo, db):
    """The full demo site, as the demo-content command builds it; see the module docstring."""
    return Site.objects.get(is_default_site=True)


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
def django_db_setup(django_db_setup, django_db_blocker, pytestconfig, tmp_path_factory):
    """The test database, its rows as the migrations left them kept as a fixture file.

    Browser tests open connections Django never closes; at the end their sessions are ended, or
    the database could not be dropped.
    """
    from django.db import connection

    fixture = str(tmp_path_factory.mktemp("migrated") / "migrated.json")
    # On SQLite, triggers fill the full-text table from the search index's rows.
    models = {model._meta.label_lower for model in apps.get_models()}
    exclude = ["sessions", *models & {"wagtailsearch.sqliteftsindexentry"}]
    with django_db_blocker.unblock():
        call_command("dumpdata", exclude=exclude, output=fixture, verbosity=0)
    pytestconfig.stash[MIGRATED] = (fixture, django_db_blocker)
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
