"""The bundled Chinese fonts, so text looks the same on every machine (and offscreen, not as boxes)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from zjtx_desktop.core.paths import resources_dir

FONT_FILE = "wqy-microhei.ttc"
FALLBACK_FILE = "fallback-sc.ttf"  # rare characters (䶮, 𠅤…), the same font the packets print them in


def _register(file_name: str) -> list[str]:
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / file_name))
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def install_bundled_font(app: QApplication) -> str | None:
    """Register WenQuanYi Micro Hei and the rare-character fallback; make them the application font.

    Returns the main family's name. A firm whose name holds a character of CJK Extension A or B
    sees it in the wizard as it will be printed, not as a box. A missing font file (a broken
    install) leaves the system font in place rather than stopping the application.
    """
    families = _register(FONT_FILE)
    if not families:
        return None
    font = QFont(families[0])
    font.setFamilies([families[0], *_register(FALLBACK_FILE)])
    font.setPointSize(10)
    app.setFont(font)
    return families[0]
