"""`zjtx-desktop history --company CODE [--field KEY]`: the audit trail, as a person reads it.

Every saved change records the field, the old and the new value, when, and from where (界面录入,
导入 …); this is how a service center answers "who changed this figure, and when".
"""

from __future__ import annotations

from zjtx_desktop.commands.common import UserError, add_data_dir, company_id, open_database


def register(subparsers) -> None:
    parser = subparsers.add_parser("history", help="查看企业信息的修改记录（某一项或整家企业）")
    parser.add_argument("--company", required=True, metavar="统一社会信用代码", help="要查看的企业")
    parser.add_argument("--field", metavar="字段名", help="只看这一项（字段名见 zjtx-desktop schema）")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    with open_database(args, read_only=True) as db:
        if args.field and not db.questions.has_field(args.field):
            raise UserError(f"没有“{args.field}”这个字段。字段名见 zjtx-desktop schema")
        firm = company_id(db, args.company)
        entries = db.field_history(firm, args.field) if args.field else db.company_history(firm)
    if not entries:
        print("没有修改记录。")
        return 0
    for entry in entries:
        change = f"{entry.old or '（空）'} → {entry.new or '（空）'}"
        print(f"{entry.time:%Y-%m-%d %H:%M:%S}  {entry.label}：{change}  〔{entry.source}〕")
    print(f"共 {len(entries)} 条。")
    return 0
