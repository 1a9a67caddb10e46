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
