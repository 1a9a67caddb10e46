"""What the commands share: the user-error type and reading profile files."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from zjtx_desktop.core.profile import Profile, ProfileInvalid, load_profile_json


class UserError(Exception):
    """Bad input from the user: printed as 错误：… with exit code 2, never a traceback."""


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"日期“{text}”格式不对，请写成 2025-06-30") from None


def read_profile_file(path: Path) -> Profile:
    """A checked profile from a JSON file; warnings go to stderr, errors become a UserError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"找不到文件 {path}，请检查路径") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} 不是UTF-8编码的文本文件，请另存为UTF-8后重试") from None
    except OSError as error:
        raise UserError(f"无法读取 {path}（{error.strerror}）") from None
    try:
        profile, warnings = load_profile_json(text)
    except ProfileInvalid as invalid:
        lines = "\n".join(f"  - {issue}" for issue in invalid.issues)
        raise UserError(f"{path} 有{len(invalid.issues)}处需要修改：\n{lines}") from None
    for warning in warnings:
        print(f"提示：{path.name} {warning}", file=sys.stderr)
    return profile
