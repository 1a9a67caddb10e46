"""GUI fixtures: the bundled font (so screenshots show Chinese), a firm held in memory, and the main
window on a data folder (the demo firms by default), evaluating on one fixed day.

`MemorySession` keeps the wizard's tests independent of the store's schema: it answers the same
keyword calls as ui/services.FirmSession with core's own parsing, nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from zjtx_desktop.core.profile import Profile, parse_field
from zjtx_desktop.core.questions import default_questions

TODAY = date(2026, 11, 27)  # the day the GUI tests evaluate on: inside the policy's validity


@pytest.fixture(autouse=True, scope="session")
def bundled_font(qapp):
    from zjtx_desktop.ui.fonts import install_bundled_font

    install_bundled_font(qapp)


@pytest.fixture(autouse=True)
def home_in_tmp(tmp_path, monkeypatch):
    """Documents (the packets' default folder) resolves under a temporary home, never the real one."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home


@pytest.fixture(autouse=True)
def no_unexpected_boxes(monkeypatch):
    """A message box nobody expected fails the test with its text instead of blocking it forever."""
    from zjtx_desktop.ui import dialogs

    def unexpected(name):
        def fail(parent, **kwargs):
            raise AssertionError(f"unexpected {name}: {kwargs.get('title')}: {kwargs.get('text')}")
        return fail

    for name in ("confirm", "inform", "warn", "open_file", "save_file", "choose_folder"):
        monkeypatch.setattr(dialogs, name, unexpected(name))


@dataclass
class Saved:
    value: Any
    errors: list
    warnings: list


@dataclass
class MemorySession:
    values: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    read_only: bool = False
    saves: list[str] = field(default_factory=list)

    def save_field(self, *, key: str, raw: Any) -> Saved:
        value, errors, warnings = parse_field(default_questions().field(key), raw)
        if not errors:
            self.values[key] = value
            self.saves.append(key)
        return Saved(value, errors, warnings)

    def profile(self) -> Profile:
        return Profile({k: v for k, v in self.values.items() if v is not None})

    def get_meta(self, *, key: str, default: Any = None) -> Any:
        return self.meta.get(key, default)

    def set_meta(self, *, key: str, value: Any, screen_state: bool = False) -> None:
        self.meta[key] = value


@pytest.fixture
def memory_session():
    return MemorySession()


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user does: ASCII as key presses, Chinese as an input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


@contextmanager
def main_window(qtbot, data_dir: Path, *, size: tuple[int, int] | None = None) -> Iterator:
    """The main window on that data folder, shown (at `size` when given, not maximised), evaluating on
    TODAY; closed and its database released afterwards."""
    from PySide6.QtCore import Qt

    from zjtx_desktop.store import Database
    from zjtx_desktop.ui.main_window import MainWindow

    data_dir.mkdir(exist_ok=True)
    db = Database.open(data_dir)
    window = MainWindow(db=db, data_dir=data_dir, today=lambda: TODAY)
    qtbot.add_widget(window)
    if size:
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*size)
    window.show()
    try:
        yield window
    finally:
        window.close()
        db.close()


@pytest.fixture
def demo_dir(tmp_path) -> Path:
    """A data folder holding the example firms, as 演示 fills it."""
    from zjtx_desktop.store import Database
    from zjtx_desktop.ui import services

    folder = tmp_path / "data"
    folder.mkdir()
    with closing(Database.open(folder)) as db:
        services.fill_demo(db=db)
    return folder


@pytest.fixture
def window(qtbot, demo_dir):
    """The main window on the example firms."""
    with main_window(qtbot, demo_dir) as shown:
        yield shown


def when_window_is_up(act: Callable[[Any], None], ready: Callable[[Any], bool] = lambda window: True) -> None:
    """For app.run_application, which shows the window first and reads the firms into it after: `act`
    on the window (and close it there) once it is up with its database and `ready` for it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll():
        window = next((w for w in QApplication.topLevelWidgets()
                       if w.objectName() == "main_window" and w.isVisible()), None)
        if window is None or window.db is None or not ready(window):
            QTimer.singleShot(10, poll)
            return
        act(window)

    QTimer.singleShot(0, poll)
