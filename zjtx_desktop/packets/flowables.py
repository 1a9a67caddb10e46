"""Two pieces of a paper form that reportlab lacks: tick boxes, and an end that keeps its signature.

Tick boxes are drawn, not typed: the font's □ is half the height of the text beside it, and the
full-width spaces between choices were collapsed by the paragraph layout, so 企业规模 read
“□大型 ■中型” run together. A form's signature block must share its page with the end of the form
it signs; left to itself, reportlab moved the block alone onto a new page whenever the form ended
near the foot of one.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from zjtx_desktop.packets.grid import CellBox, RuledTable
from zjtx_desktop.packets.styles import FRAME_HEIGHT, RULE, RULE_WIDTH, styles

BOX_SHARE = 0.85  # of the font size: the box stands as tall as the characters beside it
GAP_SHARE = 0.35  # between a box and its label
SPACING_SHARE = 2.0  # between one choice and the next
TICK = "√"
TICK_RAISE = 0.12  # of the box: the tick sits on the box's floor, not below it
SPLIT_SLACK = 0.25  # points: the rows above the tail fit exactly, not one point short
TAIL_ROWS = 2  # rows of the form that go along with its signature block to a new page


class TickBoxes(Flowable):
    """□大型　☑中型　□小型　□微型: a box at text height before each choice, the chosen one ticked.

    A choice with an empty label is a box alone (the 材料清单's 已附 column); a centred style
    centres each line of boxes in its cell.
    """

    def __init__(self, choices: tuple[tuple[str, bool], ...], style: str = "cell"):
        super().__init__()
        self.choices, self.style = choices, styles()[style]

    def _pieces(self) -> list[tuple[str, bool, float]]:
        size = self.style.fontSize
        return [(label, ticked, size * BOX_SHARE + (size * GAP_SHARE + stringWidth(label, self.style.fontName, size)
                                                     if label else 0))
                for label, ticked in self.choices]

    def _lines(self, width: float) -> list[list[tuple[str, bool, float]]]:
        spacing = self.style.fontSize * SPACING_SHARE
        lines: list[list] = [[]]
        used = 0.0
        for piece in self._pieces():
            needed = piece[2] + (spacing if lines[-1] else 0)
            if lines[-1] and used + needed > width:
                lines.append([])
                used, needed = 0.0, piece[2]
            lines[-1].append(piece)
            used += needed
        return lines

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's signature)
        self.width = availWidth
        self.height = len(self._lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def draw(self):
        size, leading = self.style.fontSize, self.style.leading
        side = size * BOX_SHARE
        spacing = size * SPACING_SHARE
        canvas = self.canv
        recorder = getattr(canvas, "cell_recorder", None)
        baseline = self.height - leading + (leading - size) / 2 + size * 0.12
        for line in self._lines(self.width):
            x = 0.0
            if self.style.alignment == TA_CENTER:
                x = (self.width - sum(width for _, _, width in line) - spacing * (len(line) - 1)) / 2
            for label, ticked, width in line:
                canvas.setLineWidth(RULE_WIDTH)
                canvas.setStrokeColor(RULE)
                canvas.rect(x, baseline, side, side, stroke=1, fill=0)
                canvas.setFont(self.style.fontName, size)
                if ticked:
                    canvas.drawCentredString(x + side / 2, baseline + side * TICK_RAISE, TICK)
                canvas.drawString(x + side + size * GAP_SHARE, baseline, label)
                if recorder is not None:
                    x0, y0 = canvas.absolutePosition(x, baseline)
                    recorder.append(CellBox(canvas.getPageNumber(), x0, y0, x0 + side, y0 + side,
                                            f"{TICK if ticked else '□'}{label}"))
                x += width + spacing
            baseline -= leading


class SignedEnd(Flowable):
    """The last table of a form followed by its closing lines and signature block, never parted.

    When the closing does not fit under the table, the table's last rows move to the next page with
    it, so that no page holds only a signature block.
    """

    def __init__(self, table: RuledTable, closing: list[Flowable]):
        super().__init__()
        self.table, self.closing = table, closing

    def _parts(self) -> list[Flowable]:
        return [self.table, *self.closing]

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self._sizes = [part.wrap(availWidth, availHeight) for part in self._parts()]
        self.width = availWidth
        self.height = sum(h for _, h in self._sizes) + sum(
            part.getSpaceBefore() + part.getSpaceAfter() for part in self.closing)
        return availWidth, self.height

    def draw(self):
        y = self.height
        for index, (part, (_, height)) in enumerate(zip(self._parts(), self._sizes, strict=True)):
            if index:
                y -= part.getSpaceBefore()
            y -= height
            part.drawOn(self.canv, 0, y)
            if index:
                y -= part.getSpaceAfter()

    def split(self, availWidth, availHeight):  # noqa: N803
        _, table_height = self.table.wrap(availWidth, availHeight)
        if table_height > availHeight:
            parts = self.table.split(availWidth, availHeight)
        else:
            parts = self._split_before_tail(availWidth)
        if len(parts) == 2:
            return [parts[0], SignedEnd(parts[1], self.closing)]
        if availHeight >= FRAME_HEIGHT - 1:  # a whole page cannot hold both: the rare case left to reportlab
            return self._parts()
        return []

    def _split_before_tail(self, width: float) -> list:
        """The table cut so that its last rows go to the next page along with the signature."""
        heights = self.table._rowHeights
        headers = self.table.repeatRows if isinstance(self.table.repeatRows, int) else len(self.table.repeatRows)
        keep = len(heights) - TAIL_ROWS
        if keep <= headers:
            return []
        return self.table.split(width, sum(heights[:keep]) + SPLIT_SLACK)
