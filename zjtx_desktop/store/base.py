"""What every part of the Database shares: the write transaction and the clock."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlite_utils

from zjtx_desktop.core.questions import Questions, default_questions
from zjtx_desktop.store import backups
from zjtx_desktop.store.errors import StoreError, translated

READ_ONLY_NOTICE = ("本窗口是只读方式打开的（另一个窗口正在编辑这些数据），不能修改。"
                    "请到那个窗口中修改，或关闭它后重新打开本窗口。")


def now_text() -> str:
    return datetime.now().isoformat(timespec="microseconds")


class StoreBase:
    data_dir: Path
    conn: sqlite3.Connection
    db: sqlite_utils.Database
    read_only_reason: str | None
    _backup_before_first_change: bool = False
    _data_changed: bool = False  # firms' data written in this session → a backup on closing

    @property
    def read_only(self) -> bool:
        raise NotImplementedError

    @property
    def questions(self) -> Questions:
        return default_questions()

    @contextlib.contextmanager
    def _writing(self, *, data: bool = True) -> Iterator[None]:
        """One transaction: all of it is committed (and on disk) when the block ends, or none of it.
        `data=False` for the screen's own state (the page a user was on): it needs no backup."""
        if self.read_only:
            raise StoreError(self.read_only_reason or READ_ONLY_NOTICE)
        if data and not self._data_changed:
            self._before_first_data_write()
            self._data_changed = True  # only now: a write refused above needs no backup on closing
        with translated(self.data_dir), self.db.atomic():
            yield

    def _before_first_data_write(self) -> None:
        """The data as it was before this session changed anything is backed up here rather than on
        opening, so a large database opens at once and a session that only looks copies nothing.
        Then the marker "written, not yet backed up" (store/backups.py): if this session dies before
        its closing backup, the next opening backs its work up at once."""
        with translated(self.data_dir):
            if self._backup_before_first_change:
                backups.take_backup(self.conn, self.data_dir, "open")
                self._backup_before_first_change = False
            if not backups.unbacked(self.data_dir):
                backups.mark_unbacked(self.data_dir, now_text())

    def _new_change(self, source: str) -> int:
        """The audit rows written next share this change's time and source."""
        cursor = self.conn.execute("INSERT INTO changes (time, source) VALUES (?, ?)", [now_text(), source])
        return cursor.lastrowid

    def _require_company(self, company_id: int) -> sqlite3.Row | tuple:
        row = self.conn.execute("SELECT id, name, uscc FROM companies WHERE id = ?", [company_id]).fetchone()
        if row is None:
            raise StoreError("找不到这家企业（可能已被删除）。请回到企业列表刷新后再试。")
        return row
