"""`zjtx-desktop criteria list | import PACK | remove ID`: successor criteria sets (认定标准包) of a data
folder, for administrators, checked as policy packs are (limits, no links, a safe id, every file
loaded, the set's own cases passed) before anything is installed; a refused pack changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.commands.common import UserError, add_data_dir, data_dir_of, pad
from zjtx_desktop.core.assessment.loader import CriteriaError, default_library


def register(subparsers) -> None:
    parser = subparsers.add_parser("criteria", help="梯度认定标准包：列出、导入（先完整检查和试算）、删除")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)
    listing = actions.add_parser("list", help="列出程序自带和已导入的认定标准")
    add_data_dir(listing)
    listing.set_defaults(run=run_list)
    adding = actions.add_parser("import", help="导入标准包（文件夹或 .zip，内含 set.yaml 和 cases/ 案例）")
    adding.add_argument("pack", type=Path, metavar="标准包")
    add_data_dir(adding)
    adding.set_defaults(run=run_import)
    removing = actions.add_parser("remove", help="删除已导入的标准包")
    removing.add_argument("set_id", metavar="标准编号")
    add_data_dir(removing)
    removing.set_defaults(run=run_remove)


def run_list(args) -> int:
    from zjtx_desktop.store.criteria_packs import installed_sets

    print(f"{pad('标准编号', 22)}{pad('文号', 30)}{pad('适用期间', 26)}来源")
    for criteria_set in default_library().sets:
        print(f"{pad(criteria_set.id, 22)}{pad(criteria_set.document_number, 30)}{pad(_period(criteria_set), 26)}内置")
    for installed in installed_sets(data_dir_of(args)):
        if installed.loaded is None:
            print(f"{pad(installed.id, 22)}无法读取：{installed.problem}（可用 zjtx-desktop criteria remove "
                  f"{installed.id} 删除）")
        else:
            found = installed.loaded
            print(f"{pad(found.id, 22)}{pad(found.document_number, 30)}{pad(_period(found), 26)}导入（{installed.folder}）")
    return 0


def run_import(args) -> int:
    from zjtx_desktop.store.criteria_packs import import_criteria_pack

    try:
        criteria_set = import_criteria_pack(source=args.pack, data_dir=data_dir_of(args))
    except CriteriaError as error:
        raise UserError(f"标准包未导入，未作任何改动：{error}") from None
    print(f"已导入 {criteria_set.document_number}（{criteria_set.id}），适用 {_period(criteria_set)}。"
          "之后的梯度自评按自评日期自动选用当时适用的标准。")
    return 0


def run_remove(args) -> int:
    from zjtx_desktop.store.criteria_packs import remove_criteria_pack

    try:
        folder = remove_criteria_pack(set_id=args.set_id, data_dir=data_dir_of(args))
    except CriteriaError as error:
        raise UserError(f"未删除：{error}") from None
    print(f"已删除标准包 {args.set_id}（{folder}）。")
    return 0


def _period(criteria_set) -> str:
    return f"{criteria_set.effective_from} 至 {criteria_set.effective_to or '长期'}"
