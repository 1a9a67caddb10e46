"""The window opens before the heavy libraries are needed (bench/bench_ui.py measures the start)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_main_window_module_loads_without_reportlab_or_cn2an():
    script = ("import sys, zjtx_desktop.ui.app, zjtx_desktop.ui.main_window\n"
              "print(sorted(m for m in ('reportlab', 'cn2an', 'PySide6.QtPdf') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "[]", done.stderr[-2000:]


def test_the_window_shows_before_the_store_the_policy_or_the_wizard_are_loaded(tmp_path):
    """Point 13 of issue 11: what the first screen does not need loads after it shows (bench_ui times it)."""
    script = ("import sys\n"
              "from zjtx_desktop.ui.app import create_application\n"
              "import zjtx_desktop.cli\n"
              "from zjtx_desktop.store.locations import default_data_dir\n"
              "from zjtx_desktop.ui.main_window import MainWindow\n"
              "app = create_application()\n"
              "window = MainWindow(data_dir=sys.argv[1]); window.show(); app.processEvents()\n"
              "print(sorted(m for m in ('sqlite_utils', 'zjtx_desktop.core.policy', 'zjtx_desktop.core.evaluator',\n"
              "                         'zjtx_desktop.ui.workspace', 'zjtx_desktop.commands', 'reportlab', 'openpyxl')\n"
              "             if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "[]", done.stdout + done.stderr[-2000:]
