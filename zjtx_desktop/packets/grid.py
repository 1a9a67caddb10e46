"""Ruled tables: the boxes of a paper form, which report where they were drawn.

Cells hold wrapping paragraphs, so a long firm name or address makes its row taller instead of
running out of its box. The drawn geometry can be collected (FooterCanvas.cell_recorder) so tests
can check that every piece of text lies inside its box.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Table, TableStyle

from zjtx_desktop.packets.fonts import register_fonts
from zjtx_desktop.packets.styles import RULE, RULE_WIDTH, SHADE

PADDING = 2


@dataclass(frozen=True)
class CellBox:
    """One drawn cell in page coordinates (points, origin bottom left), with the text it holds."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def _cell_text(value) -> str:
    """Plain text of a cell; reportlab hands cells back as a string, a flowable or a tuple of them."""
    if isinstance(value, str):
        return value
    if hasattr(value, "getPlainText"):
        return value.getPlainText()
    if isinstance(value, tuple | list):
        return "".join(_cell_text(item) for item in value)
    return ""


class RuledTable(Table):
    """A Table that records its cells' boxes on the canvas's cell_recorder, if there is one."""

    def draw(self):
        super().draw()
        recorder = getattr(self.canv, "cell_recorder", None)
        if recorder is not None:
            recorder.extend(self._cell_boxes())

    def _cell_boxes(self) -> list[CellBox]:
        origin_x, origin_y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber()
        spans = getattr(self, "_spanRanges", None) or {}
        boxes = []
        for row_index, row in enumerate(self._cellvalues):
            for col_index, value in enumerate(row):
                if (col_index, row_index) in spans and spans[col_index, row_index] is None:
                    continue  # hidden under a span
                first_col, first_row, last_col, last_row = spans.get((col_index, row_index)) or (
                    col_index, row_index, col_index, row_index)
                boxes.append(CellBox(
                    page,
                    origin_x + self._colpositions[first_col], origin_y + self._rowpositions[last_row + 1],
                    origin_x + self._colpositions[last_col + 1], origin_y + self._rowpositions[first_row],
                    _cell_text(value),
                ))
        return boxes


def ruled_table(rows: list[list], widths: list[float], *, spans=(), shaded_rows=(), header_rows: int = 0,
                row_heights=None) -> RuledTable:
    """A fully ruled table; `spans` are ((col0, row0), (col1, row1)) pairs, shaded rows are titles."""
    commands = [
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, RULE),
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),  # spanned-over "" cells would ask for Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
    ]
    commands += [("SPAN", start, end) for start, end in spans]
    commands += [("BACKGROUND", (0, row), (-1, row), SHADE) for row in shaded_rows]
    return RuledTable(rows, colWidths=widths, rowHeights=row_heights, style=TableStyle(commands),
                      repeatRows=header_rows, splitByRow=1)
