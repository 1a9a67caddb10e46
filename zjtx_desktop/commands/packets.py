"""`zjtx-desktop packets PROFILE.json --out DIR` or `packets --company CODE --out DIR`: every
applicable packet and the summary report.

From the database, the evaluation the packets were printed under is saved with the list of files, so
a packet handed in today can still be explained after the data or the policy change.
`--split` adds one PDF per document for online upload; `--beside` writes a file another program
holds open beside it instead; `--allow-expired` applies, after the policy's end date, for what
happened while it was in force (never without that explicit choice).
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
from zjtx_desktop.core.atomic import WriteFailed, describe
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import (
    Options,
    PacketFieldsMissing,
    UnprintableText,
    applicable_measures,
    build_all,
    policy_end_passed,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("packets", help="生成可打印的申请材料（PDF）和政策评估报告")
    parser.add_argument("profile", type=Path, nargs="?", metavar="企业.json", help="企业信息JSON文件")
    parser.add_argument("--company", metavar="统一社会信用代码", help="为数据库中的这家企业生成")
    add_data_dir(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="目录", help="PDF文件保存到的目录")
    parser.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD", help="评估日期，默认今天")
    parser.add_argument("--split", action="store_true",
                        help="另为每份申请材料生成分件PDF（申请表、计算说明、信用承诺书、材料清单各一个），供网上申报逐项上传")
    parser.add_argument("--beside", action="store_true",
                        help="某个PDF正被其他程序打开时，把新文件另存在旁边（文件名加“（新）”），原文件不动")
    parser.add_argument("--allow-expired", action="store_true",
                        help="评估日已过政策有效期时，仍为有效期内发生的事项生成申请材料（金额为参考金额）")
    parser.set_defaults(run=run)


def run(args) -> int:
    if bool(args.profile) == bool(args.company):
        raise UserError("请指定企业：企业信息JSON文件，或 --company 统一社会信用代码（二者选一）")
    on = args.date or date.today()
    rates, policies = user_rates(args), installed_policies(args)
    if args.profile:
        profile = read_profile_file(args.profile)
        evaluation = evaluate(profile, on, rates=rates, policies=policies)
        written = _build(profile, evaluation, args, policies)
    else:
        written, evaluation = _build_from_database(args, on, rates, policies)
    _report(written, evaluation, args, policies)
    return 0


def _options(evaluation, args, policies) -> Options:
    ended = policy_end_passed(evaluation, policies)
    return Options(split=args.split, beside=args.beside, policy_end=ended if args.allow_expired else None)


def _build_from_database(args, on: date, rates, policies):
    """Build for a firm in the store and record the evaluation and files (read-only if the app is open)."""
    from zjtx_desktop.store import DatabaseLocked

    try:
        db = open_database(args)
    except DatabaseLocked:
        db = open_database(args, read_only=True)
    if db.read_only:  # the app has it open, or the folder is on read-only media or a network share
        why = (db.read_only_reason or "程序正在使用数据库").rstrip("。")
        print(f"提示：{why}。本次生成的材料不会记入企业的生成记录。", file=sys.stderr)
    with db:
        firm = company_id(db, args.company)
        profile = db.profile(firm)
        evaluation = evaluate(profile, on, rates=rates, policies=policies)
        written = _build(profile, evaluation, args, policies)
        if not db.read_only:
            db.record_packets(firm, db.save_evaluation(firm, evaluation), list(written))
    return written, evaluation


def _build(profile, evaluation, args, policies):
    try:
        return build_all(profile, evaluation, args.out, options=_options(evaluation, args, policies))
    except PacketFieldsMissing as missing:
        raise UserError(f"{missing}\n请在企业信息中补充以上内容（字段名见 zjtx-desktop schema）。") from None
    except UnprintableText as unprintable:
        raise UserError(str(unprintable)) from None
    except WriteFailed as failed:
        hint = "；或加 --beside 把新文件另存在旁边（原文件不动）" if failed.in_use and not args.beside else ""
        raise UserError(f"{failed}{hint}。{'已有的文件都没有改动。' if failed.unchanged else ''}") from None
    except OSError as error:
        raise UserError(f"无法写入 {error.filename or args.out}：{describe(error)}") from None


def _report(written, evaluation, args, policies) -> None:
    count = len(applicable_measures(evaluation, allow_expired=args.allow_expired))
    print(f"已生成 {count} 份申请材料和 1 份政策评估报告（评估日期 {evaluation.on.isoformat()}），保存在 {args.out}：")
    for path in written:
        print(f"  {Path(path).relative_to(Path(args.out).absolute())}")
    for note in written.notes:
        print(f"提示：{note}")
    ended = policy_end_passed(evaluation, policies)
    if ended and not args.allow_expired:
        print(f"评估日已过政策有效期（至{ended.isoformat()}），不生成申请材料。如申报的事项发生在政策有效期内，"
              "可加 --allow-expired 按参考金额生成。")
    elif not count:
        print("本次评估没有可申请的资金支持项目，详见政策评估报告。")
