"""`zjtx-desktop policy list | import PACK | remove ID`: the successor policy packs of a data folder,
for administrators (the application's 关于政策 does the same).

A pack is checked completely before it is installed (limits, no links, a safe id, the example firms
and the pack's own cases evaluated under it); a refused pack changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.commands.common import UserError, add_data_dir, data_dir_of, pad
from zjtx_desktop.core.policy import PolicyError, default_policies


def register(subparsers) -> None:
    parser = subparsers.add_parser("policy", help="政策包：列出、导入（先完整检查和试算）、删除")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)
    listing = actions.add_parser("list", help="列出程序自带和已导入的政策")
    add_data_dir(listing)
    listing.set_defaults(run=run_list)
    adding = actions.add_parser("import", help="导入政策包（文件夹或 .zip，内含 policy.yaml 和 cases/ 测试用例）")
    adding.add_argument("pack", type=Path, metavar="政策包")
    add_data_dir(adding)
    adding.set_defaults(run=run_import)
    removing = actions.add_parser("remove", help="删除已导入的政策包")
    removing.add_argument("pack_id", metavar="政策编号")
    add_data_dir(removing)
    removing.set_defaults(run=run_remove)


def run_list(args) -> int:
    from zjtx_desktop.store.policy_packs import installed_packs

    print(f"{pad('政策编号', 24)}{pad('文号', 26)}{pad('施行期间', 26)}来源")
    for policy in default_policies():
        print(f"{pad(policy.id, 24)}{pad(policy.document_number, 26)}{pad(_period(policy), 26)}内置")
    for pack in installed_packs(data_dir_of(args)):
        if pack.loaded is None:
            print(f"{pad(pack.id, 24)}无法读取：{pack.problem}（可用 zjtx-desktop policy remove {pack.id} 删除）")
        else:
            print(f"{pad(pack.id, 24)}{pad(pack.loaded.document_number, 26)}{pad(_period(pack.loaded), 26)}"
                  f"导入（{pack.folder}）")
    return 0


def run_import(args) -> int:
    from zjtx_desktop.store.policy_data import import_policy_pack

    try:
        policy = import_policy_pack(source=args.pack, data_dir=data_dir_of(args))
    except PolicyError as error:
        raise UserError(f"政策包未导入，未作任何改动：{error}") from None
    print(f"已导入 {policy.document_number}（{policy.id}），施行 {_period(policy)}。"
          "之后的评估按评估日期自动选用当时有效的政策。")
    return 0


def run_remove(args) -> int:
    from zjtx_desktop.store.policy_data import remove_policy_pack

    try:
        folder = remove_policy_pack(pack_id=args.pack_id, data_dir=data_dir_of(args))
    except PolicyError as error:
        raise UserError(f"未删除：{error}") from None
    print(f"已删除政策包 {args.pack_id}（{folder}）。")
    return 0


def _period(policy) -> str:
    return f"{policy.effective_from} 至 {policy.effective_to or '长期'}"
