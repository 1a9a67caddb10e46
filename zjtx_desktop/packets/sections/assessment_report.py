"""The 梯度培育自评报告 for a firm's management: which title it can apply for, each criterion with the
figures used and its clause, the scoring tables, the gap list and what each title would open.

Layout only: every string comes from the assessment (core.assessment); the look is styles.py's.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from zjtx_desktop.core.assessment.display import signed_yuan
from zjtx_desktop.core.assessment.results import Assessment, CriterionResult, TierAssessment
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.packets.context import Entry
from zjtx_desktop.packets.grid import ruled_table
from zjtx_desktop.packets.sections.common import entry_grid
from zjtx_desktop.packets.styles import FRAME_WIDTH, para, styles

TITLE = "梯度培育自评报告"
CRITERIA_SHARES = (0.09, 0.37, 0.17, 0.17, 0.2)
SAME_CLAUSE = "同上"
OPENS_SHARES = (0.08, 0.32, 0.17, 0.17, 0.26)
NUMERALS = "一二三四五六七八九十"
INDENT_STEP = 9  # points per level of a criterion nested in an 其一/均须 group


def _facts(assessment: Assessment) -> tuple[Entry, ...]:
    size = assessment.size
    size_text = size.size_label or str(size.status)
    if size.line_title:
        size_text += f"（{size.line_title}，{size.document}{size.clause_ref}）"
    best = assessment.best_reachable
    return (
        Entry("企业名称", assessment.company_name, full=True),
        Entry("统一社会信用代码", assessment.uscc, full=True),
        Entry("评估日期", assessment.on.isoformat()), Entry("目前称号", assessment.current_tier_label),
        Entry("认定标准", f"{assessment.set_document}《{assessment.set_title}》", full=True),
        Entry("企业规模（测算）", f"{size_text}：{'；'.join(size.working)}", full=True),
        Entry("目前可申请的最高梯度", best.title if best else "暂无", full=True),
    )


@cache
def _nested(depth: int) -> ParagraphStyle:
    """The table's small cell style, moved right for each level of nesting."""
    return ParagraphStyle(f"cell_small_{depth}", parent=styles()["cell_small"], leftIndent=INDENT_STEP * depth)


def _condition(row: CriterionResult) -> list:
    cell = [Paragraph(escape(row.title), _nested(row.depth))]
    if row.note and str(row.status) != "符合":
        cell.append(Paragraph(escape(f"说明：{row.note}"), _nested(row.depth)))
    return cell


def _criteria_table(tier: TierAssessment):
    header = [para(h, "cell_small") for h in ("结论", "条件", "企业数据", "要求", "出处")]
    rows = [header]
    previous = None
    for row in tier.criteria:
        value = row.value + (f"（{row.points}）" if row.points else "")
        clause = SAME_CLAUSE if row.clause == previous else row.clause
        previous = row.clause
        rows.append([para(str(row.status), "cell_small"), _condition(row), para(value, "cell_small"),
                     para(row.threshold, "cell_small"), para(clause, "cell_small")])
    return ruled_table(rows, [FRAME_WIDTH * s for s in CRITERIA_SHARES], shaded_rows=[0], header_rows=1)


def _opens_table(tier: TierAssessment):
    header = [para(h, "cell_small") for h in ("措施", "名称", "目前", "获评后", "可多申请（元）")]
    rows = [header] + [[para(o.measure, "cell_small"), para(o.title, "cell_small"), para(o.status_before, "cell_small"),
                        para(o.status_after, "cell_small"),
                        para(o.amount_text or "—", "cell_small")] for o in tier.opens]
    last = len(rows)
    total = "净增合计" if tier.opens_lost else "合计"
    rows.append([para(f"{total}（最高可申请额度，不含融资支持）", "cell_small"), "", "", "",
                 para(signed_yuan(tier.opens_total) if tier.opens_lost else format_yuan(tier.opens_total), "cell_small")])
    return ruled_table(rows, [FRAME_WIDTH * s for s in OPENS_SHARES], shaded_rows=[0], header_rows=1,
                       spans=[((0, last), (3, last))])


def _tier_story(number: int, tier: TierAssessment) -> list:
    story = [para(f"{NUMERALS[number % len(NUMERALS)]}、{tier.title}（{tier.kind_label}）：{tier.overall}", "heading"),
             para(tier.overall_note, "body"), para(f"依据：{tier.document} {tier.annex}", "note")]
    if tier.set_note:
        story.append(para(f"说明：{tier.set_note}", "note"))
    story += [_criteria_table(tier), Spacer(1, 3)]
    for sheet in tier.score_sheets:
        parts = [f"{s.title}{s.points.normalize():f}分（要求{s.required or '无'}）" for s in sheet.subtotals]
        story.append(para(f"{sheet.title}：合计{sheet.total.normalize():f}分，须达到{sheet.pass_total.normalize():f}分；"
                          + "；".join(parts), "body"))
    if tier.gap:
        story.append(para("差距与建议", "heading"))
        story += [para(line.strip() if line.startswith(" ") else f"· {line}", "body") for line in tier.gap]
    if tier.opens_total is not None:
        story.append(para("获评后按本政策可多申请", "heading"))
        if tier.opens:
            story += [_opens_table(tier), Spacer(1, 3)]
        story.append(para(tier.opens_note, "body"))
    return story


def build(assessment: Assessment) -> list:
    size = assessment.size
    story = [para(TITLE, "title"), entry_grid(None, _facts(assessment)), Spacer(1, 3),
             para(assessment.notice, "note")]
    for note in (assessment.set_note, size.warning):
        if note:
            story.append(para(f"提示：{note}", "note"))
    for number, tier in enumerate(assessment.tiers):
        story += _tier_story(number, tier)
    for number, line in enumerate(assessment.designated, start=len(assessment.tiers)):
        story += [para(f"{NUMERALS[number % len(NUMERALS)]}、{line.title}（{line.kind_label}）：{line.verdict_text}", "heading"),
                  para(line.note, "body"), para(f"依据：{line.clause}", "note")]
    if assessment.readings:
        story.append(para("本软件的解读（以认定部门解释为准）", "heading"))
        story += [para(f"· {reading}", "body") for reading in assessment.readings]
    return story
