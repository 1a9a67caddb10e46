"""Choose the packets, where to put them, generate them off the UI thread, then preview or print.

What can stop a build is said here in words a user can act on: a field still empty (go and fill it),
a character no font can print (which field, which character), a PDF held open by a viewer (close it,
or write the new one beside it). After a policy's end date, packets are only built when the user
ticks that the declared events happened while it was in force, and confirms it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

from zjtx_desktop.core.atomic import WriteFailed
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import Evaluation
from zjtx_desktop.ui import dialogs, errors, services
from zjtx_desktop.ui.pdf_preview import PdfPreview, open_folder
from zjtx_desktop.ui.screen import fit_dialog
from zjtx_desktop.ui.worker import run_in_background

OUTPUT_ROOT = "专精特新申报材料"
FOLDER_NAME_LIMIT = 40  # characters of the firm's name in the default folder (Windows paths are short)


def default_output_folder(company_name: str | None, on: date) -> Path:
    """Documents/专精特新申报材料/<firm>/<date>: one folder per firm and day, easy to find again."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    firm = services.safe_file_part(name=company_name, fallback="未命名企业").replace(" ", "_")
    firm = firm[:FOLDER_NAME_LIMIT].rstrip(" ._")
    return Path(documents) / OUTPUT_ROOT / (firm or "未命名企业") / on.isoformat()


_UNCHANGED = "已有的文件都没有改动。"  # said only when true: a set left part new names its new files instead


