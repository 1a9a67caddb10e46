"""The boundaries ARCHITECTURE.md draws, checked by a test rather than by review."""

import ast
import contextlib
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "zjtx_desktop"
POLICY = PACKAGE.parent / "resources" / "policies" / "xm-srdi-2024" / "policy.yaml"


def python_files(folder: Path):
    return sorted(folder.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_neither_qt_nor_reportlab():
    offenders = {str(p.relative_to(PACKAGE)): imported_modules(p) & {"PySide6", "reportlab", "shiboken6"}
                 for p in python_files(PACKAGE / "core")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_store_imports_neither_qt_nor_reportlab():
    offenders = {str(p.relative_to(PACKAGE)): imported_modules(p) & {"PySide6", "reportlab", "shiboken6"}
                 for p in python_files(PACKAGE / "store")}
    assert offenders and {k: v for k, v in offenders.items() if v} == {}


def test_nothing_outside_ui_imports_qt():
    offenders = [str(p.relative_to(PACKAGE)) for p in python_files(PACKAGE)
                 if "ui" not in p.relative_to(PACKAGE).parts and "PySide6" in imported_modules(p)]
    assert offenders == []


def _policy_numbers() -> set[Decimal]:
    """Every number in the policy file that is big enough to be recognisable in code."""
    numbers = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key != "number":  # the measure's own number (1–15) is an identifier, not an amount
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, int | str) and not isinstance(value, bool):
            with contextlib.suppress(InvalidOperation):
                numbers.add(Decimal(str(value)))

    walk(yaml.safe_load(POLICY.read_text(encoding="utf-8"))["measures"])
    return {n for n in numbers if n >= 10 or (0 < n < 1)}


def _literals(path: Path):
    """Numeric literals, and numeric strings (as in Decimal("0.02")), with their line numbers."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
            yield node.lineno, Decimal(str(node.value))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"-?\d+(\.\d+)?", node.value):
            yield node.lineno, Decimal(node.value)


TEXT_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(%|万元|万|元)")
TEXT_SCALE = {"%": Decimal("0.01"), "万元": Decimal(10000), "万": Decimal(10000), "元": Decimal(1)}


def _figures_in_text(path: Path):
    """Amounts and rates written inside user-facing text ("不超过实际支付利息的60%"), as numbers:
    a cap in a message goes as stale as a cap in a constant. Docstrings and comments aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            for figure, unit in TEXT_FIGURE.findall(node.value):
                yield node.lineno, Decimal(figure) * TEXT_SCALE[unit]


def test_no_policy_number_is_written_in_core_text():
    policy_numbers = _policy_numbers()
    found = [(str(p.relative_to(PACKAGE)), line, str(value)) for p in python_files(PACKAGE / "core")
             for line, value in _figures_in_text(p) if value in policy_numbers]
    assert found == []


def test_the_text_scan_would_catch_a_rate_in_a_message(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Docstring: 60% is fine here."""\nWHY = f"贴息不超过实际支付利息的60%，最高{x}"\n'
                      'CAP = "最高30万元"\n', encoding="utf-8")
    assert sorted(value for _, value in _figures_in_text(sample)) == [Decimal("0.60"), Decimal(300000)]


def test_no_policy_number_is_written_in_core():
    policy_numbers = _policy_numbers()
    found = [(str(p.relative_to(PACKAGE)), line, str(value)) for p in python_files(PACKAGE / "core")
             for line, value in _literals(p) if value in policy_numbers]
    assert found == []


def test_no_policy_number_is_written_in_packets():
    """Packets print amounts from the evaluation; a cap written into a layout would go stale."""
    policy_numbers = _policy_numbers()
    found = [(str(p.relative_to(PACKAGE)), line, str(value)) for p in python_files(PACKAGE / "packets")
             for line, value in _literals(p) if value in policy_numbers]
    assert found == []


def test_the_rules_contain_no_numbers_at_all_but_zero_and_one():
    found = [(p.name, line, str(value)) for p in python_files(PACKAGE / "core" / "measures")
             for line, value in _literals(p) if value not in (0, 1)]
    assert found == []


def test_no_policy_or_lpr_date_is_written_in_core():
    data = POLICY.read_text(encoding="utf-8") + (PACKAGE.parent / "resources/rates/lpr-1y.yaml").read_text(encoding="utf-8")
    dates = set(re.findall(r"20\d\d-\d\d-\d\d", data))
    assert len(dates) >= 5
    found = [(p.name, day) for p in python_files(PACKAGE / "core") for day in dates
             if day in p.read_text(encoding="utf-8")]
    assert found == []


def test_the_architecture_test_would_catch_a_hard_coded_cap(tmp_path):
    """Guard against a scan that cannot fail."""
    sample = tmp_path / "sample.py"
    sample.write_text('CAP = 300000\nRATE = Decimal("0.02")\n', encoding="utf-8")
    assert {value for _, value in _literals(sample)} <= _policy_numbers()


CRITERIA = PACKAGE.parent / "resources" / "criteria"
CRITERIA_NUMBER_KEYS = frozenset({"threshold", "at_least", "at_most", "points", "max_points", "pass_total", "minimum",
                                  "employees", "revenue", "total_assets"})
JUDGING_MODULES = ("rules.py", "judge.py", "scoring.py", "measures.py", "gaps.py", "engine.py", "opens.py")


def _criteria_numbers(recognisable_only: bool = True) -> set[Decimal]:
    """Every threshold, band edge, point value and size floor in resources/criteria (their cases aside)."""
    numbers = set()

    def walk(value, key=None):
        if isinstance(value, dict):
            for child_key, item in value.items():
                walk(item, child_key)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif key in CRITERIA_NUMBER_KEYS and isinstance(value, int | str) and not isinstance(value, bool):
            with contextlib.suppress(InvalidOperation):
                numbers.add(Decimal(str(value)))

    for path in CRITERIA.rglob("*.yaml"):
        if path.parent.name != "cases":
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    if recognisable_only:  # small counts such as 3 or 20 are everywhere in layout code
        return {n for n in numbers if n >= 10000 or 0 < n < 1}
    return numbers


def test_no_criteria_number_is_written_in_python_code():
    numbers = _criteria_numbers()
    assert Decimal(15000000) in numbers
    scanned = [p for p in python_files(PACKAGE) if p.relative_to(PACKAGE).parts[0] in ("core", "packets", "ui")
               or "assess" in p.name]
    found = [(str(p.relative_to(PACKAGE)), line, str(value)) for p in scanned
             for line, value in _literals(p) if value in numbers]
    assert found == []


def test_the_assessment_judges_with_no_numbers_at_all_but_zero_and_one():
    """Thresholds, bands, points, years and ranks all come from the criteria data."""
    folder = PACKAGE / "core" / "assessment"
    found = [(name, line, str(value)) for name in JUDGING_MODULES for line, value in _literals(folder / name)
             if value not in (0, 1)]
    assert found == []


def test_no_criteria_date_is_written_in_core():
    dates = {day for path in CRITERIA.rglob("*.yaml") if path.parent.name != "cases"
             for day in re.findall(r"20\d\d-\d\d-\d\d", path.read_text(encoding="utf-8"))}
    assert "2026-04-01" in dates
    found = [(p.name, day) for p in python_files(PACKAGE / "core") for day in dates if day in p.read_text(encoding="utf-8")]
    assert found == []


def test_the_criteria_scan_would_catch_a_hard_coded_threshold(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('REVENUE_FLOOR = 15000000\nLARGE_INDUSTRY = Decimal("400000000")\n', encoding="utf-8")
    assert {value for _, value in _literals(sample)} <= _criteria_numbers()
