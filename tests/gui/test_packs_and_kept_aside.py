"""关于政策 lists the installed policies and removes an imported pack; 留存的旧数据文件 lists kept_aside/
with sizes and removes only what the user chooses (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from zjtx_desktop.store import Database
from zjtx_desktop.store.kept_aside import kept_files
from zjtx_desktop.store.locations import damaged_dir
from zjtx_desktop.store.policy_data import import_policy_pack, installed_policies
from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.main_window import MainWindow

from .conftest import TODAY, main_window

SUCCESSOR = Path(__file__).resolve().parents[1] / "data" / "policies_successor" / "xm-srdi-2027"


def test_an_imported_pack_is_listed_and_removed_from_the_policy_dialog(qtbot, tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    import_policy_pack(source=SUCCESSOR, data_dir=data_dir)
    with main_window(qtbot, data_dir) as window:
        dialog = window.show_policy()
        listed = [dialog.installed.item(row, 0).text() for row in range(dialog.installed.rowCount())]
        assert listed == ["xm-srdi-2024", "xm-srdi-2027-test"]
        dialog.installed.selectRow(0)
        assert not dialog.remove_button.isEnabled()  # the bundled policy cannot be removed
        dialog.installed.selectRow(1)
        assert dialog.remove_button.isEnabled()
        asked = []
        monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw["text"]) or True)
        with qtbot.wait_signal(dialog.changed):
            qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert "xm-srdi-2027-test" in asked[0]
        assert [p.id for p in installed_policies(data_dir=data_dir)] == ["xm-srdi-2024"]
        assert [p.id for p in window.policies] == ["xm-srdi-2024"]  # the window reloaded them
        assert dialog.installed.rowCount() == 1
        dialog.close()


def test_kept_aside_files_are_listed_with_sizes_and_removed_only_when_chosen(qtbot, tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    with Database.open(data_dir) as db:
        backup = db.backup()
    Database.restore(data_dir, backup)  # keeps a copy of the replaced data
    Database.restore(data_dir, backup)
    extra = damaged_dir(data_dir) / "zjtx-20260101-000000-000000-damaged.db"
    shutil.copyfile(backup, extra)
    shutil.copyfile(backup, extra.with_name(extra.name + "-wal"))
    with main_window(qtbot, data_dir) as window:
        dialog = window.show_kept_aside()
        assert dialog.table.rowCount() == 3 and "共 3 个" in dialog.summary.text()
        row = [dialog.table.item(r, 0).text() for r in range(3)].index(extra.name)
        assert dialog.table.item(row, 1).text() == "打开时发现损坏"
        assert dialog.table.item(row, 3).text().endswith(("KB", "MB"))
        assert not dialog.remove_button.isEnabled()
        monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: False)
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert len(kept_files(data_dir)) == 3  # declined: nothing removed
        monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: True)
        before = {k.name for k in kept_files(data_dir)}
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert {k.name for k in kept_files(data_dir)} == before - {extra.name}  # that one, and only that one
        assert not extra.exists() and not extra.with_name(extra.name + "-wal").exists()
        assert dialog.table.rowCount() == 2
        dialog.close()


def test_a_data_folder_on_a_network_share_opens_read_only_and_says_why(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from zjtx_desktop.store import shares
    from zjtx_desktop.ui.app import open_database

    data_dir = tmp_path / "data"
    Database.open(data_dir).close()
    monkeypatch.setattr(shares, "IS_WINDOWS", True)
    monkeypatch.setattr(shares, "drive_of", lambda text: "Z:")
    monkeypatch.setattr(shares, "drive_type", lambda root: shares.DRIVE_REMOTE)
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw["text"]) or True)
    db = open_database(data_dir=data_dir)
    try:
        assert db.read_only and asked == []  # nothing to decide: the window says why it only reads
        window = MainWindow(db=db, data_dir=data_dir, today=lambda: TODAY)
        qtbot.add_widget(window)
        notice = window.findChild(QLabel, "read_only_notice").text()
        assert "网络共享" in notice and "导出" in notice
        window.close()
    finally:
        db.close()


def test_a_pack_that_no_longer_loads_neither_stops_the_app_nor_is_used_and_is_removed_from_the_dialog(
        qtbot, tmp_path, monkeypatch):
    """A damaged imported pack stopped the program at start (程序无法启动), and the only cure offered was
    a command line. Now the firms open under the policies that load, the banner says which pack was
    left out, and 关于政策 lists it to be removed."""
    data_dir = tmp_path / "data"
    import_policy_pack(source=SUCCESSOR, data_dir=data_dir)
    installed = next((data_dir / "policies").iterdir())
    (installed / "policy.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with main_window(qtbot, data_dir) as window:
        window.show_policy_banner()
        assert [p.id for p in window.policies] == ["xm-srdi-2024"]
        assert f"导入的政策包 {installed.name} 无法读取" in window.banner.text()
        dialog = window.show_policy()
        assert dialog.installed.rowCount() == 2
        assert dialog.installed.item(1, 1).text() == "（无法读取，未使用）"
        dialog.installed.selectRow(1)
        assert dialog.remove_button.isEnabled()
        monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: True)
        with qtbot.wait_signal(dialog.changed):
            qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert not installed.exists() and dialog.installed.rowCount() == 1
        assert "无法读取" not in window.banner.text()
        dialog.close()
