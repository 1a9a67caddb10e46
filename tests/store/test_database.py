"""Opening a data folder: one writer, damaged and too-new files, migrations, backups, full disk."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_helpers import example_raw

from zjtx_desktop.store import (
    Database,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    DiskFull,
    FolderNotWritable,
    StoreError,
    default_data_dir,
    list_backups,
    schema,
)
from zjtx_desktop.store import lock as lock_module
from zjtx_desktop.store.locations import database_path


def test_a_new_folder_gets_a_wal_database_at_the_current_version(data_dir):
    with Database.open(data_dir) as db:
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
        assert {"companies", "profile_values", "audit", "evaluations", "packets", "meta"} <= set(db.db.table_names())


def test_the_data_folder_follows_the_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("ZJTX_DATA_DIR", str(tmp_path / "elsewhere"))
    assert default_data_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("ZJTX_DATA_DIR")
    assert default_data_dir().name == "zjtx_desktop"


def test_a_second_writer_in_the_same_process_is_refused_but_may_read(db, data_dir):
    with pytest.raises(DatabaseLocked, match="请先关闭那个窗口"):
        Database.open(data_dir)
    with Database.open(data_dir, read_only=True) as viewer:
        assert viewer.list_companies() == []


HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from zjtx_desktop.store import Database
    db = Database.open(Path(sys.argv[1]))
    print("ready", flush=True)
    sys.stdin.read()
""")


def test_a_second_process_is_refused_until_the_first_one_dies(data_dir):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseLocked):
            Database.open(data_dir)
    finally:
        holder.kill()
        holder.wait()
    Database.open(data_dir).close()  # the OS released the lock of the killed process


def test_a_newer_database_is_refused_and_left_untouched(data_dir):
    Database.open(data_dir).close()
    path = database_path(data_dir)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.schema_version() + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="请安装最新版本") as caught:
        Database.open(data_dir)
    assert "未作任何改动" in str(caught.value)
    assert path.read_bytes() == before
    with pytest.raises(DatabaseTooNew):
        Database.open(data_dir, read_only=True)


def _a_folder_with_backups(data_dir: Path) -> None:
    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
    Database.open(data_dir).close()


@pytest.mark.parametrize("damage", ["truncated", "random_bytes", "zeroed_middle"])
def test_a_damaged_file_is_kept_aside_and_the_latest_backup_offered(data_dir, damage):
    _a_folder_with_backups(data_dir)
    path = database_path(data_dir)
    content = path.read_bytes()
    damaged = {"truncated": content[:50], "random_bytes": bytes(range(256)) * 40,
               "zeroed_middle": content[:100] + b"\xff" * (len(content) - 200) + content[-100:]}[damage]
    path.write_bytes(damaged)
    with pytest.raises(DatabaseDamaged) as caught:
        Database.open(data_dir)
    error = caught.value
    assert error.damaged_path.read_bytes() == damaged and not path.exists()
    assert error.backups == list_backups(data_dir) and error.backups
    assert "zjtx-desktop restore" in str(error) and error.backups[0].name in str(error)
    Database.restore(data_dir, error.backups[0])
    with Database.open(data_dir) as db:
        assert db.list_companies()[0].name == "厦门海湾智联科技有限公司"


def test_a_damaged_file_opened_read_only_is_not_moved(data_dir):
    data_dir.mkdir()
    database_path(data_dir).write_bytes(b"not a database at all" * 10)
    with pytest.raises(DatabaseDamaged, match="未作改动"):
        Database.open(data_dir, read_only=True)
    assert database_path(data_dir).exists()


def test_restore_refuses_a_file_that_is_not_our_backup_and_changes_nothing(db, data_dir, tmp_path):
    db.create_company(example_raw(0))
    db.close()
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 5000)
    for bad, message in ((foreign, "不是本软件的"), (junk, "不能用于恢复"), (tmp_path / "none.db", "找不到备份文件")):
        with pytest.raises(StoreError, match=message):
            Database.restore(data_dir, bad)
    with Database.open(data_dir) as reopened:
        assert len(reopened.list_companies()) == 1


def test_restore_keeps_the_current_file_aside(db, data_dir):
    db.create_company(example_raw(0))
    backup = db.backup()
    db.create_company(example_raw(1))
    db.close()
    kept = Database.restore(data_dir, backup)
    with Database.open(data_dir) as restored:
        assert len(restored.list_companies()) == 1
    conn = sqlite3.connect(kept)
    assert conn.execute("SELECT count(*) FROM companies").fetchone()[0] == 2
    conn.close()


def test_restore_is_refused_while_the_application_runs(db, data_dir):
    backup = db.backup()
    with pytest.raises(DatabaseLocked):
        Database.restore(data_dir, backup)


