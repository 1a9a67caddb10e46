"""What an assessment returns: each criterion judged, each tier's verdict, the SME size, the gaps
and what a title would open under the policy. `to_json` gives the CLI's documented shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from zjtx_desktop.core.assessment.display import signed_yuan
from zjtx_desktop.core.money import to_fen


class Verdict(StrEnum):
    MET = "符合"
    NOT_MET = "不符合"
    INSUFFICIENT = "信息不足"
    MANUAL = "需人工核验"


class Overall(StrEnum):
    ELIGIBLE = "可申请"
    NOT_YET = "暂不具备"
    NEEDS_INFO = "需补充信息"
    NEEDS_CHECK = "需人工核验"  # nothing fails or is missing, but a threshold could not be confirmed


@dataclass(frozen=True)
class CriterionResult:
    """One criterion (leaf, combination, scoring indicator or subtotal) as the user reads it.

    `id` is a path ("rd.rd_ratio") so the flat list keeps the nesting; `depth` is its level.
    `fields` are the questions to answer when it is 信息不足 (the app links each to its field).
    """

    id: str
    title: str
    status: Verdict
    value: str = ""
    threshold: str = ""
    points: str | None = None
    clause: str = ""
    confidence: str = "confirmed"
    note: str = ""
    depth: int = 0
    fields: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "status": str(self.status), "value": self.value,
                "threshold": self.threshold, "points": self.points, "clause": self.clause,
                "confidence": self.confidence, "note": self.note}


def fields_to_answer(rows) -> tuple[str, ...]:
    """The questions behind every 信息不足 row, each once, in the order the rows name them."""
    return tuple(dict.fromkeys(key for row in rows if row.status is Verdict.INSUFFICIENT for key in row.fields))


@dataclass(frozen=True)
class Subtotal:
    title: str
    points: Decimal
    required: str  # "≥ 20分", "不为0分" or "" (no minimum)
    met: bool | None  # None when an indicator of the group lacks data


@dataclass(frozen=True)
class ScoreSheet:
    """A scoring table as filled in: each indicator's band and points, the subtotals and the total."""

    id: str
    title: str
    rows: tuple[CriterionResult, ...]
    subtotals: tuple[Subtotal, ...]
    total: Decimal
    pass_total: Decimal
    complete: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "total": f"{self.total.normalize():f}",
            "pass_total": f"{self.pass_total.normalize():f}", "complete": self.complete,
            "subtotals": [{"title": s.title, "points": f"{s.points.normalize():f}", "required": s.required,
                           "met": s.met} for s in self.subtotals],
        }


