"""Every floor of every 划型 line has a case exactly on it and one a unit below it — employees, revenue and
total assets alike — written from the clause's own figures (size_clause.py), and moving any floor of
the shipped data by one unit either way, or 工业's small revenue floor from 300万 to 200万, fails a case."""

from dataclasses import replace
from decimal import Decimal

import pytest
import yaml

from tests.assessment.size_clause import CASE_FILE, CLAUSE, document
from zjtx_desktop.core.assessment.loader import default_library
from zjtx_desktop.core.assessment.size import classify
from zjtx_desktop.core.profile import parse_profile

SIZE_SET = default_library().get("sme-size-2011-300")
UNIT = {"employees": Decimal(1), "revenue": Decimal("0.01"), "total_assets": Decimal("0.01")}


def shipped_cases() -> list[tuple[str, object, str]]:
    raw = yaml.safe_load(CASE_FILE.read_text(encoding="utf-8"))
    return [(case["name"], parse_profile({**raw["base"], **case["input"]})[0], case["output"]["size"])
            for case in raw["cases"]]


CASES = shipped_cases()


def failing(criteria_set) -> list[str]:
    return [name for name, profile, size in CASES if classify(profile, criteria_set).size != size]


def with_floor(line_id: str, size: str, measure: str, value: Decimal):
    standard = SIZE_SET.size
    lines = tuple(replace(line, floors={**line.floors, size: {**line.floors[size], measure: value}})
                  if line.id == line_id else line for line in standard.lines)
    return replace(SIZE_SET, size=replace(standard, lines=lines))


def test_the_sets_line_cases_are_the_ones_written_from_the_clause():
    assert CASE_FILE.read_text(encoding="utf-8") == document(), "run: python -m tests.assessment.size_clause"


def test_every_line_size_and_measure_of_the_data_has_its_clause_figures():
    """The clause table covers the data's structure (which sizes and measures each line has); the
    figures themselves are checked by the cases, never copied from the data."""
    clause = {ref: {size: set(floors[size]) for size in floors} for ref, _, _, floors in CLAUSE}
    data = {line.clause_ref: {size: set(line.floors[size]) for size in line.floors}
            for line in SIZE_SET.size.lines if line.confidence == "confirmed"}
    assert clause == data


def test_each_revenue_and_asset_floor_is_tested_a_unit_below():
    below = [name for name, _, _ in CASES if "少1分钱" in name]
    assert sum("营业收入比" in name for name in below) == 14 * 3
    assert sum("资产总额比" in name for name in below) == 3 * 3


def test_the_shipped_data_passes_every_line_case():
    assert failing(SIZE_SET) == []


FLOORS = [(line.id, size, measure, value) for line in SIZE_SET.size.lines if line.confidence == "confirmed"
          for size, floors in line.floors.items() for measure, value in floors.items()]


@pytest.mark.parametrize(("line_id", "size", "measure", "value"), FLOORS,
                         ids=[f"{line}-{size}-{measure}" for line, size, measure, _ in FLOORS])
def test_moving_a_floor_by_one_unit_either_way_fails_a_case(line_id, size, measure, value):
    for moved in (value + UNIT[measure], value - UNIT[measure]):
        assert failing(with_floor(line_id, size, measure, moved)), f"{line_id} {size} {measure}: {value} → {moved}"


def test_industrys_small_revenue_floor_moved_from_3_to_2_million_fails_the_case_one_fen_below():
    assert failing(with_floor("industry", "small", "revenue", Decimal(2_000_000))) == [
        "工业营业收入比300万元少1分钱、从业人员恰为20人为微型企业（第四条（二））"]
