"""`zjtx-desktop lpr`: the 1-year LPR table measure 5 uses, and adding a newly published value.

The LPR is published on the 20th of each month; a value added here (kept in the data folder's
rates/) is used from its date on, without waiting for a new release of the program.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

from zjtx_desktop.commands.common import UserError, add_data_dir, data_dir_of, parse_date, user_rates
from zjtx_desktop.core.atomic import WriteFailed, describe, write_text
from zjtx_desktop.core.money import format_rate
from zjtx_desktop.core.policy import PolicyError, load_rate_series
from zjtx_desktop.core.questions import Field
from zjtx_desktop.core.values import ValueProblem, parse_value

SERIES = "lpr-1y"
PERCENT = Field(key="lpr", label="一年期LPR", type="percent", page="")


def register(subparsers) -> None:
    parser = subparsers.add_parser("lpr", help="查看一年期LPR利率表，或补充新公布的LPR（知识产权质押贴息用）")
    parser.add_argument("--add", nargs=2, metavar=("YYYY-MM-DD", "利率%"), help="补充一条：执行日期和利率，如 2026-12-22 3.00")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.add:
        _add(args, parse_date(args.add[0]), args.add[1])
    series = user_rates(args)[SERIES]
    print(f"{series.title}（每条自所列日期起执行）：")
    for since, rate in series.values:
        print(f"  {since.isoformat()}  {format_rate(rate)}")
    return 0


def _add(args, since, typed: str) -> None:
    from zjtx_desktop.store.locations import rates_dir
    from zjtx_desktop.store.permissions import private_subfolder

    try:
        percent = parse_value(PERCENT, typed)
    except ValueProblem as problem:
        raise UserError(f"利率“{typed}”：{problem}") from None
    if percent is None or percent <= 0:
        raise UserError("利率须大于0，以百分数填写，如 3.00 表示 3.00%")
    path = rates_dir(data_dir_of(args)) / f"{SERIES}.yaml"
    values = _user_values(path)
    values[since] = f"{percent / 100:f}"
    document = {"id": SERIES, "title": "用户补充的一年期LPR", "values": dict(sorted(values.items()))}
    try:
        private_subfolder(path.parent)
        write_text(path, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    except WriteFailed as failure:
        raise UserError(f"{failure}。利率表未作改动。") from None
    except OSError as error:
        raise UserError(f"无法写入 {path.parent}：{describe(error)}。利率表未作改动。") from None
    print(f"已补充：{since.isoformat()} 起一年期LPR为 {format_rate(Decimal(values[since]))}（保存在 {path}）")


def _user_values(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return {since: f"{rate:f}" for since, rate in load_rate_series(path).values}
    except PolicyError as error:
        raise UserError(f"{path} 无法读取（{error}），请修正或删除该文件后重试") from None
