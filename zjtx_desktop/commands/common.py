"""What the commands share: the user-error type, reading profile files, the data folder, padding."""

from __future__ import annotations

import sys
import unicodedata
from datetime import date
from pathlib import Path

from zjtx_desktop.core.policy import PolicyError
from zjtx_desktop.core.profile import Profile, ProfileInvalid, parse_file_values


class UserError(Exception):
    """Bad input from the user: printed as 错误：… with exit code 2, never a traceback."""


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"日期“{text}”格式不对，请写成 2025-06-30") from None


def read_profile_file(path: Path) -> Profile:
    """A checked profile from a JSON file (bounded in size, numbers and nesting before anything is
    computed); warnings go to stderr, errors become a UserError naming each field."""
    from zjtx_desktop.core.profile_json import ProfileFileError, file_values
    from zjtx_desktop.core.profile_json import read_profile_file as read_json

    try:
        profile, warnings = parse_file_values(file_values(read_json(path)))
    except ProfileFileError as error:
        raise UserError(str(error)) from None
    except ProfileInvalid as invalid:
        lines = "\n".join(f"  - {issue}" for issue in invalid.issues)
        raise UserError(f"{path} 有{len(invalid.issues)}处需要修改：\n{lines}") from None
    for warning in warnings:
        print(f"提示：{path.name} {warning}", file=sys.stderr)
    return profile


def add_data_dir(parser) -> None:
    parser.add_argument("--data-dir", type=Path, default=None, metavar="文件夹",
                        help="数据文件夹，默认为用户数据目录（可用环境变量 ZJTX_DATA_DIR 指定）")


def data_dir_of(args) -> Path:
    """`--data-dir`, or the default folder (ZJTX_DATA_DIR or the user's data directory)."""
    from zjtx_desktop.store import default_data_dir

    return args.data_dir or default_data_dir()


_opened: list = []  # the databases this command opened, whose failed automatic backups are still to be said


def open_database(args, *, read_only: bool = False):
    """The store of `--data-dir` (or the default folder). StoreErrors reach the user via cli.main, and
    so do automatic backups that failed (print_backup_warnings), after what the command itself said."""
    from zjtx_desktop.store import Database

    database = Database.open(data_dir_of(args), read_only=read_only)
    _opened.append(database)
    return database


def print_backup_warnings(database=None, *, saved: str = "本次的修改都已保存") -> None:
    """Say on stderr which automatic backup failed, once per database (all of them by default): a
    warning, not an error — the data is committed and the command's own result stands."""
    for opened in [database] if database is not None else list(_opened):
        for warning in opened.backup_warnings(saved):
            print(f"警告：{warning}", file=sys.stderr)
        if opened in _opened:
            _opened.remove(opened)


def user_rates(args):
    """The bundled rate tables plus the values entered with `zjtx-desktop lpr --add`."""
    from zjtx_desktop.store.policy_data import user_rates as rates_of

    return rates_of(data_dir=data_dir_of(args))


def installed_policies(args):
    """The bundled policy and any successor pack imported into the data folder (as the app sees them)."""
    from zjtx_desktop.store.policy_data import installed_policies as policies_of

    try:
        return policies_of(data_dir=data_dir_of(args))
    except PolicyError as error:
        raise UserError(f"数据文件夹中导入的政策包无法读取：{error}。请在程序的“关于政策”中重新导入正确的政策包") from None


def installed_criteria(args):
    """The bundled criteria sets and any successor set imported into the data folder."""
    from zjtx_desktop.core.assessment.loader import CriteriaError
    from zjtx_desktop.store.criteria_packs import installed_library

    try:
        return installed_library(data_dir=data_dir_of(args))
    except CriteriaError as error:
        raise UserError(f"认定标准数据无法读取：{error}") from None


def company_id(db, code: str) -> int:
    found = db.company_id_by_uscc(code)
    if found is None:
        raise UserError(f"数据库中没有统一社会信用代码为 {code} 的企业。可用 zjtx-desktop list 查看已有企业")
    return found


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """Left-aligned in a terminal where a Chinese character takes two columns."""
    return text + " " * max(columns - width(text), 0)
