"""The service center's bulk commands on the database: list, import, export, template."""

from __future__ import annotations

import sys
from pathlib import Path

from zjtx_desktop.commands.common import (
    UserError,
    add_data_dir,
    company_id,
    open_database,
    pad,
    print_backup_warnings,
)
from zjtx_desktop.core.money import format_yuan


def register(subparsers) -> None:
    parser = subparsers.add_parser("list", help="列出数据库中的企业")
    parser.add_argument("--search", default="", metavar="文字", help="只列出名称或代码含有该文字的企业")
    add_data_dir(parser)
    parser.set_defaults(run=run_list)

    parser = subparsers.add_parser("import", help="从 .json（一家企业）或 .xlsx（多家企业）导入")
    parser.add_argument("file", type=Path, metavar="文件", help="企业信息 .json 文件或按模板填写的 .xlsx 工作簿")
    parser.add_argument("--update", action="store_true", help="代码已存在的企业用文件中的数据更新（默认跳过）")
    add_data_dir(parser)
    parser.set_defaults(run=run_import)

    parser = subparsers.add_parser("export", help="导出一家企业（.json）或全部企业（.xlsx）")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--company", metavar="统一社会信用代码", help="要导出的企业")
    which.add_argument("--all", action="store_true", help="导出全部企业到一个 .xlsx 工作簿")
    parser.add_argument("--out", type=Path, required=True, metavar="文件", help="输出文件")
    add_data_dir(parser)
    parser.set_defaults(run=run_export)

    parser = subparsers.add_parser("template", help="生成空白的企业信息导入模板（.xlsx）")
    parser.add_argument("--out", type=Path, required=True, metavar="文件.xlsx", help="输出文件")
    parser.set_defaults(run=run_template)


def run_list(args) -> int:
    with open_database(args, read_only=True) as db:
        firms = db.list_companies(args.search)
    if not firms:
        print("没有找到企业。可用 zjtx-desktop import 文件.xlsx 导入，或打开程序录入。")
        return 0
    print(f"{pad('统一社会信用代码', 20)}{pad('企业名称', 36)}{pad('称号', 40)}{pad('最近评估', 12)}最高可申请合计（元）")
    for firm in firms:
        evaluated = firm.last_evaluated.isoformat() if firm.last_evaluated else "—"
        total = format_yuan(firm.last_total) if firm.last_total is not None else "—"
        print(f"{pad(firm.uscc or '（未填写）', 20)}{pad(firm.name or '（未填写）', 36)}{pad(firm.tier or '—', 40)}"
              f"{pad(evaluated, 12)}{total}")
    print(f"共 {len(firms)} 家企业。")
    return 0


def run_import(args) -> int:
    suffix = args.file.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise UserError(f"只能导入 .json 或 .xlsx 文件，{args.file.name} 不是。Excel 旧格式 .xls 请先另存为 .xlsx")
    with open_database(args) as db:
        if suffix == ".json":
            report = db.import_json(args.file, update_existing=args.update)
        else:
            report = db.import_excel(args.file, update_existing=args.update,
                                     on_batch=lambda done: print(f"已处理 {done} 家……", file=sys.stderr))
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    print_backup_warnings(db, saved=f"已保存 {len(report.created) + len(report.updated)} 家企业的数据")
    return 0 if report.ok else 2


def run_export(args) -> int:
    expected = ".xlsx" if args.all else ".json"
    if args.out.suffix.lower() != expected:
        raise UserError(f"{'全部企业' if args.all else '一家企业'}请导出为 {expected} 文件，如 --out 企业{expected}")
    with open_database(args, read_only=True) as db:
        if args.all:
            db.export_excel(args.out)
            print(f"已将 {len(db.list_companies())} 家企业导出到 {args.out}")
        else:
            db.export_json(company_id(db, args.company), args.out)
            print(f"已导出到 {args.out}，可用 zjtx-desktop evaluate {args.out} 评估")
    return 0


def run_template(args) -> int:
    from zjtx_desktop.store import write_excel_template

    if args.out.suffix.lower() != ".xlsx":
        raise UserError("模板请保存为 .xlsx 文件，如 --out 企业信息模板.xlsx")
    write_excel_template(args.out)
    print(f"已生成模板 {args.out}：在“企业信息”表中每家企业填一行，黄色列为必填；"
          f"填好后用 zjtx-desktop import {args.out} 导入")
    return 0
