"""The application's speed as a user feels it. Prints:

- cold start to the main window shown, against a bare PySide6 window started the same way in the same
  run (both as fresh processes; goal: under 1.5 × the bare window);
- switching wizard pages, and saving a field then re-evaluating and redrawing the results (goal: < 50 ms);
- resident memory with the demo firms loaded and the richest one open.

    QT_QPA_PLATFORM=offscreen python bench/bench_ui.py
"""

from __future__ import annotations

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
QUIT_WHEN_SHOWN = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication\n"
    "QTimer.singleShot(0, lambda: [w.close() for w in QApplication.topLevelWidgets()])\n"
)
BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n" + QUIT_WHEN_SHOWN +
    "window = QMainWindow(); window.resize(1180, 820); window.show(); app.exec()\n"
)
APPLICATION = (
    "import sys\n"
    "from zjtx_desktop.ui.app import create_application, run_application\n"
    "app = create_application()\n" + QUIT_WHEN_SHOWN +
    "sys.exit(run_application(['--data-dir', sys.argv[1]]))\n"
)


def start_time(code: str, data_dir: Path) -> float:
    """Wall time of a fresh process that starts, shows its window, and quits at the first idle moment."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(data_dir)], check=True, env=environment, cwd=ROOT,
                   capture_output=True)
    return time.perf_counter() - begin


def cold_start() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch)
        from contextlib import closing

        from zjtx_desktop.store import Database
        from zjtx_desktop.ui.services import fill_demo

        with closing(Database.open(data_dir)) as db:
            fill_demo(db=db)
        start_time(BARE, data_dir)  # warm the file cache for both
        bare, application = [], []
        for _ in range(RUNS):  # interleaved, so a busy moment of the machine hits both alike
            bare.append(start_time(BARE, data_dir))
            application.append(start_time(APPLICATION, data_dir))
    b, a = statistics.median(bare), statistics.median(application)
    print(f"cold start (median of {RUNS}): bare PySide6 window {b * 1000:.0f} ms, application with 5 firms "
          f"{a * 1000:.0f} ms = {a / b:.2f} × (goal < 1.5 ×)")


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
    print(f"resident memory with the 5 demo firms loaded and the richest open on its results: {memory:.0f} MB")


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

    def summary(samples):
        return f"median {statistics.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"

    print(f"firm list over {FIRMS:,} firms: window with the list shown in {opened * 1000:.0f} ms; "
          f"search, each keystroke ({len(keys)} keys): {summary(keys)}; "
          f"each filtering after a pause in typing: {summary(filters)} (goal: every keystroke < 100 ms)")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    cold_start()
    in_process()
    search_keystrokes()


if __name__ == "__main__":
    main()
