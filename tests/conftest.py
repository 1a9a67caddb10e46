"""Shared fixtures, and the collector that turns tests/cases/*.yaml into tests (OpenFisca style)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import parse_profile

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
RESULT_CHECKS = ("status", "amount", "reference_amount", "explanation_contains", "missing_contains",
                 "computation_contains", "computation_excludes", "readings_contains", "kind")


def pytest_collect_file(parent, file_path: Path):
    if file_path.suffix == ".yaml" and file_path.parent == CASES:
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self):
        raw = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        for case in raw["cases"]:
            yield CaseItem.from_parent(
                self, name=case["name"], case=case, base=raw.get("base", {}), default_date=raw.get("date")
            )


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict, base: dict, default_date: date | None, **kwargs):
        super().__init__(**kwargs)
        self.case, self.base, self.default_date = case, base, default_date

    def runtest(self):
        profile, _ = parse_profile({**self.base, **self.case.get("input", {})})
        on = self.case.get("date", self.default_date)
        evaluation = evaluate(profile, on)
        problems = [] if self.case.get("output") else ["a case must expect something (output is empty)"]
        for measure, expected in (self.case.get("output") or {}).items():
            if measure == "total":
                if evaluation.total != Decimal(str(expected)):
                    problems.append(f"total: expected {expected}, got {evaluation.total}")
                continue
            problems.extend(check_result(evaluation.result(str(measure)), expected))
        if problems:
            raise CaseFailure(problems)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CaseFailure):
            return f"{self.name}\n" + "\n".join(f"  {p}" for p in excinfo.value.problems)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"case: {self.name}"


class CaseFailure(Exception):
    def __init__(self, problems: list[str]):
        super().__init__(problems)
        self.problems = problems


def check_result(result, expected: dict) -> list[str]:
    unknown = set(expected) - set(RESULT_CHECKS)
    if unknown:
        return [f"{result.measure}: unknown expectation keys {sorted(map(str, unknown))}"]
    problems = []
    where = f"{result.measure}"
    if "status" in expected and str(result.status) != expected["status"]:
        problems.append(f"{where} status: expected {expected['status']}, got {result.status} ({result.explanation})")
    if "kind" in expected and result.kind != expected["kind"]:
        problems.append(f"{where} kind: expected {expected['kind']}, got {result.kind}")
    for key in ("amount", "reference_amount"):
        if key in expected:
            want = None if expected[key] is None else Decimal(str(expected[key]))
            if getattr(result, key) != want:
                problems.append(f"{where} {key}: expected {want}, got {getattr(result, key)} ({list(result.computation)})")
    for key, text in (("explanation_contains", result.explanation),
                      ("missing_contains", "\n".join(result.missing)),
                      ("computation_contains", "\n".join(result.computation)),
                      ("readings_contains", "\n".join(result.readings))):
        if key in expected and expected[key] not in text:
            problems.append(f"{where} {key}: {expected[key]!r} not in {text!r}")
    if "computation_excludes" in expected and expected["computation_excludes"] in "\n".join(result.computation):
        problems.append(f"{where} computation_excludes: {expected['computation_excludes']!r} in {list(result.computation)}")
    return problems


@pytest.fixture
def examples_dir() -> Path:
    return ROOT / "examples"
