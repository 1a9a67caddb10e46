"""The bundled Chinese font, so text looks the same on every machine (and offscreen, not as boxes)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from zjtx_desktop.core.paths import resources_dir

FONT_FILE = "wqy-microhei.ttc"


def install_bundled_font(app: QApplication) -> str | None:
    """Register WenQuanYi Micro Hei and make it the application font; returns its family name.

    A machine without a Chinese system font would otherwise draw boxes; a missing font file (a broken
    install) leaves the system font in place rather than stopping the application.
    """
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(10)
    app.setFont(font)
    return families[0]
