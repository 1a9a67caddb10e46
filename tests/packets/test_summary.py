"""The summary report: every sub-item, the total of ceilings, and whom to contact for other support."""

from packet_helpers import ON, example_profile, flat, page_texts

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import capitalize_yuan, format_yuan
from zjtx_desktop.packets.summary_context import summary_context


def test_the_report_lists_every_sub_item_with_status_and_ceiling(richest, richest_pdfs):
    _, evaluation = richest
    report = richest_pdfs[-1]
    assert report.name == "厦门鹭航智能装备股份有限公司_政策评估报告.pdf"
    text = flat("".join(page_texts(report)))
    for result in evaluation.results:
        assert flat(result.title) in text and flat(result.explanation) in text, result.measure
        if result.amount is not None:
            assert format_yuan(result.amount) in text
    assert format_yuan(evaluation.total) in text and capitalize_yuan(evaluation.total) in text
    assert "融资额度，非补助" in text


def test_non_monetary_support_names_the_units_to_contact(richest):
    profile, evaluation = richest
    context = summary_context(evaluation, profile.get("company_name"), profile.get("uscc"))
    by_measure = {row.measure: row for row in context.support}
    assert "厦门海关" in by_measure["14"].units and "申办APEC商务旅行卡" in by_measure["14"].items
    assert set(by_measure) == {r.measure for r in evaluation.results if r.non_monetary}


def test_what_would_make_the_firm_qualify_is_in_the_report(richest):
    profile = example_profile("02")  # a 专精特新中小企业 not (yet) among the 后备 firms
    evaluation = evaluate(profile, ON)
    context = summary_context(evaluation, profile.get("company_name"), profile.get("uscc"))
    [reserve] = [row for row in context.rows if row.measure == "2a"]
    assert reserve.status == "不符合" and any("后备企业" in need for need in reserve.to_qualify)
    assert [row.measure for row in context.rows] == [r.measure for r in evaluation.results]
    profile, evaluation = richest
    assert summary_context(evaluation, profile.get("company_name"), profile.get("uscc")).packets[0] == \
        "3a 技术创新基金贴息申请材料"
