"""文件 → 留存的旧数据文件: what kept_aside/ holds (damaged files, data replaced by a restore), with
sizes, and removing the ones the user chooses. Nothing is ever removed without the user asking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.store.kept_aside import KeptFile, kept_files, remove_kept, total_size
from zjtx_desktop.store.locations import damaged_dir
from zjtx_desktop.ui import dialogs, services
from zjtx_desktop.ui.tables import list_table


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size, 1) / 1024:.0f} KB"


class KeptAsideDialog(QDialog):
    def __init__(self, *, data_dir: Path, read_only: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kept_aside_dialog")
        self.setWindowTitle("留存的旧数据文件")
        self.resize(720, 400)
        self.data_dir, self.files = Path(data_dir), []
        self.summary = QLabel()
        self.summary.setObjectName("kept_aside_summary")
        self.summary.setWordWrap(True)
        self.table = list_table("kept_aside_files", ["文件", "原因", "时间", "大小"], single=False)
        self.remove_button = QPushButton("删除所选(&D)…")
        self.remove_button.setObjectName("kept_aside_remove")
        self.remove_button.setEnabled(False)
        self.remove_button.setVisible(not read_only)
        self.remove_button.clicked.connect(self._remove_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.files = kept_files(self.data_dir)
        folder = damaged_dir(self.data_dir)
        if self.files:
            self.summary.setText(f"以下是程序留存的旧数据库文件（损坏的文件、恢复备份前的数据），共 {len(self.files)} 个，"
                                 f"占用 {size_text(total_size(self.files))}，位于 {folder}。程序从不自动删除它们；"
                                 "确认不再需要（或已交给技术支持）后，可以选中删除。")
        else:
            self.summary.setText(f"没有留存的旧数据文件（{folder}）。")
        self.table.setRowCount(len(self.files))
        for row, kept in enumerate(self.files):
            for column, text in enumerate((kept.name, kept.reason, f"{kept.modified:%Y-%m-%d %H:%M}", size_text(kept.size))):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> list[KeptFile]:
        return [self.files[index.row()] for index in self.table.selectionModel().selectedRows()]

    def _remove_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        names = "\n".join(kept.name for kept in chosen)
        if dialogs.confirm(self, title="删除留存的文件", yes="删除", no="取消",
                           text=f"确定永久删除以下文件（共 {size_text(total_size(chosen))}）吗？删除后无法恢复。\n{names}"):
            self.remove(chosen)

    def remove(self, chosen: list[KeptFile]) -> None:
        try:
            for kept in chosen:
                remove_kept(self.data_dir, kept.name)
        except services.StoreError as error:
            dialogs.warn(self, title="未能全部删除", text=str(error))
        self.refresh()
