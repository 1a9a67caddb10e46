"""`zjtx-desktop assess`: the tier self-assessment of a firm, as a table or as JSON.

Which title above its current one the firm can apply for (创新型 / 专精特新 / “小巨人”, and 科技型), each
criterion with the numbers used, the gaps with amounts, and what the title would open under the
policy; the SME size under the 划型 standard. `--pdf 文件夹` also writes the 梯度培育自评报告.
"""

from __future__ import annotations

import json
import sys
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
    width,
)
from zjtx_desktop.core.assessment import Assessment, TierAssessment, assess

MARKS = {"符合": "✓", "不符合": "×", "信息不足": "?", "需人工核验": "!"}


def register(subparsers) -> None:
    parser = subparsers.add_parser("assess", help="梯度培育自评：可申请哪一级称号、还差什么、获评后可多申请多少")
    parser.add_argument("profiles", nargs="*", type=Path, metavar="企业.json", help="企业信息JSON文件")
    parser.add_argument("--company", metavar="统一社会信用代码", help="自评数据库中的这家企业")
    parser.add_argument("--date", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="评估日期，默认今天；决定采用哪一版认定标准（2026-04-01起为工信部企业〔2026〕2号）")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    parser.add_argument("--pdf", type=Path, default=None, metavar="文件夹", help="同时生成《梯度培育自评报告》PDF到此文件夹")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def _profiles(args) -> list[tuple[str | Path, object]]:
    if bool(args.company) == bool(args.profiles):
        raise UserError("请指定要自评的企业：企业信息JSON文件，或 --company 统一社会信用代码（二者选一）")
    if args.profiles:
        return [(path, read_profile_file(path)) for path in args.profiles]
    with open_database(args, read_only=True) as db:
        return [(args.company, db.profile(company_id(db, args.company)))]


def run(args) -> int:
    on = args.date or date.today()
    library = installed_criteria(args)
    policies, rates = installed_policies(args), user_rates(args)
    results = [(source, profile, assess(profile, on, library=library, policies=policies, rates=rates))
               for source, profile in _profiles(args)]
    if args.pdf:
        for _, profile, assessment in results:  # on stderr beside JSON, so stdout stays one JSON document
            print(f"已生成 {_write_report(profile, assessment, args.pdf)}",
                  file=sys.stderr if args.format == "json" else sys.stdout)
    if args.format == "json":
        if len(results) == 1:
            output = results[0][2].to_json()
        else:
            output = [{"file": str(source), **assessment.to_json()} for source, _, assessment in results]
        print(json.dumps(output, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(text_report(assessment) for _, _, assessment in results))
    return 0


def _write_report(profile, assessment: Assessment, folder: Path) -> Path:
    from zjtx_desktop.core.atomic import WriteFailed
    from zjtx_desktop.packets import PacketFieldsMissing
    from zjtx_desktop.packets.assessment_report import build_assessment_report

    try:
        return build_assessment_report(profile, assessment, folder)
    except PacketFieldsMissing as missing:
        raise UserError(f"{missing}\n请在企业信息中补充以上内容后再生成自评报告。") from None
    except WriteFailed as failed:  # every write of the report is turned into this, in Chinese, with the path
        raise UserError(str(failed)) from None


def _cell(text: str, columns: int) -> str:
    """A column of the terminal table; text longer than the column keeps two spaces after it."""
    return pad(text, columns) if width(text) < columns else f"{text}  "


def _tier_lines(tier: TierAssessment) -> list[str]:
    lines = [f"【{tier.title}】{tier.kind_label}　结论：{tier.overall}（{tier.overall_note}）",
             f"  依据：{tier.document} {tier.annex}"]
    if tier.set_note:
        lines.append(f"  说明：{tier.set_note}")
    lines.append(f"  {pad('结论', 12)}{pad('条件', 46)}{pad('企业数据', 22)}{pad('要求', 22)}出处")
    for row in tier.criteria:
        indent = "  " * row.depth
        mark = f"{MARKS[str(row.status)]} {row.status}"
        points = f"（{row.points}）" if row.points else ""
        lines.append(f"  {_cell(mark, 12)}{_cell(indent + row.title, 46)}{_cell(row.value + points, 22)}"
                     f"{_cell(row.threshold, 22)}{row.clause}")
        if row.note and row.status.value in ("不符合", "信息不足", "需人工核验"):
            lines.append(f"  {'':12}{indent}  · {row.note}")
    if tier.gap:
        lines.append("  差距：")
        lines.extend(f"    - {line}" if not line.startswith(" ") else f"    {line}" for line in tier.gap)
    if tier.opens_total is not None:
        lines.append("  获评后按本政策的变化：")
        for opening in tier.opens:
            amount = f"　{opening.amount_text} 元" if opening.amount_text else ""
            lines.append(f"    - {opening.measure} {opening.title}：{opening.status_before} → {opening.status_after}{amount}")
        lines.append(f"  {tier.opens_note}")
    return lines


def text_report(assessment: Assessment) -> str:
    size = assessment.size
    best = assessment.best_reachable
    lines = [
        f"{assessment.company_name or '（未填写企业名称）'}（{assessment.uscc or '未填写统一社会信用代码'}）",
        f"评估日期：{assessment.on.isoformat()}    认定标准：{assessment.set_document}《{assessment.set_title}》",
        f"目前称号：{assessment.current_tier_label}",
        f"企业规模（{size.document} {size.clause_ref} {size.line_title}）：{size.size_label or size.status}"
        f"　{'；'.join(size.working)}",
    ]
    if assessment.set_note:
        lines.append(f"说明：{assessment.set_note}")
    if size.warning:
        lines.append(f"提示：{size.warning}")
    lines += [f"目前可申请的最高梯度：{best.title if best else '暂无'}", ""]
    for tier in assessment.tiers:
        lines += _tier_lines(tier) + [""]
    for line in assessment.designated:
        lines += [f"【{line.title}】{line.kind_label}　结论：{line.verdict_text}", f"  依据：{line.clause}",
                  f"  说明：{line.note}", ""]
    lines.append(f"说明：{assessment.notice}")
    lines.extend(f"解读：{reading}" for reading in assessment.readings)
    return "\n".join(lines)
