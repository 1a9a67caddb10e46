"""Choose the packets, where to put them, generate them off the UI thread, then preview or print."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import Evaluation
from zjtx_desktop.ui import dialogs, errors, services
from zjtx_desktop.ui.pdf_preview import PdfPreview, open_folder
from zjtx_desktop.ui.screen import fit_dialog
from zjtx_desktop.ui.worker import run_in_background

OUTPUT_ROOT = "专精特新申报材料"
UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def default_output_folder(company_name: str | None, on: date) -> Path:
    """Documents/专精特新申报材料/<firm>/<date>: one folder per firm and day, easy to find again."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    firm = UNSAFE.sub("_", company_name or "未命名企业").strip("_") or "未命名企业"
    return Path(documents) / OUTPUT_ROOT / firm / on.isoformat()


class PacketsDialog(QDialog):
    go_to_field = Signal(str)
    generated = Signal(list)

    def __init__(self, *, profile: Profile, evaluation: Evaluation, folder: Path,
                 record: Callable[[list[Path]], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("packets_dialog")
        self.setWindowTitle("生成申请材料")
        fit_dialog(self, QSize(760, 640))
        self.profile, self.evaluation, self._record = profile, evaluation, record
        self.paths: list[Path] = []
        self.choices = QListWidget()
        self.choices.setObjectName("packets_choices")
        for measure in services.applicable_measures(evaluation=evaluation):
            result = evaluation.result(measure)
            amount = f"，最高 {format_yuan(result.amount)} 元" if result.amount is not None else ""
            item = QListWidgetItem(f"第{result.number}条 {result.title}（{result.status}{amount}）")
            item.setData(Qt.ItemDataRole.UserRole, measure)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.choices.addItem(item)
        self.folder = QLineEdit(str(folder))
        self.folder.setObjectName("packets_folder")
        browse = QPushButton("浏览(&B)…")
        browse.clicked.connect(self._browse)
        self.generate_button = QPushButton("生成(&G)")
        self.generate_button.setObjectName("packets_generate")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.files = QListWidget()
        self.files.setObjectName("packets_files")
        self.files.itemActivated.connect(lambda item: self.preview(Path(item.data(Qt.ItemDataRole.UserRole))))
        preview = QPushButton("预览 / 打印(&V)")
        preview.setObjectName("packets_preview")
        preview.clicked.connect(self._preview_current)
        open_button = QPushButton("打开文件夹(&O)")
        open_button.setObjectName("packets_open_folder")
        open_button.clicked.connect(lambda: open_folder(Path(self.folder.text())))
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel("保存到："))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        actions = QHBoxLayout()
        actions.addWidget(self.generate_button)
        actions.addStretch(1)
        actions.addWidget(preview)
        actions.addWidget(open_button)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("勾选要生成的申请材料（已勾选全部可申请的措施；另附全部15条措施的评估汇总表）："))
        layout.addWidget(self.choices, 2)
        layout.addLayout(folder_row)
        layout.addWidget(QLabel("已生成的文件（双击预览、打印）："))
        layout.addWidget(self.files, 1)
        layout.addLayout(actions)

    def chosen(self) -> list[str]:
        items = (self.choices.item(row) for row in range(self.choices.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def _browse(self) -> None:
        folder = dialogs.choose_folder(self, title="选择保存申请材料的文件夹", folder=self.folder.text())
        if folder:
            self.folder.setText(folder)

    def generate(self):
        """Check first for fields the packets need, then build them on the thread pool."""
        measures = self.chosen()
        missing = services.missing_packet_fields(profile=self.profile, evaluation=self.evaluation, measures=measures)
        if missing:
            self._offer_missing(missing)
            return None
        self.generate_button.setEnabled(False)
        out_dir = Path(self.folder.text())
        return run_in_background(
            parent=self, title="正在生成申请材料…",
            work=lambda progress: services.build_packets(profile=self.profile, evaluation=self.evaluation,
                                                         out_dir=out_dir, measures=measures, progress=progress),
            on_done=self._done, on_failed=self._failed)

    def _offer_missing(self, missing) -> None:
        names = "、".join(f"“{spec.label}”" for spec in missing)
        if dialogs.confirm(self, title="还缺少信息", yes="去填写", no="暂不",
                           text=f"生成所选申请材料前，还须填写：{names}。\n点“去填写”直接转到第一项。"):
            self.go_to_field.emit(missing[0].key)
            self.accept()

    def _done(self, paths: list[Path]) -> None:
        self.generate_button.setEnabled(True)
        self.paths = [Path(p) for p in paths]
        self._record(self.paths)
        self.files.clear()
        for path in self.paths:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.files.addItem(item)
        if self.files.count():
            self.files.setCurrentRow(0)
        self.generated.emit(self.paths)

    def _failed(self, error: BaseException) -> None:
        self.generate_button.setEnabled(True)
        fields = services.fields_missing_from(error)
        if fields:
            self._offer_missing(fields)
        else:
            errors.report(error, parent=self, title="申请材料未能生成")

    def _preview_current(self) -> None:
        item = self.files.currentItem()
        if item is not None:
            self.preview(Path(item.data(Qt.ItemDataRole.UserRole)))

    def preview(self, path: Path) -> PdfPreview:
        dialog = PdfPreview(path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
