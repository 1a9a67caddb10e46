"""The summary report: every sub-item with its status, ceiling, reasons and next step, the total of
the ceilings, the packets that can be printed, and the non-monetary support with whom to contact."""

from __future__ import annotations

from reportlab.platypus import Spacer

from zjtx_desktop.packets.context import Entry
from zjtx_desktop.packets.grid import ruled_table
from zjtx_desktop.packets.sections.common import entry_grid
from zjtx_desktop.packets.styles import FRAME_WIDTH, para
from zjtx_desktop.packets.summary_context import SummaryContext, SummaryRow

RESULT_SHARES = (0.07, 0.17, 0.11, 0.17, 0.48)
SUPPORT_SHARES = (0.07, 0.2, 0.45, 0.28)


def _reasons(row: SummaryRow) -> list:
    cell = [para(row.reasons[0], "cell_small")]
    cell += [para(f"· {line}", "cell_small") for line in row.reasons[1:]]
    cell += [para(f"→ {need}", "cell_small") for need in row.to_qualify]
    cell += [para(f"【解读】{reading}", "cell_small") for reading in row.readings]
    return cell


def _results_table(context: SummaryContext):
    header = [para(h, "cell_small") for h in ("编号", "措施", "结论", "最高可申请（元）", "理由、计算与下一步")]
    rows = [header] + [[para(r.measure, "cell_small"), para(r.title, "cell_small"), para(r.status, "cell_small"),
                        para(r.amount, "cell_small"), _reasons(r)] for r in context.rows]
    last = len(rows)
    rows.append([para("补助合计（最高可申请，不含融资支持）", "cell"), "", "",
                 para(f"{context.total_figures}　{context.total_capital}", "cell"), ""])
    return ruled_table(rows, [FRAME_WIDTH * s for s in RESULT_SHARES], shaded_rows=[0], header_rows=1,
                       spans=[((0, last), (2, last)), ((3, last), (4, last))])


def _support_table(context: SummaryContext):
    header = [para(h, "cell_small") for h in ("编号", "措施", "可争取的支持", "请联系的责任单位")]
    rows = [header] + [[para(s.measure, "cell_small"), para(s.title, "cell_small"),
                        [para(f"· {item}", "cell_small") for item in s.items], para(s.units, "cell_small")]
                       for s in context.support]
    return ruled_table(rows, [FRAME_WIDTH * s for s in SUPPORT_SHARES], shaded_rows=[0], header_rows=1)


def build(context: SummaryContext) -> list:
    facts = (Entry("企业名称", context.firm_name, full=True), Entry("统一社会信用代码", context.uscc, full=True),
             Entry("评估日期", context.evaluated_on, full=True), Entry("评估依据", context.policy, full=True),
             Entry("政策有效期", context.validity_note, full=True))
    packets = context.packets or ("本次评估没有可申请的资金支持项目，无需准备申请材料。",)
    story = [
        para(context.title, "title"), entry_grid(None, facts), Spacer(1, 3),
        para(f"金额为“最高可申请”额度，不是承诺；标注“解读”的内容{context.reading_notice}。", "note"),
        para("各项措施评估结果", "heading"), _results_table(context),
        para("可生成的申请材料", "heading"), *(para(f"· {line}", "body") for line in packets),
    ]
    if context.support:
        story += [para("可争取的非资金支持", "heading"), _support_table(context)]
    return story
