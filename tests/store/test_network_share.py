"""A data folder on a network share is only read: SQLite's WAL and locks do not work across machines,
so two desks writing one database would corrupt it. Windows is stood in for on other systems."""

from pathlib import Path

import pytest
from store_helpers import EXAMPLES, example_raw

from zjtx_desktop.cli import main
from zjtx_desktop.store import Database, DatabaseLocked


@pytest.fixture
def mapped_drive(monkeypatch):
    """Every drive is a network drive, as GetDriveTypeW answers DRIVE_REMOTE for a mapped Z:."""
    from zjtx_desktop.store import shares

    monkeypatch.setattr(shares, "IS_WINDOWS", True)
    monkeypatch.setattr(shares, "drive_of", lambda text: "Z:")  # the folder is on Z:, whatever its path here
    monkeypatch.setattr(shares, "drive_type", lambda root: shares.DRIVE_REMOTE if root == "Z:\\" else 3)
    return shares


def test_a_unc_folder_is_refused_for_writing_and_nothing_is_created(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DatabaseLocked, match="网络共享") as caught:
        Database.open(Path("\\\\server\\share\\zjtx"))
    assert "导出" in str(caught.value) and "本机" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("path", "network"), [
    ("\\\\server\\share\\zjtx", True), ("//server/share/zjtx", True), ("\\\\?\\UNC\\server\\share\\zjtx", True),
    ("\\\\?\\C:\\zjtx", False), ("\\\\.\\C:\\zjtx", False), ("C:\\Users\\会计\\zjtx", False), ("/home/user/zjtx", False),
])
def test_unc_paths_are_told_from_local_ones(path, network):
    from zjtx_desktop.store.shares import is_network_folder

    assert is_network_folder(path) is network


def test_a_mapped_network_drive_is_read_only_with_the_reason(data_dir, mapped_drive):
    mapped_drive.IS_WINDOWS = False
    with Database.open(data_dir) as db:
        db.create_company(example_raw(0))
    mapped_drive.IS_WINDOWS = True
    with pytest.raises(DatabaseLocked, match="网络共享"):
        Database.open(data_dir)
    with pytest.raises(DatabaseLocked, match="网络共享"):
        Database.restore(data_dir, data_dir / "zjtx.db")
    with Database.open(data_dir, read_only=True) as db:
        assert len(db.list_companies()) == 1
        assert "网络共享" in db.read_only_reason
        with pytest.raises(Exception, match="网络共享"):
            db.save_field(db.list_companies()[0].id, "revenue", "1")


def test_the_cli_refuses_to_write_on_a_share_and_still_reads(data_dir, mapped_drive, capsys):
    mapped_drive.IS_WINDOWS = False
    assert main(["import", str(EXAMPLES[0]), "--data-dir", str(data_dir)]) == 0
    mapped_drive.IS_WINDOWS = True
    capsys.readouterr()
    assert main(["import", str(EXAMPLES[1]), "--data-dir", str(data_dir)]) == 2
    assert "网络共享" in capsys.readouterr().err
    assert main(["list", "--data-dir", str(data_dir)]) == 0
    assert "共 1 家企业" in capsys.readouterr().out


def test_mapped_drives_are_asked_of_windows_by_their_root(monkeypatch):
    from zjtx_desktop.store import shares

    asked = []
    monkeypatch.setattr(shares, "IS_WINDOWS", True)
    monkeypatch.setattr(shares, "drive_type", lambda root: asked.append(root) or (4 if root == "Z:\\" else 3))
    assert shares.is_network_folder("Z:\\专精特新\\data") and not shares.is_network_folder("C:\\Users\\data")
    assert asked == ["Z:\\", "C:\\"]


def test_a_drive_windows_cannot_describe_is_taken_as_local(monkeypatch):
    from zjtx_desktop.store import shares

    def no_answer(root):
        raise OSError("no such drive")

    monkeypatch.setattr(shares, "IS_WINDOWS", True)
    monkeypatch.setattr(shares, "drive_type", no_answer)
    assert not shares.is_network_folder("D:\\zjtx")
