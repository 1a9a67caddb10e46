"""The database's tables and their versions (PRAGMA user_version), migrated forward on open.

MIGRATIONS[n] takes a database at version n to version n + 1. A released step is never edited:
a change to the schema is a new step at the end, so every older file can still be brought forward.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

APPLICATION_ID = 0x5A4A5458  # "ZJTX": tells our database files from any other SQLite file
OWN_TABLES = frozenset({"companies", "profile_values", "changes", "audit", "evaluations", "packets", "meta"})


def _create_tables(db: sqlite_utils.Database) -> None:
    db["companies"].create({"id": int, "name": str, "uscc": str, "created_at": str, "updated_at": str},
                           pk="id", not_null={"name", "created_at", "updated_at"}, defaults={"name": ""})
    db["companies"].create_index(["uscc"], unique=True)
    # WITHOUT ROWID: the (company, key) primary key is the table, not an extra index beside it.
    db.execute("CREATE TABLE profile_values (company_id INTEGER NOT NULL REFERENCES companies(id), "
               "key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (company_id, key)) WITHOUT ROWID")
    # One change (a save, or one firm of an import) has one time and source; its audit rows are the
    # fields it changed. No foreign key to companies: a deleted firm's history stays readable.
    db["changes"].create({"id": int, "time": str, "source": str}, pk="id", not_null={"time", "source"})
    db["audit"].create({"id": int, "change_id": int, "company_id": int, "key": str, "old": str, "new": str},
                       pk="id", not_null={"change_id", "company_id", "key"},
                       foreign_keys=[("change_id", "changes", "id")])
    db["audit"].create_index(["company_id"])
    db["evaluations"].create({"id": int, "company_id": int, "created_at": str, "on_date": str, "policy_id": str,
                              "total": str, "evaluation": str}, pk="id",
                             not_null={"company_id", "created_at", "on_date", "policy_id", "total", "evaluation"},
                             foreign_keys=[("company_id", "companies", "id")])
    db["evaluations"].create_index(["company_id"])
    db["packets"].create({"id": int, "company_id": int, "evaluation_id": int, "created_at": str, "path": str},
                         pk="id", not_null={"company_id", "evaluation_id", "created_at", "path"},
                         foreign_keys=[("company_id", "companies", "id"),
                                                ("evaluation_id", "evaluations", "id")])
    db["packets"].create_index(["company_id"])
    db["meta"].create({"company_id": int, "key": str, "value": str}, pk=("company_id", "key"), not_null={"value"},
                      foreign_keys=[("company_id", "companies", "id")])


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_create_tables]


def schema_version() -> int:
    """The version this program writes: the number of migration steps."""
    return len(MIGRATIONS)


def migrate(db: sqlite_utils.Database, found: int) -> None:
    """Bring a database from version `found` to this program's, each step in its own transaction.

    The application id is written in the same transaction as each step: a crash can never leave a
    file with our tables and no id, which the next open would take for another program's database.
    """
    for version in range(found, schema_version()):
        with db.atomic():
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:  # left without it by an older version
        with db.atomic():
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
