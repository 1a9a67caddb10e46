"""What the forms say, as a clerk reads them: clause references, addressees, years, lists, names, dates."""

import re
from datetime import datetime, timedelta, timezone

import pypdf
import pytest
from packet_helpers import ON, example_profile, flat, page_texts, text_pieces
from reportlab.pdfbase.pdfmetrics import stringWidth

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import build_packet
from zjtx_desktop.packets.context import packet_context
from zjtx_desktop.packets.fonts import FONT
from zjtx_desktop.packets.forms import default_forms
from zjtx_desktop.packets.grid import PADDING
from zjtx_desktop.packets.naming import safe_file_part
from zjtx_desktop.packets.render import render_packet

MONEY = re.compile(r"^¥? ?[\d,]+\.\d\d( 元)?$")


def _pages(richest_pdfs, measure):
    [path] = [p for p in richest_pdfs if f"_{measure}" in p.name and p.name.split("_")[1].startswith(measure)]
    return page_texts(path)


def _section(pages, title):
    return next(text for text in pages if text.lstrip().split("\n")[0].endswith(title))


def test_forms_name_the_clause_not_the_internal_code(richest_pdfs):
    for path in richest_pdfs[:-1]:
        text = flat("".join(page_texts(path)))
        assert not re.search(r"措施\d+[a-z]?(?![\d])", text.replace("若干措施", "")), path.name
        assert "（条款二（" in text


@pytest.mark.parametrize(("district", "office"), [("torch", "厦门火炬高技术产业开发区管理委员会"),
                                                  ("siming", "厦门市思明区人民政府")])
def test_the_pledge_is_addressed_to_the_firms_own_district_by_full_names(tmp_path, district, office):
    profile = example_profile("05", district=district)
    pages = page_texts(build_packet(profile, evaluate(profile, ON), "3a", tmp_path))
    pledge = flat(_section(pages, "信用承诺书"))
    assert pledge.startswith(f"信用承诺书厦门市工业和信息化局、厦门市财政局、{office}：")
    assert "各区政府" not in pledge and "火炬管委会" not in pledge


def test_last_years_figures_carry_the_year(richest_pdfs):
    assert f"上年度经营情况（{ON.year - 1}年）" in flat(_section(_pages(richest_pdfs, "7b"), "申请表"))


def test_the_checklist_lists_the_application_form_and_the_computation_first(richest_pdfs):
    checklist = flat(_section(_pages(richest_pdfs, "3b"), "材料清单"))
    assert re.search(r"1申请表（法定代表人签字并加盖公章）.*2计算说明.*3营业执照复印件", checklist)


def test_the_computation_page_of_a_fund_set_elsewhere_does_not_refer_to_itself(richest_pdfs):
    computation = flat(_section(_pages(richest_pdfs, "14"), "计算说明"))
    assert "见计算说明" not in computation and "最高可申请：按相关政策核定，以责任单位审核为准" in computation


def test_amounts_stand_right_aligned_in_their_boxes(tmp_path):
    profile = example_profile("05")
    context = packet_context(profile, evaluate(profile, ON), default_forms()["3a"])
    cells = []
    pages = text_pieces(render_packet(context, tmp_path / "p.pdf", cell_recorder=cells))
    amounts = [c for c in cells if MONEY.match(c.text)]
    assert len(amounts) >= 10  # the 申请金额, registered capital, revenue…, every loan's figures and totals
    for cell in amounts:
        [(text, x, _, size)] = [p for p in pages[cell.page - 1]
                                if cell.x0 <= p[1] <= cell.x1 and cell.y0 <= p[2] <= cell.y1]
        assert abs(x + stringWidth(text, FONT, size) - (cell.x1 - PADDING)) < 1, cell.text


def test_the_pdf_is_dated_the_evaluation_day_and_still_reproducible(richest, tmp_path):
    profile, evaluation = richest
    first = build_packet(profile, evaluation, "3b", tmp_path / "a")
    again = build_packet(profile, evaluation, "3b", tmp_path / "b")
    assert first.read_bytes() == again.read_bytes()
    created = pypdf.PdfReader(first).metadata.creation_date
    assert created == datetime(ON.year, ON.month, ON.day, tzinfo=timezone(timedelta(hours=8)))


def test_file_names_carry_the_measure_and_lose_control_characters(richest_pdfs):
    assert richest_pdfs[1].name == "厦门鹭航智能装备股份有限公司_3b技术改造设备补助_申请材料.pdf"
    assert safe_file_part("厦门\u202egnp.exe有限公司") == "厦门gnp.exe有限公司"
    assert safe_file_part("厦门\u200b甲\x07乙\n公司") == "厦门甲乙 公司"
