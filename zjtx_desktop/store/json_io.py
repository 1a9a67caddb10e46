"""One firm to and from the JSON profile file that `zjtx-desktop evaluate` reads."""

from __future__ import annotations

import json
from pathlib import Path

from zjtx_desktop.core.atomic import write_text
from zjtx_desktop.core.profile import Issue, Profile, ProfileInvalid
from zjtx_desktop.core.profile_json import ProfileFileError, file_values, read_profile_file, to_file_values
from zjtx_desktop.store.errors import StoreError, reported_writes
from zjtx_desktop.store.importing import FirmInput
from zjtx_desktop.store.records import CellProblem


def read_json_firm(path: Path) -> FirmInput:
    """The file's object as a firm to import: bounded and checked as hostile input (core/profile_json);
    a file that is not one JSON object is a StoreError, a refused value a problem of this firm."""
    name = Path(path).name
    try:
        raw = read_profile_file(Path(path))
    except ProfileFileError as error:
        raise StoreError(f"{error}。") from None
    except ProfileInvalid as invalid:
        raise StoreError(f"{name} 不是可以导入的企业信息文件：{invalid.issues[0]}。") from None
    if not isinstance(raw, dict):
        raise StoreError(f"{name} 的内容应为一个以字段名为键的对象（{{...}}），如 zjtx-desktop export 导出的文件。")
    values, refused = file_values(raw)

    def locate(issue: Issue) -> CellProblem:
        column = issue.label + (f"第{issue.row}行" if issue.row else "")
        return CellProblem(name, None, column, issue.message)

    return FirmInput(values, locate, [locate(issue) for issue in refused])


def write_json_profile(profile: Profile, path: Path) -> None:
    text = json.dumps(to_file_values(profile.to_json_dict()), ensure_ascii=False, indent=2) + "\n"
    with reported_writes():
        write_text(Path(path), text)
