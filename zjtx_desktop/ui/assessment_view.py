"""The 梯度自评 tab: which title the firm can apply for, each criterion, the gaps and what it opens.

It only lays out core's assessment. Each 信息不足 names the questions to answer as links straight to
those fields in the wizard; a size that differs from the one chosen links to 企业规模. The report
button writes the 梯度培育自评报告 off the UI thread.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor
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

from zjtx_desktop.core.assessment.display import signed_yuan
from zjtx_desktop.core.assessment.results import Assessment, CriterionResult, TierAssessment
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.questions import Questions
from zjtx_desktop.core.results import Status
from zjtx_desktop.ui import dialogs, services
from zjtx_desktop.ui.results_view import STATUS_COLOURS
from zjtx_desktop.ui.tables import list_table
from zjtx_desktop.ui.worker import run_in_background

# The results tab's colours (each at least 4.5:1 on white), so a verdict reads the same in both tabs.
VERDICT_COLOURS = {"符合": STATUS_COLOURS[Status.ELIGIBLE], "不符合": "#b3261e",
                   "信息不足": STATUS_COLOURS[Status.INSUFFICIENT], "需人工核验": STATUS_COLOURS[Status.OTHER_POLICY]}
OVERALL_COLOURS = {"可申请": STATUS_COLOURS[Status.ELIGIBLE], "暂不具备": STATUS_COLOURS[Status.NOT_ELIGIBLE],
                   "需补充信息": STATUS_COLOURS[Status.INSUFFICIENT], "需人工核验": STATUS_COLOURS[Status.OTHER_POLICY]}
INDENT_PX = 14


class AssessmentView(QWidget):
    edit_field = Signal(str)

    def __init__(self, questions: Questions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assessment_view")
        self.questions = questions
        self.assessment: Assessment | None = None
        self.profile: Profile | None = None
        self.summary = QLabel()
        self.summary.setObjectName("assessment_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_warning = QLabel()
        self.size_warning.setObjectName("assessment_size_warning")
        self.size_warning.setWordWrap(True)
        self.size_warning.setStyleSheet("color: #b3261e;")
        self.size_warning.linkActivated.connect(lambda link: self._link(QUrl(link)))
        report = QPushButton("生成自评报告(&Z)…")
        report.setObjectName("assessment_report")
        report.clicked.connect(self.write_report)
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(report)
        self.table = list_table("assessment_tiers", ["称号", "类型", "结论", "获评后可多申请（元）"], stretch=0)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.details = QTextBrowser()
        self.details.setObjectName("assessment_details")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([140, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.size_warning)
        layout.addWidget(splitter, 1)

    def show_assessment(self, assessment: Assessment, profile: Profile, *, notice: str = "") -> None:
        """Refill, keeping the selected title so an edit does not lose the user's place; `notice`: what
        the user must know about the criteria used (an imported set that could not be read)."""
        selected = self.current_tier()
        self.assessment, self.profile = assessment, profile
        notice_html = f'<br><span style="color:#b3261e">{html.escape(notice)}</span>' if notice else ""
        notice_html += "".join(  # 重点“小巨人”: conferred by selection, shown and never assessed
            f"<br><small>{html.escape(d.title)}（{html.escape(d.kind_label)}）：{html.escape(d.verdict_text)}。"
            f"{html.escape(d.note)}</small>" for d in assessment.designated)
        size, best = assessment.size, assessment.best_reachable
        size_text = size.size_label or str(size.status)
        self.summary.setText(
            f"评估日期 {assessment.on.isoformat()}，认定标准：{assessment.set_document}《{assessment.set_title}》。"
            f"目前称号：{assessment.current_tier_label}。企业规模（测算）：{size_text}"
            f"{'（' + size.line_title + '）' if size.line_title else ''}。"
            f"<b>目前可申请的最高梯度：{best.title if best else '暂无'}</b>"
            f"{notice_html}")
        warning = size.warning or ("；".join(size.working) if size.status.value != "符合" else "")
        link = " <a href='field:company_size'>核对企业规模</a>" if size.warning else ""
        self.size_warning.setText(f"{html.escape(warning)}{link}" if warning else "")
        self.size_warning.setVisible(bool(warning))
        self.table.setRowCount(len(assessment.tiers))
        for row, tier in enumerate(assessment.tiers):
            overall = QTableWidgetItem(str(tier.overall))
            overall.setForeground(QColor(OVERALL_COLOURS[str(tier.overall)]))
            opens = "" if tier.opens_total is None else (
                signed_yuan(tier.opens_total) if tier.opens_lost else format_yuan(tier.opens_total))  # a net, signed
            cells = [QTableWidgetItem(tier.title), QTableWidgetItem(tier.kind_label), overall, QTableWidgetItem(opens)]
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        keys = [(t.tier, t.kind) for t in assessment.tiers]
        self.table.selectRow(keys.index(selected) if selected in keys else 0)
        self._show_details(self.table.currentRow())

    def current_tier(self) -> tuple[str, str] | None:
        if self.assessment is None or not 0 <= self.table.currentRow() < len(self.assessment.tiers):
            return None
        tier = self.assessment.tiers[self.table.currentRow()]
        return tier.tier, tier.kind

    def _show_details(self, row: int) -> None:
        if self.assessment is None or not 0 <= row < len(self.assessment.tiers):
            self.details.clear()
            return
        self.details.setHtml(self.details_html(self.assessment.tiers[row]))

    def _field_links(self, keys) -> str:
        links = [f"<a href='field:{key}'>填写“{html.escape(self.questions.field(key).label)}”</a>"
                 for key in dict.fromkeys(keys) if self.questions.has_field(key)]
        return "；".join(links)

    def _row_html(self, row: CriterionResult) -> str:
        colour = VERDICT_COLOURS[str(row.status)]
        extra = []
        if str(row.status) == "信息不足" and row.fields:
            extra.append(self._field_links(row.fields))
        if row.note and str(row.status) != "符合":
            extra.append(html.escape(row.note))
        value = html.escape(row.value) + (f"（{html.escape(row.points)}）" if row.points else "")
        notes = "".join(f"<br><small>{line}</small>" for line in extra if line)
        return (f"<tr><td style='color:{colour}'>{row.status}</td>"
                f"<td style='padding-left:{INDENT_PX * row.depth}px'>{html.escape(row.title)}{notes}</td>"
                f"<td>{value}</td><td>{html.escape(row.threshold)}</td><td>{html.escape(row.clause)}</td></tr>")

    def details_html(self, tier: TierAssessment) -> str:
        colour = OVERALL_COLOURS[str(tier.overall)]
        parts = [f"<h3>{html.escape(tier.title)}（{tier.kind_label}）　<span style='color:{colour}'>{tier.overall}</span></h3>",
                 f"<p>{html.escape(tier.overall_note)}</p>",
                 f"<p><small>依据：{html.escape(tier.document)} {html.escape(tier.annex)}"
                 f"{'；' + html.escape(tier.set_note) if tier.set_note else ''}</small></p>"]
        missing = self._field_links(tier.missing_fields)
        if missing:
            parts.append(f"<h4>还需补充的信息</h4><p>{missing}</p>")
        if tier.gap:
            items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in tier.gap)
            parts.append(f"<h4>差距与建议</h4><ul>{items}</ul>")
        rows = "".join(self._row_html(row) for row in tier.criteria)
        parts.append("<h4>逐项条件</h4><table border='1' cellspacing='0' cellpadding='3'>"
                     "<tr><th>结论</th><th>条件</th><th>企业数据</th><th>要求</th><th>出处</th></tr>" + rows + "</table>")
        if tier.opens_total is not None:
            items = "".join(f"<li>第{html.escape(o.measure)}项 {html.escape(o.title)}：{o.status_before} → {o.status_after}"
                            f"{'' if o.amount is None else '　' + o.amount_text + ' 元'}</li>" for o in tier.opens)
            parts.append(f"<h4>获评后按本政策的变化</h4><ul>{items}</ul><p><b>{html.escape(tier.opens_note)}</b></p>")
        if self.assessment is not None:
            if self.assessment.readings:  # the verdicts rest on them: said as the report and the CLI say them
                items = "".join(f"<li>{html.escape(reading)}</li>" for reading in self.assessment.readings)
                parts.append(f"<h4>本软件的解读（以认定部门解释为准）</h4><ul>{items}</ul>")
            parts.append(f"<p><small>{html.escape(self.assessment.notice)}</small></p>")
        return "".join(parts)

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "field":
            self.edit_field.emit(url.path())

    def write_report(self) -> None:
        """Ask where, then build the PDF on the thread pool; say where it went."""
        if self.assessment is None or self.profile is None:
            return
        from zjtx_desktop.ui.packets_dialog import default_output_folder  # QtPdf, on first use

        assessment, profile = self.assessment, self.profile
        suggested = default_output_folder(profile.get("company_name"), assessment.on)
        folder = dialogs.choose_folder(self, title="选择自评报告的保存位置", folder=str(suggested))
        if not folder:
            return
        run_in_background(parent=self, title="正在生成梯度培育自评报告…", on_done=self._report_written,
                          work=lambda progress: services.build_assessment_report(profile=profile, assessment=assessment,
                                                                                 folder=folder))

    def _report_written(self, path) -> None:
        dialogs.inform(self, title="自评报告已生成", text=f"已保存：{path}")

