"""Every window and dialog sized within the screen it opens on, so no button is ever off-screen.

Accountants' laptops are often 1366×768 at 125–150 % scaling: 911×512 logical pixels, less the
taskbar. A window asks for its comfortable size; it gets at most the screen's available area less
the frame the window system draws around it, and on a screen too small for it the main window opens
maximised. A saved size is treated the same way, so a size kept from a bigger monitor cannot push
the buttons off a laptop's screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 40)  # borders and title bar Windows draws around a window (logical pixels)


def available_area(widget: QWidget) -> QRect:
    """The usable area (taskbar excluded) of the screen the widget opens on: its parent window's."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen()
    return (screen or QGuiApplication.primaryScreen()).availableGeometry()


def room(area: QRect) -> QSize:
    """The largest client size whose frame still fits in the area."""
    return QSize(max(area.width() - FRAME.width(), 1), max(area.height() - FRAME.height(), 1))


def fits(geometry: QRect, area: QRect) -> bool:
    """Inside the area, with room left for the frame around it."""
    space = room(area)
    return geometry.width() <= space.width() and geometry.height() <= space.height() and area.contains(geometry)


def fit_window(window: QWidget, preferred: QSize, saved: QByteArray | None = None) -> None:
    """A main window: the saved geometry if it still fits this screen, else the preferred size within
    the screen, maximised when the screen is smaller than that."""
    area = available_area(window)
    restored = saved is not None and window.restoreGeometry(saved)
    if restored and (window.isMaximized() or fits(window.geometry(), area)):
        return
    size = preferred.boundedTo(room(area))
    window.resize(size)
    window.move(area.left() + (area.width() - size.width() - FRAME.width()) // 2,
                area.top() + (area.height() - size.height() - FRAME.height()) // 2)
    if size != preferred:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """A dialog: its preferred size, or as much of it as the screen holds (Qt centres it on its parent
    and keeps it on the screen when it is shown)."""
    dialog.resize(preferred.boundedTo(room(available_area(dialog))))
