"""Judging a tier's criteria tree: leaves by their rules, combinations by all_of / any_of.

Four-valued: a criterion is met, not met, missing data, or needs a person to check it. A criterion
whose threshold is `uncertain` is never judged: it shows 需人工核验, with the estimate in its note.
A criterion that is only wording (`rule: manual`) never blocks a verdict; it is listed to check.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from zjtx_desktop.core.assessment.model import Criterion
from zjtx_desktop.core.assessment.results import CriterionResult, ScoreSheet, Verdict
from zjtx_desktop.core.assessment.rules import LEAF_RULES, Facts
from zjtx_desktop.core.assessment.scoring import score_table

ALTERNATIVE = "  ◦ "


class Logic(Enum):
    TRUE = "true"
    FALSE = "false"
    MISSING = "missing"
    CHECK = "check"


VERDICTS = {Logic.TRUE: Verdict.MET, Logic.FALSE: Verdict.NOT_MET, Logic.MISSING: Verdict.INSUFFICIENT,
            Logic.CHECK: Verdict.MANUAL}
LOGIC = {Verdict.MET: Logic.TRUE, Verdict.NOT_MET: Logic.FALSE, Verdict.INSUFFICIENT: Logic.MISSING,
         Verdict.MANUAL: Logic.CHECK}


@dataclass
class Judged:
    logic: Logic
    rows: list[CriterionResult] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    sheets: list[ScoreSheet] = field(default_factory=list)
    to_check: int = 0  # wording-only criteria listed for a person to check
    estimate: Logic | None = None  # what the figures say, unconfirmed thresholds taken at face value

    def __post_init__(self):
        self.estimate = self.estimate or self.logic


def combine(kind: str, logics: list[Logic]) -> Logic:
    decisive, other = (Logic.FALSE, Logic.TRUE) if kind == "all_of" else (Logic.TRUE, Logic.FALSE)
    for candidate in (decisive, Logic.MISSING, Logic.CHECK):
        if candidate in logics:
            return candidate
    return other


def _unconfirmed(row: CriterionResult, estimate: Verdict, gaps: list[str]) -> tuple[CriterionResult, Logic, list[str]]:
    note = f"门槛未经两方来源确认，按所见资料测算：{estimate}。{row.note}".rstrip()
    logic = Logic.MISSING if estimate is Verdict.INSUFFICIENT else Logic.CHECK
    return replace(row, status=Verdict.MANUAL, note=note), logic, [f"【需核验】{line}" for line in gaps]


def _leaf(node: Criterion, facts: Facts, path: str, depth: int) -> Judged:
    if node.rule == "scoring":
        sheet, verdict, gaps = score_table(node.scoring, facts.profile, path=path, title=node.title, depth=depth + 1,
                                           clause=node.clause, confidence=node.confidence)
        row = CriterionResult(path, node.title, verdict, f"{sheet.total.normalize():f}分",
                              _pass_text(node), clause=node.clause, confidence=node.confidence, depth=depth,
                              fields=tuple(key for r in sheet.rows for key in r.fields))
        judged_rows, extra = [row, *sheet.rows], [sheet]
    else:
        outcome = LEAF_RULES[node.rule](node, facts)
        note = "；".join(part for part in (outcome.note, node.note) if part)
        row = CriterionResult(path, node.title, outcome.status, outcome.value, outcome.threshold, None, node.clause,
                              node.confidence, note, depth, outcome.fields)
        gaps = [outcome.gap] if outcome.gap else []
        judged_rows, extra, verdict = [row], [], outcome.status
    if node.rule == "manual":
        return Judged(Logic.TRUE if node.confidence == "confirmed" else Logic.CHECK, judged_rows, [], extra, 1)
    if node.confidence != "confirmed":
        first, logic, gaps = _unconfirmed(judged_rows[0], verdict, gaps)
        return Judged(logic, [first, *judged_rows[1:]], gaps if verdict is not Verdict.MET else [], extra,
                      estimate=LOGIC[verdict])
    return Judged(LOGIC[verdict], judged_rows, gaps if verdict is not Verdict.MET else [], extra)


def _pass_text(node: Criterion) -> str:
    scoring = node.scoring
    parts = [f"总分 ≥ {scoring.pass_total.normalize():f}分"]
    for group in scoring.groups:
        if group.minimum is not None:
            parts.append(f"{group.title} ≥ {group.minimum.normalize():f}分")
        elif group.nonzero:
            parts.append(f"{group.title}不为0分")
    return "，".join(parts)


def judge(node: Criterion, facts: Facts, parent: str = "", depth: int = 0) -> Judged | None:
    """The node's verdict, its rows (itself first) and gap lines; None when a 复核 skips it."""
    if facts.review and node.review == "skip":
        return None
    path = f"{parent}.{node.id}" if parent else node.id
    if node.combine is None:
        return _leaf(node, facts, path, depth)
    children = [j for j in (judge(child, facts, path, depth + 1) for child in node.children) if j is not None]
    logic = combine(node.combine, [child.logic for child in children])
    row = CriterionResult(path, node.title, VERDICTS[logic], clause=node.clause, confidence=node.confidence,
                          note=node.note, depth=depth,
                          fields=tuple(k for child in children if child.logic is Logic.MISSING for k in child.rows[0].fields))
    judged = Judged(logic, [row], [], [], sum(child.to_check for child in children),
                    combine(node.combine, [child.estimate for child in children]))
    for child in children:
        judged.rows += child.rows
        judged.sheets += child.sheets
    if logic is not Logic.TRUE:
        judged.gaps = _gaps(node, children)
    return judged


def _gaps(node: Criterion, children: list[Judged]) -> list[str]:
    """Gaps of the children that fail; none for an alternative already met on the figures."""
    if node.combine == "any_of" and any(child.estimate is Logic.TRUE for child in children):
        return []
    lines = [line for child in children if child.estimate is not Logic.TRUE for line in child.gaps]
    if node.combine == "all_of" or not lines:
        return lines
    return [f"{node.title}：", *(f"{ALTERNATIVE}{line.strip()}" for line in lines)]


def judge_all(criteria: tuple[Criterion, ...], facts: Facts) -> Judged:
    """A tier's criteria must all hold."""
    children = [j for j in (judge(node, facts) for node in criteria) if j is not None]
    judged = Judged(combine("all_of", [child.logic for child in children]),
                    estimate=combine("all_of", [child.estimate for child in children]))
    for child in children:
        judged.rows += child.rows
        judged.sheets += child.sheets
        judged.to_check += child.to_check
        if child.logic is not Logic.TRUE:
            judged.gaps += child.gaps
    return judged
