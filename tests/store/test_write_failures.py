"""A write that fails says which file and why, in Chinese, leaves the old file and no half-written one,
and never blames the data folder for a target elsewhere; an import stopped by a full disk reports
exactly the firms it saved."""

import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import example_raw, fill_template, firm_row

from zjtx_desktop.store import Database, StoreError, importing
from zjtx_desktop.store.locations import rates_dir

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, limit_file_size: int | None = None) -> subprocess.CompletedProcess:
    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, like a full disk

    return subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, cwd=ROOT, preexec_fn=small_disk if limit_file_size else None)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".tmp", ".partial")))


@pytest.fixture
def data(tmp_path) -> Path:
    with Database.open(tmp_path / "data") as db:
        db.create_company(example_raw(0))
    return tmp_path / "data"


def commands(data: Path, target: Path) -> dict[str, tuple[str, ...]]:
    code = example_raw(0)["uscc"]
    folder = ("--data-dir", str(data))
    return {
        "template": ("template", "--out", str(target.with_suffix(".xlsx"))),
        "export --all": ("export", "--all", "--out", str(target.with_suffix(".xlsx")), *folder),
        "export --company": ("export", "--company", code, "--out", str(target.with_suffix(".json")), *folder),
        "evaluate --all --out": ("evaluate", "--all", "--out", str(target.with_suffix(".xlsx")), "--date",
                                 "2025-11-20", *folder),
        "backup --out": ("backup", "--out", str(target.with_suffix(".db")), *folder),
    }


@pytest.mark.parametrize("command", ["template", "export --all", "export --company", "evaluate --all --out",
                                     "backup --out"])
def test_a_target_that_cannot_be_replaced_is_named_and_nothing_is_left_behind(data, tmp_path, command):
    out = tmp_path / "out"
    out.mkdir()
    args = commands(data, out / "结果")[command]
    target = Path(args[args.index("--out") + 1])
    target.mkdir()  # a folder of that name stands where the file should go
    done = cli(*args)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and str(target) in done.stderr and "同名的文件夹" in done.stderr
    assert str(data) not in done.stderr  # the data folder is not to blame
    assert leftovers(out) == [] and target.is_dir()


def test_a_full_disk_while_writing_the_template_is_reported_and_leaves_no_half_file(tmp_path):
    target = tmp_path / "模板.xlsx"
    done = cli("template", "--out", str(target), limit_file_size=2048)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert str(target) in done.stderr and "磁盘空间不足" in done.stderr
    assert not target.exists() and leftovers(tmp_path) == []


def test_backup_out_into_a_folder_that_cannot_exist_names_that_place(data, tmp_path):
    (tmp_path / "a-file").write_text("x")
    target = tmp_path / "a-file" / "copy.db"
    done = cli("backup", "--out", str(target), "--data-dir", str(data))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert str(target) in done.stderr and str(data) not in done.stderr


def test_lpr_add_that_cannot_write_its_table_says_so(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    rates_dir(data).write_text("a file where the rates folder should be")
    done = cli("lpr", "--add", "2026-12-22", "3.00", "--data-dir", str(data))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert str(rates_dir(data)) in done.stderr and "利率表未作改动" in done.stderr


def test_an_import_stopped_by_a_full_disk_reports_exactly_the_firms_it_saved(db, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 10)
    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(number) for number in range(1, 81)])
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages + 25}")  # room for a few batches only
    report = db.import_excel(workbook)
    db.conn.execute("PRAGMA max_page_count = 1073741823")
    saved = len(db.list_companies())
    assert 0 < saved < 80 and len(report.created) == saved and not report.ok
    summary = report.summary()
    assert f"新增 {saved} 家企业" in summary and "磁盘空间已满" in summary and f"此前的{saved}家企业已保存" in summary
    again = db.import_excel(workbook)
    assert again.ok and len(again.created) == 80 - saved and len(again.skipped_existing) == saved


def test_the_cli_prints_the_report_of_an_interrupted_import(tmp_path, monkeypatch, capsys):
    from zjtx_desktop.cli import main

    _disk_full_on_firm(monkeypatch, 2)
    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(1), firm_row(2), firm_row(3)])
    assert main(["import", str(workbook), "--data-dir", str(tmp_path / "data")]) == 2
    printed = capsys.readouterr().err
    assert "新增 1 家企业" in printed and "此前的1家企业已保存" in printed and "磁盘空间已满" in printed


