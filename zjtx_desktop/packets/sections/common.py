"""Pieces several sections share: label/value grids and the signature block left for ink."""

from __future__ import annotations

from reportlab.lib.units import mm

from zjtx_desktop.packets.context import Entry
from zjtx_desktop.packets.grid import RuledTable, ruled_table
from zjtx_desktop.packets.styles import FRAME_WIDTH, para

LABEL_SHARE, VALUE_SHARE = 0.18, 0.32
INK_ROW_HEIGHT = 9 * mm
SIGNATURE_ROW_HEIGHT = 24 * mm
INK_DATE = "　　　　年　　月　　日"


def grid_widths() -> list[float]:
    return [FRAME_WIDTH * share for share in (LABEL_SHARE, VALUE_SHARE, LABEL_SHARE, VALUE_SHARE)]


def _value(entry: Entry):
    if entry.value is None:
        return para(INK_DATE if "日期" in entry.label else "", "cell")
    return para(entry.value, "cell")


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
    """法定代表人（签字）, 单位（盖章）, 日期 side by side, in boxes tall enough for a signature and a seal."""
    cells = [para(f"{label}：{INK_DATE if '日期' in label else ''}", "cell_label") for label in labels]
    table = ruled_table([cells], [FRAME_WIDTH / len(labels)] * len(labels), row_heights=[SIGNATURE_ROW_HEIGHT])
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    return table
