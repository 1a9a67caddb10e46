"""Pieces several sections share: label/value grids and the signature block left for ink.

Blanks for the pen are printed as real forms print them: ＿＿＿＿年＿＿月＿＿日 with room for the
year, and a seal box larger than a company seal (40–42 mm across) with the signature beside it.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from zjtx_desktop.packets.context import Entry
from zjtx_desktop.packets.flowables import TickBoxes
from zjtx_desktop.packets.grid import RuledTable, ruled_table
from zjtx_desktop.packets.styles import FRAME_WIDTH, para

LABEL_SHARE, VALUE_SHARE = 0.18, 0.32
INK_ROW_HEIGHT = 9 * mm
SEAL_SIDE = 45 * mm
SIGN_ROW_HEIGHT = SEAL_SIDE + 8 * mm  # the label's line above the space left for the seal
DATE_ROW_HEIGHT = 10 * mm
INK_DATE = "＿＿＿＿年＿＿月＿＿日"


def grid_widths() -> list[float]:
    return [FRAME_WIDTH * share for share in (LABEL_SHARE, VALUE_SHARE, LABEL_SHARE, VALUE_SHARE)]


def _value(entry: Entry):
    if entry.value is None:
        return para(INK_DATE if "日期" in entry.label else "", "cell")
    if entry.choices:
        return TickBoxes(entry.choices)
    return para(entry.value, "cell_right" if entry.numeric else "cell")


def _pack(entries: tuple[Entry, ...]) -> list[list[Entry]]:
    """Rows of one full-width entry or two half-width ones, in the order the form declares."""
    rows: list[list[Entry]] = []
    for entry in entries:
        if entry.full or not rows or len(rows[-1]) == 2 or rows[-1][0].full:
            rows.append([entry])
        else:
            rows[-1].append(entry)
    return rows


def entry_grid(title: str | None, entries: tuple[Entry, ...]) -> RuledTable:
    """A form group: an optional shaded title row, then label/value boxes, two to a row."""
    rows, spans, heights = [], [], []
    if title:
        rows.append([para(title, "group"), "", "", ""])
        spans.append(((0, 0), (3, 0)))
        heights.append(None)
    for pair in _pack(entries):
        index = len(rows)
        cells = [para(pair[0].label, "cell_label"), _value(pair[0])]
        if len(pair) == 2:
            cells += [para(pair[1].label, "cell_label"), _value(pair[1])]
        else:
            cells += ["", ""]
            spans.append(((1, index), (3, index)))
        rows.append(cells)
        heights.append(INK_ROW_HEIGHT if any(e.value is None for e in pair) else None)
    return ruled_table(rows, grid_widths(), spans=spans, shaded_rows=[0] if title else (), row_heights=heights,
                       header_rows=1 if title else 0, title=(title, "group") if title else None)


def signature_block(labels: tuple[str, ...]) -> RuledTable:
    """法定代表人（签字） beside 申请单位（盖章）, each box ≥ 45 × 45 mm under its label, the date below."""
    signers = [label for label in labels if "日期" not in label]
    dates = [label for label in labels if "日期" in label]
    rows = [[para(f"{label}：", "cell_label") for label in signers]]
    heights = [SIGN_ROW_HEIGHT]
    spans = []
    for label in dates:
        spans.append(((0, len(rows)), (len(signers) - 1, len(rows))))
        rows.append([para(f"{label}：{INK_DATE}", "cell_label"), *[""] * (len(signers) - 1)])
        heights.append(DATE_ROW_HEIGHT)
    table = ruled_table(rows, [FRAME_WIDTH / len(signers)] * len(signers), row_heights=heights, spans=spans,
                        keep=[(0, len(rows) - 1)])
    table.setStyle([("VALIGN", (0, 0), (-1, 0), "TOP")])
    return table
