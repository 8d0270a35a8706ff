"""Django's PostgreSQL backend, emptying tables with DELETE where it would TRUNCATE.

A transactional test (browser tests among them) ends with a flush of every table. TRUNCATE makes
new files for each of some 200 tables and their indexes, about a second and more on a busy disk;
DELETE of the few rows a test leaves takes a few milliseconds. Foreign keys are checked at the
flush's commit, so the order does not matter.
"""

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    """PostgreSQL's operations, with a flush that deletes rows."""

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        """DELETE from each table; TRUNCATE where sequences must restart or deletes cascade."""
        if reset_sequences or allow_cascade:
            return super().sql_flush(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in tables
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    """The stock wrapper with the operations above."""

    ops_class = DatabaseOperations
