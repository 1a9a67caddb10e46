"""The results view and the policy dialog, on core's own evaluation of an example firm."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import yaml
from PySide6.QtCore import QUrl

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.paths import examples_dir, policies_dir
from zjtx_desktop.core.policy import default_policies
from zjtx_desktop.core.profile import Profile, load_profile_json
from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.store.policy_data import import_policy_pack, installed_policies
from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.policy_dialog import PolicyDialog, validity_sentence
from zjtx_desktop.ui.results_view import ResultsView

TODAY = date(2026, 11, 27)


def example(stem: str) -> Profile:
    return load_profile_json(next(examples_dir().glob(f"{stem}*.json")).read_text(encoding="utf-8"))[0]


def row_of(view: ResultsView, measure: str) -> list[str]:
    for row in range(view.table.rowCount()):
        if view.table.item(row, 0).text() == measure:
            return [view.table.item(row, column).text() for column in range(5)]
    raise KeyError(measure)


def test_results_show_status_amount_reason_and_details(qtbot):
    view = ResultsView(default_questions())
    qtbot.add_widget(view)
    view.show_evaluation(evaluate(example("03"), TODAY))
    assert row_of(view, "2a")[2:4] == ["符合", "300,000.00"]
    assert row_of(view, "3b")[2] == "转其他政策"
    assert "最高可申请资金合计" in view.total.text()
    view.table.selectRow([r.measure for r in view.evaluation.results].index("2b"))
    details = view.details.toPlainText()
    assert "怎样才能符合" in details and "责任单位" in details and "政策原文" in details


def test_a_missing_item_links_to_its_field(qtbot):
    view = ResultsView(default_questions())
    qtbot.add_widget(view)
    view.show_evaluation(evaluate(Profile({}), TODAY))
    assert "href='field:tier'" in view.details_html(view.evaluation.results[0])
    with qtbot.wait_signal(view.edit_field) as signal:
        view.details.anchorClicked.emit(QUrl("field:tier"))
    assert signal.args == ["tier"]


def test_the_banner_counts_the_days_and_says_when_the_policy_has_ended():
    policy = default_policies()[0]
    assert "还剩 34 天" in validity_sentence(policy, TODAY)
    assert "仅供参考" in validity_sentence(policy, date(2027, 1, 1))


def successor_pack(tmp_path: Path, **changes) -> Path:
    folder = tmp_path / "pack" / "xm-srdi-2027"
    shutil.copytree(policies_dir() / "xm-srdi-2024", folder)
    raw = yaml.safe_load((folder / "policy.yaml").read_text(encoding="utf-8"))
    raw.update({"id": "xm-srdi-2027", "effective_from": date(2027, 1, 1), "effective_to": date(2029, 12, 31),
                "issued": date(2026, 12, 20)}, **changes)
    (folder / "policy.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    (folder / "cases").mkdir()  # a pack carries its own cases, checked before it is installed
    (folder / "cases" / "m03.yaml").write_text(
        "cases:\n  - name: 设备投入200万元补助20万元\n    date: 2027-06-01\n"
        "    input: {tier: srdi, equipment_investment_last_year: 2000000}\n"
        "    output: {\"3b\": {status: 符合, amount: \"200000.00\"}}\n", encoding="utf-8")
    return folder


def policy_dialog(qtbot, data_dir: Path) -> PolicyDialog:
    dialog = PolicyDialog(policies=installed_policies(data_dir=data_dir), on=TODAY,
                          import_pack=lambda source: import_policy_pack(source=source, data_dir=data_dir))
    qtbot.add_widget(dialog)
    return dialog


def test_a_bad_policy_pack_is_refused_with_its_reason_and_nothing_changes(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, **kw: shown.append(kw["text"]))
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    dialog = policy_dialog(qtbot, data_dir)
    assert "厦府办规〔2024〕11号" in dialog.summary.text() and dialog.clauses.rowCount() >= 15
    bad = successor_pack(tmp_path, effective_to=date(2026, 1, 1))
    assert dialog.import_from(bad) is None
    assert "失效日期早于生效日期" in shown[0]
    assert not (data_dir / "policies").exists()
    assert installed_policies(data_dir=data_dir) == default_policies()


def test_a_good_successor_pack_is_imported_as_a_zip(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "inform", lambda parent, **kw: None)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    archive = shutil.make_archive(str(tmp_path / "pack2027"), "zip", successor_pack(tmp_path).parent)
    dialog = policy_dialog(qtbot, data_dir)
    with qtbot.wait_signal(dialog.imported):
        assert dialog.import_from(Path(archive)).id == "xm-srdi-2027"
    assert [p.id for p in installed_policies(data_dir=data_dir)] == ["xm-srdi-2024", "xm-srdi-2027"]
    assert (data_dir / "policies" / "xm-srdi-2027" / "policy.yaml").is_file()


def test_a_pack_with_a_program_in_it_is_refused(tmp_path):
    import pytest

    from zjtx_desktop.core.policy import PolicyError

    folder = successor_pack(tmp_path)
    (folder / "setup.py").write_text("print('hello')", encoding="utf-8")
    with pytest.raises(PolicyError, match="只能包含数据文件"):
        import_policy_pack(source=folder, data_dir=tmp_path)