class PacketsDialog(QDialog):
    go_to_field = Signal(str)
    generated = Signal(list)

    def __init__(self, *, profile: Profile, evaluation: Evaluation, folder: Path,
                 record: Callable[[list[Path]], None], policy_end: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("packets_dialog")
        self.setWindowTitle("生成申请材料")
        fit_dialog(self, QSize(760, 640))
        self.profile, self.evaluation, self._record = profile, evaluation, record
        self.policy_end = policy_end
        self.paths: list[Path] = []
        self.choices = QListWidget()
        self.choices.setObjectName("packets_choices")
        self.allow_expired = QCheckBox()
        self.allow_expired.setObjectName("packets_allow_expired")
        self.allow_expired.setVisible(bool(policy_end and services.applicable_measures(
            evaluation=evaluation, allow_expired=True)))
        if policy_end:
            self.allow_expired.setText(f"政策已于{policy_end.isoformat()}到期；申报的事项发生在政策有效期内，"
                                       "仍按参考金额生成申请材料(&E)")
        self.allow_expired.toggled.connect(self._expired_toggled)
        self.split = QCheckBox("同时生成网上申报用的分件PDF（申请表、计算说明、信用承诺书、材料清单各一个）(&S)")
        self.split.setObjectName("packets_split")
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
        self.notes = QLabel()
        self.notes.setObjectName("packets_notes")
        self.notes.setWordWrap(True)
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
        layout.addWidget(self.allow_expired)
        layout.addWidget(self.split)
        layout.addLayout(folder_row)
        layout.addWidget(QLabel("已生成的文件（双击预览、打印）："))
        layout.addWidget(self.files, 1)
        layout.addWidget(self.notes)
        layout.addLayout(actions)
        self._fill_choices()

    def _fill_choices(self) -> None:
        self.choices.clear()
        for measure in services.applicable_measures(evaluation=self.evaluation,
                                                    allow_expired=self.allow_expired.isChecked()):
            result = self.evaluation.result(measure)
            if result.amount is not None:
                amount = f"，最高 {format_yuan(result.amount)} 元"
            elif result.reference_amount is not None:
                amount = f"，参考金额 {format_yuan(result.reference_amount)} 元"
            else:
                amount = ""
            item = QListWidgetItem(f"第{result.number}条 {result.title}（{result.status}{amount}）")
            item.setData(Qt.ItemDataRole.UserRole, measure)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.choices.addItem(item)

    def _expired_toggled(self, checked: bool) -> None:
        """Packets after the policy's end only on an explicit, confirmed choice."""
        policy = f"{self.evaluation.document_number}《{self.evaluation.policy_title}》"
        if checked and not dialogs.confirm(
                self, title="政策已过有效期", yes="确认生成", no="不生成",
                text=f"{policy}的有效期至{self.policy_end.isoformat()}，评估日{self.evaluation.on.isoformat()}已过期。\n"
                     "只有申报的事项（投资、贷款、活动等）发生在政策有效期内，且责任单位仍在受理时，才可按本政策申报。\n"
                     "确认后，申请材料按评估的参考金额生成，封面注明政策有效期。是否确认？"):
            self.allow_expired.blockSignals(True)
            self.allow_expired.setChecked(False)
            self.allow_expired.blockSignals(False)
            return
        self._fill_choices()

    def options(self, *, beside: bool = False):
        return services.packet_options(split=self.split.isChecked(), beside=beside,
                                       policy_end=self.policy_end if self.allow_expired.isChecked() else None)

    def chosen(self) -> list[str]:
        items = (self.choices.item(row) for row in range(self.choices.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def _browse(self) -> None:
        folder = dialogs.choose_folder(self, title="选择保存申请材料的文件夹", folder=self.folder.text())
        if folder:
            self.folder.setText(folder)

    def generate(self, *, beside: bool = False):
        """Check first for fields the packets need, then build them on the thread pool."""
        measures = self.chosen()
        options = self.options(beside=beside)
        missing = services.missing_packet_fields(profile=self.profile, evaluation=self.evaluation, measures=measures,
                                                 options=options)
        if missing:
            self._offer_missing(missing)
            return None
        self.generate_button.setEnabled(False)
        out_dir = Path(self.folder.text())
        return run_in_background(
            parent=self, title="正在生成申请材料…",
            work=lambda progress: services.build_packets(profile=self.profile, evaluation=self.evaluation,
                                                         out_dir=out_dir, measures=measures, progress=progress,
                                                         options=options),
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
        self.notes.setText("\n".join(getattr(paths, "notes", ())))
        self._record(self.paths)
        self.files.clear()
        for path in self.paths:
            item = QListWidgetItem(str(path.relative_to(Path(self.folder.text()).absolute())))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.files.addItem(item)
        if self.files.count():
            self.files.setCurrentRow(0)
        self.generated.emit(self.paths)

    def _failed(self, error: BaseException) -> None:
        self.generate_button.setEnabled(True)
        fields = services.fields_missing_from(error)
        unprintable = services.unprintable_from(error)
        if fields:
            self._offer_missing(fields)
        elif unprintable is not None:
            self._offer_unprintable(unprintable)
        elif isinstance(error, WriteFailed) and error.in_use:
            self._offer_beside(error)
        elif isinstance(error, WriteFailed):
            dialogs.warn(self, title="申请材料未能生成", text=f"{error}。\n{_UNCHANGED if error.unchanged else ''}")
        else:
            errors.report(error, parent=self, title="申请材料未能生成")

    def _offer_unprintable(self, error) -> None:
        if dialogs.confirm(self, title="有无法打印的字", yes="去修改", no="暂不", text=str(error)):
            self.go_to_field.emit(error.fields[0].key)
            self.accept()

    def _offer_beside(self, error: WriteFailed) -> None:
        """A PDF open in a viewer cannot be replaced on Windows: close it, or keep it and write beside it."""
        if dialogs.confirm(self, title="文件正被其他程序打开", yes="另存为新文件", no="关闭后重试",
                           text=f"{error}。\n{_UNCHANGED if error.unchanged else ''}可以关闭该文件后再点“生成”，"
                                "或把新文件另存在旁边（文件名加“（新）”，原文件不动）。"):
            self.generate(beside=True)

    def _preview_current(self) -> None:
        item = self.files.currentItem()
        if item is not None:
            self.preview(Path(item.data(Qt.ItemDataRole.UserRole)))

    def preview(self, path: Path) -> PdfPreview:
        dialog = PdfPreview(path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
