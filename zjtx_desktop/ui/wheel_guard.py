"""A mouse wheel over a drop-down (or spin box) the user has not clicked scrolls the page instead.

Qt's combo boxes take the wheel whenever the pointer is over them, so scrolling a long page changed
saved answers (企业规模 小型 → 微型, autosaved). A guarded widget takes the focus only by click or Tab;
a wheel while it is unfocused goes to the nearest scroll area around it that can still scroll (a table,
then the page), as if the drop-down were not there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget


def scroll_around(widget: QWidget, wheel: QWheelEvent) -> None:
    """Hand the wheel to each enclosing scroll area in turn until one of them scrolls."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport()
            position = QPointF(viewport.mapFromGlobal(wheel.globalPosition().toPoint()))
            passed = QWheelEvent(position, wheel.globalPosition(), wheel.pixelDelta(), wheel.angleDelta(),
                                 wheel.buttons(), wheel.modifiers(), wheel.phase(), wheel.inverted())
            QApplication.sendEvent(viewport, passed)
            if passed.isAccepted():
                return
        parent = parent.parentWidget()


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            scroll_around(watched, event)
            event.accept()  # handled here: Qt must not pass it on a second time
            return True
        return False


_guard: _WheelGuard | None = None


def guard_wheel(widget: QWidget) -> QWidget:
    """The widget changes by wheel only once it has the focus; returns it, for use inline."""
    global _guard
    if _guard is None:
        _guard = _WheelGuard()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_guard)
    return widget
