"""Fixtures shared by the whole suite.

`demo_site` gives a test the full demo content. The demo command runs once per test run
(`demo_rows`, through call_command in a transaction that is then rolled back), and each test that
asks for `demo_site` gets its own copy of those rows in well under a second (plain SQL inserts of
the values the command left), so a test may change the demo freely: its changes are rolled back
(or flushed, in browser tests) before the next test. Tests that do not ask for it start from an
empty, migrated database; unit tests build what they need with the factories in tests/. When
adding a test:
- prefer factories; ask for `demo_site` only where the test is about the whole site or the demo,
  never call `load_demo_data` (it takes tens of seconds); for the demo command's second run ask
  for `rerun_demo_command`, and for the search index ask for `indexed_demo_site`: both are built
  once per run, like the demo;
- ask for `demo_site` before any fixture that writes: the copy replaces every table's rows;
- new models need nothing here: the copy covers every table the migrations create.
"""

import os
import shutil

import pytest

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from wagtail.models import Site


# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Tables the demo copy leaves alone: migrations write the same content types and permissions in
# every test database, and SQLite triggers keep the full-text tables in step with the index table.
NOT_DEMO = {
    "contenttypes.ContentType",
    "auth.Permission",
    "sessions.Session",
    "wagtailsearch.SQLiteFTSIndexEntry",
    "modelsearch.SQLiteFTSIndexEntry",
}

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# pytest-django's django_db_blocker, kept by django_db_setup for the teardown hook below.
DB_BLOCKER = pytest.StashKey()


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


def _restores_serialized_data(item) -> bool:
    """Whether the item is a transactional test that restores the migrations' rows at its start."""
    marker = item.get_closest_marker("django_db")
    if marker is None:
        return False
    transactional = marker.kwargs.get("transaction") or "live_server" in item.fixturenames
    return bool(transactional and marker.kwargs.get("serialized_rollback"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put back the migrations' rows after a transactional test, unless the next test does so.

    A transactional test ends by emptying every table. Run alone, pytest-django orders such tests
    last; a parallel worker (pytest -n) may run an ordinary test after one, which would then find
    no locale, roles or content types.
    """
    result = yield
    if (
        nextitem is not None
        and _restores_serialized_data(item)
        and not _restores_serialized_data(nextitem)
    ):
        with item.config.stash[DB_BLOCKER].unblock():
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    return result


def pytest_collection_modifyitems(config, items):
    """Skip browser tests cleanly where no Chromium is installed."""
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def home(db):
    """A bare home page as the default site's root."""
    from tests.factories import home_as_default_site

    return home_as_default_site(title="Procurement Knowledge Hub")


class _Discard(Exception):
    """Raised to roll back the one-off demo build once its rows are read."""


def demo_models():
    """Every model with a table the demo may write to, join tables included."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model._meta.label not in NOT_DEMO
    ]


def table_rows(model) -> list[tuple[str, list]]:
    """INSERTs of the model's own table's rows, as the database stores them, a batch each."""
    fields = [
        field
        for field in model._meta.get_fields(include_parents=False)
        if field.concrete and not field.many_to_many
    ]
    objs = list(model._base_manager.order_by("pk"))
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    row = "({})".format(", ".join(["%s"] * len(fields)))
    size = connection.ops.bulk_batch_size(fields, objs) or 1
    return [
        (
            # Names from the models' own metadata, quoted; the values go as parameters.
            f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES "  # noqa: S608
            + ", ".join([row] * len(batch)),
            [
                field.get_db_prep_save(getattr(obj, field.attname), connection)
                for obj in batch
                for field in fields
            ],
        )
        for batch in (objs[i : i + size] for i in range(0, len(objs), size))
    ]


def write_rows(rows):
    """Replace every demo table's rows with the given rows."""
    with transaction.atomic(), connection.cursor() as cursor:
        # DELETE, not TRUNCATE: most tables are empty, and foreign keys are checked at commit.
        for model in rows:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
        for inserts in rows.values():
            for sql, values in inserts:
                cursor.execute(sql, values)
        for sql in connection.ops.sequence_reset_sql(no_style(), list(rows)):
            cursor.execute(sql)
    cache.clear()


def rows_after(django_db_blocker, *commands, start=None):
    """Each demo table's rows once the commands ran, from start's rows; then rolled back."""
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                if start is not None:
                    write_rows(start)
                for command in commands:
                    call_command(*command, verbosity=0)
                rows = {model: table_rows(model) for model in demo_models()}
                raise _Discard
        except _Discard:
            pass
    cache.clear()
    return rows


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """Each table's rows once the demo command has run: built once per run, then rolled back."""
    return rows_after(django_db_blocker, ("load_demo_data", "--no-index"))


@pytest.fixture(scope="session")
def demo_rerun_rows(demo_rows, django_db_blocker):
    """Each table's rows once the demo command has run a second time on the demo: built once."""
    return rows_after(django_db_blocker, ("load_demo_data", "--no-index"), start=demo_rows)


@pytest.fixture(scope="session")
def indexed_demo_rows(demo_rows, django_db_blocker):
    """Each table's rows once the demo is in the search index: built once per run."""
    return rows_after(django_db_blocker, ("update_index",), start=demo_rows)


@pytest.fixture
def demo_site(db, demo_rows):
    """The full demo site, as the demo-content command builds it; see the module docstring."""
    write_rows(demo_rows)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def rerun_demo_command(demo_site, demo_rerun_rows):
    """A second run of the demo command on demo_site: puts in place the rows that run left."""
    return lambda: write_rows(demo_rerun_rows)


@pytest.fixture
def indexed_demo_site(db, indexed_demo_rows):
    """The demo site with every page in the search index, as `load_demo_data` builds it."""
    write_rows(indexed_demo_rows)
    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, pytestconfig):
    """The test database, with its serialized contents visible from every connection object.

    Browser tests run inside Playwright's event loop, where Django opens a new connection object
    without the contents serialized at setup. Serialized rollback would then restore nothing and
    later browser tests would start from an empty database. Those connection objects are never
    closed by Django, so at the end their sessions are ended, or the database could not be dropped.
    """
    from django.db import DEFAULT_DB_ALIAS, connections

    pytestconfig.stash[DB_BLOCKER] = django_db_blocker
    # The suite uses one database; a class attribute reaches every connection object to it.
    default = connections[DEFAULT_DB_ALIAS]
    contents = getattr(default, "_test_serialized_contents", None)
    if contents is not None:
        type(default)._test_serialized_contents = contents
    yield
    if default.vendor == "postgresql":
        with django_db_blocker.unblock(), default.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def page_cache(settings):
    """The page cache switched on, empty before and after the test."""
    from django.core.cache import cache

    from hub.page_cache import cache_was_down, recent

    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    recent.clear()
    cache_was_down.clear()
    yield cache
    cache.clear()
    recent.clear()
