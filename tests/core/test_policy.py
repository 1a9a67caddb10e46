"""The policy data file: checked on load, picked by date, and replaceable by a new folder."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.policy import PolicyError, default_policies, load_policies, load_policy, policy_for
from zjtx_desktop.core.profile import parse_profile
from zjtx_desktop.core.questions import default_questions

DATA = Path(__file__).resolve().parents[1] / "data"
BROKEN = sorted((DATA / "broken_policies").iterdir())


@pytest.mark.parametrize("folder", BROKEN, ids=[f.name for f in BROKEN])
def test_each_broken_policy_file_is_refused_with_its_message(folder):
    expected = (folder / "policy.yaml").read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    with pytest.raises(PolicyError) as caught:
        load_policy(folder)
    assert f"{folder.name}/policy.yaml" in str(caught.value)
    assert expected in str(caught.value)


def test_the_shipped_policy_has_every_sub_item_in_order():
    policy = default_policies()[0]
    assert list(policy.measures) == ["1", "2a", "2b", "3a", "3b", "4", "5", "6a", "6b", "7a", "7b", "7c",
                                     "8", "9", "10", "11", "12", "13", "14", "15"]
    assert (policy.effective_from, policy.effective_to) == (date(2024, 9, 11), date(2026, 12, 31))


def test_every_parameter_of_the_shipped_policy_names_its_clause():
    for measure in default_policies()[0].measures.values():
        for parameter in measure.parameters.values():
            assert parameter.reference, (measure.id, parameter.name)


def test_every_monetary_measure_lists_its_materials_and_responsible_units():
    for measure in default_policies()[0].measures.values():
        assert measure.responsible_units
        if measure.kind in ("grant", "interest_subsidy", "other_policy"):
            assert measure.materials, measure.id


def test_every_field_the_rules_read_exists_in_the_questions():
    """Rules name profile keys as strings; a typo there would silently read None."""
    import re

    questions = default_questions()
    source = "".join(p.read_text(encoding="utf-8") for p in
                     (Path(__file__).resolve().parents[2] / "zjtx_desktop/core/measures").glob("*.py"))
    patterns = (r"profile\.(?:get|rows|display)\(\"(\w+)\"\)", r"label\(['\"](\w+)['\"]\)",
                r"ctx\.activity\(\"(\w+)\"", r"ctx\.activity\(\"\w+\", \"(\w+)\"\)")
    keys = {key for pattern in patterns for key in re.findall(pattern, source)}
    assert keys, "the scan found no keys"
    assert sorted(k for k in keys if not questions.has_field(k)) == []


def test_the_policy_in_force_is_picked_by_date():
    policies = load_policies(DATA / "policies_successor") + default_policies()
    policies = tuple(sorted(policies, key=lambda p: p.effective_from))
    assert policy_for(date(2026, 12, 31), policies).id == "xm-srdi-2024"
    assert policy_for(date(2027, 1, 1), policies).id == "xm-srdi-2027-test"
    assert policy_for(date(2030, 1, 1), policies).id == "xm-srdi-2027-test"  # expired, the latest
    assert policy_for(date(2020, 1, 1), policies).id == "xm-srdi-2024"  # before all, the first


def test_a_successor_policy_is_a_new_folder_not_new_code():
    policies = tuple(sorted(load_policies(DATA / "policies_successor") + default_policies(),
                            key=lambda p: p.effective_from))
    profile, _ = parse_profile({"tier": "srdi", "equipment_investment_last_year": 6000000})
    old = evaluate(profile, date(2026, 6, 1), policies=policies)
    new = evaluate(profile, date(2027, 6, 1), policies=policies)
    assert str(old.result("3b").status) == "转其他政策"
    assert new.policy_id == "xm-srdi-2027-test"
    assert new.result("3b").amount == Decimal("900000.00")
    assert [r.measure for r in new.results] == ["3b"]


def test_a_user_added_lpr_joins_the_bundled_table_and_wins_on_the_same_date(tmp_path):
    from zjtx_desktop.core.policy import load_rates

    (tmp_path / "lpr.yaml").write_text(
        'id: lpr-1y\ntitle: 用户补充\nvalues:\n  2025-05-20: "0.0299"\n  2026-12-22: "0.0290"\n', encoding="utf-8")
    series = load_rates(user_folder=tmp_path)["lpr-1y"]
    assert series.on(date(2026, 12, 23)) == (date(2026, 12, 22), Decimal("0.0290"))
    assert series.on(date(2025, 6, 1)) == (date(2025, 5, 20), Decimal("0.0299"))
    assert series.on(date(2024, 8, 1)) == (date(2024, 7, 22), Decimal("0.0335"))
    assert series.title == "一年期贷款市场报价利率（LPR）"
