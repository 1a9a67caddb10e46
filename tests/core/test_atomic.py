"""A write either leaves the old file or puts the whole new one in place, and says why when it cannot."""

import errno
import os

import pytest

from zjtx_desktop.core import atomic
from zjtx_desktop.core.atomic import WriteFailed, atomic_path, write_text


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_finished_write_replaces_the_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "报告.txt"
    target.write_text("旧", encoding="utf-8")
    write_text(target, "新内容")
    assert target.read_text(encoding="utf-8") == "新内容"
    assert leftovers(tmp_path) == []


def test_a_failure_inside_the_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError("killed halfway")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_full_disk_is_reported_in_chinese_with_the_path(tmp_path):
    target = tmp_path / "导出.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(WriteFailed) as failed, atomic_path(target):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(target) in str(failed.value) and "磁盘空间不足" in str(failed.value)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_missing_folder_is_named(tmp_path):
    target = tmp_path / "没有这个文件夹" / "a.json"
    with pytest.raises(WriteFailed) as failed:
        write_text(target, "{}")
    assert "文件夹不存在" in str(failed.value) and str(target) in str(failed.value)


def test_a_file_held_open_is_retried_then_reported_as_in_use(tmp_path, monkeypatch):
    target = tmp_path / "申请材料.pdf"
    target.write_bytes(b"old")
    calls = []

    def held_open(source, destination):
        calls.append(source)
        error = PermissionError(errno.EACCES, "The process cannot access the file")
        error.winerror = 32
        raise error

    monkeypatch.setattr(atomic, "REPLACE_RETRY_SECONDS", 0.05)
    monkeypatch.setattr(atomic, "REPLACE_RETRY_STEP", 0.01)
    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(WriteFailed) as failed:
        atomic.write_bytes(target, b"new")
    assert failed.value.in_use and "文件正被其他程序打开" in str(failed.value)
    assert len(calls) > 1  # retried, as antivirus holds files for a moment
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_file_held_for_a_moment_is_replaced_after_a_retry(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    real_replace, attempts = os.replace, []

    def busy_once(source, destination):
        attempts.append(1)
        if len(attempts) == 1:
            raise PermissionError(errno.EACCES, "held by antivirus")
        real_replace(source, destination)

    monkeypatch.setattr(atomic, "REPLACE_RETRY_STEP", 0.01)
    monkeypatch.setattr(os, "replace", busy_once)
    atomic.write_text(target, "ok")
    assert target.read_text(encoding="utf-8") == "ok" and len(attempts) == 2


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_written_files_are_owner_only(tmp_path):
    target = tmp_path / "backup.db"
    atomic.write_bytes(target, b"x")
    assert target.stat().st_mode & 0o077 == 0
