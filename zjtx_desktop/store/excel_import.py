"""A firms workbook, read by excel_read, turned into firms to import with every cell locatable."""

from __future__ import annotations

from zjtx_desktop.core.profile import Issue
from zjtx_desktop.core.questions import Questions
from zjtx_desktop.store.companies import normalise_uscc
from zjtx_desktop.store.excel_layout import MAIN_SHEET, sheet_title
from zjtx_desktop.store.excel_read import SheetRow, WorkbookRows
from zjtx_desktop.store.importing import FirmInput
from zjtx_desktop.store.records import CellProblem


def firms_from_workbook(rows: WorkbookRows, questions: Questions) -> tuple[list[FirmInput], list[CellProblem]]:
    """The firms, and the table rows that belong to no firm of the main sheet."""
    firms = []
    for row in rows.firms:
        code = normalise_uscc(str(row.values.get("uscc") or ""))
        raw = dict(row.values)
        table_rows = {key: by_code.get(code, []) for key, by_code in rows.tables.items()}
        raw.update({key: [r.values for r in found] for key, found in table_rows.items()})
        problems = row.problems + [p for found in table_rows.values() for r in found for p in r.problems]
        firms.append(FirmInput(raw, _locator(row, table_rows, questions), problems))
    codes = {normalise_uscc(str(row.values.get("uscc") or "")) for row in rows.firms}
    orphans = [CellProblem(sheet_title(questions.field(key)), r.number, questions.field("uscc").label,
                           "在“企业信息”表中没有这个代码的企业，请核对代码，或在“企业信息”表中补上这家企业")
               for key, by_code in rows.tables.items() for code, found in by_code.items() if code not in codes
               for r in found]
    return firms, orphans


def _locator(row: SheetRow, table_rows: dict[str, list[SheetRow]], questions: Questions):
    def locate(issue: Issue) -> CellProblem:
        spec = questions.by_key.get(issue.key)
        if spec is not None and spec.type == "table" and issue.row is not None:
            found = table_rows.get(issue.key, [])
            number = found[issue.row - 1].number if issue.row <= len(found) else None
            column = spec.column(issue.column).label if issue.column in {c.key for c in spec.columns} else spec.label
            return CellProblem(sheet_title(spec), number, column, issue.message)
        return CellProblem(MAIN_SHEET, row.number, issue.label, issue.message)

    return locate
