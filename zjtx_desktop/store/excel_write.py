"""Writing workbooks: the blank template, and every firm's data in the same layout.

Values are written as a user reads them (option labels, 是/否, real dates and numbers), so the file
that comes out can be edited in Excel and imported back unchanged.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from zjtx_desktop.core.atomic import WriteFailed, atomic_path, describe
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.questions import Field, Questions, default_questions
from zjtx_desktop.core.values import FORMULA_START, LEADING_BLANKS, PLAIN_NUMBER
from zjtx_desktop.store.errors import reported_writes
from zjtx_desktop.store.excel_layout import (
    CODE_KEY,
    HELP_SHEET,
    MAIN_SHEET,
    code_header,
    hint,
    main_fields,
    sheet_title,
    table_fields,
)

REQUIRED_FILL = PatternFill("solid", start_color="FFF2CC")
CHOICES_SHEET = "下拉选项"
VALIDATED_ROWS = 20001  # drop-downs down to row 20,001: room for any service center's list
CHOICE_WARNING = "请从下拉列表中选择。常用简称（如“小巨人”“湖里”）导入时也能识别；其他内容导入时会报错。要保留这样填写吗？"
BOLD = Font(bold=True)
TEXT_TYPES = frozenset({"text", "uscc", "phone", "mobile", "email", "bank_account"})


def write_excel_template(path: Path, questions: Questions | None = None) -> None:
    """The blank workbook a service center fills in: headers, table sheets and instructions."""
    write_firms_workbook(path, [], questions)


def write_firms_workbook(path: Path, profiles: Iterable[Profile], questions: Questions | None = None) -> None:
    questions = questions or default_questions()
    with new_workbook(path) as workbook:
        _fill(workbook, profiles, questions)


def _fill(workbook: Workbook, profiles: Iterable[Profile], questions: Questions) -> None:
    main = workbook.create_sheet(MAIN_SHEET)
    tables = {spec.key: workbook.create_sheet(sheet_title(spec)) for spec in table_fields(questions)}
    main.freeze_panes = "C2"
    main.append(_headers(main, main_fields(questions)))
    for spec in table_fields(questions):
        tables[spec.key].append(_headers(tables[spec.key], [questions.field(CODE_KEY), *spec.columns]))
    for profile in profiles:
        main.append(as_cells(main, [_cell(spec, profile.get(spec.key)) for spec in main_fields(questions)]))
        for spec in table_fields(questions):
            sheet = tables[spec.key]
            for row in profile.rows(spec.key):
                sheet.append(as_cells(sheet, [profile.get(CODE_KEY), *(_cell(c, row.get(c.key)) for c in spec.columns)]))
    _write_help(workbook.create_sheet(HELP_SHEET), questions)
    _add_choice_lists(workbook, [(main, main_fields(questions))]
                      + [(tables[spec.key], [questions.field(CODE_KEY), *spec.columns]) for spec in table_fields(questions)])


def _add_choice_lists(workbook: Workbook, sheets: list[tuple[Any, list[Field]]]) -> None:
    """A drop-down list on every choice (and 是/否) column, fed from a hidden sheet of the options.

    Other text stays allowed, with a warning: the import also understands the short names people
    write (小巨人, 湖里 …), declared as aliases in forms/questions/.
    """
    lists = workbook.create_sheet(CHOICES_SHEET)
    lists.sheet_state = "hidden"
    columns: dict[tuple[str, ...], str] = {}  # each distinct list written once
    for _sheet, fields in sheets:
        for spec in fields:
            labels = _choice_labels(spec)
            if labels and labels not in columns:
                columns[labels] = get_column_letter(len(columns) + 1)
    for row in range(max((len(labels) for labels in columns), default=0)):
        lists.append([labels[row] if row < len(labels) else None for labels in columns])
    for sheet, fields in sheets:
        for number, spec in enumerate(fields, start=1):
            labels = _choice_labels(spec)
            if not labels:
                continue
            letter = columns[labels]
            rule = DataValidation(type="list", formula1=f"'{CHOICES_SHEET}'!${letter}$1:${letter}${len(labels)}",
                                  allow_blank=True, showErrorMessage=True, errorStyle="warning",
                                  errorTitle="不在下拉列表中", error=CHOICE_WARNING)
            column = get_column_letter(number)
            rule.add(f"{column}2:{column}{VALIDATED_ROWS}")
            sheet.data_validations.dataValidation.append(rule)


def _choice_labels(spec: Field) -> tuple[str, ...]:
    if spec.type == "choice":
        return tuple(option.label for option in spec.options)
    return ("是", "否") if spec.type == "bool" else ()


def _headers(sheet, fields: list[Field]) -> list[WriteOnlyCell]:
    cells = []
    for spec in fields:
        cell = WriteOnlyCell(sheet, spec.label)
        cell.font = BOLD
        if spec.required:
            cell.fill = REQUIRED_FILL
        cells.append(cell)
    return cells


def as_cells(sheet, values: list[Any]) -> list[Any]:
    """A row with every text written as text: never a formula, whatever it starts with. openpyxl would
    write a string starting with "=" as a live formula; a text that Excel would turn into something else
    once the cell is edited gets the quotePrefix mark as well (Excel's leading apostrophe), which import
    reads back as text."""
    return [text_cell(sheet, value) if isinstance(value, str) else value for value in values]


def text_cell(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    if needs_text_mark(text):
        cell.quotePrefix = True
    return cell


def needs_text_mark(text: str) -> bool:
    """Anything Excel would read as a formula once the cell is edited: a text starting with = + - @ (half
    or full width, also after blanks) that is not a plain number. Wider than what import refuses
    (core.values.formula_like lets signed digits such as "-2+3" or "+86 592 1234567" in, as they run
    nothing), so every text import accepts comes back from an edited export as the same text; a plain
    "-5" stays a figure either way."""
    core = LEADING_BLANKS.sub("", text)
    return bool(core) and core[0] in FORMULA_START and not PLAIN_NUMBER.fullmatch(core.rstrip())


def _cell(spec: Field, value: Any) -> Any:
    if value is None:
        return None
    if spec.type == "choice":
        return spec.option_label(value)
    if spec.type == "bool":
        return "是" if value else "否"
    if spec.type in TEXT_TYPES:
        return str(value)
    return value


def _write_help(sheet, questions: Questions) -> None:
    def add(*values):
        sheet.append(as_cells(sheet, list(values)))

    add("工作表", "列名", "必填", "怎么填", "说明")
    for spec in main_fields(questions):
        add(MAIN_SHEET, spec.label, "是" if spec.required else "", hint(spec), spec.help)
    for table in table_fields(questions):
        add(sheet_title(table), code_header(questions), "是", "该行所属企业的统一社会信用代码",
            "须与“企业信息”表中的企业一致；一家企业有几行就填几行")
        for column in table.columns:
            add(sheet_title(table), column.label, "是" if column.required else "", hint(column), column.help)


@contextlib.contextmanager
def new_workbook(path: Path) -> Iterator[Workbook]:
    """A write-only workbook that is saved to `path` when the block ends: written beside the target,
    then moved over it, so an interrupted or failed save never leaves half a file. openpyxl spools the
    sheets to temporary files as rows are added, so a full disk can strike before the save: every
    failure names the file and the cause (full disk, read-only place, open in Excel)."""
    workbook = Workbook(write_only=True)
    try:
        with reported_writes():
            try:
                yield workbook
                with atomic_path(path) as temporary:
                    workbook.save(temporary)
            except WriteFailed:
                raise
            except OSError as error:
                raise WriteFailed(Path(path), describe(error), error=error) from error
    except BaseException:
        _discard(workbook)
        raise


def _discard(workbook: Workbook) -> None:
    """Close the sheets' half-written streams now, quietly: left to the garbage collector they would try
    to finish writing on the full disk and print tracebacks of their own."""
    for sheet in workbook.worksheets:
        for stream in (getattr(sheet, "_rows", None), getattr(getattr(sheet, "_writer", None), "xf", None)):
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()
