"""Long names and addresses wrap inside their boxes; no text runs off the page or out of a box."""

import re
import tempfile
from pathlib import Path

from packet_helpers import ON, example_profile, flat, page_texts, text_pieces
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets.context import packet_context
from zjtx_desktop.packets.fonts import FONT
from zjtx_desktop.packets.forms import default_forms
from zjtx_desktop.packets.render import render_packet
from zjtx_desktop.packets.styles import MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH, styles

LONG_NAME = ("厦门" + "鹭航低空飞行器动力系统与智能装备研究制造" * 3)[:56] + "有限公司"
LONG_ADDRESS = ("厦门市火炬高新区（翔安）产业区民安大道2001号" + "鹭航智能装备产业园研发中心A栋十二层" * 12)[:200]
SLACK = 0.5  # points: rounding in the PDF's coordinates


def _render_long_firm(tmp_path):
    assert len(LONG_NAME) == 60 and len(LONG_ADDRESS) == 200
    profile = example_profile("05", company_name=LONG_NAME, registered_address=LONG_ADDRESS,
                              mailing_address=LONG_ADDRESS)
    context = packet_context(profile, evaluate(profile, ON), default_forms()["3b"])
    cells = []
    path = render_packet(context, tmp_path / "long.pdf", cell_recorder=cells)
    return cells, text_pieces(path)


def _inside(piece, cell) -> bool:
    _, x, y, _ = piece
    return cell.x0 - SLACK <= x <= cell.x1 and cell.y0 <= y <= cell.y1


def test_long_name_and_address_wrap_inside_their_boxes(tmp_path):
    cells, pages = _render_long_firm(tmp_path)
    boxes = [c for c in cells if c.text in (LONG_NAME, LONG_ADDRESS)]
    assert len(boxes) >= 5  # cover name, form name, account name, both addresses
    for cell in boxes:
        pieces = [p for p in pages[cell.page - 1] if _inside(p, cell)]
        assert len(pieces) >= 2, "a text this long must wrap"
        assert flat("".join(p[0] for p in pieces)) == cell.text
        for text, x, _, size in pieces:
            assert x + stringWidth(text.strip(), FONT, size) <= cell.x1 + SLACK, (cell, text)


def test_every_box_is_on_the_page_and_no_text_runs_off_it(tmp_path):
    cells, pages = _render_long_firm(tmp_path)
    for cell in cells:
        assert MARGIN_LEFT - SLACK <= cell.x0 < cell.x1 <= PAGE_WIDTH - MARGIN_RIGHT + SLACK
    for pieces in pages:
        for text, x, _, size in pieces:
            assert x >= MARGIN_LEFT - SLACK and x + stringWidth(text.strip(), FONT, size) <= PAGE_WIDTH - MARGIN_RIGHT + SLACK, text


def test_text_in_a_box_stays_in_that_box(tmp_path):
    """Every piece of text that starts inside a drawn box ends inside it too."""
    cells, pages = _render_long_firm(tmp_path)
    for cell in cells:
        for text, x, _, size in (p for p in pages[cell.page - 1] if _inside(p, cell)):
            assert x + stringWidth(text.strip(), FONT, size) <= cell.x1 + SLACK, (cell.text, text)


SIGNATURE_BLOCK = re.compile(r"本单位对以上填报内容的真实性、准确性负责。|法定代表人（签字）：|\w*单位（盖章）：|日期：＿*年＿*月＿*日")


def holds_only_a_signature(page_text: str) -> bool:
    body = [line for line in page_text.splitlines() if line.strip() and " 页 共 " not in line]
    return SIGNATURE_BLOCK.sub("", flat("".join(body))) == ""


def test_no_page_of_any_example_holds_only_a_signature_block(every_example_pdf):
    for path in every_example_pdf:
        for number, text in enumerate(page_texts(path), start=1):
            assert not holds_only_a_signature(text), (path.name, number)


def _cells(measure="3b", **changes):
    profile = example_profile("05", **changes)
    context = packet_context(profile, evaluate(profile, ON), default_forms()[measure])
    cells = []
    render_packet(context, Path(tempfile.mkdtemp()) / "p.pdf", cell_recorder=cells)
    return cells


def test_seal_boxes_are_larger_than_a_company_seal_with_the_signature_beside():
    cells = _cells()
    for label in ("申请单位（盖章）：", "承诺单位（盖章）："):
        [seal] = [c for c in cells if c.text == label]
        [signer] = [c for c in cells if c.text == "法定代表人（签字）：" and c.page == seal.page]
        assert seal.x1 - seal.x0 >= 45 * mm and seal.y1 - seal.y0 >= 45 * mm + 12, label
        assert signer.y0 == seal.y0 and signer.x1 <= seal.x0 + SLACK  # side by side, signature first


def test_dates_and_page_counts_have_blanks_for_the_pen(richest_pdfs):
    for path in richest_pdfs[:-1]:
        text = "".join(page_texts(path))
        assert text.count("＿＿＿＿年＿＿月＿＿日") >= 3, path.name  # cover, 申请表, 承诺书
        assert "＿＿页" in text


def test_tick_boxes_stand_as_tall_as_the_text_with_room_between():
    boxes = [c for c in _cells() if c.text[:1] in "□√" and c.text[1:] in ("大型", "中型", "小型", "微型")]
    assert [b.text for b in boxes] == ["□大型", "√中型", "□小型", "□微型"]
    size = styles()["cell"].fontSize
    for box, after in zip(boxes, boxes[1:], strict=False):
        assert box.y1 - box.y0 >= 0.8 * size and abs((box.y1 - box.y0) - (box.x1 - box.x0)) < 0.01
        assert after.x0 - box.x1 >= stringWidth(box.text[1:], FONT, size) + size  # the label, then a space


def test_checklist_boxes_stand_as_tall_as_the_text_and_are_drawn_not_typed():
    """已附 boxes are ticked by pen: a drawn square at text height in the middle of its column,
    like the 企业规模 boxes, not the font's □, which is half as tall as the text beside it."""
    cells = _cells()
    [header] = [c for c in cells if c.text == "已附"]
    boxes = [c for c in cells if c.page == header.page and c.text == "□"]
    assert len(boxes) == 12  # one per material of the 3b packet
    size = styles()["cell_center"].fontSize
    for box in boxes:
        assert box.y1 - box.y0 >= 0.8 * size and abs((box.y1 - box.y0) - (box.x1 - box.x0)) < 0.01, box
        assert abs((box.x0 + box.x1) / 2 - (header.x0 + header.x1) / 2) < 1, box
    profile = example_profile("05")
    context = packet_context(profile, evaluate(profile, ON), default_forms()["3b"])
    path = render_packet(context, Path(tempfile.mkdtemp()) / "p.pdf", sections=("checklist",))
    assert "□" not in "".join(page_texts(path))
