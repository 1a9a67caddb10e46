"""Keeping the data safe from the command line: backup, restore, check-db."""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.commands.common import UserError, add_data_dir, data_dir_of, open_database


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help="备份数据库（程序运行时也可以备份）")
    parser.add_argument("--out", type=Path, default=None, metavar="文件", help="备份文件，默认放在数据文件夹的 backups 中")
    add_data_dir(parser)
    parser.set_defaults(run=run_backup)

    parser = subparsers.add_parser("restore", help="用备份文件恢复数据库（当前数据另存，不会删除）")
    parser.add_argument("file", type=Path, metavar="备份文件")
    add_data_dir(parser)
    parser.set_defaults(run=run_restore)

    parser = subparsers.add_parser("check-db", help="检查数据库是否完好")
    add_data_dir(parser)
    parser.set_defaults(run=run_check)


def run_backup(args) -> int:
    with open_database(args, read_only=True) as db:
        path = db.backup(args.out)
    print(f"已备份到 {path}。恢复时运行：zjtx-desktop restore \"{path}\"")
    return 0


def run_restore(args) -> int:
    from zjtx_desktop.store import Database

    kept = Database.restore(data_dir_of(args), args.file)
    print(f"已用 {args.file.name} 恢复数据。")
    if kept:
        print(f"恢复前的数据已原样保存为 {kept}，如需找回请联系技术支持。")
    return 0


def run_check(args) -> int:
    from zjtx_desktop.store import DatabaseLocked, list_backups
    from zjtx_desktop.store.kept_aside import kept_files, total_size
    from zjtx_desktop.store.locations import database_path

    if not database_path(data_dir_of(args)).exists():
        raise UserError(f"{data_dir_of(args)} 中没有数据文件，无需检查。请核对 --data-dir 是否正确")
    try:
        db = open_database(args)
    except DatabaseLocked:  # the application has it open, or the folder can only be read: checking only reads
        db = open_database(args, read_only=True)
    with db:
        problems = db.integrity_problems()
        firms = len(db.list_companies())
        size = db.path.stat().st_size
        folder = db.data_dir
    if problems:
        lines = "\n".join(f"  - {problem}" for problem in problems[:20])
        raise UserError(f"数据库检查发现问题：\n{lines}\n请先运行 zjtx-desktop backup 保存现状，再联系技术支持。")
    backups = list_backups(folder)
    print(f"数据库完好：{folder}，{firms} 家企业，{size / 1e6:.1f} MB。")
    print(f"备份 {len(backups)} 份" + (f"，最近一份：{backups[0].name}" if backups else "") + "。")
    kept = kept_files(folder)
    if kept:
        print(f"kept_aside 中留存旧数据文件 {len(kept)} 个，共 {total_size(kept) / 1e6:.1f} MB"
              "（损坏或被恢复替换的数据库，程序不会自动删除；可在程序的“文件 → 留存的旧数据文件”中查看和清理）。")
    return 0
