"""Firms, autosave field by field, the audit trail, per-firm UI state, saved evaluations, packets."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from store_helpers import example_raw, make_uscc

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import ProfileInvalid, parse_profile
from zjtx_desktop.store import Database, StoreError


def test_a_created_firm_reads_back_as_the_same_profile(db, firm):
    for index in range(1, 5):
        raw = example_raw(index)
        company_id = db.create_company(raw)
        assert db.profile(company_id) == parse_profile(raw)[0]
    assert db.profile(firm) == parse_profile(example_raw(0))[0]


def test_save_field_commits_the_typed_value_and_an_audit_row(db, firm):
    result = db.save_field(firm, "revenue", "2,000,000.50")
    assert result.saved and result.value == Decimal("2000000.50")
    assert db.profile(firm).get("revenue") == Decimal("2000000.50")
    history = db.field_history(firm, "revenue")
    assert [(h.old, h.new, h.label) for h in history][-1] == ("18600000", "2000000.50", "营业收入")


def test_a_bad_value_writes_nothing_and_keeps_the_old_one(db, firm):
    before = len(db.company_history(firm))
    result = db.save_field(firm, "revenue", "很多")
    assert not result.saved and "不是数字" in str(result.errors[0])
    assert result.value == Decimal("18600000") == db.profile(firm).get("revenue")
    assert len(db.company_history(firm)) == before


def test_blank_clears_a_field_and_the_history_says_so(db, firm):
    assert db.save_field(firm, "tier", "").value is None
    assert db.profile(firm).get("tier") is None
    entry = db.field_history(firm, "tier")[-1]
    assert entry.old == "创新型中小企业（科技和创新型中小企业）" and entry.new == ""


def test_zero_and_false_are_values_not_blanks(db, firm):
    assert db.save_field(firm, "net_profit", "0").value == Decimal(0)
    assert db.save_field(firm, "has_joint_lab", "否").value is False
    profile = db.profile(firm)
    assert profile.get("net_profit") == Decimal(0) and profile.get("has_joint_lab") is False


def test_a_table_is_saved_as_one_value_and_rows_are_checked(db, firm):
    rows = [{"name": "数控机床", "quantity": "2", "invoice_no": "0123", "amount": "350000"}]
    assert db.save_field(firm, "equipment_items", rows).saved
    assert db.profile(firm).get("equipment_items")[0]["amount"] == Decimal("350000")
    bad = db.save_field(firm, "equipment_items", [{"name": "", "amount": "x"}])
    assert not bad.saved and bad.errors[0].row == 1
    assert db.profile(firm).get("equipment_items")[0]["name"] == "数控机床"
    assert db.field_history(firm, "equipment_items")[-1].new == "1行"


def test_saving_the_same_value_again_adds_no_history(db, firm):
    before = len(db.company_history(firm))
    db.save_field(firm, "revenue", "18,600,000")
    assert len(db.company_history(firm)) == before


def test_a_code_already_used_by_another_firm_is_refused(db, firm):
    other = db.create_company({"company_name": "另一家", "uscc": make_uscc(1)})
    result = db.save_field(other, "uscc", example_raw(0)["uscc"])
    assert not result.saved and "厦门海湾智联科技有限公司" in result.errors[0].message
    assert db.profile(other).get("uscc") == make_uscc(1)
    with pytest.raises(ProfileInvalid):
        db.create_company({"company_name": "第三家", "uscc": example_raw(0)["uscc"]})


def test_create_refuses_invalid_values_with_every_issue(db):
    with pytest.raises(ProfileInvalid) as caught:
        db.create_company({"uscc": "123", "revenue": "-1"})
    assert len(caught.value.issues) == 2
    assert db.list_companies() == []


def test_list_search_matches_name_or_code_case_insensitively(db, firm):
    db.create_company({"company_name": "厦门闽锐精密", "uscc": make_uscc(7)})
    assert [c.name for c in db.list_companies("海湾")] == ["厦门海湾智联科技有限公司"]
    assert [c.id for c in db.list_companies("91350206ma31")] == [firm]
    summary = db.list_companies("海湾")[0]
    assert summary.tier == "创新型中小企业（科技和创新型中小企业）" and summary.last_evaluated is None
    assert len(db.list_companies()) == 2 and db.company_id_by_uscc("91350206 ma31abcd04") == firm


def test_copy_keeps_the_answers_but_not_the_code(db, firm):
    copy = db.copy_company(firm)
    profile = db.profile(copy)
    assert profile.get("company_name") == "厦门海湾智联科技有限公司（副本）" and profile.get("uscc") is None
    assert profile.get("revenue") == db.profile(firm).get("revenue")
    assert db.company_history(copy)[0].source.startswith("复制自企业")


def test_a_copy_of_a_firm_with_the_longest_name_still_fits(db):
    company_id = db.create_company({"company_name": "甲" * 100})
    name = db.profile(db.copy_company(company_id)).get("company_name")
    assert len(name) == 100 and name.endswith("（副本）")


def test_delete_backs_up_first_and_keeps_the_history(db, firm, data_dir):
    evaluation_id = db.save_evaluation(firm, evaluate(db.profile(firm), date(2025, 6, 30)))
    db.record_packets(firm, evaluation_id, [Path("a.pdf")])
    backup = db.delete_company(firm)
    assert backup.exists() and db.list_companies() == []
    assert db.company_history(firm)[-1].label == "（整个企业）"
    with pytest.raises(StoreError, match="找不到这家企业"):
        db.profile(firm)
    db.close()
    Database.restore(data_dir, backup)
    with Database.open(data_dir) as restored:
        assert restored.company_id_by_uscc(example_raw(0)["uscc"]) == firm
        assert restored.packets(firm)[0].path == Path("a.pdf")


def test_meta_holds_json_values_per_firm(db, firm):
    assert db.get_meta(firm, "wizard_page", 0) == 0
    db.set_meta(firm, "wizard_page", 3)
    db.set_meta(firm, "open_pages", ["tier", "loans"])
    assert db.get_meta(firm, "wizard_page") == 3 and db.get_meta(firm, "open_pages") == ["tier", "loans"]
    with pytest.raises(TypeError):
        db.set_meta(firm, "bad", object())


def test_a_saved_evaluation_reads_back_exactly_and_shows_in_the_list(db, firm):
    evaluation = evaluate(db.profile(firm), date(2025, 6, 30))
    first = db.save_evaluation(firm, evaluation)
    db.save_field(firm, "tier", "srdi")
    later = evaluate(db.profile(firm), date(2025, 7, 1))
    second = db.save_evaluation(firm, later)
    assert db.latest_evaluation(firm).evaluation == later and db.latest_evaluation(firm).id == second
    assert [s.id for s in db.evaluations(firm)] == [second, first]
    assert db.evaluations(firm)[1].evaluation == evaluation
    summary = db.list_companies()[0]
    assert summary.last_evaluated == date(2025, 7, 1) and summary.last_total == later.total


def test_the_same_evaluation_again_is_not_stored_twice(db, firm):
    """Opening a firm and looking at unchanged results writes nothing (and so no closing backup)."""
    evaluation = evaluate(db.profile(firm), date(2025, 6, 30))
    first = db.save_evaluation(firm, evaluation)
    changes = db.conn.total_changes
    assert db.save_evaluation(firm, evaluate(db.profile(firm), date(2025, 6, 30))) == first
    assert db.conn.total_changes == changes and len(db.evaluations(firm)) == 1
    assert db.save_evaluation(firm, evaluate(db.profile(firm), date(2025, 7, 1))) != first


def test_packets_are_recorded_with_their_evaluation(db, firm):
    evaluation_id = db.save_evaluation(firm, evaluate(db.profile(firm), date(2025, 6, 30)))
    db.record_packets(firm, evaluation_id, [Path("out/申请表.pdf"), Path("out/承诺书.pdf")])
    packets = db.packets(firm)
    assert {p.path.name for p in packets} == {"申请表.pdf", "承诺书.pdf"}
    assert {p.evaluation_id for p in packets} == {evaluation_id}


def test_a_read_only_database_refuses_writes_with_advice(db, firm, data_dir):
    viewer = Database.open(data_dir, read_only=True)
    try:
        assert viewer.read_only and viewer.profile(firm) == db.profile(firm)
        with pytest.raises(StoreError, match="只读"):
            viewer.save_field(firm, "revenue", "1")
    finally:
        viewer.close()
