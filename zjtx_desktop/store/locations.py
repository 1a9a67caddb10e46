"""Where the store keeps its files inside a data folder, and which folder that is by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "zjtx_desktop"
DATA_DIR_VARIABLE = "ZJTX_DATA_DIR"
DATABASE_NAME = "zjtx.db"


def default_data_dir() -> Path:
    """The user's data folder (%APPDATA%\\zjtx_desktop on Windows); ZJTX_DATA_DIR overrides it,
    so a service center can keep the data on another drive and tests never touch the real one."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def lock_path(data_dir: Path) -> Path:
    return data_dir / (DATABASE_NAME + ".lock")


def unbacked_marker_path(data_dir: Path) -> Path:
    """Present while firm data has been written that no backup holds yet (store/backups.py)."""
    return data_dir / (DATABASE_NAME + ".not-backed-up")


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def rates_dir(data_dir: Path) -> Path:
    """Rate values the user added (e.g. a newly published LPR), merged over the bundled tables."""
    return data_dir / "rates"


def damaged_dir(data_dir: Path) -> Path:
    """Damaged or replaced database files are moved here, never deleted."""
    return data_dir / "kept_aside"


def sidecar_files(db_file: Path) -> list[Path]:
    """SQLite's WAL and shared-memory files that belong with a database file."""
    return [db_file.with_name(db_file.name + suffix) for suffix in ("-wal", "-shm")]
