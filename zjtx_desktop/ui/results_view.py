"""All measures at a glance (status, ceiling, one-line reason) and, for the one selected, the why.

The view only lays out what the evaluator wrote: computation lines, clause, 责任单位, materials and
what is missing. A missing item that names a field is a link straight to that field in the wizard.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.core.money import capitalize_yuan, format_yuan
from zjtx_desktop.core.questions import Questions
from zjtx_desktop.core.results import Evaluation, MeasureResult, Status
from zjtx_desktop.ui.tables import list_table

# Text colours on white, each at least 4.5:1 (WCAG AA); the white mark on each disc is as readable.
STATUS_COLOURS = {
    Status.ELIGIBLE: "#1e7d32", Status.NOT_ELIGIBLE: "#616161", Status.INSUFFICIENT: "#a35c00",
    Status.OTHER_POLICY: "#1565c0", Status.NON_MONETARY: "#00695c", Status.OUT_OF_FORCE: "#6a1b9a",
}
STATUS_MARKS = {
    Status.ELIGIBLE: "✓", Status.NOT_ELIGIBLE: "×", Status.INSUFFICIENT: "?", Status.OTHER_POLICY: "→",
    Status.NON_MONETARY: "i", Status.OUT_OF_FORCE: "期",
}
FOR_REFERENCE = "仅供参考"
KIND_NOTES = {"financing": "（融资支持，非补助）", "interest_subsidy": "（贴息）"}
QUOTED = re.compile(r"“([^”]+)”")


def amount_text(result: MeasureResult) -> str:
    """The ceiling as the table shows it; outside the policy's dates only a figure labelled 仅供参考."""
    if result.reference_amount is not None:
        return f"（{FOR_REFERENCE}）{format_yuan(result.reference_amount)}"
    if result.amount is None:
        return ""
    return format_yuan(result.amount) + KIND_NOTES.get(result.kind, "")


def status_icon(status: Status) -> QIcon:
    """A coloured disc with a mark: readable by colour, by shape, and (beside it) by word."""
    pixmap = QPixmap(18, 18)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(STATUS_COLOURS[status]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 16, 16)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(12)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, STATUS_MARKS[status])
    painter.end()
    return QIcon(pixmap)


class ResultsView(QWidget):
    edit_field = Signal(str)
    packets_requested = Signal()

    def __init__(self, questions: Questions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("results_view")
        self.labels = {spec.label: spec.key for spec in questions.fields}
        self.evaluation: Evaluation | None = None
        self.validity = QLabel()
        self.validity.setObjectName("results_validity")
        self.validity.setWordWrap(True)
        self.total = QLabel()
        self.total.setObjectName("results_total")
        self.total.setWordWrap(True)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        packets = QPushButton("生成申请材料(&P)…")
        packets.setObjectName("results_packets")
        packets.clicked.connect(self.packets_requested)
        header = QHBoxLayout()
        header.addWidget(self.total, 1)
        header.addWidget(packets)
        self.table = list_table("results_table", ["措施", "名称", "结果", "最高可申请（元）", "说明"], stretch=4)
        self.table.setAccessibleName("各项措施的评估结果")
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.details = QTextBrowser()
        self.details.setObjectName("results_details")
        self.details.setAccessibleName("所选措施的详细说明")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([380, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.validity)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

    def show_evaluation(self, evaluation: Evaluation) -> None:
        """Refill the table, keeping the selected measure so an edit does not lose the user's place."""
        selected = self.current_measure()
        self.evaluation = evaluation
        in_force = evaluation.policy_in_force
        self.validity.setText(f"{evaluation.policy_title}（{evaluation.validity_note}）。评估日期 "
                              f"{evaluation.on.isoformat()}。{evaluation.reading_notice}。")
        self.validity.setStyleSheet("" if in_force else "color: #b3261e; font-weight: bold;")
        references = sum(1 for result in evaluation.results if result.reference_amount is not None)
        reference_note = f"；另有 {references} 项按本政策计算的金额{FOR_REFERENCE}（政策不在有效期），不计入合计" \
            if references else ""
        self.total.setText(f"<b>最高可申请资金合计：{format_yuan(evaluation.total)} 元</b>"
                           f"（{capitalize_yuan(evaluation.total)}）　不含融资支持与转其他政策事项{reference_note}")
        self.table.setRowCount(len(evaluation.results))
        for row, result in enumerate(evaluation.results):
            status = QTableWidgetItem(status_icon(result.status), str(result.status))
            status.setForeground(QColor(STATUS_COLOURS[result.status]))
            cells = [QTableWidgetItem(result.measure), QTableWidgetItem(result.title), status,
                     QTableWidgetItem(amount_text(result)), QTableWidgetItem(result.explanation)]
            if result.reference_amount is not None:
                cells[3].setForeground(QColor(STATUS_COLOURS[result.status]))
                cells[3].setToolTip("政策不在有效期，此金额仅供参考，不计入合计，不能据此申请。")
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[4].setToolTip(result.explanation)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        measures = [r.measure for r in evaluation.results]
        self.table.selectRow(measures.index(selected) if selected in measures else 0)
        self._show_details(self.table.currentRow())

    def current_measure(self) -> str | None:
        if self.evaluation is None or self.table.currentRow() < 0:
            return None
        return self.evaluation.results[self.table.currentRow()].measure

    def _show_details(self, row: int) -> None:
        if self.evaluation is None or not 0 <= row < len(self.evaluation.results):
            self.details.clear()
            return
        self.details.setHtml(self.details_html(self.evaluation.results[row]))

    def details_html(self, result: MeasureResult) -> str:
        def section(title: str, lines, link_fields: bool = False) -> str:
            if not lines:
                return ""
            items = "".join(f"<li>{self._linked(line) if link_fields else html.escape(line)}</li>" for line in lines)
            return f"<h4>{title}</h4><ul>{items}</ul>"

        colour = STATUS_COLOURS[result.status]
        amount = f"，最高可申请 {format_yuan(result.amount)} 元" if result.amount is not None else ""
        if result.reference_amount is not None:
            amount = f"，按本政策计算为 {format_yuan(result.reference_amount)} 元（{FOR_REFERENCE}，不计入合计）"
        return (
            f"<h3>第{result.number}条　{html.escape(result.title)}"
            f"　<span style='color:{colour}'>{result.status}{amount}</span></h3>"
            f"<p>{html.escape(result.explanation)}</p>"
            + section("怎样才能符合 / 还需补充", result.missing, link_fields=True)
            + section("计算过程", result.computation)
            + f"<h4>政策原文（{html.escape(result.clause_ref)}）</h4>"
              f"<blockquote>{html.escape(result.clause)}</blockquote>"
            + section("责任单位", result.responsible_units)
            + section("申请材料", result.materials)
            + section("非资金支持", result.non_monetary)
            + section("本软件的解读（以责任单位解释为准）", result.readings)
        )

    def _linked(self, line: str) -> str:
        """'填写“目前持有的最高称号”' → the quoted label becomes a link to that field."""
        parts, last = [], 0
        for match in QUOTED.finditer(line):
            key = self.labels.get(match.group(1))
            text = html.escape(match.group(0))
            parts += [html.escape(line[last:match.start()]), f"<a href='field:{key}'>{text}</a>" if key else text]
            last = match.end()
        return "".join([*parts, html.escape(line[last:])])

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "field":
            self.edit_field.emit(url.path())
