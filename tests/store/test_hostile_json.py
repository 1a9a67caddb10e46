"""Generated hostile JSON (NaN, huge exponents and integers, deep nesting, wrong types, formulas) fed to
`evaluate` and `import` through the CLI, in-process: exit 0 or 2, never a traceback, each under 2 s."""

import contextlib
import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zjtx_desktop.cli import main
from zjtx_desktop.core.questions import default_questions

QUESTIONS = default_questions()
FIELDS = [spec for spec in QUESTIONS.fields]
HOSTILE_LITERALS = ["NaN", "Infinity", "-Infinity", "1e999999999", "-1e999999999", "1e-999999999", "1E+400",
                    "9" * 5000, "-" + "9" * 4400, "0." + "0" * 3000 + "1", "true", "false", "null", "0", "-0.0",
                    '"NaN"', '"1e999999"', '"12万"', '"3.5亿"', '"9999999999999999万"', '"=1+1"', '" =HYPERLINK(1)"',
                    '"\\t@SUM(1)"', '"\\u3000=cmd"', '"2025-02-30"', '"91350203MA2Y0N4F04"', '""', '"   "', "{}", "[]"]
scalars = st.one_of(st.sampled_from(HOSTILE_LITERALS), st.integers(-10**40, 10**40).map(str),
                    st.text(max_size=12).map(json.dumps), st.booleans().map(json.dumps),
                    st.decimals(allow_nan=False, allow_infinity=False).map(str))


def nested(value: st.SearchStrategy) -> st.SearchStrategy:
    return st.tuples(value, st.sampled_from([0, 0, 1, 2, 6, 60, 3000])).map(lambda vd: "[" * vd[1] + vd[0] + "]" * vd[1])


def obj(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{json.dumps(key)}: {value}" for key, value in pairs) + "}"


def row(spec) -> st.SearchStrategy:
    keys = st.sampled_from([c.key for c in spec.columns] + ["unknown"])
    return st.lists(st.tuples(keys, nested(scalars)), max_size=4).map(obj)


@st.composite
def field_value(draw, spec) -> str:
    if spec.type == "table" and draw(st.booleans()):
        return "[" + ", ".join(draw(st.lists(row(spec), max_size=3))) + "]"
    return draw(nested(scalars))


@st.composite
def hostile_documents(draw) -> str:
    kind = draw(st.sampled_from(["profile", "profile", "profile", "other"]))
    if kind == "other":
        return draw(st.one_of(nested(scalars), st.text(max_size=30), st.just("{" * 100_000)))
    specs = draw(st.lists(st.sampled_from(FIELDS), unique_by=lambda spec: spec.key, max_size=12))
    pairs = [(spec.key, draw(field_value(spec))) for spec in specs]
    if draw(st.booleans()):
        pairs.append(("uscc", '"91350203MA2Y0N4F04"'))
    if draw(st.booleans()):
        pairs.append(("company_name", '"厦门测试科技有限公司"'))
    return obj(pairs)


def run(*args: str) -> int:
    """main() as the console script runs it: its exit code, SystemExit included; anything else escapes."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = exit_.code
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return code


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile-json")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=hostile_documents())
def test_hostile_json_never_breaks_evaluate_or_import(folder, text):
    path = folder / "企业.json"
    path.write_text(text, encoding="utf-8")
    for args in (("evaluate", str(path), "--date", "2025-11-20", "--format", "json"),
                 ("import", str(path), "--data-dir", str(folder / "data"))):
        started = time.perf_counter()
        assert run(*args) in (0, 2), (args[0], text[:300])
        assert time.perf_counter() - started < 2, (args[0], text[:300])
