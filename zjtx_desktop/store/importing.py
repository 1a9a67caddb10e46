"""Importing firms: validate each one whole, then write the good ones, in batches.

A firm with any bad cell is not written at all, and every bad cell is reported with where it is.
Writes are committed in batches (each firm entirely inside one), so a kill or a power cut leaves
exactly the firms of the committed batches and never half a firm.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zjtx_desktop.core.profile import Issue, ProfileInvalid, parse_profile
from zjtx_desktop.core.questions import Questions
from zjtx_desktop.store.companies import normalise_uscc
from zjtx_desktop.store.errors import DiskFull, StoreError
from zjtx_desktop.store.records import CellProblem, ImportReport

BATCH = 200
IDENTIFYING = ("company_name", "uscc")


@dataclass
class FirmInput:
    """One firm as read from a file: its raw values, and how to say where a value came from."""

    raw: dict[str, Any]
    locate: Callable[[Issue], CellProblem]
    problems: list[CellProblem] = field(default_factory=list)  # found while reading the file
    values: dict[str, Any] = field(default_factory=dict)  # typed, once checked

    @property
    def code(self) -> str:
        code = self.raw.get("uscc")
        return normalise_uscc(code) if isinstance(code, str) else ""

    @property
    def title(self) -> str:
        return f"{self.values.get('company_name') or self.raw.get('company_name')}（{self.code}）"


def check_firms(firms: list[FirmInput], questions: Questions, report: ImportReport) -> list[FirmInput]:
    """The firms that can be imported; every other firm's problems go into the report."""
    counts = Counter(firm.code for firm in firms if firm.code)
    good = []
    for firm in firms:
        problems = list(firm.problems)
        for key in IDENTIFYING:
            if not str(firm.raw.get(key) or "").strip():
                label = questions.field(key).label
                problems.append(firm.locate(Issue(key, label, "导入时必须填写（用于识别企业），请补上")))
        if counts[firm.code] > 1:
            problems.append(firm.locate(Issue("uscc", questions.field("uscc").label,
                                              "与文件中另一行的代码相同。同一家企业只保留一行，请删除重复的行")))
        try:
            profile, warnings = parse_profile(firm.raw, questions)
            firm.values = {key: profile.get(key) for key in firm.raw}
            report.warnings.extend(firm.locate(w) for w in warnings)
        except ProfileInvalid as invalid:
            problems.extend(firm.locate(issue) for issue in invalid.issues)
        if problems:
            report.problems.extend(problems)
            report.rejected_firms += 1
        else:
            good.append(firm)
    return good


def write_firms(db, firms: list[FirmInput], *, update_existing: bool, source: str, report: ImportReport,
                on_batch: Callable[[int], None] | None = None) -> None:
    """Write checked firms, BATCH per transaction; `on_batch(count)` is told after each commit.

    The report lists only firms whose batch was committed. If a batch cannot be written (a full disk, a
    folder that became read-only) the import stops there and the report says how far it got, so the
    user knows exactly which firms are saved and that importing the file again completes it.
    """
    done = 0
    for start in range(0, len(firms), BATCH):
        batch = ImportReport()
        try:
            with db._writing():
                for firm in firms[start:start + BATCH]:
                    _write_firm(db, firm, update_existing, source, batch)
        except StoreError as error:
            cause = "磁盘空间已满，请先清理磁盘空间" if isinstance(error, DiskFull) else str(error).rstrip("。")
            report.interrupted = (f"导入在第{start + 1}家企业处中断（{cause}）。此前的{start}家企业已保存，"
                                  f"其余{len(firms) - start}家未导入；处理后重新导入同一文件即可补齐（已保存的企业会被跳过）。")
            return
        report.created += batch.created
        report.updated += batch.updated
        report.skipped_existing += batch.skipped_existing
        done += len(firms[start:start + BATCH])
        if on_batch:
            on_batch(done)


def _write_firm(db, firm: FirmInput, update_existing: bool, source: str, report: ImportReport) -> None:
    existing = db.company_id_by_uscc(firm.code)
    if existing is None:
        db._insert_company(firm.values, source)
        report.created.append(firm.title)
    elif update_existing:
        db._write_values(existing, firm.values, source)
        report.updated.append(firm.title)
    else:
        report.skipped_existing.append(firm.title)
