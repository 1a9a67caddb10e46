"""What the store hands back: small immutable records the UI and the CLI read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from zjtx_desktop.core.profile import Issue
from zjtx_desktop.core.results import Evaluation


@dataclass(frozen=True)
class CompanySummary:
    id: int
    name: str
    uscc: str
    tier: str  # the option's label, "" when not chosen
    last_evaluated: date | None
    last_total: Decimal | None
    updated_at: datetime


@dataclass(frozen=True)
class SaveResult:
    """`value` is the typed value the store now holds for the field: the new one, or, when there
    are errors, the old one (nothing was written)."""

    value: Any
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def saved(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class AuditEntry:
    time: datetime
    company_id: int
    key: str
    label: str
    old: str  # as a user reads it
    new: str
    source: str  # 界面录入, 导入 file.xlsx, 复制 …


@dataclass(frozen=True)
class SavedEvaluation:
    id: int
    company_id: int
    created_at: datetime
    evaluation: Evaluation


@dataclass(frozen=True)
class PacketRecord:
    id: int
    company_id: int
    evaluation_id: int
    created_at: datetime
    path: Path


@dataclass(frozen=True)
class CellProblem:
    """One bad cell (or field) of an imported file, located as the user sees it."""

    sheet: str  # sheet name, or the JSON file's name
    row: int | None  # the spreadsheet row number, as Excel shows it
    column: str  # the column header (the field's Chinese label)
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet} " + (f"第{self.row}行 " if self.row else "")
        return f"{where}「{self.column}」：{self.message}"


@dataclass
class ImportReport:
    """What an import did, firm by firm. A firm with any problem is not imported at all."""

    created: list[str] = field(default_factory=list)  # "name（uscc）" of each new firm
    updated: list[str] = field(default_factory=list)
    skipped_existing: list[str] = field(default_factory=list)  # code exists, update not asked for
    problems: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)
    rejected_firms: int = 0
    interrupted: str | None = None  # why writing stopped part-way (a full disk …), and how far it got

    @property
    def ok(self) -> bool:
        return not self.problems and self.interrupted is None

    def summary(self) -> str:
        lines = [f"新增 {len(self.created)} 家企业，更新 {len(self.updated)} 家，"
                 f"因已存在而跳过 {len(self.skipped_existing)} 家，因有错误未导入 {self.rejected_firms} 家。"]
        if self.interrupted:
            lines.append(self.interrupted)
        if self.skipped_existing:
            lines.append("已存在的企业未改动；如要用文件中的数据更新它们，请加 --update（界面中勾选“更新已有企业”）后重新导入。")
        if self.problems:
            lines.append(f"以下{len(self.problems)}处需要修改，改正后重新导入即可（已导入的企业不会重复）：")
            lines.extend(f"  - {problem}" for problem in self.problems)
        lines.extend(f"提示：{warning}" for warning in self.warnings)
        return "\n".join(lines)
