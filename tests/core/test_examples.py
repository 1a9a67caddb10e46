"""The five example firms give the results a careful reader of the policy expects."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import load_profile_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ON = date(2025, 11, 20)


def evaluation_of(stem: str):
    path = next(EXAMPLES.glob(f"{stem}*.json"))
    profile, warnings = load_profile_json(path.read_text(encoding="utf-8"))
    assert warnings == []
    return evaluate(profile, ON)


def outcome(evaluation, measure):
    result = evaluation.result(measure)
    return str(result.status), None if result.amount is None else str(result.amount)


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("01", {"3b": ("不符合", None), "7b": ("不符合", None), "8": ("非资金支持", None), "1": ("非资金支持", None)}),
        ("02", {"3b": ("符合", "260000.00"), "6a": ("不符合", None), "7b": ("符合", "140000.00"),
                "7c": ("符合", "12000.00"), "15": ("符合", "67200.00"), "2a": ("不符合", None)}),
        ("03", {"2a": ("符合", "300000.00"), "3b": ("转其他政策", None), "5": ("符合", "58389.04"),
                "7a": ("符合", "186000.00"), "13": ("符合", "68000.00"), "14": ("转其他政策", None)}),
        ("04", {"2a": ("不符合", None), "2b": ("符合", "1000000.00"), "4": ("符合", "460000.00"),
                "3a": ("符合", "353753.41"), "9": ("非资金支持", None)}),
        ("05", {"2b": ("不符合", None), "4": ("符合", "10000000.00"), "5": ("符合", "281819.17"),
                "6a": ("符合", "2000000.00"), "6b": ("符合", "2000000.00"), "7a": ("符合", "250000.00"),
                "13": ("符合", "100000.00"), "15": ("符合", "300000.00")}),
    ],
)
def test_example_firms(stem, expected):
    evaluation = evaluation_of(stem)
    assert {m: outcome(evaluation, m) for m in expected} == expected


def test_the_richest_firm_uses_nearly_every_measure():
    evaluation = evaluation_of("05")
    applicable = [r.measure for r in evaluation.results if str(r.status) in ("符合", "转其他政策", "非资金支持")]
    assert len(applicable) >= 17
    assert evaluation.total == sum(r.amount for r in evaluation.results if r.counts_toward_total)
    assert evaluation.total > Decimal("10000000")


def test_an_evaluation_survives_a_round_trip_through_json():
    import json

    from zjtx_desktop.core.results import Evaluation

    evaluation = evaluation_of("05")
    again = Evaluation.from_json(json.loads(json.dumps(evaluation.to_json(), ensure_ascii=False)))
    assert again == evaluation
