"""The summary report: every sub-item, the total of ceilings, and whom to contact for other support."""

import pytest
from packet_helpers import ON, example_profile, flat, forty_rows, page_texts, text_pieces
from reportlab.pdfbase.pdfmetrics import stringWidth

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import capitalize_yuan, format_yuan
from zjtx_desktop.packets.fonts import FONT
from zjtx_desktop.packets.render import render_summary
from zjtx_desktop.packets.sections.summary import RESULT_SHARES, RESULTS_TITLE, TOTAL_LABEL
from zjtx_desktop.packets.styles import FRAME_HEIGHT, FRAME_WIDTH, MARGIN_BOTTOM
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


def _rendered_report(tmp_path, prefix: str, **changes):
    profile = example_profile(prefix, **changes)
    context = summary_context(evaluate(profile, ON), profile.get("company_name"), profile.get("uscc"))
    cells = []
    path = render_summary(context, tmp_path / f"{prefix}.pdf", cell_recorder=cells)
    return context, cells, text_pieces(path)


REPORTS = [("01", {}), ("02", {}), ("03", {}), ("04", {}), ("05", {}), ("05", forty_rows())]
REPORT_IDS = ["01", "02", "03", "04", "05", "05-forty-rows"]


@pytest.mark.parametrize(("prefix", "changes"), REPORTS, ids=REPORT_IDS)
def test_page_one_is_filled_by_the_results_table_when_the_report_goes_on(tmp_path, prefix, changes):
    """The results table starts on page 1 under the firm's facts and fills it to the foot, instead of
    leaving page 1 with a lone heading while the table waits for a page of its own."""
    context, cells, pages = _rendered_report(tmp_path, prefix, **changes)
    assert len(pages) > 1
    first_rows = [c for c in cells if c.page == 1 and c.text == context.rows[0].title]
    assert [c.text for c in cells if c.page == 1 and c.text == RESULTS_TITLE] and first_rows, "table starts on page 1"
    lowest = min(y for _, _, y, _ in pages[0] if y > MARGIN_BOTTOM)  # the footer lies below the frame
    assert lowest - MARGIN_BOTTOM < 0.08 * FRAME_HEIGHT, f"page 1 ends {lowest - MARGIN_BOTTOM:.0f} pt above its foot"


@pytest.mark.parametrize(("prefix", "changes"), REPORTS, ids=REPORT_IDS)
def test_the_total_label_spans_its_row_and_reads_on_one_line_inside_it(tmp_path, prefix, changes):
    _, cells, pages = _rendered_report(tmp_path, prefix, **changes)
    [total] = [c for c in cells if c.text == TOTAL_LABEL]
    assert total.x1 - total.x0 >= sum(RESULT_SHARES[:3]) * FRAME_WIDTH - 0.5  # 编号, 措施 and 结论 columns
    inside = [p for p in pages[total.page - 1]
              if total.y0 <= p[2] <= total.y1 and total.x0 - 0.5 <= p[1] < total.x1 and "¥" not in p[0]]
    assert flat("".join(p[0] for p in inside)) == TOTAL_LABEL and len({p[2] for p in inside}) == 1, inside
    x, size = inside[0][1], inside[0][3]
    assert x + stringWidth(TOTAL_LABEL, FONT, size) <= total.x1 + 0.5
