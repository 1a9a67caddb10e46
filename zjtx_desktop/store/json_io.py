"""One firm to and from the JSON profile file that `zjtx-desktop evaluate` reads."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from zjtx_desktop.core.atomic import write_text
from zjtx_desktop.core.profile import Issue, Profile
from zjtx_desktop.store.errors import StoreError, reported_writes
from zjtx_desktop.store.importing import FirmInput
from zjtx_desktop.store.records import CellProblem


def read_json_firm(path: Path) -> FirmInput:
    """The file's object as a firm to import; a file that is not one JSON object is a StoreError."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"), parse_float=Decimal)
    except FileNotFoundError:
        raise StoreError(f"找不到文件 {path}，请检查路径。") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        where = f"第{error.lineno}行第{error.colno}列" if isinstance(error, json.JSONDecodeError) else ""
        raise StoreError(f"{Path(path).name} 不是有效的UTF-8 JSON文件{where}，请用文本编辑器检查后另存为UTF-8。") from None
    if not isinstance(raw, dict):
        raise StoreError(f"{Path(path).name} 的内容应为一个以字段名为键的对象（{{...}}），如 zjtx-desktop export 导出的文件。")
    name = Path(path).name

    def locate(issue: Issue) -> CellProblem:
        column = issue.label + (f"第{issue.row}行" if issue.row else "")
        return CellProblem(name, None, column, issue.message)

    return FirmInput(raw, locate)


def write_json_profile(profile: Profile, path: Path) -> None:
    text = json.dumps(profile.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    with reported_writes():
        write_text(Path(path), text)
