"""Shared fixtures, and the collector that turns tests/cases/*.yaml into tests (OpenFisca style).

Reading and running a case is core's (zjtx_desktop/core/cases.py): a policy pack's own cases are
checked the same way before the pack is installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from zjtx_desktop.core.cases import Case, evaluation_problems, load_case_file

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"


def pytest_collect_file(parent, file_path: Path):
    if file_path.suffix == ".yaml" and file_path.parent == CASES:
        return CaseFile.from_parent(parent, path=file_path)
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


@pytest.fixture
def examples_dir() -> Path:
    return ROOT / "examples"
