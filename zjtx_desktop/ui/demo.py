"""帮助 → 打开演示: the example firms in a second window of their own, for a first look and training.

It is the same program started again with --demo (a throwaway data folder, removed on close), so the
user's own data is never touched and no command line is needed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess


def demo_command() -> tuple[str, list[str]]:
    """The program and arguments that start the application on the demo firms."""
    if getattr(sys, "frozen", False):  # the bundle: zjtx-desktop(.exe) itself
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "zjtx_desktop", "--demo"]


def open_demo_window() -> bool:
    program, arguments = demo_command()
    started, _pid = QProcess.startDetached(program, arguments)
    return started
