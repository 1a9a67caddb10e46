"""One open firm: the wizard and its results side by side, re-evaluated after every saved field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.policy import Policy, RateSeries, policy_for
from zjtx_desktop.core.questions import Questions
from zjtx_desktop.core.results import Evaluation
from zjtx_desktop.ui import services
from zjtx_desktop.ui.accessibility import ASSESSMENT_VIEW, name_widgets
from zjtx_desktop.ui.assessment_view import AssessmentView
from zjtx_desktop.ui.results_view import ResultsView
from zjtx_desktop.ui.wheel_guard import guard_wheel
from zjtx_desktop.ui.wizard.wizard import DeclarationWizard

WIZARD_TAB, RESULTS_TAB, ASSESSMENT_TAB = 0, 1, 2


def clause_texts(policy: Policy) -> dict[str, str]:
    """Clause reference → the policy's words, for the help line under each field."""
    texts: dict[str, str] = {}
    for spec in policy.measures.values():
        if spec.clause not in texts.get(spec.clause_ref, ""):
            texts[spec.clause_ref] = f"{texts[spec.clause_ref]}\n{spec.clause}" if spec.clause_ref in texts else spec.clause
    return texts


class FirmWorkspace(QWidget):
    leave_requested = Signal()
    packets_requested = Signal()

    def __init__(self, *, session: services.FirmSession, questions: Questions, policies: tuple[Policy, ...],
                 rates: dict[str, RateSeries], today: Callable[[], date], data_dir: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workspace")
        self.session, self.policies, self.rates, self.today = session, policies, rates, today
        self.data_dir = data_dir
        self.evaluation: Evaluation | None = None
        self._unsaved_evaluation = False
        self._evaluation_id: int | None = None
        self.wizard = DeclarationWizard(session=session, questions=questions,
                                        clauses=clause_texts(policy_for(today(), policies)),
                                        packet_gaps=self.packet_gaps)
        self.results = ResultsView(questions)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspace_tabs")
        guard_wheel(self.tabs.tabBar())  # a wheel over the tabs (scrolling the page above) does not switch them
        self.tabs.addTab(self.wizard, "填报信息")
        self.tabs.addTab(self.results, "评估结果")
        self.assessment = AssessmentView(questions)
        name_widgets(self.assessment, ASSESSMENT_VIEW)
        self.tabs.addTab(self.assessment, "梯度自评")
        self.title = QLabel()
        self.title.setObjectName("workspace_title")
        self.title.setMinimumWidth(1)  # a long firm name is cut short (whole in the tooltip), never widens the window
        back = QPushButton("返回企业列表")
        back.setObjectName("workspace_back")
        back.clicked.connect(self.wizard.leave)
        self.back = back
        corner = QWidget()  # the firm's name and the way back sit beside the tabs: one row less on a laptop
        header = QHBoxLayout(corner)
        header.setContentsMargins(12, 0, 0, 2)
        header.addWidget(self.title, 1)
        header.addWidget(back)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        self.wizard.saved.connect(lambda _key: self.reevaluate())
        self.wizard.finished_declaration.connect(lambda: self.tabs.setCurrentIndex(RESULTS_TAB))
        self.wizard.leave_requested.connect(self.leave_requested)
        self.results.edit_field.connect(self.edit_field)
        self.assessment.edit_field.connect(self.edit_field)
        self.results.packets_requested.connect(self.packets_requested)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.reevaluate()
        self.wizard.resume()

    def resizeEvent(self, event) -> None:  # Qt override
        """The corner beside the tabs takes what its text asks for: the title is capped to leave
        the tabs their room (a long firm name is cut short, whole in the tooltip)."""
        room = self.width() - self.tabs.tabBar().sizeHint().width() - self.back.sizeHint().width() - 48
        self.title.setMaximumWidth(max(room, 80))
        super().resizeEvent(event)

    def _tab_changed(self, index: int) -> None:
        """A tab click does not take the focus, so the field being typed is saved here first."""
        self.wizard.save_now()
        if index == RESULTS_TAB:
            self.store_evaluation()

    def reevaluate(self) -> Evaluation:
        """Evaluation takes well under a millisecond, so it runs after every saved field."""
        profile = self.session.profile()
        self.evaluation = services.evaluate_firm(profile=profile, on=self.today(), policies=self.policies,
                                                 rates=self.rates)
        self._unsaved_evaluation = True
        self.results.show_evaluation(self.evaluation)
        assessment = services.assess_firm(profile=profile, on=self.today(), policies=self.policies, rates=self.rates,
                                          data_dir=self.data_dir)
        self.assessment.show_assessment(assessment, profile)
        self.wizard.show_warning("company_size", assessment.size.warning)  # 划型 differs from the size chosen
        name = profile.get("company_name") or "（未填写企业名称）"
        read_only = "　【只读】" if self.session.read_only else ""
        self.title.setText(f"<b>{name}</b>　最高可申请合计 {format_yuan(self.evaluation.total)} 元{read_only}")
        self.title.setToolTip(f"{name}　最高可申请合计 {format_yuan(self.evaluation.total)} 元")
        return self.evaluation

    def packet_gaps(self) -> list:
        """What 生成申请材料 would still stop for, by the packets' own check (for the review page)."""
        evaluation = self.evaluation or self.reevaluate()
        return services.packet_gaps(profile=self.session.profile(), evaluation=evaluation)

    def store_evaluation(self) -> int | None:
        """Keep the evaluation the user looked at, so the firm list shows its date and total;
        returns its id (the packets made from it are recorded against it)."""
        if self.evaluation is None or self.session.read_only:
            return None
        if self._unsaved_evaluation:
            self._evaluation_id = self.session.save_evaluation(evaluation=self.evaluation)
            self._unsaved_evaluation = False
        return self._evaluation_id

    def edit_field(self, key: str) -> None:
        self.tabs.setCurrentIndex(WIZARD_TAB)
        self.wizard.focus_field(key)

    def show_results(self) -> None:
        self.tabs.setCurrentIndex(RESULTS_TAB)
