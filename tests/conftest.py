"""Shared fixtures, and the collectors that turn tests/cases/*.yaml (OpenFisca style) and
tests/assessment_cases/*.yaml into tests.

Reading and running a policy case is core's (zjtx_desktop/core/cases.py): a policy pack's own cases
are checked the same way before the pack is installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from zjtx_desktop.core.cases import Case, evaluation_problems, load_case_file

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
ASSESSMENT_CASES = ROOT / "tests" / "assessment_cases"


def pytest_collect_file(parent, file_path: Path):
    if file_path.suffix == ".yaml" and file_path.parent == CASES:
        return CaseFile.from_parent(parent, path=file_path)
    if file_path.suffix == ".yaml" and file_path.parent == ASSESSMENT_CASES:
        return AssessmentCaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self):
        for case in load_case_file(self.path):
            yield CaseItem.from_parent(self, name=case.name, case=case)


class CaseItem(pytest.Item):
    def __init__(self, *, case: Case, **kwargs):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self):
        problems = evaluation_problems(self.case)
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


class AssessmentCaseFile(pytest.File):
    """tests/assessment_cases/*.yaml: the tier self-assessment's cases, run by core's own case runner."""

    def collect(self):
        raw = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        for case in raw["cases"]:
            full = {"date": raw.get("date"), "base": raw.get("base", {}), **case}
            yield AssessmentCaseItem.from_parent(self, name=case["name"], case=full)


class AssessmentCaseItem(pytest.Item):
    def __init__(self, *, case: dict, **kwargs):
        super().__init__(**kwargs)
        self.case = case

    def runtest(self):
        from zjtx_desktop.core.assessment.cases import run_case

        problems = run_case(self.case)
        if problems:
            raise CaseFailure(problems)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CaseFailure):
            return f"{self.name}\n" + "\n".join(f"  {p}" for p in excinfo.value.problems)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"case: {self.name}"


@pytest.fixture
def examples_dir() -> Path:
    return ROOT / "examples"
