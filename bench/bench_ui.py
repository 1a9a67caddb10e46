"""The application's speed as a user feels it. Prints:

- cold start, each as a fresh process against a bare PySide6 window started the same way in the same
  run: to the main window shown, and to its firm list filled (goal: ≤ 2 × the bare window);
- Ctrl+Q: to the window gone, and to the process ended (goal: < 0.5 s), with 5 and with 10,000 firms;
- switching wizard pages, and saving a field then re-evaluating and redrawing the results (goal: < 50 ms);
- resident memory with the demo firms loaded and the richest one open;
- the firm list over 10,000 firms: each search keystroke, and each filtering pass (goal: < 100 ms).

    QT_QPA_PLATFORM=offscreen python bench/bench_ui.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, not another installed copy
RUNS = 7
FIRMS = 10_000
# Both child processes poll every millisecond from the first event loop pass: the first moment a
# main window is visible ("shown"), the first moment the application's list has firms ("ready"),
# then (with the first firm opened) 退出, Ctrl+Q's action, and the moment the window is gone.
# Times are wall-clock (time.time()), compared with the parent's at the start and end of the child.
POLL = """
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
marks = {}

def poll():
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() in ("main_window", "bare")]
    if windows and "shown" not in marks:
        marks["shown"] = time.time()
    window = windows[0] if windows else None
    ready = window is not None and (window.objectName() == "bare" or (window.db is not None and window.firms.rowCount()))
    if ready:
        marks["ready"] = time.time()
        if window.objectName() == "main_window":  # quit from inside a firm, the usual case
            window.open_selected()
            QApplication.processEvents()
        marks["quit"] = time.time()
        quit_action = window.findChild(QAction, "action_quit")
        quit_action.trigger() if quit_action is not None else window.close()
        marks["gone"] = time.time()
        print(json.dumps(marks), flush=True)
        return
    QTimer.singleShot(1, poll)
"""
BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n" + POLL + "QTimer.singleShot(0, poll)\n"
    "window = QMainWindow(); window.setObjectName('bare'); window.resize(1180, 820); window.show(); app.exec()\n"
)
APPLICATION = (  # through the entry point a user's shortcut runs (zjtx-desktop, no command)
    "from zjtx_desktop.ui.app import create_application\n"
    "app = create_application()\n" + POLL + "QTimer.singleShot(0, poll)\n"
    "from zjtx_desktop.cli import main\n"
    "sys.exit(main(['--data-dir', sys.argv[1]]))\n"
)


def timed_run(code: str, data_dir: Path) -> dict[str, float]:
    """One fresh process: seconds from its start to each mark, and to its end."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    begin = time.time()
    done = subprocess.run([sys.executable, "-c", code, str(data_dir)], check=True, env=environment, cwd=ROOT,
                          capture_output=True, text=True)
    ended = time.time()
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    return {**{name: when - begin for name, when in marks.items()}, "ended": ended - begin}


def cold_start(data_dir: Path, label: str, runs: int = RUNS) -> None:
    timed_run(BARE, data_dir)  # warm the file cache for both
    bare, app = [], []
    for _ in range(runs):  # interleaved, so a busy moment of the machine hits both alike
        bare.append(timed_run(BARE, data_dir))
        app.append(timed_run(APPLICATION, data_dir))

    def median(runs_, key):
        return statistics.median(run[key] for run in runs_)

    b = median(bare, "shown")
    shown, ready = median(app, "shown"), median(app, "ready")
    gone = statistics.median(run["gone"] - run["quit"] for run in app)
    ended = statistics.median(run["ended"] - run["quit"] for run in app)
    print(f"cold start with {label} (median of {runs}): bare PySide6 window shown {b * 1000:.0f} ms; "
          f"application window shown {shown * 1000:.0f} ms = {shown / b:.2f} ×, its firm list filled "
          f"{ready * 1000:.0f} ms = {ready / b:.2f} × (goal ≤ 2 ×)")
    print(f"Ctrl+Q with {label} (a firm open): window gone {gone * 1000:.0f} ms, process ended "
          f"{ended * 1000:.0f} ms (goal < 0.5 s)")