def _disk_full_on_firm(monkeypatch, number: int) -> None:
    """An import, committing firm by firm, finds the disk full when it writes the `number`th firm."""
    from zjtx_desktop.store.errors import DiskFull

    calls = []
    real = importing._write_firm

    def full(db, firm, *args):
        calls.append(firm)
        if len(calls) == number:
            raise DiskFull()
        return real(db, firm, *args)

    monkeypatch.setattr(importing, "BATCH", 1)
    monkeypatch.setattr(importing, "_write_firm", full)


def _backups_fail(monkeypatch, *reasons: str) -> list[str]:
    """Automatic backups of these reasons fail as on a full disk; the reasons of every attempt, in order."""
    import errno

    from zjtx_desktop.core.atomic import WriteFailed, describe
    from zjtx_desktop.store import backups

    attempts = []
    real = backups.backup_connection

    def full(conn, dest):
        reason = Path(dest).stem.rsplit("-", 1)[1]
        attempts.append(reason)
        if reason in reasons:
            raise WriteFailed(dest, describe(OSError(errno.ENOSPC, "No space left on device")))
        return real(conn, dest)

    monkeypatch.setattr(backups, "backup_connection", full)
    return attempts


def test_a_closing_backup_that_fails_never_hides_the_import_report(tmp_path, monkeypatch, capsys):
    """The import committed 2 firms, then the disk filled; the closing backup cannot be written either.
    The user still gets the report and learns the data is saved but not backed up, and what to do."""
    from zjtx_desktop.cli import main

    _disk_full_on_firm(monkeypatch, 3)
    _backups_fail(monkeypatch, "close")
    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(number) for number in range(1, 5)])
    assert main(["import", str(workbook), "--data-dir", str(tmp_path / "data")]) == 2
    printed = capsys.readouterr().err
    assert "新增 2 家企业" in printed and "此前的2家企业已保存" in printed and "重新导入同一文件" in printed
    warning = next(line for line in printed.splitlines() if line.startswith("警告："))
    assert "已保存 2 家企业的数据；但关闭时的自动备份未能写入" in warning and "-close.db" in warning
    assert "磁盘空间不足" in warning and "再打开一次本软件" in warning
    assert printed.index("新增 2 家企业") < printed.index("警告：")  # the command's own result first
    monkeypatch.undo()
    with Database.open(tmp_path / "data") as db:  # the space is back: the next opening backs up at once
        assert db.recovered_backup is not None and len(db.list_companies()) == 2
    copy = sqlite3.connect(db.recovered_backup)
    assert copy.execute("SELECT count(*) FROM companies").fetchone()[0] == 2
    copy.close()


def test_a_complete_import_whose_closing_backup_fails_succeeds_with_a_warning(tmp_path, monkeypatch, capsys):
    from zjtx_desktop.cli import main

    _backups_fail(monkeypatch, "close")
    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(number) for number in range(1, 4)])
    assert main(["import", str(workbook), "--data-dir", str(tmp_path / "data")]) == 0
    captured = capsys.readouterr()
    assert "新增 3 家企业" in captured.out and "Traceback" not in captured.err
    assert "\n警告：已保存 3 家企业的数据；但关闭时的自动备份未能写入" in captured.err


def test_an_opening_backup_that_fails_is_the_error_shown_and_closing_does_not_copy_again(data, monkeypatch, capsys):
    """Nothing was written (the backup before the first change failed): there is nothing for a closing
    backup to keep, and its failure must not replace the real error."""
    from zjtx_desktop.cli import main

    attempts = _backups_fail(monkeypatch, "open", "close")
    example = sorted((ROOT / "examples").glob("*.json"))[1]
    assert main(["import", str(example), "--data-dir", str(data)]) == 2
    printed = capsys.readouterr().err
    assert "导入在第1家企业处中断（无法写入" in printed and "-open.db" in printed and "磁盘空间不足" in printed
    assert "-close.db" not in printed and "警告" not in printed and attempts == ["open"]
    with Database.open(data) as db:
        assert len(db.list_companies()) == 1


def _tmpfs_prefix(mount: Path, size: str) -> tuple[str, ...] | None:
    """A command prefix that runs a shell script with a real, small tmpfs at `mount` (a user and mount
    namespace: no privilege needed), or None where the kernel does not allow it."""
    import shutil

    mount.mkdir()
    prefix = ("unshare", "-rm", "sh", "-c", f'mount -t tmpfs -o size={size} tmpfs "{mount}" && sh -c "$1"', "sh")
    if shutil.which("unshare") is None:
        return None
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    return prefix if probe.returncode == 0 else None


