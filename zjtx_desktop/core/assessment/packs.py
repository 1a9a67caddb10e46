"""A successor criteria set, checked the way a policy pack is: every file loads, and the set's own
cases pass against the library it would join, before anything relies on it."""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.core.assessment.cases import run_case
from zjtx_desktop.core.assessment.loader import (
    CriteriaError,
    CriteriaLibrary,
    check_library,
    default_library,
    load_set,
)
from zjtx_desktop.core.cases import run_cases

SHOWN_FAILURES = 5


def verify_set(folder: Path, library: CriteriaLibrary | None = None) -> CriteriaLibrary:
    """The library with the set in `folder` added (or replacing its namesake); CriteriaError if it fails."""
    candidate = load_set(Path(folder))
    if not candidate.cases:
        raise CriteriaError(f"{Path(folder).name}/cases", "", "标准包须附带自己的案例（cases/*.yaml），以便导入前核对")
    base = library or default_library()
    combined = check_library((*(s for s in base.sets if s.id != candidate.id), candidate))
    # run_cases turns a case that makes the assessment raise (a hostile pack's) into that case's failure
    failures = [problem.case["name"] for problem in run_cases(candidate.cases, lambda case: run_case(case, library=combined))]
    if failures:
        shown = "；".join(failures[:SHOWN_FAILURES]) + ("……" if len(failures) > SHOWN_FAILURES else "")
        raise CriteriaError(f"{Path(folder).name}/cases", "", f"有{len(failures)}个案例未通过：{shown}。该标准包不能使用")
    return combined
