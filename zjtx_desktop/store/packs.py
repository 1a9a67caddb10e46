"""Data packs an administrator hands us (successor policies, successor criteria sets): staged as hostile
files, installed and removed by renames.

Staging copies or unpacks the pack into a scratch folder within limits (file count, sizes, depth; no
absolute or ".." paths, no symbolic links or special files: a folder pack's links are refused, never
followed; data files only). What the pack means is checked by its own kind's module before `install`
renames it into the data folder, so no half-copied or unchecked pack is ever loaded.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from zjtx_desktop.core.policy import POLICY_ID
from zjtx_desktop.core.safe_yaml import MAX_YAML_BYTES
from zjtx_desktop.core.values import shown
from zjtx_desktop.store.permissions import private_subfolder

PACK_FILE_TYPES = frozenset({".yaml", ".yml", ".txt", ".md"})
MAX_PACK_FILES = 200
MAX_PACK_FILE_BYTES = MAX_YAML_BYTES
MAX_PACK_BYTES = 16 * 1024 * 1024
MAX_PACK_DEPTH = 6
Loaded = TypeVar("Loaded")


@dataclass(frozen=True)
class PackKind:
    """What differs between kinds of pack: the word users read, the file that marks a pack's folder,
    the data-folder subfolder it is installed in, the error it raises and the command that lists it."""

    noun: str  # 政策包 / 标准包
    marker: str  # policy.yaml / set.yaml
    folder: str  # policies / criteria
    error: type[Exception]  # constructed as error(source, key, message)
    command: str  # policy / criteria

    def refuse(self, source: str, why: str, key: str = "") -> Exception:
        return self.error(source, key, why)


@dataclass(frozen=True)
class Installed(Generic[Loaded]):
    """A folder under a kind's packs folder: what it loads as, or why it cannot be loaded (it can still
    be removed)."""

    folder: Path
    loaded: Loaded | None
    problem: str | None = None

    @property
    def id(self) -> str:
        return self.folder.name


def installed_folders(kind: PackKind, data_dir: Path) -> list[Path]:
    folder = Path(data_dir) / kind.folder
    if not folder.is_dir():
        return []
    return [sub for sub in sorted(folder.iterdir())
            if not sub.name.startswith(".") and not sub.is_symlink() and sub.is_dir()]


def installed(kind: PackKind, data_dir: Path, load: Callable[[Path], Loaded]) -> list[Installed[Loaded]]:
    """Every installed pack of a kind, each loaded by `load`, or with the reason it raised."""
    found = []
    for folder in installed_folders(kind, data_dir):
        try:
            found.append(Installed(folder, load(folder)))
        except kind.error as error:
            found.append(Installed(folder, None, str(error)))
    return found


def install(kind: PackKind, staged: Path, pack_id: str, data_dir: Path, source: str) -> Path:
    """Copy a checked pack beside the data folder's packs, then rename it in (never seen half-copied)."""
    target = Path(data_dir) / kind.folder / pack_id
    partial = Path(data_dir) / f".{kind.folder}-{pack_id}.partial"  # outside the packs folder: never loaded
    shutil.rmtree(partial, ignore_errors=True)
    try:
        private_subfolder(target.parent)
        shutil.copytree(staged, partial)
        partial.rename(target)
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise kind.refuse(source, f"无法写入 {target}（{error.strerror}），未作任何改动") from None
    return target


def remove(kind: PackKind, pack_id: str, data_dir: Path, bundled: set[str]) -> Path:
    """Remove an installed pack (renamed out of the packs folder first, so it stops counting at once)."""
    folder = Path(data_dir) / kind.folder / pack_id
    if not POLICY_ID.fullmatch(pack_id) or not folder.is_dir() or folder.is_symlink():
        why = "是程序自带的，不能删除" if pack_id in bundled else \
            f"没有安装（可用 zjtx-desktop {kind.command} list 查看）"
        raise kind.refuse(pack_id, why)
    doomed = Path(data_dir) / f".{kind.folder}-{pack_id}.removing-{datetime.now():%Y%m%d%H%M%S%f}"
    try:
        folder.rename(doomed)
    except OSError as error:
        raise kind.refuse(pack_id, f"无法删除 {folder}（{error.strerror}），请关闭正在使用其中文件的程序后重试") from None
    shutil.rmtree(doomed, ignore_errors=True)
    return folder


