"""Reading a firms workbook into raw values, each remembered with the cell it came from.

Nothing here decides whether a value is right (core.profile does); this module only finds the
columns, turns Excel's cell types into what a user meant, and refuses what it cannot read safely:
formulas, text that a spreadsheet would run as a formula unless the cell marks it as text (a leading
apostrophe, which Excel keeps as the cell's quotePrefix, or the 文本 format), and long numbers Excel
has already rounded.
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from zjtx_desktop.core.questions import Field, Questions
from zjtx_desktop.core.values import formula_like, formula_start
from zjtx_desktop.store.companies import normalise_uscc
from zjtx_desktop.store.errors import StoreError
from zjtx_desktop.store.excel_layout import (
    CODE_KEY,
    MAIN_SHEET,
    code_header,
    main_fields,
    sheet_title,
    table_fields,
)
from zjtx_desktop.store.excel_limits import check_workbook_size
from zjtx_desktop.store.records import CellProblem

TEXT_TYPES = frozenset({"text", "uscc", "phone", "mobile", "email", "bank_account"})
EXACT_DIGITS = 10**15  # Excel keeps 15 significant digits; a longer number is already rounded
MAX_ROWS = 10**5  # per sheet: ten times a large service center's firms, and still under a minute to read


@dataclass
class SheetRow:
    number: int  # as Excel shows it
    values: dict[str, Any]  # field key → raw value, for every column the sheet has
    problems: list[CellProblem]  # cells of this row that cannot be read at all


@dataclass
class WorkbookRows:
    firms: list[SheetRow] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # keys of the main sheet's columns
    tables: dict[str, dict[str, list[SheetRow]]] = field(default_factory=dict)  # key → code → rows
    problems: list[CellProblem] = field(default_factory=list)  # in the headers: the file is not understood


def read_firms_workbook(path: Path, questions: Questions) -> WorkbookRows:
    not_readable = StoreError(f"{path.name} 不是可以读取的 .xlsx 工作簿。请用Excel打开后“另存为 Excel 工作簿(*.xlsx)”再导入。")
    try:
        check_workbook_size(path)
        workbook = load_workbook(path, read_only=True, data_only=False)
    except FileNotFoundError:
        raise StoreError(f"找不到文件 {path}，请检查路径。") from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise not_readable from None
    try:
        return _read_workbook(workbook, path, questions)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        raise not_readable from None  # a cell openpyxl cannot convert (a 5,000-digit number), a corrupt part …
    finally:
        workbook.close()


def _read_workbook(workbook, path: Path, questions: Questions) -> WorkbookRows:
    if MAIN_SHEET not in workbook.sheetnames:
        raise StoreError(f"{path.name} 中没有名为“{MAIN_SHEET}”的工作表。请用 zjtx-desktop template 生成的模板填写。")
    result = WorkbookRows()
    _read_main(workbook[MAIN_SHEET], questions, result)
    for spec in table_fields(questions):
        if sheet_title(spec) in workbook.sheetnames:
            _read_table(workbook[sheet_title(spec)], spec, questions, result)
    return result


def _read_main(sheet, questions: Questions, result: WorkbookRows) -> None:
    fields = main_fields(questions)
    rows = sheet.iter_rows()
    columns = _columns(_values(next(rows, ())), fields, MAIN_SHEET, result.problems)
    missing = [spec.label for spec in fields if spec.required and spec.key not in columns.values()]
    if missing:
        result.problems.append(CellProblem(MAIN_SHEET, 1, "、".join(missing),
                                           "缺少必填的列。请从模板中复制这些列（列名须完全一致）后重新导入"))
    result.columns = list(columns.values())
    for number, cells in enumerate(rows, start=2):
        _refuse_too_many_rows(number, MAIN_SHEET)
        row = _row(cells, columns, {s.key: s for s in fields}, MAIN_SHEET, number)
        if row is not None:
            result.firms.append(row)


def _read_table(sheet, spec: Field, questions: Questions, result: WorkbookRows) -> None:
    title = sheet_title(spec)
    code_spec = questions.field(CODE_KEY)
    by_key = {c.key: c for c in spec.columns} | {CODE_KEY: code_spec}
    rows = sheet.iter_rows()
    columns = _columns(_values(next(rows, ())), [code_spec, *spec.columns], title, result.problems)
    if CODE_KEY not in columns.values():
        result.problems.append(CellProblem(title, 1, code_header(questions), "缺少这一列，无法知道每行属于哪家企业，请补上"))
        return
    table: dict[str, list[SheetRow]] = defaultdict(list)
    for number, cells in enumerate(rows, start=2):
        _refuse_too_many_rows(number, title)
        row = _row(cells, columns, by_key, title, number)
        if row is not None:
            table[normalise_uscc(str(row.values.pop(CODE_KEY) or ""))].append(row)
    result.tables[spec.key] = table


def _refuse_too_many_rows(number: int, sheet: str) -> None:
    if number > MAX_ROWS:
        raise StoreError(f"工作表“{sheet}”超过 {MAX_ROWS} 行，一次导入不了这么多。请分成几个文件分别导入。")


def _values(cells: tuple) -> tuple:
    return tuple(cell.value for cell in cells)


def _columns(header: tuple, fields: list[Field], sheet: str, problems: list[CellProblem]) -> dict[int, str]:
    """Column index → field key, matched on the Chinese label (or the key); unknown headers are errors."""
    by_name = {spec.label: spec.key for spec in fields} | {spec.key: spec.key for spec in fields}
    columns: dict[int, str] = {}
    for index, name in enumerate(header):
        name = str(name).strip() if name is not None else ""
        if not name:
            continue
        key = by_name.get(name)
        if key is None:
            problems.append(CellProblem(sheet, 1, name, "不是模板中的列名，请删除该列或改为模板中的列名"))
        elif key in columns.values():
            problems.append(CellProblem(sheet, 1, name, "这一列出现了两次，请删除重复的一列"))
        else:
            columns[index] = key
    return columns


def _row(cells: tuple, columns: dict[int, str], fields: dict[str, Field], sheet: str, number: int) -> SheetRow | None:
    """The row's raw values by key, or None for an empty row."""
    values: dict[str, Any] = {}
    problems: list[CellProblem] = []
    for index, key in columns.items():
        cell = cells[index] if index < len(cells) else None
        try:
            values[key] = _cell_value(fields[key], cell)
        except ValueError as problem:
            problems.append(CellProblem(sheet, number, fields[key].label, str(problem)))
            values[key] = None
    if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
        return None
    return SheetRow(number, values, problems)


def _marked_as_text(cell) -> bool:
    style = getattr(cell, "style_array", None)
    return bool(style is not None and style.quotePrefix) or getattr(cell, "number_format", None) == "@"


def _cell_value(spec: Field, cell) -> Any:
    raw = None if cell is None else cell.value
    if getattr(cell, "data_type", None) == "f":
        raise ValueError(f"是公式（{str(raw)[:30]}），导入只接受数值。请在Excel中复制该列，再“选择性粘贴→数值”后重新导入")
    if isinstance(raw, str) and formula_like(raw) and not _marked_as_text(cell):
        raise ValueError(f"{formula_start(raw)}，在Excel中会被当作公式执行，已拒绝。如确是文字，"
                         "请在该格内容前加英文单引号（'）后重新导入")
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < EXACT_DIGITS:
        raw = int(raw)
    if spec.type in TEXT_TYPES and isinstance(raw, int | float) and not isinstance(raw, bool):
        if abs(raw) >= EXACT_DIGITS or isinstance(raw, float):
            raise ValueError("被Excel存成了数字，末几位可能已被改掉。请把该列设为“文本”格式，再按原件重新输入")
        return str(raw)
    return raw
