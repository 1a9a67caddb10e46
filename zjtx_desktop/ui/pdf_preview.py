"""Preview a packet inside the application (QtPdf) and print it through the system print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from zjtx_desktop.ui.screen import fit_dialog

PRINT_DPI = 300  # sharp text on paper without page images the size of a poster


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw each page, scaled to fit the paper; returns the number of pages sent to the printer."""
    first = max(printer.fromPage(), 1) - 1
    last = (printer.toPage() or document.pageCount()) - 1
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(0, "打印机无法开始打印，请检查打印机是否连接并已开机", printer.printerName())
    try:
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            area = painter.viewport()
            points = document.pagePointSize(index)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(index, size)
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
    finally:
        painter.end()
    return last - first + 1


class PdfPreview(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.path = Path(path)
        self.setWindowTitle(f"预览：{self.path.name}")
        fit_dialog(self, QSize(900, 1000))
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setAccessibleName(f"预览：{self.path.name}")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox()
        print_button = QPushButton("打印(&P)…")
        print_button.setObjectName("preview_print")
        print_button.clicked.connect(self.print_with_dialog)
        folder_button = QPushButton("打开所在文件夹(&O)")
        folder_button.clicked.connect(lambda: open_folder(self.path.parent))
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(self.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_document(self.document, printer)


def open_folder(folder: Path) -> bool:
    """The folder in the system file manager, where the user copies or e-mails the PDFs."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
