"""`zjtx-desktop packets PROFILE.json --out DIR`: every applicable packet and the summary report.

The firm comes from a profile file; reading it from the database (`--company CODE`) joins here as
a second source of the profile once the store has landed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from zjtx_desktop.commands.common import UserError, parse_date, read_profile_file
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import PacketFieldsMissing, applicable_measures, build_all


def register(subparsers) -> None:
    parser = subparsers.add_parser("packets", help="生成可打印的申请材料（PDF）和政策评估报告")
    parser.add_argument("profile", type=Path, metavar="企业.json", help="企业信息JSON文件")
    parser.add_argument("--out", type=Path, required=True, metavar="目录", help="PDF文件保存到的目录")
    parser.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD", help="评估日期，默认今天")
    parser.set_defaults(run=run)


def run(args) -> int:
    profile = read_profile_file(args.profile)
    evaluation = evaluate(profile, args.date or date.today())
    try:
        paths = build_all(profile, evaluation, args.out)
    except PacketFieldsMissing as missing:
        raise UserError(f"{missing}\n请在企业信息中补充以上内容（字段名见 zjtx-desktop schema）。") from None
    except OSError as error:
        raise UserError(f"无法写入 {error.filename or args.out}（{error.strerror}）；"
                        "如文件已在其他程序中打开，请先关闭后重试") from None
    count = len(applicable_measures(evaluation))
    print(f"已生成 {count} 份申请材料和 1 份政策评估报告（评估日期 {evaluation.on.isoformat()}），保存在 {args.out}：")
    for path in paths:
        print(f"  {path.name}")
    if not count:
        print("本次评估没有可申请的资金支持项目，详见政策评估报告。")
    return 0
