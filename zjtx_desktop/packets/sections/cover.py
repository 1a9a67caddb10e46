"""The cover: who applies, for what, under which clause, to whom, for at most how much."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from zjtx_desktop.packets.context import Entry, PacketContext
from zjtx_desktop.packets.sections.common import entry_grid
from zjtx_desktop.packets.styles import para


def build(context: PacketContext) -> list:
    entries = (
        Entry("企业名称（盖章）", context.firm_name, full=True),
        Entry("统一社会信用代码", context.uscc, full=True),
        Entry("申请项目", context.measure_title, full=True),
        Entry("政策依据", context.policy_basis, full=True),
        Entry("责任单位", context.responsible_units, full=True),
        Entry("最高可申请金额（小写）", context.amount_figures, full=True, numeric=True),
        Entry("最高可申请金额（大写）", context.amount_capital, full=True),
        Entry("评估日期", context.evaluated_on, full=True),
        *((Entry("政策有效期", context.expired_note, full=True),) if context.expired_note else ()),
        *(Entry(label, None, full=True) for label in context.cover_ink),
    )
    return [
        Spacer(1, 25 * mm),
        para(context.title, "cover_title"),
        para(context.firm_name, "cover_firm"),
        Spacer(1, 20 * mm),
        entry_grid(None, entries),
        Spacer(1, 6 * mm),
        para(f"金额为按{context.policy}评估的最高可申请额度，不是承诺，以责任单位审核为准。", "note"),
        *(() if context.expired_note else (para(context.validity_note, "note"),)),  # else in the 政策有效期 box
    ]
