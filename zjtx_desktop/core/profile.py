"""The company profile: every fact the measures need, typed and checked against forms/questions/.

A profile may be incomplete (the evaluator then says 信息不足), but never wrong: a value that cannot
be used is refused with a message naming the field and what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from zjtx_desktop.core.questions import Field, Questions, default_questions
from zjtx_desktop.core.values import ValueProblem, is_blank, parse_value, warnings_for


@dataclass(frozen=True)
class Issue:
    """One problem (or warning) with one field, optionally in one row of a table."""

    key: str
    label: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = f"「{self.label}」"
        if self.row is not None:
            where += f"第{self.row}行"
        return f"{where}：{self.message}"


class ProfileInvalid(ValueError):
    """Raised with every issue found, so a user fixes them all in one pass."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


class Profile:
    """An immutable mapping of field key → typed value (None or absent = not known)."""

    def __init__(self, values: dict[str, Any] | None = None, questions: Questions | None = None):
        self.questions = questions or default_questions()
        self._values = MappingProxyType(dict(values or {}))

    def get(self, key: str) -> Any:
        return self._values.get(key)

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __contains__(self, key: object) -> bool:
        return key in self._values and self._values[key] is not None

    def items(self):
        return self._values.items()

    def rows(self, key: str) -> list[dict]:
        return list(self._values.get(key) or [])

    def label(self, key: str) -> str:
        return self.questions.field(key).label

    def display(self, key: str) -> str:
        """A value as a user reads it: option labels, 是/否, ISO dates."""
        return display_value(self.questions.field(key), self.get(key))

    def with_values(self, **changes: Any) -> Profile:
        return Profile({**self._values, **changes}, self.questions)

    def to_json_dict(self) -> dict[str, Any]:
        return {key: jsonable_value(value) for key, value in self._values.items() if value is not None}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Profile) and dict(self._values) == dict(other._values)

    def __repr__(self) -> str:
        return f"Profile({dict(self._values)!r})"


def display_value(spec: Field, value: Any) -> str:
    if value is None:
        return ""
    if spec.type == "choice":
        return spec.option_label(value)
    if spec.type == "bool":
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def jsonable_value(value: Any) -> Any:
    """A typed value as JSON holds it: Decimal and date as strings, table rows without blanks."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [{k: jsonable_value(v) for k, v in row.items() if v is not None} for row in value]
    return value


def parse_field(spec: Field, raw: Any) -> tuple[Any, list[Issue], list[Issue]]:
    """(typed value, errors, warnings) for one field; tables are checked row by row."""
    try:
        value = parse_value(spec, raw)
    except ValueProblem as problem:
        return None, [Issue(spec.key, spec.label, str(problem))], []
    warnings = [Issue(spec.key, spec.label, w) for w in warnings_for(spec, value)]
    if spec.type == "table" and value is not None:
        rows, errors, row_warnings = _parse_rows(spec, value)
        return (rows if not errors else None), errors, warnings + row_warnings
    return value, [], warnings


def _parse_rows(spec: Field, raw_rows: list[dict]) -> tuple[list[dict], list[Issue], list[Issue]]:
    rows, errors, warnings = [], [], []
    for number, raw_row in enumerate(raw_rows, start=1):
        row: dict[str, Any] = {}
        known = {column.key for column in spec.columns}
        for unknown in sorted(set(raw_row) - known):
            errors.append(Issue(spec.key, spec.label, f"没有“{unknown}”这一列，请删除或改为："
                                f"{'、'.join(c.key for c in spec.columns)}", number, unknown))
        for column in spec.columns:
            raw = raw_row.get(column.key)
            if is_blank(raw) and column.required:
                errors.append(Issue(spec.key, spec.label, f"请填写“{column.label}”", number, column.key))
                continue
            try:
                row[column.key] = parse_value(column, raw)
            except ValueProblem as problem:
                errors.append(Issue(spec.key, spec.label, f"“{column.label}”{problem}", number, column.key))
                continue
            warnings.extend(Issue(spec.key, spec.label, f"“{column.label}”{w}", number, column.key)
                            for w in warnings_for(column, row[column.key]))
        errors.extend(_cross_checks(spec.columns, row, lambda c, m, n=number: Issue(spec.key, spec.label, m, n, c)))
        rows.append(row)
    return rows, errors, warnings


def _cross_checks(fields, values: dict[str, Any], issue) -> list[Issue]:
    """`not_above` and `not_before` between two fields of the same page or row."""
    by_key = {f.key: f for f in fields}
    problems = []
    for spec in fields:
        value = values.get(spec.key)
        if value is None:
            continue
        if spec.not_above and values.get(spec.not_above) is not None and value > values[spec.not_above]:
            other = by_key[spec.not_above].label
            problems.append(issue(spec.key, f"“{spec.label}”不能大于“{other}”，请核对这两项"))
        if spec.not_before and values.get(spec.not_before) is not None and value < values[spec.not_before]:
            other = by_key[spec.not_before].label
            problems.append(issue(spec.key, f"“{spec.label}”早于“{other}”，请核对日期"))
    return problems


def parse_profile(raw: Any, questions: Questions | None = None) -> tuple[Profile, list[Issue]]:
    """A checked Profile and its warnings from a dict (e.g. a JSON file). Raises ProfileInvalid."""
    questions = questions or default_questions()
    if not isinstance(raw, dict):
        raise ProfileInvalid([Issue("", "企业信息", "文件内容应为一个以字段名为键的对象（{...}）")])
    errors: list[Issue] = []
    warnings: list[Issue] = []
    values: dict[str, Any] = {}
    for key in raw:
        if not questions.has_field(key):
            errors.append(Issue(key, key, "不是本软件的字段名，请删除或改正（字段列表见 zjtx-desktop schema）"))
    for spec in questions.fields:
        if spec.key not in raw:
            continue
        value, field_errors, field_warnings = parse_field(spec, raw[spec.key])
        errors.extend(field_errors)
        warnings.extend(field_warnings)
        if value is not None:
            values[spec.key] = value
    top = [f for f in questions.fields if f.type != "table"]
    errors.extend(_cross_checks(top, values, lambda key, message: Issue(key, questions.field(key).label, message)))
    if errors:
        raise ProfileInvalid(errors)
    from zjtx_desktop.core.plausibility import implausible  # (it uses Issue, defined here)

    return Profile(values, questions), warnings + implausible(values, questions)


def load_profile_json(text: str, questions: Questions | None = None) -> tuple[Profile, list[Issue]]:
    """Parse JSON text (floats read as Decimal, so money stays exact) into a checked Profile; the text
    is treated as hostile (see core/profile_json.py): bounded numbers and nesting, no formulas."""
    from zjtx_desktop.core.profile_json import file_values, parse_profile_text

    return parse_file_values(file_values(parse_profile_text(text, questions), questions), questions)


def parse_file_values(read: tuple[Any, list[Issue]], questions: Questions | None = None) -> tuple[Profile, list[Issue]]:
    """parse_profile on values read from a file, with the issues found while reading them."""
    raw, refused = read
    try:
        profile, warnings = parse_profile(raw, questions)
    except ProfileInvalid as invalid:
        raise ProfileInvalid(refused + invalid.issues) from None
    if refused:
        raise ProfileInvalid(refused)
    return profile, warnings
