"""Numbers from a hostile file are bounded before any arithmetic: no hang, no traceback, the field named.

"1e999999999" as a count never finished and "1e999999" took 23 s; NaN, ±Infinity, integers of more than
4,300 digits and deep nesting gave InvalidOperation, TypeError, ValueError, RecursionError, OverflowError.
"""

import json
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from zjtx_desktop.core.profile import ProfileInvalid, load_profile_json, parse_field
from zjtx_desktop.core.questions import default_questions

QUESTIONS = default_questions()
ROOT = Path(__file__).resolve().parents[2]
HOSTILE_NUMBERS = ["1e999999", "1e999999999", "-1e999999999", "1E+400", "NaN", "-Infinity", "Infinity", "sNaN",
                   "9" * 5000, "0." + "0" * 5000 + "1", "0x10", "1_000", "12万" * 3, "9" * 30 + "万",
                   "1e5万", float("nan"), float("inf"), -float("inf"), 10**5000, 1e300, Decimal("1E+999999999"),
                   Decimal("NaN"), Decimal("-Infinity"), Decimal("1E-999999999")]
NUMERIC_FIELDS = ["employees", "revenue", "registered_capital"]


def short(raw) -> str:
    return f"int of {raw.bit_length()} bits" if isinstance(raw, int) and raw.bit_length() > 64 else repr(raw)[:24]


@pytest.mark.parametrize("key", NUMERIC_FIELDS)
@pytest.mark.parametrize("raw", HOSTILE_NUMBERS, ids=short)
def test_a_hostile_number_is_refused_at_once_with_a_message(key, raw):
    started = time.perf_counter()
    value, errors, _ = parse_field(QUESTIONS.field(key), raw)
    assert time.perf_counter() - started < 0.1
    assert value is None and errors and errors[0].key == key and errors[0].message


def test_amounts_as_accountants_type_them_still_work():
    spec = QUESTIONS.field("revenue")
    for raw, expected in (("12万", 120000), ("3.5亿", 350000000), ("1,000万", 10000000), ("12万元", 120000),
                          ("1,860,000.50", Decimal("1860000.50")), (1860000, 1860000), ("¥ 99.5 元", Decimal("99.5"))):
        value, errors, _ = parse_field(spec, raw)
        assert not errors and value == expected, (raw, errors)


def test_a_count_is_bounded_even_without_a_maximum_of_its_own():
    value, errors, _ = parse_field(QUESTIONS.field("employees"), 10**8)
    assert value is None and "不能大于" in errors[0].message


@pytest.mark.parametrize("text", [
    '{"employees": NaN}', '{"employees": Infinity}', '{"revenue": -Infinity}', '{"employees": 1e999999999}',
    '{"revenue": ' + "9" * 5000 + "}", '{"employees": ' + "[" * 100 + "]" * 100 + "}",
    '{"employees": ' + "[" * 100_000 + "]" * 100_000 + "}", '{"employees": {"a": {"b": {"c": {"d": {"e": 1}}}}}}',
])
def test_hostile_json_names_the_field_and_never_raises_anything_else(text):
    started = time.perf_counter()
    with pytest.raises(ProfileInvalid) as caught:
        load_profile_json(text)
    assert time.perf_counter() - started < 2
    key = json.loads(text.split(":")[0] + ": 0}").popitem()[0]
    assert any(issue.key == key for issue in caught.value.issues), caught.value.issues
    assert QUESTIONS.field(key).label in str(caught.value)


def test_the_cli_refuses_a_count_of_1e999999999_at_once(tmp_path):
    path = tmp_path / "firm.json"
    path.write_text('{"company_name": "测试", "employees": "1e999999999", "rd_staff": 1e999999999}', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", "evaluate", str(path)], capture_output=True,
                          text=True, encoding="utf-8", timeout=20, cwd=ROOT)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "从业人员" in done.stderr
