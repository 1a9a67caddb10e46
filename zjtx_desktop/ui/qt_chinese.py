"""Qt's own words in Chinese: context menus (撤销/剪切/粘贴/全选), message-box buttons (确定/取消),
file and print dialogs. Qt ships them as qtbase_zh_CN.qm; build.spec bundles that one file.
"""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

CATALOGUE = "qtbase_zh_CN"
_translator: QTranslator | None = None  # kept alive for the application's life


def translation_folders() -> list[Path]:
    """Where Qt says its translations are, then PySide6's own folder (a bundle may report neither)."""
    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            Path(PySide6.__file__).parent / "Qt" / "translations"]


def install_qt_chinese(app: QApplication) -> bool:
    """Load Qt's Chinese catalogue once; False (English Qt words, nothing worse) when it is missing."""
    global _translator
    if _translator is not None:
        return True
    translator = QTranslator(app)
    for folder in translation_folders():
        if translator.load(CATALOGUE, str(folder)):
            app.installTranslator(translator)
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            _translator = translator
            return True
    return False


def qt_speaks_chinese() -> bool:
    return QApplication.translate("QPlatformTheme", "Cancel") == "取消"
