"""Each criteria set's own cases (resources/criteria/<set>/cases/*.yaml): the boundaries of every
criterion, band and 划型 line. A successor set must bring cases of its own, and they must pass."""

import pytest

from zjtx_desktop.core.assessment.cases import run_case
from zjtx_desktop.core.assessment.loader import default_library

CASES = [(s.id, case) for s in default_library().sets for case in s.cases]


def test_every_shipped_set_brings_its_own_cases():
    assert {set_id for set_id, _ in CASES} == {s.id for s in default_library().sets}


@pytest.mark.parametrize(("set_id", "case"), CASES, ids=[f"{set_id}: {case['name']}" for set_id, case in CASES])
def test_the_sets_own_case(set_id, case):
    problems = run_case(case)
    assert not problems, f"{case['source']} — {case['name']}\n" + "\n".join(problems)
