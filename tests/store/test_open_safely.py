"""A sound database is never called damaged: only SQLite's own integrity verdict is damage.

Another program holding the file is "in use" (wait, then exit 2); a -wal/-shm that cannot be opened or
read-only media give a read-only database that lists, exports, evaluates and backs up, and writes that
say why they cannot. Nothing is moved to kept_aside/ in any of these cases.
"""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_helpers import example_raw

from zjtx_desktop.store import Database, DatabaseLocked, StoreError
from zjtx_desktop.store.locations import damaged_dir, database_path

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE companies SET updated_at = updated_at")
    print("holding", flush=True)
    sys.stdin.read()
""")


def cli(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "zjtx_desktop.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, cwd=ROOT)


@pytest.fixture
def folder_with_firms(data_dir):
    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
        db.create_company(example_raw(1))
    return data_dir


def untouched(data_dir) -> bool:
    return database_path(data_dir).is_file() and not damaged_dir(data_dir).exists()


def test_a_database_another_program_holds_is_in_use_not_damaged(folder_with_firms, monkeypatch):
    from zjtx_desktop.store import checks

    monkeypatch.setattr(checks, "BUSY_SECONDS", 0.2, raising=False)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(database_path(folder_with_firms))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        for read_only in (False, True):
            with pytest.raises(StoreError, match="数据正被其他程序使用"):
                Database.open(folder_with_firms, read_only=read_only)
        done = cli("list", "--data-dir", str(folder_with_firms))
        assert done.returncode == 2 and "数据正被其他程序使用" in done.stderr and "Traceback" not in done.stderr
        assert untouched(folder_with_firms)
    finally:
        holder.kill()
        holder.wait()
    with Database.open(folder_with_firms) as db:
        assert len(db.list_companies()) == 2


def _unopenable_wal(data_dir: Path) -> None:
    """SQLite cannot open the -wal (as when its permissions forbid it): a directory in its place does
    this for root too, for whom file modes forbid nothing."""
    (data_dir / "zjtx.db-wal").mkdir()


def test_an_unopenable_wal_file_gives_a_read_only_database_not_a_damaged_one(folder_with_firms, tmp_path):
    _unopenable_wal(folder_with_firms)
    with pytest.raises(DatabaseLocked, match="只能读取、不能写入"):
        Database.open(folder_with_firms)
    assert untouched(folder_with_firms)
    with Database.open(folder_with_firms, read_only=True) as db:
        assert len(db.list_companies()) == 2
        firm = db.list_companies()[0].id
        with pytest.raises(StoreError, match="只能读取、不能写入"):
            db.save_field(firm, "revenue", "1")
    _read_only_commands_work(folder_with_firms, tmp_path)
    assert untouched(folder_with_firms)


def _read_only_commands_work(data_dir: Path, out: Path, prefix: tuple[str, ...] = ()) -> None:
    data = ("--data-dir", str(data_dir))
    for args in (("list",), ("export", "--all", "--out", str(out / "all.xlsx")),
                 ("evaluate", "--all", "--out", str(out / "results.xlsx"), "--date", "2025-11-20"),
                 ("backup", "--out", str(out / "copy.db"))):
        done = cli(*args, *data, prefix=prefix)
        assert done.returncode == 0, (args, done.stderr)
    assert (out / "all.xlsx").is_file() and (out / "results.xlsx").is_file() and (out / "copy.db").is_file()
    done = cli("import", str(ROOT / "examples" / "03_小巨人后备_鹭芯电子.json"), *data, prefix=prefix)
    assert done.returncode == 2 and "不能写入" in done.stderr and "Traceback" not in done.stderr
    assert "已损坏" not in done.stderr


def _read_only_mount(source: Path, mount: Path) -> tuple[str, ...] | None:
    """A command prefix that runs the CLI with `mount` a read-only bind of `source` (a user and mount
    namespace: no privilege needed), or None where the kernel does not allow it."""
    mount.mkdir()
    script = f'mount --bind "{source}" "{mount}" && mount -o remount,ro,bind "{mount}" && exec "$@"'
    prefix = ("unshare", "-rm", "sh", "-c", script, "sh")
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run([*prefix, "touch", str(mount / "probe")], capture_output=True, text=True)
    return prefix if "Read-only file system" in probe.stderr else None


def test_a_database_on_read_only_media_is_read_not_declared_damaged(folder_with_firms, tmp_path):
    mount = tmp_path / "read-only"
    prefix = _read_only_mount(folder_with_firms, mount)
    if prefix is None:
        if os.geteuid() == 0:
            pytest.skip("no user namespaces here to mount a folder read-only, and root ignores folder modes")
        os.chmod(folder_with_firms, 0o555)  # an ordinary user: a folder without write permission
        mount, prefix = folder_with_firms, ()
    try:
        out = tmp_path / "out"
        out.mkdir()
        _read_only_commands_work(mount, out, prefix)
        done = cli("lpr", "--add", "2026-12-22", "3.00", "--data-dir", str(mount), prefix=prefix)
        assert done.returncode == 2 and "rates" in done.stderr and "Traceback" not in done.stderr
    finally:
        os.chmod(folder_with_firms, 0o700)
    assert untouched(folder_with_firms)


def test_the_application_starts_on_read_only_media_and_shows_the_data_read_only(folder_with_firms, tmp_path):
    """No log folder and no lock can be made there: the window still opens, read-only, without asking."""
    mount = tmp_path / "read-only"
    prefix = _read_only_mount(folder_with_firms, mount)
    if prefix is None:
        pytest.skip("no user namespaces here to mount a folder read-only")
    done = subprocess.run([*prefix, "env", "QT_QPA_PLATFORM=offscreen", sys.executable, "-m", "zjtx_desktop.cli",
                           "--data-dir", str(mount), "--quit-when-shown"], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, cwd=ROOT)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert untouched(folder_with_firms)


def test_a_real_integrity_failure_is_still_damage(folder_with_firms):
    from zjtx_desktop.store import DatabaseDamaged

    path = database_path(folder_with_firms)
    content = path.read_bytes()
    path.write_bytes(content[:100] + b"\xff" * (len(content) - 200) + content[-100:])
    with pytest.raises(DatabaseDamaged):
        Database.open(folder_with_firms)
    assert not path.exists() and damaged_dir(folder_with_firms).is_dir()
