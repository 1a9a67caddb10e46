"""Writing a file so that a crash, a full disk or a locked target leaves the old file or the whole new one.

Every file the program writes (database swap, backup, restore, export, PDF) goes through `atomic_path`:
the writer fills a temporary file in the target's own folder (same volume, so the final rename is
atomic), the bytes are flushed to disk, and only then is the target replaced. On any failure the
temporary file is removed and the old target is untouched, and the error names the path and the cause
in Chinese. Antivirus and indexers on Windows hold a just-written file for a moment, so the replace is
retried for about a second before it is reported.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPLACE_RETRY_SECONDS = 1.0
REPLACE_RETRY_STEP = 0.05
WINDOWS_IN_USE = frozenset({5, 32, 33})  # ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


class WriteFailed(OSError):
    """A file could not be written; str() is the Chinese sentence for the user (path and cause).

    `in_use` is true when the target is held open by another program (a PDF in a viewer on Windows):
    the caller may offer to write beside it instead. `unchanged` is false only in the rare case that
    a set of files was left part new, part old; the cause then says which files are new.
    """

    def __init__(self, path: Path, cause: str, *, in_use: bool = False, error: OSError | None = None,
                 unchanged: bool = True):
        self.path, self.cause, self.in_use, self.unchanged = Path(path), cause, in_use, unchanged
        super().__init__(error.errno if error else None, f"无法写入 {path}：{cause}")

    def __str__(self) -> str:
        return f"无法写入 {self.path}：{self.cause}"


def describe(error: OSError) -> str:
    """The cause of an OS error in words a user can act on; never the system's English text."""
    code = error.errno
    if code == errno.ENOSPC or getattr(error, "winerror", None) == 112:
        return "磁盘空间不足，请清理磁盘空间或换一个保存位置后重试"
    if code == errno.EFBIG:
        return "磁盘空间不足，或文件超过了该位置允许的大小（如U盘的格式所限）；请清理磁盘空间或换一个保存位置后重试"
    if code == errno.EROFS:
        return "该位置是只读的（如光盘、写保护的U盘），请换一个可以写入的保存位置"
    if code == errno.ENOENT:
        return "文件夹不存在，请先建立该文件夹或换一个保存位置"
    if code == errno.ENAMETOOLONG:
        return "路径太长（或其中某个文件夹名、文件名太长），请换一个较短的保存位置"
    if code in (errno.EACCES, errno.EPERM):
        return "没有写入权限，或文件正被其他程序打开；请检查权限、关闭该文件后重试"
    if code == errno.EISDIR:
        return "同名的文件夹已存在，请换一个文件名"
    if code in (errno.ENOTDIR, errno.EEXIST):
        return "路径中有一个同名的文件，不是文件夹；请换一个保存位置，或把该文件改名"
    if code == errno.EIO:
        return "读写磁盘出错（如U盘已拔出、网络已断开或磁盘损坏），请检查后重试"
    if code == errno.EINVAL:
        return "该位置不接受这样的文件名或路径，请换一个保存位置"
    number = getattr(error, "winerror", None) or code
    return f"系统未能完成写入（错误代码 {number}），请检查保存位置（磁盘、U盘或网络）后重试"


