"""The demo site's rows, read once per test process, and copied into a test's database.

A copy takes well under a second (plain SQL inserts of the values the demo command left), where
loading the same rows with loaddata takes several seconds; browser tests commit theirs, for the
live server's thread.
"""

import pytest

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from wagtail.models import Site


# Tables the demo copy leaves alone: migrations write the same content types and permissions in
# every test database, and SQLite triggers keep the full-text tables in step with the index table.
NOT_DEMO = {
    "contenttypes.ContentType",
    "auth.Permission",
    "sessions.Session",
    "wagtailsearch.SQLiteFTSIndexEntry",
    "modelsearch.SQLiteFTSIndexEntry",
}


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


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """Each table's rows once the demo command has run: built once per run, then rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", "--no-index", verbosity=0)
        rows = {model: table_rows(model) for model in demo_models()}
        transaction.set_rollback(True)
    cache.clear()
    return rows


def copy_demo(demo_rows):
    """Replace every demo table's rows with the demo's; the default site."""
    with transaction.atomic(), connection.cursor() as cursor:
        # DELETE, not TRUNCATE: most tables are empty, and foreign keys are checked at commit.
        for model in demo_rows:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
        for inserts in demo_rows.values():
            for sql, values in inserts:
                cursor.execute(sql, values)
        for sql in connection.ops.sequence_reset_sql(no_style(), list(demo_rows)):
            cursor.execute(sql)
    cache.clear()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_site(db, demo_rows):
    """The full demo site, as the demo-content command builds it (see tests/conftest.py)."""
    return copy_demo(demo_rows)
