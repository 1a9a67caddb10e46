"""A firm's profile as a JSON file that someone hands us: hostile until checked.

Bounded before parsing (the file's size), while parsing (an integer of any length becomes a Decimal
the field parsers bound, NaN and Infinity stay floats they refuse, nesting beyond Python's recursion
is caught and named) and after (nesting deeper than a profile has, named by its field). Text follows
Excel's rule: a leading apostrophe marks text and is removed, and text a spreadsheet would run as a
formula is refused, so what is imported can never turn into a live formula in an export.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from zjtx_desktop.core.profile import Issue, ProfileInvalid
from zjtx_desktop.core.questions import Questions, default_questions
from zjtx_desktop.core.values import TEXT_MARK, formula_like, formula_start

MAX_PROFILE_BYTES = 4 * 1024 * 1024  # a firm with 2,000 table rows is a few hundred KB
MAX_DEPTH = 5  # {field: [{column: value}]} is 3 deep; a wrong type a little deeper gets its own message
MAX_INT_DIGITS = 18  # longer integers are read as Decimal: Python's int() refuses 4,300 digits with a traceback
TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
COLON = re.compile(r"\s*:")
WHOLE_FILE = "JSON文件"


class ProfileFileError(ValueError):
    """The file cannot be read as a profile at all; str() is the Chinese sentence for the user."""


def read_profile_file(path: Path, questions: Questions | None = None) -> Any:
    """The parsed JSON of a profile file, bounded in size, numbers and nesting.

    Raises ProfileFileError (missing, too big, not UTF-8) or ProfileInvalid (syntax, nesting)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_PROFILE_BYTES:
            raise ProfileFileError(f"{path.name} 有 {size / 1024 / 1024:.1f} MB，超过企业信息文件的上限 "
                                   f"{MAX_PROFILE_BYTES // 1024 // 1024} MB，不像是企业信息文件。请检查是否选错了文件")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ProfileFileError(f"找不到文件 {path}，请检查路径") from None
    except UnicodeDecodeError:
        raise ProfileFileError(f"{path.name} 不是UTF-8编码的文本文件，请另存为UTF-8后重试") from None
    except OSError as error:
        raise ProfileFileError(f"无法读取 {path}（{error.strerror}）") from None
    return parse_profile_text(text, questions)


def parse_profile_text(text: str, questions: Questions | None = None) -> Any:
    try:
        raw = json.loads(text, parse_float=Decimal, parse_int=_integer, parse_constant=float)
    except json.JSONDecodeError as error:
        raise ProfileInvalid([Issue("", WHOLE_FILE, f"第{error.lineno}行第{error.colno}列格式有误（{error.msg}），"
                                    "请用文本编辑器检查该处的引号、逗号和括号")]) from None
    except RecursionError:
        raise ProfileInvalid([_too_deep(_key_too_deep(text), questions)]) from None
    key = _deepest_field(raw)
    if key is not None:
        raise ProfileInvalid([_too_deep(key, questions)])
    return raw


def file_values(raw: Any, questions: Questions | None = None) -> tuple[Any, list[Issue]]:
    """Text values as meant: the apostrophe mark removed, formula-like text refused (and left out)."""
    if not isinstance(raw, dict):
        return raw, []
    questions = questions or default_questions()
    issues: list[Issue] = []
    clean: dict[str, Any] = {}
    for key, value in raw.items():
        label = questions.field(key).label if questions.has_field(key) else key
        if isinstance(value, list):
            clean[key] = [_row(row, key, label, number, issues) for number, row in enumerate(value, start=1)]
            continue
        text, problem = _text(value)
        if problem:
            issues.append(Issue(key, label, problem))
        else:
            clean[key] = text
    return clean, issues


def to_file_values(values: dict[str, Any]) -> dict[str, Any]:
    """The inverse of file_values, for export: text that starts like a formula, or with the mark
    itself, gets the mark, so reading the file back gives the same text."""
    def mark(value: Any) -> Any:
        if isinstance(value, str) and (formula_like(value) or value.startswith(TEXT_MARK)):
            return TEXT_MARK + value
        return value

    return {key: [{k: mark(v) for k, v in row.items()} for row in value] if isinstance(value, list) else mark(value)
            for key, value in values.items()}


def _row(row: Any, key: str, label: str, number: int, issues: list[Issue]) -> Any:
    if not isinstance(row, dict):
        return row
    clean = {}
    for column, value in row.items():
        text, problem = _text(value)
        if problem:
            issues.append(Issue(key, label, f"“{column}”{problem}", number, column))
        else:
            clean[column] = text
    return clean


def _text(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str):
        return value, None
    if value.startswith(TEXT_MARK):
        return value[len(TEXT_MARK):], None
    if formula_like(value):
        return None, (f"{formula_start(value)}，在Excel等表格软件中会被当作公式执行，已拒绝。"
                      f"如确是文字，请在开头加英文单引号（{TEXT_MARK}）")
    return value, None


def _integer(digits: str) -> int | Decimal:
    return int(digits) if len(digits.lstrip("-")) <= MAX_INT_DIGITS else Decimal(digits)


def _too_deep(key: str, questions: Questions | None) -> Issue:
    questions = questions or default_questions()
    label = questions.field(key).label if questions.has_field(key) else key or WHOLE_FILE
    return Issue(key, label, f"嵌套层数过多（企业信息最多 {MAX_DEPTH} 层），请检查这一项的内容")


def _deepest_field(raw: Any) -> str | None:
    """The first top-level key whose value nests deeper than a profile can, walked without recursion."""
    if isinstance(raw, list):
        raw = {"": raw}
    if not isinstance(raw, dict):
        return None
    for key, value in raw.items():
        stack = [(value, 1)]
        while stack:
            item, depth = stack.pop()
            if depth > MAX_DEPTH:
                return str(key)
            if isinstance(item, dict):
                stack.extend((child, depth + 1) for child in item.values())
            elif isinstance(item, list):
                stack.extend((child, depth + 1) for child in item)
    return None


def _key_too_deep(text: str) -> str:
    """The top-level key under which the text nests too deep for the parser (scanned, not parsed)."""
    depth, key = 0, ""
    for match in TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH + 1:
                return key
        elif token in "]}":
            depth -= 1
        elif depth == 1 and COLON.match(text, match.end()):
            try:
                key = json.loads(token)
            except ValueError:
                key = token.strip('"')
    return key
