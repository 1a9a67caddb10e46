"""计算说明: how the amount was reached, with the numbers used, the clause quoted, readings marked."""

from __future__ import annotations

from zjtx_desktop.packets.context import PacketContext
from zjtx_desktop.packets.styles import para


def build(context: PacketContext) -> list:
    story = [
        para("计算说明", "title"),
        para(f"申请项目：{context.measure_title}", "body"),
        para(f"评估结论：{context.status}。{context.explanation}", "body"),
        para(f"最高可申请：{context.computation_amount}", "body"),
        para("计算过程", "heading"),
        *(para(f"{n}. {line}", "body") for n, line in enumerate(context.computation, start=1)),
        para(f"政策原文（{context.policy}{context.clause_ref}）", "heading"),
        para(f"“{context.clause}”", "body"),
    ]
    if context.readings:
        story.append(para("本软件的解读", "heading"))
        story += [para(f"【解读】{reading}", "body") for reading in context.readings]
        story.append(para(f"标注“解读”的内容{context.reading_notice}。", "note"))
    story += [
        para("说明", "heading"),
        para(f"以上按{context.policy}于{context.evaluated_on}评估，金额为最高可申请额度，不是承诺，"
             "实际金额以责任单位审核为准。", "note"),
        para(context.validity_note, "note"),
    ]
    return story