@pytest.mark.slow
def test_an_import_that_fills_a_real_disk_reports_what_it_saved_and_that_no_backup_holds_it(tmp_path):
    import shlex

    from openpyxl import Workbook

    prefix = _tmpfs_prefix(tmp_path / "disk", "1200k")
    if prefix is None:
        pytest.skip("no user namespaces here to mount a small tmpfs")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("企业信息")
    sheet.append(list(firm_row(0)))
    for number in range(1, 2001):
        sheet.append(list(firm_row(number).values()))
    workbook.save(tmp_path / "firms.xlsx")
    zjtx = f"{shlex.quote(sys.executable)} -m zjtx_desktop.cli"
    folder = shlex.quote(str(tmp_path / "disk" / "data"))
    script = (f"{zjtx} import {shlex.quote(str(sorted((ROOT / 'examples').glob('*.json'))[0]))} --data-dir {folder}"
              f" >/dev/null; {zjtx} import {shlex.quote(str(tmp_path / 'firms.xlsx'))} --data-dir {folder};"
              f" echo rc=$?; {zjtx} list --data-dir {folder} | tail -n 1")
    done = subprocess.run([*prefix, script], capture_output=True, text=True, encoding="utf-8", timeout=600, cwd=ROOT)
    assert "Traceback" not in done.stderr, done.stderr
    assert "rc=2" in done.stdout, done.stdout + done.stderr
    saved = int(done.stderr.split("新增 ")[1].split(" 家")[0])
    assert 0 < saved < 2000 and f"共 {saved + 1} 家企业" in done.stdout
    assert f"此前的{saved}家企业已保存" in done.stderr
    assert f"警告：已保存 {saved} 家企业的数据；但关闭时的自动备份未能写入" in done.stderr
    assert "磁盘空间不足" in done.stderr.split("警告：")[1]


def test_a_disk_that_fails_under_the_database_is_said_in_chinese_never_a_traceback(data, tmp_path):
    """A file-size limit makes SQLite's own writes fail with "disk I/O error", as a USB stick pulled out."""
    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(number) for number in range(1, 401)])
    done = cli("import", str(workbook), "--data-dir", str(data), limit_file_size=300_000)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "磁盘读写出错（U盘被拔出或磁盘故障？）" in done.stderr and str(data) in done.stderr
    assert "导入在第1家企业处中断" in done.stderr  # the import report still says how far it got
    with Database.open(data) as db:
        assert len(db.list_companies()) == 1 and db.integrity_problems() == []


def _sqlite_error(kind, text: str, code: int):
    error = kind(text)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(("error", "said", "not_said"), [
    (_sqlite_error(sqlite3.OperationalError, "disk I/O error", 522), "磁盘读写出错（U盘被拔出或磁盘故障？）", "损坏"),
    (_sqlite_error(sqlite3.OperationalError, "disk I/O error", 10), "关闭本软件后重新打开", "损坏"),
    (_sqlite_error(sqlite3.DatabaseError, "database disk image is malformed", 11), "损坏", "U盘"),
    (_sqlite_error(sqlite3.DatabaseError, "file is not a database", 26), "zjtx-desktop check-db", "U盘"),
    (_sqlite_error(sqlite3.OperationalError, "out of memory", 7), "内存不足", "损坏"),
    (_sqlite_error(sqlite3.OperationalError, "protocol error", 15), "技术支持", "损坏"),
], ids=["io-error-write", "io-error", "corrupt", "not-a-database", "no-memory", "other"])
def test_every_sqlite_error_a_user_can_meet_is_said_with_the_path_and_what_to_do(data, monkeypatch, capsys,
                                                                                error, said, not_said):
    from zjtx_desktop.cli import main

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(Database, "list_companies", fail)
    assert main(["list", "--data-dir", str(data)]) == 2
    printed = capsys.readouterr().err
    assert printed.startswith("错误：") and said in printed and not_said not in printed and str(data) in printed
    with pytest.raises(StoreError) as caught, Database.open(data) as db, db._writing():  # inside the store too
        raise error
    assert said in str(caught.value) and not_said not in str(caught.value)
