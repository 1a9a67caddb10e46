"""GUI fixtures: the bundled font (so screenshots show Chinese), and a firm held in memory.

`MemorySession` keeps the wizard's tests independent of the store's schema: it answers the same
keyword calls as ui/services.FirmSession with core's own parsing, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from zjtx_desktop.core.profile import Profile, parse_field
from zjtx_desktop.core.questions import default_questions


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