def demo_start() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch)
        from contextlib import closing

        from zjtx_desktop.store import Database
        from zjtx_desktop.ui.services import fill_demo

        with closing(Database.open(data_dir)) as db:
            fill_demo(db=db)
        cold_start(data_dir, "the demo firms")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def in_process() -> None:
    from contextlib import closing
    from datetime import date

    from zjtx_desktop.store import Database
    from zjtx_desktop.ui.app import create_application
    from zjtx_desktop.ui.main_window import MainWindow
    from zjtx_desktop.ui.services import fill_demo

    app = create_application()
    with tempfile.TemporaryDirectory() as scratch, closing(Database.open(Path(scratch))) as db:
        fill_demo(db=db)
        window = MainWindow(db=db, data_dir=Path(scratch), today=lambda: date(2026, 11, 27))
        window.show()
        richest = next(c.id for c in db.list_companies() if c.uscc.startswith("91350203"))
        workspace = window.open_company(richest)
        wizard = workspace.wizard
        app.processEvents()
        switches = []
        for _ in range(3):
            wizard.restart()
            app.processEvents()
            while wizard.currentPage() is not wizard.review:
                begin = time.perf_counter()
                wizard.next()
                app.processEvents()
                switches.append(time.perf_counter() - begin)
        edits = []
        editor = wizard.pages["equipment"].editors["equipment_investment_last_year"]
        wizard.go_to_page(wizard.ids["equipment"])
        for amount in range(4_000_000, 4_000_000 + 30 * 10_000, 10_000):
            editor.input.setText(str(amount))
            begin = time.perf_counter()
            editor.flush()  # what leaving the field does: save, re-check, re-evaluate, redraw the results
            app.processEvents()
            edits.append(time.perf_counter() - begin)
        assert workspace.evaluation.result("3b").amount is not None
        workspace.show_results()
        app.processEvents()
        memory = rss_mb()
        window.close()

    def summary(samples):
        return f"median {statistics.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"

    print(f"wizard: next page ({len(switches)} switches over {len(wizard.applicable_pages())} pages): {summary(switches)} "
          "(goal < 50 ms)")
    print(f"edit a field → saved, checked, re-evaluated, results redrawn ({len(edits)} edits): {summary(edits)} "
          "(goal < 50 ms)")
    print(f"resident memory with the demo firms loaded and the richest open on its results: {memory:.0f} MB")


def ten_thousand_firms(folder: Path) -> None:
    """10,000 varied example firms (a third of them evaluated) written through the import path."""
    from datetime import date

    from bench_evaluate import varied_profiles
    from bench_store import with_codes

    from zjtx_desktop.core.evaluator import evaluate
    from zjtx_desktop.store import Database
    from zjtx_desktop.store.importing import FirmInput, write_firms
    from zjtx_desktop.store.records import ImportReport

    profiles = list(with_codes(varied_profiles(FIRMS)))
    firms = [FirmInput(raw={"uscc": p.get("uscc"), "company_name": p.get("company_name")}, locate=None,
                       values=dict(p.items())) for p in profiles]
    with Database.open(folder) as db:
        write_firms(db, firms, update_existing=False, source="bench", report=ImportReport())
        for summary, profile in list(zip(db.list_companies(), profiles, strict=True))[::3]:
            db.save_evaluation(summary.id, evaluate(profile, date(2026, 11, 27)))


def search_keystrokes() -> None:
    """Type into the search box over 10,000 firms: each key's own handling, and each filtering pass."""
    from datetime import date

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from zjtx_desktop.store import Database
    from zjtx_desktop.ui.app import create_application
    from zjtx_desktop.ui.main_window import MainWindow

    app = create_application()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ten_thousand_firms(folder)
        with Database.open(folder) as db:
            begin = time.perf_counter()
            window = MainWindow(db=db, data_dir=folder, today=lambda: date(2026, 11, 27))
            window.show()
            app.processEvents()
            opened = time.perf_counter() - begin
            keys, filters = [], []
            for text in ("厦门鹭芯", "91350200000000777", "精密机械有限公司9"):
                window.search.clear()
                window.apply_search()
                app.processEvents()
                for char in text:
                    begin = time.perf_counter()
                    if char.isascii():
                        QTest.keyClick(window.search, char)
                    else:
                        window.search.insert(char)  # as an input method commits a character
                    app.processEvents()
                    keys.append(time.perf_counter() - begin)
                    begin = time.perf_counter()
                    window.apply_search()  # what the pause timer runs: filter, reselect, redraw
                    window.table.viewport().repaint()
                    app.processEvents()
                    filters.append(time.perf_counter() - begin)
            assert window.firms.rowCount() >= 1
            QTest.keyClick(window.search, Qt.Key.Key_Return)
            window.close()
        print_search(opened, keys, filters)
        cold_start(folder, f"{FIRMS:,} firms", runs=3)


def print_search(opened: float, keys: list[float], filters: list[float]) -> None:
    def summary(samples):
        return f"median {statistics.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"

    print(f"firm list over {FIRMS:,} firms: window with the list shown in {opened * 1000:.0f} ms; "
          f"search, each keystroke ({len(keys)} keys): {summary(keys)}; "
          f"each filtering after a pause in typing: {summary(filters)} (goal: every keystroke < 100 ms)")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    demo_start()
    in_process()
    search_keystrokes()


if __name__ == "__main__":
    main()
