"""kept_aside/: database files the program set aside (damaged, or replaced by a restore), listed with
their sizes so the user can see what they hold on disk and remove them when they choose. The program
never removes them itself: a damaged file may still be worth sending to support.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from zjtx_desktop.store.errors import StoreError
from zjtx_desktop.store.locations import damaged_dir

SIDECARS = ("-wal", "-shm")
REASONS = {"damaged": "打开时发现损坏", "replaced": "恢复备份前的数据", "orphan": "无主的日志文件"}


@dataclass(frozen=True)
class KeptFile:
    """One kept database with its -wal/-shm files, which belong together."""

    name: str
    paths: tuple[Path, ...]
    size: int
    modified: datetime

    @property
    def reason(self) -> str:
        for key, text in REASONS.items():
            if key in self.name:
                return text
        return ""


def kept_files(data_dir: Path) -> list[KeptFile]:
    """Newest first. Only regular files directly in kept_aside/ (links and folders are not ours)."""
    folder = damaged_dir(Path(data_dir))
    if not folder.is_dir():
        return []
    groups: dict[str, list[Path]] = {}
    for path in folder.iterdir():
        if path.name.startswith(".") or path.is_symlink() or not path.is_file():
            continue
        base = next((path.name.removesuffix(s) for s in SIDECARS if path.name.endswith(s)), path.name)
        groups.setdefault(base, []).append(path)
    kept = []
    for name, paths in groups.items():
        stats = [p.stat() for p in paths]
        kept.append(KeptFile(name, tuple(sorted(paths)), sum(s.st_size for s in stats),
                             datetime.fromtimestamp(max(s.st_mtime for s in stats))))
    return sorted(kept, key=lambda k: k.modified, reverse=True)


def remove_kept(data_dir: Path, name: str) -> None:
    """Delete one kept file and its -wal/-shm, asked for by the user by the name kept_files gave."""
    found = {kept.name: kept for kept in kept_files(data_dir)}.get(name)
    if found is None:
        raise StoreError(f"kept_aside 中没有 {name}（可能已被删除），请刷新列表后再试。")
    try:
        for path in found.paths:
            path.unlink(missing_ok=True)
    except OSError as error:
        raise StoreError(f"无法删除 {name}（{error.strerror}），请关闭正在使用它的程序后重试。") from error


def total_size(files: list[KeptFile]) -> int:
    return sum(kept.size for kept in files)
