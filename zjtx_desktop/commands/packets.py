"""`zjtx-desktop packets PROFILE.json --out DIR` or `packets --company CODE --out DIR`: every
applicable packet and the summary report.

From the database, the evaluation the packets were printed under is saved with the list of files, so
a packet handed in today can still be explained after the data or the policy change.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from zjtx_desktop.commands.common import (
    UserError,
    add_data_dir,
    company_id,
    installed_policies,
    open_database,
    parse_date,
    read_profile_file,
    user_rates,
)
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import PacketFieldsMissing, applicable_measures, build_all


def register(subparsers) -> None:
    parser = subparsers.add_parser("packets", help="生成可打印的申请材料（PDF）和政策评估报告")
    parser.add_argument("profile", type=Path, nargs="?", metavar="企业.json", help="企业信息JSON文件")
    parser.add_argument("--company", metavar="统一社会信用代码", help="为数据库中的这家企业生成")
    add_data_dir(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="目录", help="PDF文件保存到的目录")
    parser.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD", help="评估日期，默认今天")
    parser.set_defaults(run=run)


def run(args) -> int:
    if bool(args.profile) == bool(args.company):
        raise UserError("请指定企业：企业信息JSON文件，或 --company 统一社会信用代码（二者选一）")
    on = args.date or date.today()
    rates, policies = user_rates(args), installed_policies(args)
    if args.profile:
        profile = read_profile_file(args.profile)
        evaluation = evaluate(profile, on, rates=rates, policies=policies)
        paths = _build(profile, evaluation, args.out)
    else:
        paths, evaluation = _build_from_database(args, on, rates, policies)
    _report(paths, evaluation, args.out)
    return 0


def _build_from_database(args, on: date, rates, policies):
    """Build for a firm in the store and record the evaluation and files (read-only if the app is open)."""
    from zjtx_desktop.store import DatabaseLocked

    try:
        db = open_database(args)
    except DatabaseLocked:
        db = open_database(args, read_only=True)
        print("提示：程序正在使用数据库，本次生成的材料不会记入企业的生成记录。", file=sys.stderr)
    with db:
        firm = company_id(db, args.company)
        profile = db.profile(firm)
        evaluation = evaluate(profile, on, rates=rates, policies=policies)
        paths = _build(profile, evaluation, args.out)
        if not db.read_only:
            db.record_packets(firm, db.save_evaluation(firm, evaluation), paths)
    return paths, evaluation


def _build(profile, evaluation, out: Path) -> list[Path]:
    try:
        return build_all(profile, evaluation, out)
    except PacketFieldsMissing as missing:
        raise UserError(f"{missing}\n请在企业信息中补充以上内容（字段名见 zjtx-desktop schema）。") from None
    except OSError as error:
        raise UserError(f"无法写入 {error.filename or out}（{error.strerror}）；"
                        "如文件已在其他程序中打开，请先关闭后重试") from None


def _report(paths: list[Path], evaluation, out: Path) -> None:
    count = len(applicable_measures(evaluation))
    print(f"已生成 {count} 份申请材料和 1 份政策评估报告（评估日期 {evaluation.on.isoformat()}），保存在 {out}：")
    for path in paths:
        print(f"  {path.name}")
    if not count:
        print("本次评估没有可申请的资金支持项目，详见政策评估报告。")
