"""Fault injection: import, restore, backup and packets are killed with SIGKILL at random moments, 100
times in all. After every kill the database is present, passes integrity_check, holds no fewer firms
than were committed, and opens for writing again (the OS released the lock); every backup listed is whole.

A fork server (one Python process with the program already imported) starts each victim, so a kill
costs milliseconds of start-up and lands inside the operation, not in interpreter start-up. Each
victim reports every step it completes; the kill comes a random number of steps and a random
fraction of a step later, so kills land before, between and inside commits, copies and swaps.
"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from store_helpers import firm_row, make_uscc

from zjtx_desktop.store import Database, list_backups
from zjtx_desktop.store.checks import check_file
from zjtx_desktop.store.locations import database_path

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="fork and SIGKILL are POSIX")]

KILLS_PER_OPERATION = 25
FIRMS_PER_WORKBOOK = 40
SERVER = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    from zjtx_desktop import cli
    from zjtx_desktop.store import Database, importing
    from zjtx_desktop.store.locations import database_path
    import zjtx_desktop.packets  # loaded before forking, as everything else

    def say(*words):
        sys.stdout.write(" ".join(map(str, words)) + "\\n")
        sys.stdout.flush()

    def import_loop(data, workbooks, start):
        importing.BATCH = 10  # several commits per workbook: kills land between and inside them
        say(os.getpid(), "ready")
        db = Database.open(Path(data))
        for workbook in workbooks[start:]:
            db.import_excel(Path(workbook), on_batch=lambda done: say(os.getpid(), "step", len(db.list_companies())))

    def restore_loop(data, backup):
        say(os.getpid(), "ready")
        while True:
            Database.restore(Path(data), Path(backup))
            say(os.getpid(), "step")
            Database.restore(Path(data), database_path(Path(data)))  # the current file onto itself
            say(os.getpid(), "step")

    def backup_loop(data, out):
        say(os.getpid(), "ready")
        while True:
            with Database.open(Path(data)) as db:  # open and close take rotating backups too
                db.backup()
                db.backup(Path(out) / "copy.db")
            with Database.open(Path(data), read_only=True) as viewer:
                viewer.backup(Path(out) / "viewer.db")
            say(os.getpid(), "step")

    def packets_loop(data, out, code):
        say(os.getpid(), "ready")
        while True:
            cli.main(["packets", "--company", code, "--out", out, "--date", "2025-11-20", "--data-dir", data])
            say(os.getpid(), "step")

    for line in sys.stdin:
        command, arguments = json.loads(line)
        if command == "reap":
            os.waitpid(arguments, 0)
            say("reaped", arguments)
            continue
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                globals()[command + "_loop"](*arguments)
                say(os.getpid(), "ended")
            except BaseException as error:
                say(os.getpid(), "ended", " ".join(repr(error).split()))
            finally:
                os._exit(1)
        say("child", pid)
""")


class ForkServer:
    def __init__(self):
        self.process = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)

    def send(self, command: str, *arguments) -> None:
        self.process.stdin.write(json.dumps([command, arguments if command != "reap" else arguments[0]]) + "\n")
        self.process.stdin.flush()

    def line(self) -> str:
        line = self.process.stdout.readline()
        assert line, "the fork server ended"
        return line.strip()

    def lines_until(self, last: str) -> list[str]:
        lines = [self.line()]
        while lines[-1] != last and not lines[-1].endswith(f" {last}"):
            lines.append(self.line())
        return lines

    def kill_during(self, command: str, *arguments, steps: int, delay: float) -> list[str]:
        """Start `command` in a fresh child; SIGKILL it `delay` seconds after it reports `steps` steps
        done. Returns everything it said (read to its end: the pipe outlives the child)."""
        self.send(command, *arguments)
        lines = self.lines_until("ready")
        pid = int(lines[-1].split()[0])
        done = 0
        while done < steps:
            lines.append(self.line())
            done += lines[-1].startswith(f"{pid} step")
            if lines[-1].startswith(f"{pid} ended"):
                break
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        self.send("reap", pid)
        lines += self.lines_until(f"reaped {pid}")
        ended = [line for line in lines if line.startswith(f"{pid} ended") and len(line.split()) > 2]
        assert not ended, f"{command} failed on its own before it was killed: {ended[0]}"
        return lines

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        finally:
            self.process.kill()


def state(data_dir: Path) -> tuple[str, int, int]:
    """(integrity verdict, firms, saved evaluations) of the database as the kill left it."""
    path = database_path(data_dir)
    assert path.is_file(), "the database is gone"
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        firms = conn.execute("SELECT count(*) FROM companies").fetchone()[0]
        evaluations = conn.execute("SELECT count(*) FROM evaluations").fetchone()[0]
    finally:
        conn.close()
    return verdict, firms, evaluations


def workbooks(folder: Path, count: int) -> list[str]:
    paths = []
    for index in range(count):
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("企业信息")
        sheet.append(list(firm_row(0)))
        for number in range(index * FIRMS_PER_WORKBOOK + 1, (index + 1) * FIRMS_PER_WORKBOOK + 1):
            sheet.append(list(firm_row(number).values()))
        paths.append(str(folder / f"firms{index:03d}.xlsx"))
        workbook.save(paths[-1])
    return paths


def test_a_hundred_kills_lose_nothing_committed_and_never_the_database(tmp_path):
    rng = random.Random(12)
    data = tmp_path / "data"
    books = workbooks(tmp_path, 3 * KILLS_PER_OPERATION)
    Database.open(data).close()
    server = ForkServer()
    kills = 0
    try:
        committed = 0
        for _ in range(KILLS_PER_OPERATION):
            start = committed // FIRMS_PER_WORKBOOK
            lines = server.kill_during("import", str(data), books, start, steps=rng.randint(0, 5),
                                       delay=rng.uniform(0, 0.05))
            reported = [int(line.split()[-1]) for line in lines if " step " in line]
            verdict, firms, _ = state(data)
            assert verdict == "ok" and firms >= max([committed, *reported]), (firms, committed, reported)
            committed, kills = firms, kills + 1
        assert committed > FIRMS_PER_WORKBOOK  # the kills let imports get somewhere

        with Database.open(data) as db:
            backup = db.backup()
        for _ in range(KILLS_PER_OPERATION):
            server.kill_during("restore", str(data), str(backup), steps=rng.randint(0, 3), delay=rng.uniform(0, 0.05))
            verdict, firms, _ = state(data)
            assert verdict == "ok" and firms == committed
            kills += 1

        out = tmp_path / "out"
        out.mkdir()
        for _ in range(KILLS_PER_OPERATION):
            server.kill_during("backup", str(data), str(out), steps=rng.randint(0, 2), delay=rng.uniform(0, 0.1))
            verdict, firms, _ = state(data)
            assert verdict == "ok" and firms == committed
            assert all(check_file(path).problem is None for path in list_backups(data))
            kills += 1

        evaluations = 0
        for _ in range(KILLS_PER_OPERATION):
            server.kill_during("packets", str(data), str(out / "packets"), make_uscc(1), steps=rng.randint(0, 1),
                               delay=rng.uniform(0, 0.6))
            verdict, firms, saved = state(data)
            assert verdict == "ok" and firms == committed and saved >= evaluations
            evaluations, kills = saved, kills + 1
    finally:
        server.close()
    assert kills >= 100
    with Database.open(data) as db:  # no lock left behind, and the data is all there
        assert len(db.list_companies()) == committed and db.integrity_problems() == []
    assert list(data.glob(".zjtx.db.*")) == []  # what killed restores left half-built is cleared on open
