"""A mouse wheel over a drop-down (or spin box) scrolls the page instead of changing the answer.

Qt's combo boxes take the wheel whenever the pointer is over them, so scrolling a long page changed
saved answers (企业规模 小型 → 微型, autosaved). Having the focus is no sign of meaning it either: after a
choice the focus stays on the drop-down, and the next scroll of the page with the pointer resting there
changed the answer just chosen. So a guarded widget never takes the wheel: it goes to the nearest scroll
area around it that can still scroll (a table, then the page), as if the drop-down were not there. The
choice is made by click (the open list scrolls as usual) or by the arrow keys.
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
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget):
            scroll_around(watched, event)
            event.accept()  # handled here: Qt must not pass it on a second time
            return True
        return False


_guard: _WheelGuard | None = None


def guard_wheel(widget: QWidget) -> QWidget:
    """The widget never changes by wheel; returns it, for use inline."""
    global _guard
    if _guard is None:
        _guard = _WheelGuard()
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:  # a wheel must not even take the focus
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_guard)
    return widget
