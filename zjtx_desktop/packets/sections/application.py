"""申请表: the ruled form declared in forms/packets/, then the signature block for ink and seal."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from zjtx_desktop.packets.context import PacketContext, TableBlock
from zjtx_desktop.packets.flowables import SignedEnd
from zjtx_desktop.packets.grid import RuledTable, ruled_table
from zjtx_desktop.packets.sections.common import entry_grid, signature_block
from zjtx_desktop.packets.styles import FRAME_WIDTH, para

COLUMN_WEIGHTS = {"text": Decimal(3), "money": Decimal(2), "date": Decimal(2), "percent": Decimal("1.3"),
                  "integer": Decimal("1.2"), "choice": Decimal("2.2")}
NUMBER_WEIGHT = Decimal(1)
RIGHT_ALIGNED = frozenset({"money", "integer", "percent"})


def _widths(types: tuple[str, ...]) -> list[float]:
    weights = [NUMBER_WEIGHT, *(COLUMN_WEIGHTS.get(t, Decimal(2)) for t in types)]
    total = sum(weights)
    return [FRAME_WIDTH * float(w / total) for w in weights]


def project_table(block: TableBlock) -> RuledTable:
    """A table of rows (loans, invoices, events…) with 序号, a repeated header, and 合计 if declared."""
    width = len(block.headers) + 1
    rows = [[para(block.title, "group"), *[""] * (width - 1)],
            [para("序号", "cell_small"), *(para(h, "cell_small") for h in block.headers)]]
    styles = ["cell_small_right" if kind in RIGHT_ALIGNED else "cell_small" for kind in block.types]
    rows += [[para(str(n), "cell_small"), *(para(v, style) for v, style in zip(row, styles, strict=True))]
             for n, row in enumerate(block.rows, start=1)]
    if block.total:
        rows.append([para("合计", "cell_small"), *(para(v, style) for v, style in zip(block.total, styles, strict=True))])
    return ruled_table(rows, _widths(block.types), spans=[((0, 0), (-1, 0))], shaded_rows=[0, 1], header_rows=2,
                       title=(block.title, "group"))


def build(context: PacketContext) -> list:
    story = [para(context.form_title, "title")]
    for group in context.groups:
        story.append(entry_grid(group.title, group.entries))
        story += [project_table(table) for table in group.tables]
    closing = [Spacer(1, 4 * mm), para("本单位对以上填报内容的真实性、准确性负责。", "body"),
               signature_block(context.signature)]
    story[-1] = SignedEnd(story[-1], closing)
    return story
