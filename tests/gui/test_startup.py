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
