"""What the evaluator returns: one MeasureResult per measure sub-item, gathered in an Evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from zjtx_desktop.core.money import to_fen

MONETARY_KINDS = frozenset({"grant", "interest_subsidy"})


class Status(StrEnum):
    ELIGIBLE = "符合"
    NOT_ELIGIBLE = "不符合"
    INSUFFICIENT = "信息不足"
    OTHER_POLICY = "转其他政策"
    NON_MONETARY = "非资金支持"
    OUT_OF_FORCE = "不在有效期"  # would be 符合, but the evaluation date is outside the policy's validity


@dataclass(slots=True)
class MeasureResult:
    """One sub-item's result. Treat it as immutable: it is not `frozen` only because a frozen
    dataclass costs 2 µs to build here, 20 times per evaluation (bench/bench_evaluate.py)."""

    measure: str
    number: int
    title: str
    kind: str
    status: Status
    amount: Decimal | None
    explanation: str
    computation: tuple[str, ...]
    clause: str
    clause_ref: str
    responsible_units: tuple[str, ...]
    materials: tuple[str, ...]
    missing: tuple[str, ...]
    readings: tuple[str, ...]
    non_monetary: tuple[str, ...]
    policy_in_force: bool
    reference_amount: Decimal | None = None  # only for 不在有效期: the figure, shown labelled 仅供参考

    @property
    def counts_toward_total(self) -> bool:
        """Grants and interest subsidies that apply; financing (measure 11) is not a grant."""
        return self.status is Status.ELIGIBLE and self.kind in MONETARY_KINDS and self.amount is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "number": self.number,
            "title": self.title,
            "kind": self.kind,
            "status": str(self.status),
            "amount": None if self.amount is None else f"{to_fen(self.amount):f}",
            "explanation": self.explanation,
            "computation": list(self.computation),
            "clause": self.clause,
            "clause_ref": self.clause_ref,
            "responsible_units": list(self.responsible_units),
            "materials": list(self.materials),
            "missing": list(self.missing),
            "readings": list(self.readings),
            "non_monetary": list(self.non_monetary),
            "policy_in_force": self.policy_in_force,
            "reference_amount": None if self.reference_amount is None else f"{to_fen(self.reference_amount):f}",
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeasureResult:
        """The inverse of to_json, so a saved evaluation explains a packet printed long ago."""
        tuples = ("computation", "responsible_units", "materials", "missing", "readings", "non_monetary")
        values = {key: (tuple(data[key]) if key in tuples else data.get(key)) for key in cls.__slots__}
        values["status"] = Status(data["status"])
        for key in ("amount", "reference_amount"):  # evaluations saved before reference_amount have none
            values[key] = None if values[key] is None else Decimal(values[key])
        return cls(**values)


@dataclass(frozen=True)
class Evaluation:
    on: date
    policy_id: str
    policy_title: str
    document_number: str
    policy_in_force: bool
    validity_note: str
    reading_notice: str
    company_name: str | None
    uscc: str | None
    results: tuple[MeasureResult, ...]

    def result(self, measure: str) -> MeasureResult:
        for result in self.results:
            if result.measure == measure:
                return result
        raise KeyError(measure)

    @property
    def total(self) -> Decimal:
        """Sum of the ceilings of every grant and interest subsidy the firm can apply for."""
        return to_fen(sum((r.amount for r in self.results if r.counts_toward_total), Decimal(0)))

    @property
    def reference_total(self) -> Decimal:
        """Outside the policy's dates: what the total would have been, shown only labelled 仅供参考."""
        return sum((r.reference_amount for r in self.results
                    if r.reference_amount is not None and r.kind in MONETARY_KINDS), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "policy": {
                "id": self.policy_id,
                "title": self.policy_title,
                "document_number": self.document_number,
                "in_force": self.policy_in_force,
                "validity_note": self.validity_note,
                "reading_notice": self.reading_notice,
            },
            "company": {"name": self.company_name, "uscc": self.uscc},
            "total": f"{self.total:f}",
            "results": [r.to_json() for r in self.results],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evaluation:
        policy = data["policy"]
        return cls(
            on=date.fromisoformat(data["date"]), policy_id=policy["id"], policy_title=policy["title"],
            document_number=policy["document_number"], policy_in_force=policy["in_force"],
            validity_note=policy["validity_note"], reading_notice=policy["reading_notice"],
            company_name=data["company"]["name"], uscc=data["company"]["uscc"],
            results=tuple(MeasureResult.from_json(r) for r in data["results"]),
        )
