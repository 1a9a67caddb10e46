"""The 梯度自评 tab beside 评估结果: the titles with their verdicts, every criterion, links from each
信息不足 to its question, the size warning, and the report written off the UI thread."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWizard

from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.paths import examples_dir
from zjtx_desktop.core.profile import Profile, load_profile_json
from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.assessment_view import AssessmentView

ON = date(2026, 6, 30)


def example(stem: str, **changes) -> Profile:
    profile = load_profile_json(next(examples_dir().glob(f"{stem}*.json")).read_text(encoding="utf-8"))[0]
    return profile.with_values(**changes) if changes else profile


def view_of(qtbot, profile: Profile) -> AssessmentView:
    view = AssessmentView(default_questions())
    qtbot.add_widget(view)
    view.show_assessment(assess(profile, ON), profile)
    return view


def rows(view: AssessmentView) -> list[list[str]]:
    return [[view.table.item(r, c).text() for c in range(4)] for r in range(view.table.rowCount())]


def test_the_tab_lists_each_title_with_its_verdict_and_what_it_opens(qtbot):
    view = view_of(qtbot, example("06"))
    assert rows(view) == [["专精特新中小企业", "申请", "暂不具备", "376,000.00"],
                          ["专精特新“小巨人”企业", "申请", "暂不具备", "1,376,000.00"]]
    details = view.details.toPlainText()
    assert "约需再增加研发投入36万元" in details and "逐项条件" in details and "获评后按本政策的变化" in details
    assert "目前可申请的最高梯度：暂无" in view.summary.text()


def test_each_missing_fact_links_to_its_question(qtbot):
    view = view_of(qtbot, example("06", rd_expense_2y_ago=None))
    html = view.details_html(view.assessment.tier("srdi"))
    assert "href='field:rd_expense_2y_ago'" in html
    with qtbot.wait_signal(view.edit_field) as signal:
        view.details.anchorClicked.emit(QUrl("field:rd_expense_2y_ago"))
    assert signal.args == ["rd_expense_2y_ago"]


def test_a_size_that_differs_from_the_chosen_one_is_flagged_with_a_link(qtbot):
    view = view_of(qtbot, example("06", company_size="medium"))
    assert view.size_warning.isVisibleTo(view)
    assert "与所填“中型”不一致" in view.size_warning.text() and "field:company_size" in view.size_warning.text()
    with qtbot.wait_signal(view.edit_field) as signal:
        view.size_warning.linkActivated.emit("field:company_size")
    assert signal.args == ["company_size"]


def test_the_selected_title_stays_selected_after_an_edit(qtbot):
    profile = example("06")
    view = view_of(qtbot, profile)
    view.table.selectRow(1)
    view.show_assessment(assess(profile.with_values(platform_score=70), ON), profile)
    assert view.current_tier() == ("little_giant", "apply")


def test_the_report_is_written_to_the_chosen_folder(qtbot, tmp_path, monkeypatch):
    view = view_of(qtbot, example("03"))
    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, **kw: str(tmp_path))
    said = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, **kw: said.append(kw["text"]))
    view.findChild(QPushButton, "assessment_report").click()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert said[0].startswith("已保存：") and said[0].endswith("梯度培育自评报告.pdf")
    assert len(list(Path(tmp_path).glob("*.pdf"))) == 1


def test_the_workspace_has_the_tab_beside_the_results(qtbot, memory_session, tmp_path):
    from zjtx_desktop.core.policy import default_policies, default_rates
    from zjtx_desktop.ui.workspace import ASSESSMENT_TAB, FirmWorkspace

    for key, value in {"tier": "innovative", "industry_code": "C3919", "employees": "40"}.items():
        memory_session.save_field(key=key, raw=value)
    workspace = FirmWorkspace(session=memory_session, questions=default_questions(), policies=default_policies(),
                              rates=default_rates(), today=lambda: ON, data_dir=tmp_path)
    qtbot.add_widget(workspace)
    assert workspace.tabs.tabText(ASSESSMENT_TAB) == "梯度自评"
    assert workspace.assessment.assessment.size.line_title == "工业"
    memory_session.save_field(key="revenue", raw="30000000")
    workspace.reevaluate()
    assert workspace.assessment.assessment.size.size == "small"
    with qtbot.wait_signal(workspace.assessment.edit_field):
        workspace.assessment.details.anchorClicked.emit(QUrl("field:niche_market_since"))
    assert workspace.tabs.currentIndex() == 0


def test_the_tab_uses_a_criteria_set_imported_into_the_data_folder(qtbot, memory_session, tmp_path):
    """An administrator's successor set (zjtx-desktop criteria import) is what the tab assesses by from its date."""
    import shutil

    import yaml

    from zjtx_desktop.core.paths import resources_dir
    from zjtx_desktop.core.policy import default_policies, default_rates
    from zjtx_desktop.store.criteria_packs import import_criteria_pack
    from zjtx_desktop.ui.workspace import FirmWorkspace

    pack = tmp_path / "pack" / "miit-2027-1"
    shutil.copytree(resources_dir() / "criteria" / "miit-2026-2", pack)
    raw = yaml.safe_load((pack / "set.yaml").read_text(encoding="utf-8"))
    raw.update(id="miit-2027-1", effective_from=date(2027, 1, 1))
    (pack / "set.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    for cases in (pack / "cases").glob("*.yaml"):  # its 2027 cases were written for the set they name
        raw = yaml.safe_load(cases.read_text(encoding="utf-8"))
        raw["cases"] = [case for case in raw["cases"] if str(case.get("date", "")) < "2027"]
        cases.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    import_criteria_pack(source=pack, data_dir=data)
    memory_session.save_field(key="tier", raw="innovative")
    workspace = FirmWorkspace(session=memory_session, questions=default_questions(), policies=default_policies(),
                              rates=default_rates(), today=lambda: date(2027, 6, 30), data_dir=data)
    qtbot.add_widget(workspace)
    assert workspace.assessment.assessment.set_id == "miit-2027-1"


def test_the_wizard_warns_beside_the_size_field_when_the_chosen_size_differs_from_the_worked_out_one(
        qtbot, memory_session, tmp_path):
    """Issue 13: 划型 from industry, employees and revenue (page 企业经营) shows beside 企业规模 (page 企业身份),
    updates as the user chooses, and never blocks Next."""
    from zjtx_desktop.core.policy import default_policies, default_rates
    from zjtx_desktop.ui.workspace import FirmWorkspace

    from .user import User

    for key, value in {"industry_code": "C3919", "employees": "40", "revenue": "30000000"}.items():
        memory_session.save_field(key=key, raw=value)
    memory_session.meta["wizard_page"] = "identity"
    workspace = FirmWorkspace(session=memory_session, questions=default_questions(), policies=default_policies(),
                              rates=default_rates(), today=lambda: ON, data_dir=tmp_path)
    qtbot.add_widget(workspace)
    workspace.show()
    user = User(qtbot, workspace)
    message = user.find(QLabel, "company_size__message")
    assert not message.isVisibleTo(workspace)
    user.choose("company_size", "中型")
    assert memory_session.values["company_size"] == "medium"
    assert message.isVisibleTo(workspace) and "按划型标准测算为小型企业，与所填“中型”不一致" in message.text()
    assert workspace.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    user.choose("company_size", "小型")
    assert not message.isVisibleTo(workspace)
    memory_session.save_field(key="employees", raw="1200")  # another page's answer: a large firm
    memory_session.save_field(key="revenue", raw="500000000")
    workspace.reevaluate()
    assert "大型企业不能申报" in message.text() and message.isVisibleTo(workspace)


def test_a_link_to_a_question_on_a_page_skipped_by_a_no_answer_lands_on_that_answer_with_why(
        qtbot, memory_session, tmp_path):
    """The firm said 否 to 梯度培育自评, yet the tab links 信息不足 to 前年营业收入: the link used to end on
    核对 with nothing said. Now the cursor is on the 否 answer, and a note says what 是 would open."""
    from zjtx_desktop.core.policy import default_policies, default_rates
    from zjtx_desktop.ui.workspace import FirmWorkspace

    from .user import User

    memory_session.save_field(key="wants_tier_assessment", raw=False)
    workspace = FirmWorkspace(session=memory_session, questions=default_questions(), policies=default_policies(),
                              rates=default_rates(), today=lambda: ON, data_dir=tmp_path)
    qtbot.add_widget(workspace)
    workspace.show()
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    user = User(qtbot, workspace)
    workspace.assessment.details.anchorClicked.emit(QUrl("field:revenue_2y_ago"))
    assert user.page() == "page_tier"
    note = user.find(QLabel, "wants_tier_assessment__message")
    assert note.isVisibleTo(workspace)
    assert note.text() == "“梯度培育自评”一页因这里答“否”而未显示。要填写“前年营业收入”，请先改为“是”"
    assert workspace.wizard.pages["tier"].editors["wants_tier_assessment"].isAncestorOf(QApplication.focusWidget())
    user.answer("wants_tier_assessment", yes=True)
    assert memory_session.values["wants_tier_assessment"] is True and not note.isVisibleTo(workspace)
    workspace.assessment.details.anchorClicked.emit(QUrl("field:revenue_2y_ago"))
    assert user.page() == "page_tier_assessment"
    assert QApplication.focusWidget() is user.find(QLineEdit, "revenue_2y_ago")


def test_an_imported_criteria_set_that_no_longer_loads_does_not_keep_the_firm_from_opening(
        qtbot, memory_session, tmp_path):
    """The firm opens, the tab assesses by the bundled sets, and says why in red."""
    import shutil

    from zjtx_desktop.core.paths import resources_dir
    from zjtx_desktop.core.policy import default_policies, default_rates
    from zjtx_desktop.ui.workspace import FirmWorkspace

    data = tmp_path / "data"
    broken = data / "criteria" / "miit-2027-1"
    shutil.copytree(resources_dir() / "criteria" / "miit-2026-2", broken)
    (broken / "set.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    memory_session.save_field(key="tier", raw="innovative")
    workspace = FirmWorkspace(session=memory_session, questions=default_questions(), policies=default_policies(),
                              rates=default_rates(), today=lambda: ON, data_dir=data)
    qtbot.add_widget(workspace)
    assert workspace.assessment.assessment.set_id == "miit-2026-2"
    assert "导入的认定标准包无法读取，本次按程序自带的标准测算" in workspace.assessment.summary.text()


def test_a_line_a_title_ends_shows_its_minus_sign_and_the_selected_title_is_shown_not_assessed(qtbot):
    """Example 03: 小巨人 ends 2a (后备), shown “−300,000.00 元”, never “+-300,000.00”; 重点“小巨人” is
    named under the summary as 需人工核验（不作判断）."""
    view = view_of(qtbot, example("03"))
    row = next(i for i, tier in enumerate(view.assessment.tiers) if tier.tier == "little_giant")
    details = view.details_html(view.assessment.tiers[row])
    assert "−300,000.00 元" in details and "+-" not in details
    assert view.table.item(row, 3).text() == "+700,000.00"  # a net of gains and losses is shown signed
    assert "重点“小巨人”" in view.summary.text() and "需人工核验（不作判断）" in view.summary.text()


def test_the_readings_the_verdicts_rest_on_are_shown_labelled_as_the_programs_own(qtbot):
    """The tab's verdicts rest on the software's readings of open criteria text (e.g. how 从事特定细分市场
    时间 is counted); the report and the CLI print them under 解读, and so does the tab."""
    view = view_of(qtbot, example("03"))
    assert view.assessment.readings
    for row in range(len(view.assessment.tiers)):
        details = view.details_html(view.assessment.tiers[row])
        assert "本软件的解读（以认定部门解释为准）" in details
        assert all(html.escape(reading) in details for reading in view.assessment.readings)