def test_a_migration_takes_a_backup_first(data_dir, monkeypatch):
    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
    version = schema.schema_version()

    def add_notes(database):
        database["companies"].add_column("notes", str)

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_notes])
    with Database.open(data_dir) as db:
        assert db.conn.execute("PRAGMA user_version").fetchone()[0] == version + 1
        assert "notes" in db.db["companies"].columns_dict
    before = [p for p in list_backups(data_dir) if p.stem.endswith("-migration")]
    assert len(before) == 1
    conn = sqlite3.connect(before[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("SELECT count(*) FROM companies").fetchone()[0] == 1
    conn.close()


def test_automatic_backups_rotate_and_manual_ones_stay(data_dir):
    for number in range(8):
        with Database.open(data_dir) as db:
            db.create_company({"company_name": f"厦门第{number}测试有限公司"})  # a change: a closing backup
            db.backup()
    names = [p.stem for p in list_backups(data_dir)]
    assert sum(n.endswith("-open") for n in names) == 3 and sum(n.endswith("-close") for n in names) == 3
    assert sum(n.endswith("-manual") for n in names) == 8


def test_a_full_disk_loses_nothing_already_saved(db):
    """SQLite's own SQLITE_FULL, provoked by capping the file at its current size."""
    firm = db.create_company(example_raw(0))
    before = db.profile(firm)
    rows = [{"name": f"数控加工中心第{index}台", "invoice_no": f"{index:040d}", "amount": "1000"} for index in range(300)]
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull, match="请清理磁盘空间"):
        db.save_field(firm, "equipment_items", rows)
    assert db.profile(firm) == before
    db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert db.save_field(firm, "equipment_items", rows).saved
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_folder_that_cannot_be_written_is_named_with_advice(data_dir, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock_module.os, "open", refuse)
    with pytest.raises(FolderNotWritable, match="--data-dir") as caught:
        Database.open(data_dir)
    assert str(data_dir) in str(caught.value)


def test_a_database_that_became_read_only_keeps_the_old_value(db):
    """SQLite's own "attempt to write a readonly database", as on a read-only share or a locked USB stick."""
    firm = db.create_company(example_raw(0))
    db.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(FolderNotWritable, match="请检查该文件夹的权限"):
        db.save_field(firm, "revenue", "1")
    db.conn.execute("PRAGMA query_only = OFF")
    assert db.profile(firm).get("revenue") == 18600000


def test_a_data_folder_path_that_is_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="--data-dir"):
        Database.open(tmp_path / "file")


def test_reading_a_folder_without_data_says_how_to_start(tmp_path):
    with pytest.raises(StoreError, match="zjtx-desktop import"):
        Database.open(tmp_path, read_only=True)


def test_a_crash_right_after_a_migration_never_leaves_a_file_without_our_id(data_dir, monkeypatch):
    """The id is written in the migration's own transaction: a crash at that moment undoes both."""
    import sqlite_utils

    real_execute = sqlite_utils.Database.execute

    def crash_at_the_id(self, sql, *args, **kwargs):
        if sql.startswith("PRAGMA application_id ="):
            raise KeyboardInterrupt("killed")
        return real_execute(self, sql, *args, **kwargs)

    monkeypatch.setattr(sqlite_utils.Database, "execute", crash_at_the_id)
    with pytest.raises(KeyboardInterrupt):
        Database.open(data_dir)
    monkeypatch.undo()
    conn = sqlite3.connect(database_path(data_dir))
    version, app_id = (conn.execute(f"PRAGMA {name}").fetchone()[0] for name in ("user_version", "application_id"))
    conn.close()
    assert version == 0 or app_id == schema.APPLICATION_ID
    with Database.open(data_dir) as db:
        assert db.list_companies() == []


def test_a_file_an_older_version_left_without_its_id_is_still_ours(data_dir):
    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("PRAGMA application_id = 0")
    conn.close()
    with Database.open(data_dir) as db:
        assert len(db.list_companies()) == 1
        assert db.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID


def test_a_session_that_only_reads_copies_nothing_and_one_that_writes_is_backed_up_before_and_after(data_dir):
    """The backup of the data as it was is taken just before a session's first change, and another on
    closing after changes: a large database opens and quits at once when it is only looked at."""
    from store_helpers import example_raw

    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
    before = [p.stem.rsplit("-", 1)[1] for p in list_backups(data_dir)]
    with Database.open(data_dir) as db:
        db.list_companies()
        assert [p.stem.rsplit("-", 1)[1] for p in list_backups(data_dir)] == before
    assert [p.stem.rsplit("-", 1)[1] for p in list_backups(data_dir)] == before
    with Database.open(data_dir) as db:
        db.create_company(example_raw(1))
        db.create_company({"company_name": "厦门第三测试有限公司"})
        after_writes = [p.stem.rsplit("-", 1)[1] for p in list_backups(data_dir)]
        assert sorted(after_writes) == sorted([*before, "open"])  # one, before the first of them
        with sqlite3.connect(list_backups(data_dir)[0]) as copy:  # …holding the data as it was
            assert copy.execute("SELECT count(*) FROM companies").fetchone()[0] == 1
    assert sorted(p.stem.rsplit("-", 1)[1] for p in list_backups(data_dir)) == sorted([*before, "open", "close"])


def test_the_page_a_user_was_on_is_kept_without_a_backup_and_an_unchanged_value_is_not_written(data_dir):
    """Opening a firm records its wizard page: screen state, not data, so opening a firm of a 200 MB
    database and quitting copies nothing (Ctrl+Q at once); a draft of a typed value is data."""
    with Database.open(data_dir) as db:
        firm = db.create_company(example_raw(0))
        db.set_meta(firm, "wizard_page", "identity", screen_state=True)
    before = sorted(p.name for p in list_backups(data_dir))
    with Database.open(data_dir) as db:
        db.set_meta(firm, "wizard_page", "operations", screen_state=True)
        changes = db.conn.total_changes
        db.set_meta(firm, "wizard_page", "operations", screen_state=True)
        assert db.conn.total_changes == changes
        assert db.get_meta(firm, "wizard_page") == "operations"
    assert sorted(p.name for p in list_backups(data_dir)) == before
    with Database.open(data_dir) as db:
        db.set_meta(firm, "draft:revenue", "12万x")
    assert sorted(p.stem.rsplit("-", 1)[1] for p in list_backups(data_dir)) == sorted(
        [*(name.rsplit("-", 1)[1].removesuffix(".db") for name in before), "open", "close"])
