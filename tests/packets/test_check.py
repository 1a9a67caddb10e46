"""A packet never prints an empty box by accident: gaps are found first, named in Chinese."""

import pytest
from packet_helpers import ON, example_profile, example_raw

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import (
    NoPacketForMeasure,
    PacketFieldsMissing,
    applicable_measures,
    build_all,
    build_packet,
    missing_fields,
)
from zjtx_desktop.packets.naming import safe_file_part


def test_the_richest_example_needs_nothing_more(richest):
    profile, evaluation = richest
    assert applicable_measures(evaluation) == ["3a", "3b", "4", "5", "6a", "6b", "7a", "7b", "7c", "13", "14", "15"]
    assert all(missing_fields(profile, evaluation, m) == [] for m in applicable_measures(evaluation))


def test_other_policy_items_get_a_packet_financing_does_not():
    evaluation = evaluate(example_profile("03"), ON)
    assert {"3b", "14"} <= set(applicable_measures(evaluation))
    assert str(evaluation.result("11").status) == "符合" and "11" not in applicable_measures(evaluation)


def test_missing_fields_are_question_fields_the_wizard_can_open():
    profile = example_profile("05", equipment_project_filing_no=None, bank_account=None)
    fields = missing_fields(profile, evaluate(profile, ON), "3b")
    assert [(f.key, f.label, f.page) for f in fields] == [
        ("bank_account", "银行账号", "contact"), ("equipment_project_filing_no", "项目备案证号", "equipment")]


def test_an_empty_table_cell_names_the_row_and_column(tmp_path):
    raw = example_raw("05")
    raw["equipment_items"][1].pop("invoice_no")
    profile = example_profile("05", equipment_items=raw["equipment_items"])
    with pytest.raises(PacketFieldsMissing) as caught:
        build_packet(profile, evaluate(profile, ON), "3b", tmp_path)
    assert "「设备清单」第2行“发票号码”" in str(caught.value)
    assert [f.key for f in caught.value.fields] == ["equipment_items"]
    assert list(tmp_path.iterdir()) == []


def test_a_fallback_fills_the_mailing_address():
    profile = example_profile("05", mailing_address=None)
    assert missing_fields(profile, evaluate(profile, ON), "7b") == []


def test_build_all_reports_every_gap_of_every_packet_before_writing(tmp_path):
    standards = example_raw("05")["standards"]
    standards[0].pop("number")
    profile = example_profile("05", contact_mobile=None, consulting_provider=None, standards=standards)
    with pytest.raises(PacketFieldsMissing) as caught:
        build_all(profile, evaluate(profile, ON), tmp_path, measures=["6a", "7b"])
    message = str(caught.value)
    assert "措施6a" in message and "「参与制定的标准」第1行“标准编号”" in message
    assert "措施7b 管理咨询补助申请材料：「服务机构」（consulting_provider）" in message
    assert message.count("「联系人手机」") == 2
    assert list(tmp_path.iterdir()) == []


def test_a_measure_that_does_not_apply_has_no_packet(richest, tmp_path):
    profile, evaluation = richest
    with pytest.raises(NoPacketForMeasure, match="措施2b.*不符合"):
        build_packet(profile, evaluation, "2b", tmp_path)
    with pytest.raises(NoPacketForMeasure, match="没有可生成"):
        build_packet(profile, evaluation, "11", tmp_path)


@pytest.mark.parametrize(("name", "safe"), [
    ("厦门甲乙科技有限公司", "厦门甲乙科技有限公司"),
    ('厦门"A/B"*科技?有限公司.', "厦门_A_B__科技_有限公司"),
    ("   ", "企业"),
])
def test_file_names_are_safe_on_windows(name, safe):
    assert safe_file_part(name) == safe


def test_no_packet_under_a_policy_not_in_force(tmp_path):
    profile = example_profile("05")
    evaluation = evaluate(profile, ON.replace(year=2027))
    assert not evaluation.policy_in_force and applicable_measures(evaluation) == []
    [report] = build_all(profile, evaluation, tmp_path)
    assert report.name.endswith("_政策评估报告.pdf")
