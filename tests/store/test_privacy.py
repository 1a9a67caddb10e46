"""A deleted firm's personal data does not outlive it, and the files the program writes are its user's alone."""

import os
import sqlite3
import stat

import pytest
from store_helpers import example_raw

from zjtx_desktop.cli import main
from zjtx_desktop.store import Database, list_backups
from zjtx_desktop.store.locations import backups_dir, damaged_dir, database_path, lock_path, sidecar_files

PERSONAL = {"bank_account": "62220219870605123456", "contact_mobile": "13912345678", "legal_representative": "欧阳秘密"}


def holds(path, text: str) -> bool:
    return path.exists() and text.encode("utf-8") in path.read_bytes()


def test_deleting_a_firm_removes_its_history_from_the_database_and_later_backups(data_dir):
    with Database.open(data_dir) as db:
        keep = db.create_company(example_raw(1))
        firm = db.create_company({**example_raw(0), **PERSONAL})
        for value in ("101", "102", "103"):
            db.save_field(firm, "revenue", value)
        db.save_field(firm, "contact_mobile", "13912345679")
        pre_delete = db.delete_company(firm)
        assert db.company_history(firm)[-1].key == ""  # the deletion itself is recorded, nothing else
        assert len(db.company_history(firm)) == 1 and db.company_history(keep)
        assert db.conn.execute("SELECT count(*) FROM audit WHERE company_id = ?", [firm]).fetchone()[0] == 1
        files = [database_path(data_dir), *sidecar_files(database_path(data_dir))]
        for text in (*PERSONAL.values(), "13912345679"):
            assert not any(holds(path, text) for path in files), text
    later = [p for p in list_backups(data_dir) if p.stem.endswith("-close")][0]
    for text in PERSONAL.values():
        assert not holds(later, text), text
        assert holds(pre_delete, text)  # recovery is still possible from the backup taken just before


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_database_backups_and_exports_are_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        data = tmp_path / "data"
        with Database.open(data) as db:
            firm = db.create_company(example_raw(0))
            db.backup()
            db.export_json(firm, tmp_path / "firm.json")
            db.export_excel(tmp_path / "all.xlsx")
            open_files = [database_path(data), *(p for p in sidecar_files(database_path(data)) if p.exists())]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in open_files}
        Database.restore(data, list_backups(data)[0])
        assert main(["template", "--out", str(tmp_path / "t.xlsx")]) == 0
        assert main(["evaluate", "--all", "--out", str(tmp_path / "r.xlsx"), "--data-dir", str(data)]) == 0
        assert main(["backup", "--out", str(tmp_path / "copy.db"), "--data-dir", str(data)]) == 0
    finally:
        os.umask(old)
    files = [database_path(data), lock_path(data), *list_backups(data), *damaged_dir(data).iterdir(),
             *(tmp_path / name for name in ("firm.json", "all.xlsx", "t.xlsx", "r.xlsx", "copy.db"))]
    modes |= {str(p): stat.S_IMODE(p.stat().st_mode) for p in files}
    folders = [data, backups_dir(data), damaged_dir(data)]
    modes |= {str(p): stat.S_IMODE(p.stat().st_mode) for p in folders}
    assert {name: oct(mode) for name, mode in modes.items() if mode & 0o077} == {}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_database_an_older_version_left_readable_by_others_is_made_private(data_dir):
    with Database.open(data_dir):
        pass
    os.chmod(database_path(data_dir), 0o644)
    with Database.open(data_dir):
        pass
    assert stat.S_IMODE(database_path(data_dir).stat().st_mode) == 0o600
    conn = sqlite3.connect(database_path(data_dir))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
