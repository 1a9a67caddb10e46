"""`zjtx-desktop evaluate`: the 15 measures for each firm, as a table or as JSON.

Firms come from JSON profile files, or from the database (`--company CODE`, `--all`); `--all --out
RESULTS.xlsx` writes one row per firm. Evaluating from the CLI only reads the database.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from zjtx_desktop.commands.common import (
    UserError,
    add_data_dir,
    company_id,
    installed_criteria,
    installed_policies,
    open_database,
    pad,
    parse_date,
    read_profile_file,
    user_rates,
)
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import Evaluation, Status


def register(subparsers) -> None:
    parser = subparsers.add_parser("evaluate", help="评估企业可申请的措施")
    parser.add_argument("profiles", nargs="*", type=Path, metavar="企业.json", help="企业信息JSON文件")
    parser.add_argument("--company", metavar="统一社会信用代码", help="评估数据库中的这家企业")
    parser.add_argument("--all", action="store_true", help="评估数据库中的全部企业")
    parser.add_argument("--out", type=Path, default=None, metavar="结果.xlsx", help="与 --all 一起：结果写入Excel，每家企业一行")
    parser.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD", help="评估日期，默认今天")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    on = args.date or date.today()
    firms = _evaluations(args, on)
    evaluations = [(source, evaluation) for source, _, evaluation in firms]
    if args.out:
        from zjtx_desktop.core.assessment import assess
        from zjtx_desktop.store.results_excel import write_results_workbook

        library = installed_criteria(args)
        assessments = [assess(profile, on, library=library, with_opens=False) for _, profile, _ in firms]
        write_results_workbook(args.out, [evaluation for _, evaluation in evaluations], assessments=assessments)
        print(f"已评估 {len(evaluations)} 家企业，结果写入 {args.out}")
    elif args.format == "json":
        if len(evaluations) == 1:
            output = evaluations[0][1].to_json()
        else:
            output = [{"file": str(source), **evaluation.to_json()} for source, evaluation in evaluations]
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(text_report(evaluation) for _, evaluation in evaluations))
    return 0


def _evaluations(args, on: date) -> list[tuple[str | Path, Profile, Evaluation]]:
    """(where the firm came from, its profile, its evaluation), from files or from the database."""
    from_store = bool(args.company or args.all)
    if from_store == bool(args.profiles) or (args.company and args.all):
        raise UserError("请指定要评估的企业：企业信息JSON文件，或 --company 统一社会信用代码，或 --all（三者选一）")
    if args.out and not args.all:
        raise UserError("--out 只用于 --all：zjtx-desktop evaluate --all --out 结果.xlsx")
    if args.out and args.out.suffix.lower() != ".xlsx":
        raise UserError("评估结果请保存为 .xlsx 文件，如 --out 评估结果.xlsx")
    rates, policies = user_rates(args), installed_policies(args)
    if not from_store:
        profiles = [(path, read_profile_file(path)) for path in args.profiles]
        return [(path, profile, evaluate(profile, on, rates=rates, policies=policies)) for path, profile in profiles]
    with open_database(args, read_only=True) as db:
        ids = [company_id(db, args.company)] if args.company else [firm.id for firm in db.list_companies()]
        if not ids:
            raise UserError("数据库中还没有企业。请先用 zjtx-desktop import 文件.xlsx 导入")
        profiles = [db.profile(i) for i in ids]
    return [(profile.get("uscc") or "", profile, evaluate(profile, on, rates=rates, policies=policies))
            for profile in profiles]


def text_report(evaluation: Evaluation) -> str:
    """A table a person reads in a terminal: one row per measure, its working indented below."""
    name = evaluation.company_name or "（未填写企业名称）"
    lines = [
        f"{name}（{evaluation.uscc or '未填写统一社会信用代码'}）",
        f"评估日期：{evaluation.on.isoformat()}    政策：{evaluation.document_number}《{evaluation.policy_title}》",
        evaluation.validity_note,
        f"说明：金额为“最高可申请”额度，不是承诺；标注“解读”的内容{evaluation.reading_notice}。",
        "",
        f"{pad('编号', 6)}{pad('措施', 26)}{pad('结论', 12)}{pad('最高可申请（元）', 20)}理由",
    ]
    for result in evaluation.results:
        amount = "—" if result.amount is None else format_yuan(result.amount)
        lines.append(f"{pad(result.measure, 6)}{pad(result.title, 26)}{pad(str(result.status), 12)}"
                     f"{pad(amount, 20)}{result.explanation}")
        if result.reference_amount is not None:
            lines.append(f"{'':6}仅供参考：按本政策计算为{format_yuan(result.reference_amount)}元，不计入合计")
        lines.extend(f"{'':6}· {step}" for step in result.computation)
        lines.extend(f"{'':6}→ {need}" for need in result.missing)
        if result.status is not Status.NOT_ELIGIBLE:  # a reading behind a 不符合 would only confuse
            lines.extend(f"{'':6}※ 解读：{reading}" for reading in result.readings)
    lines += ["", f"补助合计（最高可申请，不含融资支持）：{format_yuan(evaluation.total)} 元"]
    if evaluation.reference_total:
        lines.append(f"仅供参考：如在政策有效期内，合计为 {format_yuan(evaluation.reference_total)} 元（不能据此申报）")
    return "\n".join(lines)
