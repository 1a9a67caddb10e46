"""`zjtx-desktop evaluate PROFILE.json …`: the 15 measures for each firm, as a table or as JSON."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

from zjtx_desktop.commands.common import parse_date, read_profile_file
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.results import Evaluation, Status


def register(subparsers) -> None:
    parser = subparsers.add_parser("evaluate", help="评估企业可申请的措施")
    parser.add_argument("profiles", nargs="+", type=Path, metavar="企业.json", help="企业信息JSON文件")
    parser.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD", help="评估日期，默认今天")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    parser.set_defaults(run=run)


def run(args) -> int:
    on = args.date or date.today()
    evaluations = [(path, evaluate(read_profile_file(path), on)) for path in args.profiles]
    if args.format == "json":
        if len(evaluations) == 1:
            output = evaluations[0][1].to_json()
        else:
            output = [{"file": str(path), **evaluation.to_json()} for path, evaluation in evaluations]
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(text_report(evaluation) for _, evaluation in evaluations))
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def text_report(evaluation: Evaluation) -> str:
    """A table a person reads in a terminal: one row per measure, its working indented below."""
    name = evaluation.company_name or "（未填写企业名称）"
    lines = [
        f"{name}（{evaluation.uscc or '未填写统一社会信用代码'}）",
        f"评估日期：{evaluation.on.isoformat()}    政策：{evaluation.document_number}《{evaluation.policy_title}》",
        evaluation.validity_note,
        f"说明：金额为“最高可申请”额度，不是承诺；标注“解读”的内容{evaluation.reading_notice}。",
        "",
        f"{_pad('编号', 6)}{_pad('措施', 26)}{_pad('结论', 12)}{_pad('最高可申请（元）', 20)}理由",
    ]
    for result in evaluation.results:
        amount = "—" if result.amount is None else format_yuan(result.amount)
        lines.append(f"{_pad(result.measure, 6)}{_pad(result.title, 26)}{_pad(str(result.status), 12)}"
                     f"{_pad(amount, 20)}{result.explanation}")
        lines.extend(f"{'':6}· {step}" for step in result.computation)
        lines.extend(f"{'':6}→ {need}" for need in result.missing)
        if result.status is not Status.NOT_ELIGIBLE:
            lines.extend(f"{'':6}※ 解读：{reading}" for reading in result.readings)
    lines += ["", f"补助合计（最高可申请，不含融资支持）：{format_yuan(evaluation.total)} 元"]
    return "\n".join(lines)
