"""材料清单: the supporting documents, each with a tick box and a blank for its page count."""

from __future__ import annotations

from zjtx_desktop.packets.context import PacketContext
from zjtx_desktop.packets.flowables import TickBoxes
from zjtx_desktop.packets.grid import ruled_table
from zjtx_desktop.packets.styles import FRAME_WIDTH, para

UNTICKED = (("", False),)  # one box, no label: 已附 is ticked by pen, so the box is drawn at text height
PAGE_BLANK = "＿＿页"
SHARES = (0.08, 0.62, 0.12, 0.18)
BINDING_NOTES = (
    "请按本清单顺序整理，装订成册，连续编页码，一式二份。",
    "复印件须加盖企业公章，原件备查；已附的材料请在“已附”栏打“√”，并填写页数。",
)


TABLE_TITLE = "应提交的材料"


def build(context: PacketContext) -> list:
    rows = [[para(TABLE_TITLE, "group"), "", "", ""], [para(h, "cell_center") for h in ("序号", "材料名称", "已附", "页数")]]
    rows += [[para(str(n), "cell_center"), para(material, "cell"), TickBoxes(UNTICKED, "cell_center"),
              para(PAGE_BLANK, "cell_right")] for n, material in enumerate(context.checklist, start=1)]
    table = ruled_table(rows, [FRAME_WIDTH * s for s in SHARES], spans=[((0, 0), (-1, 0))], shaded_rows=[0, 1],
                        header_rows=2, title=(TABLE_TITLE, "group"))
    return [para("材料清单", "title"), para(f"申请项目：{context.measure_title}", "body"), table,
            *(para(note, "note") for note in BINDING_NOTES)]
