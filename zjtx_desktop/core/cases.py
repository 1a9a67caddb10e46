"""Cases in the OpenFisca style: a sentence, an input, a date and the expected results.

The format of tests/cases/*.yaml. The test suite runs the policy's cases through `evaluation_problems`,
and a policy pack's own cases are run the same way before the pack is installed. `run_cases` takes any
check, so other rule sets with their own cases (criteria packs) reuse the reading and the running.

A file holds `cases:` (a list), and optionally `date:` (for every case) and `base:` (input shared by
every case); each case has `name`, `input`, optionally its own `date`, and `output`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from zjtx_desktop.core.safe_yaml import read_yaml

RESULT_CHECKS = ("status", "amount", "reference_amount", "explanation_contains", "missing_contains",
                 "computation_contains", "computation_excludes", "readings_contains", "kind")


class CaseFormatError(ValueError):
    """A case file that is not in the format; str() names the file and what is wrong, in Chinese."""


@dataclass(frozen=True)
class Case:
    name: str
    input: dict[str, Any]
    on: date | None
    output: dict[Any, Any]
    source: str = ""


@dataclass(frozen=True)
class CaseProblem:
    case: Case
    problems: tuple[str, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        return f"用例「{self.case.name}」（{self.case.source}）：" + "；".join(self.problems)


def load_case_file(path: Path) -> list[Case]:
    """The cases of one YAML file (read as untrusted data: bounded, no aliases)."""
    return read_cases(read_yaml(path), Path(path).name)


def read_cases(raw: Any, source: str) -> list[Case]:
    if not isinstance(raw, dict) or not isinstance(raw.get("cases"), list):
        raise CaseFormatError(f"{source}：应有 cases: 列表")
    base = _mapping(raw.get("base"))
    default_date = raw.get("date")
    if not isinstance(base, dict):
        raise CaseFormatError(f"{source}：base 应为映射")
    cases = []
    for number, case in enumerate(raw["cases"], start=1):
        if not isinstance(case, dict) or not isinstance(case.get("name"), str):
            raise CaseFormatError(f"{source}：第{number}个用例应有 name（一句话）")
        given, expected, on = _mapping(case.get("input")), _mapping(case.get("output")), case.get("date", default_date)
        if not isinstance(given, dict) or not isinstance(expected, dict):
            raise CaseFormatError(f"{source}：用例「{case['name']}」的 input 和 output 应为映射")
        if on is not None and not isinstance(on, date):
            raise CaseFormatError(f"{source}：用例「{case['name']}」的 date 应为 YYYY-MM-DD 格式的日期")
        cases.append(Case(case["name"], {**base, **given}, on, expected, source))
    return cases


def _mapping(value: Any) -> Any:
    return {} if value is None else value


def run_cases(cases: Iterable[Case], check: Callable[[Case], list[str]]) -> list[CaseProblem]:
    """Every case through `check` (which says what differs); an error while checking is that case's
    problem, never the caller's crash."""
    found = []
    for case in cases:
        try:
            problems = check(case)
        except Exception as error:  # a broken rule set must be reported, whatever it raises
            problems = [f"评估出错：{type(error).__name__}: {error}"]
        if problems:
            found.append(CaseProblem(case, tuple(problems)))
    return found


def evaluation_problems(case: Case, *, policies=None, rates=None) -> list[str]:
    """What the evaluation of `case` gives that its output does not expect (empty: it passes)."""
    from zjtx_desktop.core.evaluator import evaluate
    from zjtx_desktop.core.profile import ProfileInvalid, parse_profile

    if case.on is None:
        return ["用例没有日期（date）"]
    if not case.output:
        return ["用例没有期望的结果（output 为空）"]
    try:
        profile, _ = parse_profile(case.input)
    except ProfileInvalid as invalid:
        return [f"输入有误：{invalid}"]
    evaluation = evaluate(profile, case.on, policies=policies, rates=rates)
    problems = []
    for measure, expected in case.output.items():
        if measure == "total":
            if evaluation.total != _decimal(expected):
                problems.append(f"合计：应为 {expected}，实为 {evaluation.total}")
            continue
        try:
            result = evaluation.result(str(measure))
        except KeyError:
            problems.append(f"{measure}：政策中没有这一子项")
            continue
        problems.extend(check_result(result, expected))
    return problems


def check_result(result, expected: Any) -> list[str]:
    """One measure's result against what the case expects of it."""
    if not isinstance(expected, dict):
        return [f"{result.measure}：期望的结果应为映射（如 {{status: 符合}}）"]
    unknown = set(expected) - set(RESULT_CHECKS)
    if unknown:
        return [f"{result.measure}：不认识的期望项 {sorted(map(str, unknown))}"]
    problems = []
    where = f"{result.measure}"
    if "status" in expected and str(result.status) != expected["status"]:
        problems.append(f"{where} 结论：应为 {expected['status']}，实为 {result.status}（{result.explanation}）")
    if "kind" in expected and result.kind != expected["kind"]:
        problems.append(f"{where} 类型：应为 {expected['kind']}，实为 {result.kind}")
    for key in ("amount", "reference_amount"):
        if key in expected:
            want = None if expected[key] is None else _decimal(expected[key])
            if getattr(result, key) != want:
                problems.append(f"{where} {key}：应为 {want}，实为 {getattr(result, key)}（{list(result.computation)}）")
    for key, text in (("explanation_contains", result.explanation),
                      ("missing_contains", "\n".join(result.missing)),
                      ("computation_contains", "\n".join(result.computation)),
                      ("readings_contains", "\n".join(result.readings))):
        if key in expected and str(expected[key]) not in text:
            problems.append(f"{where} {key}：{expected[key]!r} 不在 {text!r} 中")
    if "computation_excludes" in expected and str(expected["computation_excludes"]) in "\n".join(result.computation):
        problems.append(f"{where} computation_excludes：{expected['computation_excludes']!r} 在 {list(result.computation)} 中")
    return problems


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
