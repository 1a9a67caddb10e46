"""A process killed with SIGKILL: nothing committed is lost, nothing half-written remains."""

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from openpyxl import Workbook
from store_helpers import example_raw, firm_row, make_uscc

from zjtx_desktop.store import Database, list_backups
from zjtx_desktop.store.importing import BATCH
from zjtx_desktop.store.locations import database_path

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")

IMPORTER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from zjtx_desktop.store import Database, list_backups
    db = Database.open(Path(sys.argv[1]))
    db.import_excel(Path(sys.argv[2]), on_batch=lambda done: print(done, flush=True))
    print("done", flush=True)
    sys.stdin.read()
""")

SAVER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from zjtx_desktop.store import Database, list_backups
    db = Database.open(Path(sys.argv[1]))
    firm = db.company_id_by_uscc(sys.argv[2])
    assert db.save_field(firm, "revenue", "123456.78").saved
    print("saved", flush=True)
    sys.stdin.read()
""")

ADDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from zjtx_desktop.store import Database, list_backups
    db = Database.open(Path(sys.argv[1]))
    for number in range(3):
        db.create_company({"company_name": f"厦门崩溃前第{number}测试有限公司"})
    print("added", flush=True)
    sys.stdin.read()
""")

FIRMS = 3_000


def _workbook(path):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("企业信息")
    sheet.append(list(firm_row(0)))
    for number in range(1, FIRMS + 1):
        sheet.append(list(firm_row(number).values()))
    workbook.save(path)
    return path


def _start(script: str, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


def _kill_after_batches(data_dir, workbook, batches: int, delay: float) -> int:
    """Kill the importer `delay` seconds after its `batches`-th commit; the last count it reported
    before dying (read to the end of its output, which outlives it in the pipe)."""
    process = _start(IMPORTER, data_dir, workbook)
    try:
        lines = [process.stdout.readline() for _ in range(batches)]
        time.sleep(delay)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    lines += process.stdout.read().split()
    return max((int(line) for line in lines if line.strip().isdigit()), default=0)


def _committed_firms(data_dir) -> tuple[str, list[str], int]:
    conn = sqlite3.connect(database_path(data_dir))
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        codes = [row[0] for row in conn.execute("SELECT uscc FROM companies ORDER BY id")]
        values = conn.execute("SELECT count(*) FROM profile_values").fetchone()[0]
    finally:
        conn.close()
    return verdict, codes, values


@pytest.mark.slow
def test_killing_a_bulk_import_again_and_again_keeps_exactly_the_committed_firms(tmp_path):
    workbook = _workbook(tmp_path / "firms.xlsx")
    data_dir = tmp_path / "data"
    fields_per_firm = len(firm_row(0))
    rng = random.Random(11)
    previous = 0
    for _ in range(6):
        batches = min(previous // BATCH + rng.randint(1, 2), FIRMS // BATCH - 1)  # a few more each time
        reported = _kill_after_batches(data_dir, workbook, batches, rng.uniform(0, 0.01))
        verdict, codes, values = _committed_firms(data_dir)
        assert verdict == "ok"
        # The kill may land between a commit and its report, so one batch more than reported is fine.
        assert len(codes) in (reported, min(reported + BATCH, FIRMS)) and len(codes) >= previous
        assert codes == [make_uscc(number) for number in range(1, len(codes) + 1)]
        assert values == len(codes) * fields_per_firm  # no half firm
        previous = len(codes)
    assert 0 < previous < FIRMS
    with Database.open(data_dir) as db:  # the killed processes left no lock behind
        report = db.import_excel(workbook)
        assert report.ok and len(db.list_companies()) == FIRMS


def test_a_saved_field_survives_a_kill_right_after_save_returns(data_dir):
    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
    process = _start(SAVER, data_dir, example_raw(0)["uscc"])
    try:
        assert process.stdout.readline().strip() == "saved"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    with Database.open(data_dir) as db:
        firm = db.company_id_by_uscc(example_raw(0)["uscc"])
        assert str(db.profile(firm).get("revenue")) == "123456.78"
        assert db.field_history(firm, "revenue")[-1].new == "123456.78"


def _firms_in(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM companies").fetchone()[0]
    finally:
        conn.close()


def test_the_work_of_a_killed_session_is_backed_up_as_soon_as_the_folder_is_opened_again(data_dir):
    """A session that added firms and was killed took no closing backup; the next session only looks.
    Opening it again backs up at once, so the newest backup holds what the database holds."""
    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
    process = _start(ADDER, data_dir)
    try:
        assert process.stdout.readline().strip() == "added"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert _firms_in(list_backups(data_dir)[0]) == 1  # the killed session's work is in no backup yet
    with Database.open(data_dir) as db:
        assert len(db.list_companies()) == 4  # only looking
    assert _firms_in(list_backups(data_dir)[0]) == 4
    assert db.recovered_backup == list_backups(data_dir)[0] and db.backup_warnings() == []
    names = [p.name for p in list_backups(data_dir)]
    with Database.open(data_dir) as db:  # closed cleanly since: looking copies nothing again
        assert len(db.list_companies()) == 4 and db.recovered_backup is None
    assert [p.name for p in list_backups(data_dir)] == names
