"""What a refusal says must be readable: an invisible character is named by its code, and a count is
said in its own unit, not in 元."""

import json

import pytest
from store_helpers import example_raw, fill_template, firm_row

INVISIBLE = [("\ufeff", "U+FEFF（BOM）"), ("\u200b", "U+200B（零宽空格）"), ("\u202e", "U+202E（从右向左覆盖）"),
             ("\u2060", "U+2060（零宽不换行）")]


def _json_problems(db, tmp_path, **values) -> str:
    path = tmp_path / "firm.json"
    path.write_text(json.dumps({**example_raw(0), **values}, ensure_ascii=False), encoding="utf-8")
    report = db.import_json(path)
    assert not report.ok
    return "\n".join(str(problem) for problem in report.problems)


@pytest.mark.parametrize(("character", "name"), INVISIBLE[:2] + INVISIBLE[3:], ids=["bom", "zwsp", "word-joiner"])
def test_a_formula_behind_an_invisible_character_is_refused_naming_that_character(db, tmp_path, character, name):
    said = _json_problems(db, tmp_path, registered_address=f"{character}=1+1")
    assert f"以不可见字符 {name}开头" in said and "“=”" in said and character not in said
    workbook = fill_template(tmp_path / "f.xlsx", [firm_row(1, 注册地址=f"{character}=1+1")])
    said = "\n".join(str(problem) for problem in db.import_excel(workbook).problems)
    assert f"以不可见字符 {name}开头" in said and character not in said


@pytest.mark.parametrize(("character", "name"), INVISIBLE, ids=["bom", "zwsp", "rlo", "word-joiner"])
def test_a_value_quoted_in_a_refusal_shows_its_invisible_characters(db, tmp_path, character, name):
    said = _json_problems(db, tmp_path, revenue=f"{character}1860000", district=f"{character}湖里区")
    assert character not in said and said.count(name.split("（")[0]) == 2, said


@pytest.mark.parametrize("employees", [10**14, "100000000000000", 1e14, 20_000_000],
                         ids=["integer", "text", "float", "above-the-count-limit"])
def test_a_headcount_too_large_is_said_in_people_not_yuan(db, tmp_path, employees):
    said = _json_problems(db, tmp_path, employees=employees)
    assert "从业人员" in said and "人" in said.split("从业人员")[1] and "元" not in said, said


def test_an_amount_too_large_is_still_said_in_yuan(db, tmp_path):
    assert "元" in _json_problems(db, tmp_path, revenue=10**14)