def _is_in_use(error: OSError) -> bool:
    return getattr(error, "winerror", None) in WINDOWS_IN_USE


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename durable; Windows has no directory handles to sync, and needs none."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def replace(source: Path, target: Path) -> None:
    """os.replace, retried for about a second while another program holds the target (Windows)."""
    deadline = time.monotonic() + REPLACE_RETRY_SECONDS
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError as error:
            if time.monotonic() >= deadline:
                if _is_in_use(error):
                    raise WriteFailed(target, "文件正被其他程序打开，请关闭后重试", in_use=True, error=error) from error
                raise WriteFailed(target, describe(error), error=error) from error
            time.sleep(REPLACE_RETRY_STEP)
        except OSError as error:
            raise WriteFailed(target, describe(error), error=error) from error


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `target`; when the block ends normally, make it the target.

    The temporary file is created owner-only (0600 on POSIX), which is also what the finished file
    keeps: the program's files hold clients' finances. A failure inside the block, or while syncing
    and replacing, removes the temporary file and leaves `target` as it was.
    """
    target = Path(target)
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise WriteFailed(target, describe(error), error=error) from error
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        fsync_file(temporary)
        replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, WriteFailed):
            raise
        raise WriteFailed(target, describe(error), error=error) from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # the file itself is synced and in place; this only hardens the rename
        fsync_folder(target.parent)


def write_bytes(target: Path | str, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)


def write_text(target: Path | str, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def in_use(target: Path | str) -> bool:
    """True when another program holds `target` open so that it cannot be replaced (a PDF in a viewer).

    Only Windows locks open files; elsewhere a replace always succeeds, so nothing is probed.
    """
    target = Path(target)
    if os.name != "nt" or not target.exists():
        return False
    try:
        descriptor = os.open(target, os.O_RDWR)
    except PermissionError as error:
        return _is_in_use(error)
    except OSError:
        return False
    os.close(descriptor)
    return False


def remove_stale_temporaries(target: Path | str) -> None:
    """Delete what a write to `target` killed half-way left behind (.name.xxxx.tmp beside it)."""
    target = Path(target)
    for leftover in target.parent.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _temporary_beside(target: Path) -> Path:
    """An empty file .<name>.xxxxxxxx.tmp beside `target` (what remove_stale_temporaries clears)."""
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise WriteFailed(target, describe(error), error=error) from error
    os.close(descriptor)
    return Path(name)


def _keep_old_versions(targets: list[Path], backups: dict[Path, Path]) -> None:
    """Copy each existing target aside, so that a set stopped half-way can be put back as it was."""
    for target in targets:
        if target.exists():
            backups[target] = _temporary_beside(target)
            try:
                shutil.copyfile(target, backups[target])
            except OSError as error:
                raise WriteFailed(target, describe(error), error=error) from error


def _put_back(replaced: list[Path], backups: dict[Path, Path], failed: WriteFailed) -> WriteFailed:
    """Undo the replaces done before `failed`: each target its old version again, or gone if it had
    none. What cannot be undone (a viewer opened the new file meanwhile) is named in the error."""
    stuck = []
    for target in reversed(replaced):
        try:
            if target in backups:
                fsync_file(backups[target])
                replace(backups[target], target)
            else:
                target.unlink()
        except OSError:
            stuck.append(target)
    if not stuck:
        return failed
    names = "、".join(target.name for target in reversed(stuck))
    return WriteFailed(failed.path, f"{failed.cause}。这组文件只写入了一部分：已换成新版本、未能换回：{names}；"
                                    "其余文件仍是原来的版本（或尚未生成）。请关闭占用的文件后重新生成整组文件",
                       in_use=failed.in_use, unchanged=False)


def _replace_set(targets: list[Path], temporaries: list[Path], backups: dict[Path, Path]) -> None:
    _keep_old_versions(targets, backups)
    replaced: list[Path] = []
    for target, temporary in zip(targets, temporaries, strict=True):
        try:
            replace(temporary, target)
        except WriteFailed as failed:
            raise _put_back(replaced, backups, failed) from failed
        replaced.append(target)


@contextlib.contextmanager
def atomic_paths(targets: list[Path]) -> Iterator[list[Path]]:
    """Temporary paths beside several targets, all replaced only once every one is written.

    Writing a set of files (a packet's PDFs) first fills every temporary file; a crash or an error
    meanwhile leaves every target as it was. Before the first replace, every target is checked for
    another program holding it (WriteFailed with `in_use`), so a viewer holding one file does not
    leave the set half old, half new. A viewer may still open a file between that check and its
    replace: the old versions are copied aside first, and the files already replaced are put back,
    so the set is still all old (or the error names the files that could not be put back). Each
    replace is atomic: a kill during the replaces leaves each target either the old file or the
    whole new one.
    """
    targets = [Path(target) for target in targets]
    temporaries: list[Path] = []
    backups: dict[Path, Path] = {}
    try:
        for target in targets:
            temporaries.append(_temporary_beside(target))
        yield list(temporaries)
        for target, temporary in zip(targets, temporaries, strict=True):
            try:
                fsync_file(temporary)
            except OSError as error:
                raise WriteFailed(target, describe(error), error=error) from error
            if in_use(target):
                raise WriteFailed(target, "文件正被其他程序打开，请关闭后重试", in_use=True)
        _replace_set(targets, temporaries, backups)
    finally:
        for temporary in [*temporaries, *backups.values()]:
            temporary.unlink(missing_ok=True)
    for folder in {target.parent for target in targets}:
        with contextlib.suppress(OSError):
            fsync_folder(folder)