def _fen_text(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{to_fen(amount):f}"


@dataclass(frozen=True)
class Opening:
    """One measure of the policy that the title would make claimable (or raise)."""

    measure: str
    title: str
    status_before: str
    status_after: str
    amount: Decimal | None  # the added ceiling; None for support without an amount

    @property
    def amount_text(self) -> str:
        """The change as shown beside the line: '+60,000.00' or '−300,000.00'; '' without an amount."""
        return "" if self.amount is None else signed_yuan(self.amount)

    def to_json(self) -> dict[str, Any]:
        return {"measure": self.measure, "title": self.title, "status_before": self.status_before,
                "status_after": self.status_after, "amount": _fen_text(self.amount)}


KIND_LABELS = {"apply": "申请", "review": "复核", "tech_sme": "评价"}  # as every layer names a kind


@dataclass(frozen=True)
class TierAssessment:
    tier: str
    title: str
    kind: str  # "apply" (a title above the current one), "review" (复核 of a title held) or "tech_sme"
    set_id: str
    document: str
    annex: str
    overall: Overall
    overall_note: str
    criteria: tuple[CriterionResult, ...]
    score_sheets: tuple[ScoreSheet, ...] = ()
    gap: tuple[str, ...] = ()
    opens: tuple[Opening, ...] = ()
    opens_total: Decimal | None = None  # the net change, gained − lost; None when not worked out
    opens_note: str = ""
    set_note: str = ""

    @property
    def kind_label(self) -> str:
        """申请 / 复核 / 评价, as the tab, the CLI and the report name the kind."""
        return KIND_LABELS[self.kind]

    @property
    def opens_gained(self) -> Decimal | None:
        """The sum of the lines that rise."""
        return self._opens_sum(1)

    @property
    def opens_lost(self) -> Decimal | None:
        """The sum of the lines that fall, as a positive amount."""
        return self._opens_sum(-1)

    def _opens_sum(self, sign: int) -> Decimal | None:
        if self.opens_total is None:
            return None
        return abs(sum((o.amount for o in self.opens if o.amount is not None and o.amount * sign > 0), Decimal(0)))

    @property
    def missing_fields(self) -> tuple[str, ...]:
        return fields_to_answer(self.criteria)

    def to_json(self) -> dict[str, Any]:
        return {
            "tier": self.tier, "title": self.title, "kind": self.kind,
            "criteria_set": {"id": self.set_id, "document": self.document, "annex": self.annex, "note": self.set_note},
            "overall": str(self.overall), "overall_note": self.overall_note,
            "criteria": [c.to_json() for c in self.criteria],
            "scoring": [sheet.to_json() for sheet in self.score_sheets],
            "gap": list(self.gap),
            "opens": [o.to_json() for o in self.opens],
            "opens_total": _fen_text(self.opens_total),
            "opens_note": self.opens_note,
            "opens_gained": _fen_text(self.opens_gained),
            "opens_lost": _fen_text(self.opens_lost),
        }


@dataclass(frozen=True)
class DesignatedLine:
    """A title above the firm that an authority confers by selection (重点“小巨人”): shown, not assessed."""

    tier: str
    title: str
    clause: str
    note: str
    set_id: str
    status: ClassVar[Verdict] = Verdict.MANUAL  # the same for every such line: nothing is judged
    verdict_text: ClassVar[str] = "需人工核验（不作判断）"
    kind_label: ClassVar[str] = "遴选"

    def to_json(self) -> dict[str, Any]:
        return {"tier": self.tier, "title": self.title, "status": str(self.status), "assessed": False,
                "note": self.note, "clause": self.clause, "criteria_set": self.set_id}


@dataclass(frozen=True)
class SizeResult:
    """The SME size worked out from industry, employees, revenue and (where the line needs) assets."""

    industry_code: str | None
    line_id: str | None
    line_title: str
    size: str | None  # large / medium / small / micro, or None
    size_label: str
    is_sme: bool | None
    status: Verdict
    working: tuple[str, ...]
    clause_ref: str
    clause: str
    confidence: str
    set_id: str
    document: str
    chosen: str | None = None
    warning: str = ""
    fields: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "industry_code": self.industry_code, "industry_group": self.line_title or None, "size": self.size,
            "label": self.size_label, "is_sme": self.is_sme, "status": str(self.status), "working": list(self.working),
            "clause_ref": self.clause_ref, "clause": self.clause, "confidence": self.confidence,
            "criteria_set": {"id": self.set_id, "document": self.document},
            "chosen": self.chosen, "warning": self.warning or None,
        }


@dataclass(frozen=True)
class Assessment:
    on: date
    company_name: str | None
    uscc: str | None
    current_tier: str | None
    current_tier_label: str
    set_id: str
    set_document: str
    set_title: str
    set_in_force: bool
    set_note: str
    size: SizeResult
    tiers: tuple[TierAssessment, ...]
    readings: tuple[str, ...] = ()
    notice: str = ""
    designated: tuple[DesignatedLine, ...] = ()  # titles above the firm conferred by selection, not assessed

    @property
    def best_reachable(self) -> TierAssessment | None:
        """The highest title the firm can apply for now (复核 and 科技型 aside)."""
        reachable = [t for t in self.tiers if t.kind == "apply" and t.overall is Overall.ELIGIBLE]
        return reachable[-1] if reachable else None

    def tier(self, tier: str, kind: str = "apply") -> TierAssessment:
        for assessed in self.tiers:
            if assessed.tier == tier and assessed.kind == kind:
                return assessed
        raise KeyError(tier)

    def to_json(self) -> dict[str, Any]:
        best = self.best_reachable
        return {
            "date": self.on.isoformat(),
            "company": {"name": self.company_name, "uscc": self.uscc},
            "current_tier": self.current_tier,
            "criteria_set": {"id": self.set_id, "document": self.set_document, "title": self.set_title,
                             "in_force": self.set_in_force, "note": self.set_note},
            "size": self.size.to_json(),
            "tiers": [t.to_json() for t in self.tiers],
            "designated": [line.to_json() for line in self.designated],
            "best_reachable": None if best is None else best.tier,
            "readings": list(self.readings),
            "notice": self.notice,
        }
