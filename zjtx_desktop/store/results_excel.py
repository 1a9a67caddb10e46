"""`evaluate --all`: one row per firm, a status and an amount column per measure sub-item, a total.

Outside the policy's validity a sub-item that would qualify is 不在有效期: its amount column stays
empty and its figure goes to a column of its own marked 仅供参考, never into the total. Every text
(a firm's name included) is written as text, never as a formula.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from zjtx_desktop.core.results import Evaluation, MeasureResult, Status
from zjtx_desktop.store.excel_write import as_cells, new_workbook

SHEET = "评估结果"
REFERENCE = "参考金额（仅供参考，不计入合计，元）"
ASSESSMENT_HEADERS = ("企业规模（按划型标准测算）", "目前可申请的最高梯度（自评）")


def write_results_workbook(path: Path, evaluations: list[Evaluation], *, assessments: list | None = None) -> None:
    """One row per firm; with `assessments` (core.assessment, same order) two columns more: the SME size
    and the highest title the firm can apply for now."""
    with new_workbook(path) as workbook:
        _fill(workbook.create_sheet(SHEET), evaluations, assessments)


def _fill(sheet, evaluations: list[Evaluation], assessments: list | None) -> None:
    sheet.freeze_panes = "C2"
    measures = _measures(evaluations)
    referenced = {r.measure for e in evaluations for r in e.results if r.status is Status.OUT_OF_FORCE}
    headers = ["企业名称", "统一社会信用代码", "评估日期", "政策", *(ASSESSMENT_HEADERS if assessments is not None else ())]
    for measure, title in measures.items():
        headers += [f"{measure} {title} 结论", f"{measure} 最高可申请（元）"]
        if measure in referenced:
            headers.append(f"{measure} {REFERENCE}")
    headers.append("补助合计（元）")
    sheet.append([_bold(sheet, header) for header in headers])
    for index, evaluation in enumerate(evaluations):
        by_measure = {result.measure: result for result in evaluation.results}
        row = [evaluation.company_name, evaluation.uscc, evaluation.on, evaluation.document_number]
        if assessments is not None:
            row += _assessment_cells(assessments[index])
        for measure in measures:
            row += _cells(by_measure.get(measure), measure in referenced)
        row.append(evaluation.total)
        sheet.append(as_cells(sheet, row))
    if evaluations:
        sheet.append(as_cells(sheet, [f"金额为“最高可申请”额度，不是承诺；{evaluations[0].reading_notice}。"]))
    if referenced:
        sheet.append(as_cells(sheet, [f"“{Status.OUT_OF_FORCE}”：评估日期不在政策有效期内，不能据此申报；"
                                      f"“{REFERENCE}”列的金额仅供参考，不计入合计。"]))


def _cells(result: MeasureResult | None, with_reference: bool) -> list:
    cells = [str(result.status), result.amount] if result else [None, None]
    if with_reference:
        cells.append(result.reference_amount if result else None)
    return cells


def _assessment_cells(assessment) -> list[str]:
    size = assessment.size
    best = assessment.best_reachable
    label = size.size_label or f"{size.status}（{'；'.join(size.working)}）"
    if size.chosen and size.size and size.chosen != size.size:
        label += "（与所填规模不一致）"
    return [label, best.title if best else "暂无"]


def _measures(evaluations: list[Evaluation]) -> dict[str, str]:
    """Every sub-item that appears, in the policy's order (firms evaluated under one policy share them)."""
    measures: dict[str, str] = {}
    for evaluation in evaluations:
        for result in evaluation.results:
            measures.setdefault(result.measure, result.title)
    return measures


def _bold(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, text)
    cell.font = Font(bold=True)
    return cell
