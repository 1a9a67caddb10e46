"""Restore can never leave the folder without a database, and takes everything the backup holds."""

import errno
import os
import shutil
import sqlite3

import pytest
from store_helpers import example_raw, make_uscc

from zjtx_desktop.store import Database, StoreError
from zjtx_desktop.store.checks import read_only_connection
from zjtx_desktop.store.locations import database_path, sidecar_files


def firm_count(data_dir) -> int:
    with Database.open(data_dir, read_only=True) as db:
        return len(db.list_companies())


@pytest.fixture
def two_firms_and_a_one_firm_backup(data_dir):
    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
        backup = db.backup()
        db.create_company(example_raw(1))
    return backup


def test_a_full_disk_during_restore_leaves_the_current_database(data_dir, two_firms_and_a_one_firm_backup,
                                                                 monkeypatch):
    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StoreError) as caught:
        Database.restore(data_dir, two_firms_and_a_one_firm_backup)
    monkeypatch.undo()
    assert "磁盘空间不足" in str(caught.value) and "未作任何改动" in str(caught.value)
    assert database_path(data_dir).is_file() and firm_count(data_dir) == 2
    assert [p.name for p in data_dir.iterdir() if p.name.endswith((".tmp", ".partial"))] == []


def test_restoring_the_current_file_onto_itself_keeps_it(data_dir, two_firms_and_a_one_firm_backup):
    Database.restore(data_dir, database_path(data_dir))
    assert firm_count(data_dir) == 2


def test_restore_replaces_the_data_and_keeps_a_copy_of_what_was_there(data_dir, two_firms_and_a_one_firm_backup):
    kept = Database.restore(data_dir, two_firms_and_a_one_firm_backup)
    assert firm_count(data_dir) == 1
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM companies").fetchone()[0] == 2
    conn.close()


def _copy_of_a_running_folder(source_dir, target, firms: int, first: int = 1) -> None:
    """`target` (with its -wal and -shm) as a copy taken while the program ran, or as the program
    leaves them when it is killed: `firms` more committed firms, most only in the -wal."""
    db = Database.open(source_dir)
    try:
        db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for number in range(first, first + firms):
            db.create_company({**example_raw(0), "uscc": make_uscc(number), "company_name": f"企业{number}"})
        for found, copy in zip([db.path, *sidecar_files(db.path)], [target, *sidecar_files(target)], strict=True):
            shutil.copyfile(found, copy)
    finally:
        db.close()


def in_main_file(path) -> int:
    conn = read_only_connection(path, main_file_only=True)
    try:
        return conn.execute("SELECT count(*) FROM companies").fetchone()[0]
    except sqlite3.OperationalError:  # even the tables are only in the -wal
        return 0
    finally:
        conn.close()


def test_restore_takes_what_the_backups_wal_holds(tmp_path):
    backup = tmp_path / "copy" / "zjtx-copy.db"
    backup.parent.mkdir()
    _copy_of_a_running_folder(tmp_path / "live", backup, 50)
    assert in_main_file(backup) < 50  # the test means something: the WAL holds committed firms
    Database.restore(tmp_path / "data", backup)
    assert firm_count(tmp_path / "data") == 50


def test_a_stale_wal_of_the_replaced_database_is_never_applied_to_the_restored_one(data_dir, tmp_path):
    with Database.open(data_dir) as db:
        db.create_company(example_raw(1))
        backup = db.backup()
    killed = tmp_path / "killed"
    killed.mkdir()
    _copy_of_a_running_folder(data_dir, database_path(killed), 20)  # a folder as a killed program left it
    assert sidecar_files(database_path(killed))[0].stat().st_size > 0
    kept = Database.restore(killed, backup)
    assert firm_count(killed) == 1
    with Database.open(killed) as reopened:
        assert reopened.integrity_problems() == []
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM companies").fetchone()[0] == 21  # the kept copy has the WAL's firms
    conn.close()
