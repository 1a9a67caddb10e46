"""Several files written as one set: all new or all old, checked for a program holding one first."""

import pytest

from zjtx_desktop.core import atomic
from zjtx_desktop.core.atomic import WriteFailed, atomic_paths, remove_stale_temporaries


def _targets(folder, count=3):
    targets = [folder / f"申请材料{n}.pdf" for n in range(count)]
    for target in targets:
        target.write_bytes(b"old " + target.name.encode())
    return targets


def test_a_set_is_put_in_place_only_when_every_file_is_written(tmp_path):
    targets = _targets(tmp_path)
    with atomic_paths(targets) as temporaries:
        assert [t.parent for t in temporaries] == [tmp_path] * 3
        for temporary in temporaries:
            temporary.write_bytes(b"new")
            assert all(t.read_bytes().startswith(b"old") for t in targets)
    assert [t.read_bytes() for t in targets] == [b"new"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.name for t in targets)


def test_a_failure_while_writing_the_set_leaves_every_old_file(tmp_path):
    targets = _targets(tmp_path)
    with pytest.raises(RuntimeError), atomic_paths(targets) as temporaries:
        temporaries[0].write_bytes(b"new")
        raise RuntimeError("the third PDF could not be laid out")
    assert all(t.read_bytes().startswith(b"old") for t in targets)
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_file_held_open_stops_the_set_before_any_replace(tmp_path, monkeypatch):
    targets = _targets(tmp_path)
    monkeypatch.setattr(atomic, "in_use", lambda path: path == targets[2])
    with pytest.raises(WriteFailed) as failed, atomic_paths(targets) as temporaries:
        for temporary in temporaries:
            temporary.write_bytes(b"new")
    assert failed.value.in_use and failed.value.path == targets[2]
    assert "文件正被其他程序打开，请关闭后重试" in str(failed.value)
    assert all(t.read_bytes().startswith(b"old") for t in targets)
    assert not list(tmp_path.glob(".*.tmp"))


def test_leftovers_of_a_killed_write_are_removed_and_only_those(tmp_path):
    [target] = _targets(tmp_path, 1)
    (tmp_path / f".{target.name}.abc123.tmp").write_bytes(b"half")
    (tmp_path / ".其他文件.pdf.abc123.tmp").write_bytes(b"someone else's")
    remove_stale_temporaries(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".其他文件.pdf.abc123.tmp", target.name]