def stage(kind: PackKind, source: Path, scratch: Path) -> Path:
    """Copy or unpack `source` into `scratch`; the folder holding its marker file."""
    try:
        if source.is_file() and source.suffix.lower() == ".zip":
            _unzip(kind, source, scratch)
        elif source.is_dir():
            _copy_folder(kind, source, scratch)
        else:
            raise kind.refuse(source.name, f"请选择{kind.noun}文件夹（内含 {kind.marker}）或{kind.noun} .zip 文件")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError):
        raise kind.refuse(source.name, "不是有效的 zip 压缩包（或已加密、已损坏）") from None
    except OSError as error:
        raise kind.refuse(source.name, f"无法读取（{error.strerror or error}）") from None
    found = sorted(scratch.rglob(kind.marker))
    if source.is_dir() and (scratch / kind.marker) not in found:
        raise kind.refuse(source.name, f"文件夹中没有 {kind.marker}，请选择{kind.noun}所在的文件夹")
    if len(found) != 1:
        raise kind.refuse(source.name, f"{kind.noun}中应有且只有一个 {kind.marker}")
    return found[0].parent


class _Budget:
    def __init__(self, kind: PackKind, source: str):
        self.kind, self.source, self.files, self.bytes = kind, source, 0, 0

    def admit(self, name: str, size: int) -> None:
        parts = PurePosixPath(name).parts
        if len(parts) > MAX_PACK_DEPTH:
            self.refuse(f"“{shown(name)}”所在的文件夹层次过多")
        if PurePosixPath(name).suffix.lower() not in PACK_FILE_TYPES:
            self.refuse(f"{self.kind.noun}只能包含数据文件（.yaml、.txt、.md），发现：{shown(name)}")
        self.files += 1
        self.bytes += size
        if self.files > MAX_PACK_FILES:
            self.refuse(f"文件过多（超过 {MAX_PACK_FILES} 个）")
        if size > MAX_PACK_FILE_BYTES:
            self.refuse(f"“{shown(name)}”过大（{size // 1024} KB，上限 {MAX_PACK_FILE_BYTES // 1024} KB）")
        if self.bytes > MAX_PACK_BYTES:
            self.refuse(f"解压后过大（超过 {MAX_PACK_BYTES // 1024 // 1024} MB）")

    def refuse(self, why: str):
        raise self.kind.refuse(self.source, why)


def _safe_name(name: str, budget: _Budget) -> str:
    """A member name as a relative path inside the pack, or a refusal: no absolute path, drive, or '..'."""
    unified = name.replace("\\", "/")
    parts = [part for part in unified.split("/") if part not in ("", ".")]
    if unified.startswith("/") or (parts and ":" in parts[0]) or ".." in parts or not parts:
        budget.refuse(f"压缩包中的路径“{shown(name)}”不安全，已拒绝")
    return "/".join(parts)


def _unzip(kind: PackKind, archive: Path, scratch: Path) -> None:
    budget = _Budget(kind, archive.name)
    with zipfile.ZipFile(archive) as pack:
        members = pack.infolist()
        if len(members) > 2 * MAX_PACK_FILES:
            budget.refuse(f"文件过多（{len(members)} 项）")
        for member in members:
            name = _safe_name(member.filename, budget)
            mode = stat.S_IFMT(member.external_attr >> 16)
            if mode == stat.S_IFLNK:
                budget.refuse(f"{kind.noun}中不能有符号链接：{shown(name)}")
            if mode not in (0, stat.S_IFREG, stat.S_IFDIR):
                budget.refuse(f"{kind.noun}中不能有特殊文件：{shown(name)}")
            if member.is_dir():
                continue
            budget.admit(name, member.file_size)
            target = scratch / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with pack.open(member) as src, open(target, "xb") as dst:  # the reader stops at the stated size
                shutil.copyfileobj(src, dst)


def _copy_folder(kind: PackKind, source: Path, scratch: Path) -> None:
    budget = _Budget(kind, source.name)
    is_junction = getattr(os.path, "isjunction", lambda path: False)
    for root, dirs, names in os.walk(source, followlinks=False):
        for name in sorted(dirs + names):
            path = Path(root) / name
            relative = path.relative_to(source).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode) or is_junction(path):
                budget.refuse(f"{kind.noun}中不能有符号链接或快捷方式，不会跟随：{relative}")
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode):
                budget.refuse(f"{kind.noun}中不能有特殊文件：{relative}")
            budget.admit(relative, os.lstat(path).st_size)
            target = scratch / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_regular(path, target, budget)


def _copy_regular(path: Path, target: Path, budget: _Budget) -> None:
    """Copy a file that was a regular file when looked at, refusing it if it became a link since."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as src, open(target, "xb") as dst:
        data = src.read(MAX_PACK_FILE_BYTES + 1)
        if len(data) > MAX_PACK_FILE_BYTES:
            budget.refuse(f"“{shown(path.name)}”过大")
        dst.write(data)
