"""forms/packets/: every measure with money has a form, and broken form files are refused clearly."""

import pytest

from zjtx_desktop.packets.forms import FormsError, default_forms, load_forms

PACKET_MEASURES = {"2a", "2b", "3a", "3b", "4", "5", "6a", "6b", "7a", "7b", "7c", "13", "14", "15"}
COMMON = (
    "sections: [cover, application, computation, pledge, checklist]\n"
    "cover: {ink: [受理编号]}\n"
    "application: {groups: [{title: 企业, fields: [company_name]}], signature: [日期]}\n"
    "pledge: {signature: [日期], districts: {siming: 甲, huli: 乙, jimei: 丙, haicang: 丁, tongan: 戊, xiangan: 己, torch: 庚}}\n"
)


def test_every_packet_measure_has_a_form_and_nothing_else_does():
    assert set(default_forms()) == PACKET_MEASURES


def test_each_form_holds_the_common_part_then_the_project():
    for form in default_forms().values():
        titles = [group.title for group in form.groups]
        assert titles[:4] == ["申请事项", "企业基本情况", "上年度经营情况（{last_year}年）", "收款账户（补助资金拨付至此账户）"]
        assert titles[-1] == "项目情况" and (form.groups[-1].fields or form.groups[-1].tables)
        assert form.sections == ("cover", "application", "computation", "pledge", "checklist")


def test_ink_blanks_are_declared_not_inferred():
    form = default_forms()["2a"]
    ink = [f.label for group in form.groups for f in group.fields if f.is_ink]
    assert ink == ["绩效考核得分（由考核单位填写）"]
    assert "受理编号" in form.cover_ink


@pytest.mark.parametrize(
    ("measure_file", "message"),
    [
        ("measure: 3b\nproject: {fields: [no_such_key]}\n", "没有字段 no_such_key"),
        ("measure: 3b\nproject: {fields: [{value: nonsense, label: 甲}]}\n", "未知的评估值 nonsense"),
        ("measure: 3b\nproject: {fields: [{key: uscc, ink: 甲}]}\n", "只能有一个"),
        ("measure: 3b\nproject: {tables: [{key: equipment_items, columns: [colour]}]}\n", "没有列 colour"),
        ("measure: 3b\nproject: {tables: [{key: uscc, columns: [a]}]}\n", "不是问题定义中的表格字段"),
        ("measure: 4\nproject: {fields: [uscc]}\n", "measure 应为 3b"),
        ("measure: 3b\nsections: [cover, appendix]\nproject: {fields: [uscc]}\n", "sections 只能取"),
        ("measure: 3b\n", "缺少 project"),
        ("measure: 3b\nproject: {title: '项目（{year}年）', fields: [uscc]}\n", "标题中只能用 {last_year}"),
    ],
)
def test_a_broken_form_file_is_refused_naming_file_and_entry(tmp_path, measure_file, message):
    (tmp_path / "common.yaml").write_text(COMMON, encoding="utf-8")
    (tmp_path / "3b.yaml").write_text(measure_file, encoding="utf-8")
    with pytest.raises(FormsError, match=message):
        load_forms(tmp_path)
