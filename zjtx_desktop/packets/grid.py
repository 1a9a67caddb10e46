"""Ruled tables: the boxes of a paper form, which report where they were drawn.

Cells hold wrapping paragraphs, so a long firm name or address makes its row taller instead of
running out of its box. A table longer than the page continues on the next one, between rows or,
for a row taller than a page, inside it; the title row is repeated there as “……（续）”, and the
header rows with it. The drawn geometry can be collected (FooterCanvas.cell_recorder) so tests can
check that every piece of text lies inside its box.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Table, TableStyle

from zjtx_desktop.packets.fonts import register_fonts
from zjtx_desktop.packets.styles import RULE, RULE_WIDTH, SHADE, para

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
    """A Table that marks its continuations and records its cells' boxes on the canvas's cell_recorder."""

    continued: tuple[str, str] | None = None  # the title row's text and style, for “……（续）”

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab's signature)
        parts = super().split(availWidth, availHeight)
        if self.continued and len(parts) == 2:
            title, style = self.continued
            for part in parts:
                part.continued = self.continued
            rest = parts[1]._cellvalues  # its header rows are the very lists of the first part: copy, then change
            rest[0] = [para(f"{title}（续）", style), *rest[0][1:]]
        return parts

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
                row_heights=None, title: tuple[str, str] | None = None, lines=None, keep=()) -> RuledTable:
    """A ruled table; `spans` are ((col0, row0), (col1, row1)) pairs, shaded rows are titles.

    `title` (text, style) names row 0, repeated with “（续）” when the table continues on another page;
    `lines` replaces the full grid with the given line commands; `keep` holds row ranges
    ((row0, row1) pairs) that must stay on one page.
    """
    commands = [
        *(lines if lines is not None else [("GRID", (0, 0), (-1, -1), RULE_WIDTH, RULE)]),
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),  # spanned-over "" cells would ask for Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
    ]
    commands += [("SPAN", start, end) for start, end in spans]
    commands += [("BACKGROUND", (0, row), (-1, row), SHADE) for row in shaded_rows]
    commands += [("NOSPLIT", (0, first), (-1, last)) for first, last in keep]
    table = RuledTable(rows, colWidths=widths, rowHeights=row_heights, style=TableStyle(commands),
                       repeatRows=header_rows, splitByRow=1, splitInRow=1)
    table.continued = title
    return table
