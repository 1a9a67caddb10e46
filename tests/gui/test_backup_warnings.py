"""The store's automatic backups can fail (a full disk) without the data being at risk: the window says
so in Chinese, after the session's own work, and a database error met while reading is said with the
data file's path, never as an unexpected error."""

from __future__ import annotations

import sqlite3

from zjtx_desktop.store import Database, backups
from zjtx_desktop.store.errors import DiskFull
from zjtx_desktop.ui import app, dialogs, errors

from .conftest import when_window_is_up


def failing_backups(monkeypatch, *reasons):
    real = backups.take_backup

    def take_backup(conn, data_dir, reason):
        if reason in reasons:
            raise DiskFull()
        return real(conn, data_dir, reason)

    monkeypatch.setattr(backups, "take_backup", take_backup)


def test_changes_left_unbacked_by_a_killed_session_that_cannot_be_backed_up_now_still_open_with_a_warning(
        qtbot, tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    with Database.open(data_dir) as db:
        db.create_company({"company_name": "厦门测试有限公司"})
    backups.mark_unbacked(data_dir, "2026-11-29 10:00:00")  # as a session killed after its first change leaves it
    failing_backups(monkeypatch, "open")
    shown = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, **kw: shown.append((kw["title"], kw["text"])))
    db = app.open_database(data_dir=data_dir)
    try:
        assert db is not None and not db.read_only
        assert shown and shown[0][0] == "自动备份未完成" and "上次的修改还没有备份" in shown[0][1]
    finally:
        db.close()


def test_a_closing_backup_that_fails_is_said_after_the_window_closes_and_the_changes_are_kept(
        qtbot, tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    failing_backups(monkeypatch, "close")
    shown = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, **kw: shown.append((kw["title"], kw["text"])))

    def change_and_close(window):
        window.db.create_company({"company_name": "厦门测试有限公司"})
        window.close()

    when_window_is_up(change_and_close)
    assert app.run_application(["--data-dir", str(data_dir)]) == 0
    assert [title for title, _ in shown] == ["自动备份未完成"]
    assert shown[0][1].startswith("本次的修改都已保存；但关闭时的自动备份")
    with Database.open(data_dir, read_only=True) as db:
        assert [c.name for c in db.list_companies()] == ["厦门测试有限公司"]


def test_a_disk_error_met_while_reading_is_said_with_the_data_file_not_as_an_unexpected_error(tmp_path):
    handler = errors.start_log(tmp_path)
    try:
        message = errors.user_message(sqlite3.OperationalError("disk I/O error"))
    finally:
        errors.stop_log(handler)
    assert "磁盘读写出错" in message and str(tmp_path) in message and "意外错误" not in message
