"""帮助: the Chinese user guide shipped under resources/guide/, shown inside the application (offline)."""

from __future__ import annotations

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from zjtx_desktop.core.paths import resources_dir
from zjtx_desktop.ui.screen import fit_dialog

GUIDE = "用户指南.md"
IMAGE_WIDTH = 760  # the screenshots are full-window grabs; shown smaller so no sideways scrolling


def guide_path():
    return resources_dir() / "guide" / GUIDE


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle("用户指南")
        fit_dialog(self, QSize(920, 860))
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setAccessibleName("用户指南")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        self._fit_pictures(IMAGE_WIDTH)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)

    def _fit_pictures(self, width: int) -> None:
        """Markdown cannot size a picture, so each one is scaled here, keeping its proportions."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            for fragment in (it.fragment() for it in _fragments(block)):
                image = fragment.charFormat().toImageFormat()
                if image.isValid():
                    picture = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                    if picture is not None and picture.width() > width:
                        image.setWidth(width)
                        image.setHeight(picture.height() * width / picture.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image)
            block = block.next()


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator
        iterator += 1
