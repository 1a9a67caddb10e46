"""The criteria as the loader hands them over: rule sets, tiers, criteria trees, bands and size lines.

Everything here is data read from resources/criteria/<set>/; the rules that apply it live in
rules.py, scoring.py and size.py. Numbers are Decimal; thresholds in % are percentages (3 = 3%).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

CONFIDENCES = ("confirmed", "uncertain")
SIZES = ("large", "medium", "small")  # the floors a size line gives; below the small floor is micro
SIZE_NAMES = {"large": "大型", "medium": "中型", "small": "小型", "micro": "微型"}


@dataclass(frozen=True)
class Band:
    """One band of a scoring indicator: the first band (from the top) whose condition holds scores."""

    points: Decimal
    label: str
    measure: str | None = None
    at_least: Decimal | None = None
    at_most: Decimal | None = None
    is_value: bool | None = None
    otherwise: bool = False


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    group: str
    max_points: Decimal
    bands: tuple[Band, ...]
    measure: str | None = None


@dataclass(frozen=True)
class ScoreGroup:
    id: str
    title: str
    minimum: Decimal | None = None
    nonzero: bool = False


@dataclass(frozen=True)
class Scoring:
    pass_total: Decimal
    groups: tuple[ScoreGroup, ...]
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Criterion:
    """A leaf (a `rule` with its parameters) or a combination (`all_of` / `any_of` of children)."""

    id: str
    title: str
    clause: str
    confidence: str
    rule: str | None = None
    combine: str | None = None
    children: tuple[Criterion, ...] = ()
    params: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    note: str = ""
    review: str | None = None
    scoring: Scoring | None = None

    def param(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


@dataclass(frozen=True)
class TierCriteria:
    tier: str
    title: str
    annex: str
    criteria: tuple[Criterion, ...]
    set_id: str


@dataclass(frozen=True)
class SizeLine:
    """One industry group of the SME size standard, with the floors of each size (inclusive)."""

    id: str
    title: str
    clause_ref: str
    clause: str
    codes: tuple[str, ...]
    confidence: str
    floors: dict[str, dict[str, Decimal]]
    code_note: str = ""


@dataclass(frozen=True)
class SizeStandard:
    rule_clause: str
    rule_reference: str
    measures: dict[str, tuple[str, str]]  # measure → (title, unit)
    doors: dict[str, tuple[str, str]]  # 门类 letter → first and last 大类
    lines: tuple[SizeLine, ...]


@dataclass(frozen=True)
class Window:
    start: date
    end: date
    reason: str

    def holds(self, on: date) -> bool:
        return self.start <= on <= self.end


@dataclass(frozen=True)
class DesignatedTitle:
    """A title an authority confers by selection, not by criteria a firm meets (重点“小巨人”): shown,
    never assessed. `clause` names the document; `text` says who designates and that nothing is judged."""

    tier: str
    title: str
    clause: str
    text: str


@dataclass(frozen=True)
class CriteriaSet:
    id: str
    family: str
    title: str
    document_number: str
    issuer: str
    issued: date
    effective_from: date
    effective_to: date | None
    dates_confidence: str
    tiers: dict[str, TierCriteria]
    borrow: dict[str, tuple[str, str]] = field(default_factory=dict)  # tier → (set id, reason)
    reviews: dict[str, Window] = field(default_factory=dict)
    designated: tuple[DesignatedTitle, ...] = ()
    size: SizeStandard | None = None
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    readings: tuple[str, ...] = ()
    dates_note: str = ""
    cases: tuple[dict, ...] = ()
    folder: Path | None = None

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def describe(self) -> str:
        return f"{self.document_number}《{self.title}》"
