"""PySide6 6.12 on Python 3.11 drops a reference to None on every void call; the guard must hold."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_long_session_of_qt_calls_does_not_abort_the_interpreter():
    script = textwrap.dedent("""
        import zjtx_desktop.ui  # applies the guard
        from PySide6.QtCore import QObject, Signal
        from PySide6.QtWidgets import QApplication, QLineEdit
        app = QApplication([])
        class Source(QObject):
            changed = Signal(int)
        source, line = Source(), QLineEdit()
        source.changed.connect(lambda value: None)
        for number in range(50000):
            line.setEnabled(True)
            source.changed.emit(number)
        print("survived")
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "survived", done.stderr[-2000:]
