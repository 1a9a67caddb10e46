"""Owner-only files and folders on POSIX: the data folder holds clients' finances, bank accounts and
mobile numbers, which no other account on the machine should read. Windows keeps %APPDATA% per user.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

POSIX = os.name == "posix"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(folder: Path) -> Path:
    """Create `folder` (and its parents) owner-only; a folder that already exists is left as it is,
    since the user may have chosen it (`--data-dir`) for reasons of their own."""
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    return folder


def private_subfolder(folder: Path) -> Path:
    """A folder that is ours alone (backups/, kept_aside/, policies/, rates/): owner-only, even if an
    older version created it readable by others."""
    private_folder(folder)
    tighten(folder, FOLDER_MODE)
    return folder


def private_file(path: Path) -> None:
    """Create `path` empty and owner-only if it is missing (SQLite gives its -wal and -shm files the
    same mode), or take away other accounts' access if an older version left it open."""
    path = Path(path)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    tighten(path, FILE_MODE)


def tighten(path: Path, mode: int) -> None:
    if not POSIX:
        return
    with contextlib.suppress(OSError):  # a read-only medium, or a file owned by another account: leave it
        if os.stat(path).st_mode & 0o777 & ~mode:
            os.chmod(path, mode)
