"""Fixtures for the store: a fresh data folder per test and an open database on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import example_raw

from zjtx_desktop.store import Database


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def data(data_dir: Path) -> Path:
    """An empty data folder, as a pack is imported into before any firm is entered."""
    data_dir.mkdir()
    return data_dir


@pytest.fixture
def db(data_dir: Path):
    database = Database.open(data_dir)
    yield database
    database.close()


@pytest.fixture
def firm(db: Database) -> int:
    return db.create_company(example_raw(0))
