"""Tables' rows read once per test process, and copied back into a test's database.

Two sets: the rows the migrations leave (put back after each test that commits, see
tests/conftest.py), and the rows the demo command adds (`demo_site`). A copy takes well under a
second (plain SQL inserts of the stored values), where dumpdata and loaddata of the same rows take
several seconds; browser tests commit theirs, for the live server's thread.
"""

import pytest

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from wagtail.models import Site


# Tables never copied: SQLite triggers keep the full-text tables in step with the index table.
NOT_COPIED = {
    "sessions.Session",
    "wagtailsearch.SQLiteFTSIndexEntry",
    "modelsearch.SQLiteFTSIndexEntry",
}
# Tables the demo copy leaves alone too: the migrations wrote them, the same in every test.
NOT_DEMO = NOT_COPIED | {"contenttypes.ContentType", "auth.Permission"}


def copied_models(leave_out=NOT_COPIED):
    """Every model with a table of its own, join tables included, but those left out."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model._meta.label not in leave_out
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
        rows = {model: table_rows(model) for model in copied_models(NOT_DEMO)}
        transaction.set_rollback(True)
    cache.clear()
    return rows


def copy_rows(rows) -> None:
    """Replace each table's rows with the stored ones (`rows` as `table_rows` reads them)."""
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


@pytest.fixture
def demo_site(db, demo_rows):
    """The full demo site, as the demo-content command builds it (see tests/conftest.py)."""
    copy_rows(demo_rows)
    return Site.objects.get(is_default_site=True)
