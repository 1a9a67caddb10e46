"""What `zjtx-desktop policy` and `zjtx-desktop criteria` share: listing, importing and removing the
data packs of a data folder (store/packs.py stages, checks and installs them). A pack is checked
completely before it is installed; a refused pack changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from zjtx_desktop.commands.common import UserError, add_data_dir, data_dir_of, pad

PERIOD_COLUMNS = 26


@dataclass(frozen=True)
class PackCommand:
    """The words, the columns and the store calls of one kind of pack. The store is reached through
    the callables, so building the CLI's parser does not load it."""

    name: str  # policy / criteria
    help: str
    noun: str  # 政策包 / 标准包
    subject: str  # what `list` lists: 政策 / 认定标准
    id_label: str  # 政策编号 / 标准编号
    contents: str  # what a pack holds, for import's help
    period: str  # 施行 / 适用
    columns: tuple[int, int]  # of the id and of the 文号
    after_import: str
    error: type[Exception]
    bundled: Callable[[], Iterable]  # items with id, document_number, effective_from, effective_to
    installed: Callable[[Path], list]  # store.packs.Installed
    import_pack: Callable[[Path, Path], object]  # (source, data_dir) → what was installed
    remove_pack: Callable[[str, Path], Path]  # (id, data_dir) → the folder removed


def register(subparsers, command: PackCommand) -> None:
    parser = subparsers.add_parser(command.name, help=command.help)
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)
    listing = actions.add_parser("list", help=f"列出程序自带和已导入的{command.subject}")
    adding = actions.add_parser("import", help=f"导入{command.noun}（文件夹或 .zip，内含 {command.contents}）")
    adding.add_argument("pack", type=Path, metavar=command.noun)
    removing = actions.add_parser("remove", help=f"删除已导入的{command.noun}")
    removing.add_argument("pack_id", metavar=command.id_label)
    for action, run in ((listing, run_list), (adding, run_import), (removing, run_remove)):
        add_data_dir(action)
        action.set_defaults(run=lambda args, run=run: run(command, args))


def run_list(command: PackCommand, args) -> int:
    id_columns, number_columns = command.columns

    def row(pack_id: str, found, source: str) -> str:
        return (f"{pad(pack_id, id_columns)}{pad(found.document_number, number_columns)}"
                f"{pad(_period(found), PERIOD_COLUMNS)}{source}")

    print(f"{pad(command.id_label, id_columns)}{pad('文号', number_columns)}"
          f"{pad(command.period + '期间', PERIOD_COLUMNS)}来源")
    for found in command.bundled():
        print(row(found.id, found, "内置"))
    for installed in command.installed(data_dir_of(args)):
        if installed.loaded is None:
            print(f"{pad(installed.id, id_columns)}无法读取：{installed.problem}"
                  f"（可用 zjtx-desktop {command.name} remove {installed.id} 删除）")
        else:
            print(row(installed.id, installed.loaded, f"导入（{installed.folder}）"))
    return 0


def run_import(command: PackCommand, args) -> int:
    try:
        found = command.import_pack(args.pack, data_dir_of(args))
    except command.error as error:
        raise UserError(f"{command.noun}未导入，未作任何改动：{error}") from None
    print(f"已导入 {found.document_number}（{found.id}），{command.period} {_period(found)}。{command.after_import}")
    return 0


def run_remove(command: PackCommand, args) -> int:
    try:
        folder = command.remove_pack(args.pack_id, data_dir_of(args))
    except command.error as error:
        raise UserError(f"未删除：{error}") from None
    print(f"已删除{command.noun} {args.pack_id}（{folder}）。")
    return 0


def _period(found) -> str:
    return f"{found.effective_from} 至 {found.effective_to or '长期'}"
