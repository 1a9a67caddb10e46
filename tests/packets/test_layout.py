"""Long names and addresses wrap inside their boxes; no text runs off the page or out of a box."""

from packet_helpers import ON, example_profile, flat, text_pieces
from reportlab.pdfbase.pdfmetrics import stringWidth

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets.context import packet_context
from zjtx_desktop.packets.fonts import FONT
from zjtx_desktop.packets.forms import default_forms
from zjtx_desktop.packets.render import render_packet
from zjtx_desktop.packets.styles import MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH

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
