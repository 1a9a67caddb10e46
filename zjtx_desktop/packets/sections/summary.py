"""The summary report: every sub-item with its status, ceiling, reasons and next step, the total of
the ceilings, the packets that can be printed, and the non-monetary support with whom to contact.

Each line of a sub-item's reasons is a row of its own, so a firm with forty loans gets a long table
that continues over pages (the title repeated as “（续）”) instead of one cell too tall for a page.
"""

from __future__ import annotations

from reportlab.platypus import Spacer

from zjtx_desktop.packets.context import Entry
from zjtx_desktop.packets.grid import ruled_table
from zjtx_desktop.packets.sections.common import entry_grid
from zjtx_desktop.packets.styles import FRAME_WIDTH, RULE, RULE_WIDTH, para
from zjtx_desktop.packets.summary_context import SummaryContext

RESULTS_TITLE = "各项措施评估结果"
SUPPORT_TITLE = "可争取的非资金支持"
TOTAL_LABEL = "补助合计（最高可申请，不含融资支持）"
RESULT_SHARES = (0.08, 0.46, 0.14, 0.32)
SUPPORT_SHARES = (0.08, 0.22, 0.42, 0.28)


def _outline(groups: list[tuple[int, int]], columns: int, ruled_columns: int) -> list:
    """A box, a rule under the title and headers and between groups; within a group only the
    number column is ruled off (its first row is ruled in full)."""
    commands = [("BOX", (0, 0), (-1, -1), RULE_WIDTH, RULE), ("INNERGRID", (0, 1), (-1, 1), RULE_WIDTH, RULE),
                ("LINEBELOW", (0, 0), (-1, 1), RULE_WIDTH, RULE), ("VALIGN", (0, 2), (-1, -1), "TOP")]
    for first, last in groups:
        commands += [("LINEABOVE", (0, first), (-1, first), RULE_WIDTH, RULE),
                     ("LINEAFTER", (0, first), (0, last), RULE_WIDTH, RULE),
                     ("LINEAFTER", (1, first), (ruled_columns - 1, first), RULE_WIDTH, RULE)]
    return commands


def _results_table(context: SummaryContext):
    rows = [[para(RESULTS_TITLE, "group"), "", "", ""],
            [para(h, "cell_small") for h in ("编号", "措施", "结论", "最高可申请（元）")]]
    spans, groups = [((0, 0), (3, 0))], []
    for row in context.rows:
        first = len(rows)
        rows.append([para(row.measure, "cell_small"), para(row.title, "cell_small"), para(row.status, "cell_small"),
                     para(row.amount, "cell_small_right")])
        for line in row.lines:
            spans.append(((1, len(rows)), (3, len(rows))))
            rows.append(["", para(line, "cell_small"), "", ""])
        groups.append((first, len(rows) - 1))
    total = len(rows)
    rows += [[para(TOTAL_LABEL, "cell"), "", "", para(context.total_figures, "cell_right")],
             [para("大写", "cell"), para(context.total_capital, "cell_right"), "", ""]]
    spans += [((0, total), (2, total)), ((1, total + 1), (3, total + 1))]
    lines = _outline([*groups, (total, total), (total + 1, total + 1)], 4, 4)
    keep = [(first, min(first + 1, last)) for first, last in groups] + [(total, total + 1)]
    return ruled_table(rows, [FRAME_WIDTH * s for s in RESULT_SHARES], spans=spans, shaded_rows=[0, 1],
                       header_rows=2, title=(RESULTS_TITLE, "group"), lines=lines, keep=keep)


def _support_table(context: SummaryContext):
    rows = [[para(SUPPORT_TITLE, "group"), "", "", ""],
            [para(h, "cell_small") for h in ("编号", "措施", "可争取的支持", "请联系的责任单位")]]
    spans, groups = [((0, 0), (3, 0))], []
    for support in context.support:
        first = len(rows)
        for number, item in enumerate(support.items):
            heading = number == 0
            rows.append([para(support.measure, "cell_small") if heading else "",
                         para(support.title, "cell_small") if heading else "", para(f"· {item}", "cell_small"),
                         para(support.units, "cell_small") if heading else ""])
        groups.append((first, len(rows) - 1))
    lines = _outline(groups, 4, 4)
    lines += [("LINEAFTER", (1, first), (2, last), RULE_WIDTH, RULE) for first, last in groups]
    keep = [(first, min(first + 1, last)) for first, last in groups]
    return ruled_table(rows, [FRAME_WIDTH * s for s in SUPPORT_SHARES], spans=spans, shaded_rows=[0, 1],
                       header_rows=2, title=(SUPPORT_TITLE, "group"), lines=lines, keep=keep)


def build(context: SummaryContext) -> list:
    facts = (Entry("企业名称", context.firm_name, full=True), Entry("统一社会信用代码", context.uscc, full=True),
             Entry("评估日期", context.evaluated_on, full=True), Entry("评估依据", context.policy, full=True),
             Entry("政策有效期", context.validity_note, full=True))
    packets = context.packets or ("本次评估没有可申请的资金支持项目，无需准备申请材料。",)
    story = [
        para(context.title, "title"), entry_grid(None, facts), Spacer(1, 3),
        para(f"金额为“最高可申请”额度，不是承诺；标注“解读”的内容{context.reading_notice}。{context.total_note}", "note"),
        Spacer(1, 3), _results_table(context),
        para("可生成的申请材料", "heading"), *(para(f"· {line}", "body") for line in packets),
    ]
    if context.support:
        story += [Spacer(1, 6), _support_table(context)]
    return story
