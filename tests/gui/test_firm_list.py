"""The firm list: search, copy, delete with a backup, import and export, the one-writer rule, memory."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView

from zjtx_desktop.core.paths import examples_dir
from zjtx_desktop.store import Database
from zjtx_desktop.ui import app, dialogs
from zjtx_desktop.ui.main_window import MainWindow

from .conftest import TODAY, when_window_is_up
from .user import User

DEMO_FIRMS = len(list(examples_dir().glob("*.json")))


def names(window) -> list[str]:
    model = window.findChild(QTableView, "firm_table").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_demo_firms_are_listed_and_search_narrows_as_you_type(qtbot, window):
    assert len(names(window)) == DEMO_FIRMS
    assert "还剩 34 天" in window.findChild(QLabel, "policy_banner").text()
    search = window.findChild(QLineEdit, "firm_search")
    qtbot.keyClicks(search, "91350205ma8uqe3j0u")
    qtbot.waitUntil(lambda: names(window) == ["厦门鹭芯电子科技股份有限公司"])
    search.clear()
    qtbot.waitUntil(lambda: len(names(window)) == DEMO_FIRMS)


def test_after_the_policy_ends_the_banner_says_results_are_for_reference(qtbot, demo_dir):
    with closing(Database.open(demo_dir)) as db:
        late = MainWindow(db=db, data_dir=demo_dir, today=lambda: date(2027, 1, 5))
        qtbot.add_widget(late)
        assert "已于2026-12-31到期" in late.banner.text() and "仅供参考" in late.banner.text()
        late.close()


def test_copy_then_delete_with_confirmation_and_a_backup(qtbot, window, monkeypatch):
    user = User(qtbot, window)
    user.press("firm_copy")
    assert len(names(window)) == DEMO_FIRMS + 1
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw["text"]) or False)
    user.press("firm_delete")
    assert len(names(window)) == DEMO_FIRMS + 1 and "自动备份" in asked[0]
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: True)
    user.press("firm_delete")
    assert len(names(window)) == DEMO_FIRMS
    assert "备份" in window.statusBar().currentMessage()


def test_a_json_file_is_imported_and_exported(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: False)  # do not update the existing firm
    monkeypatch.setattr(dialogs, "inform", lambda parent, **kw: shown.append(kw["text"]))
    monkeypatch.setattr(dialogs, "warn", lambda parent, **kw: shown.append(kw["text"]))
    mine = tmp_path / "新企业.json"
    raw = json.loads(next(examples_dir().glob("01*.json")).read_text(encoding="utf-8"))
    raw.update(company_name="厦门新导入科技有限公司", uscc="91350200MA2Y0DG8XE")
    mine.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda parent, **kw: str(mine))
    User(qtbot, window).press("firm_import")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "新增 1 家" in shown[0]
    assert "厦门新导入科技有限公司" in names(window)
    out = tmp_path / "导出.json"
    monkeypatch.setattr(dialogs, "save_file", lambda parent, **kw: str(out))
    window.export_menu.findChild(QAction, "export_json").trigger()  # 导出 ▸ 所选企业（JSON）
    assert json.loads(out.read_text(encoding="utf-8"))["company_name"] in names(window)


def test_a_second_window_on_the_same_database_is_offered_read_only(qtbot, window, demo_dir, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw["text"]) or True)
    second_db = app.open_database(data_dir=demo_dir)
    try:
        assert "只读" in asked[0] and second_db.read_only
        second = MainWindow(db=second_db, data_dir=demo_dir, today=lambda: TODAY)
        qtbot.add_widget(second)
        assert second.findChild(QLabel, "read_only_notice") is not None
        assert not second.findChild(QPushButton, "firm_new").isEnabled()
        User(qtbot, second).press("firm_open")
        assert second.workspace.wizard.findChild(QLineEdit, "company_name").isReadOnly()
        second.close()
    finally:
        second_db.close()
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: False)
    assert app.open_database(data_dir=demo_dir) is None


def test_window_size_and_last_firm_are_remembered(qtbot, demo_dir):
    with closing(Database.open(demo_dir)) as db:
        first = MainWindow(db=db, data_dir=demo_dir, today=lambda: TODAY)
        qtbot.add_widget(first)
        first.show()
        first.showNormal()  # (opened maximised on the small offscreen screen)
        first.resize(700, 500)
        qtbot.waitUntil(lambda: first.size().toTuple() == (700, 500) and not first.isMaximized())
        first.table.selectRow(3)  # (a QTableView over the firm model)
        chosen = first.selected_id()
        User(qtbot, first).press("firm_open")
        first.close()
    assert (demo_dir / "zjtx-desktop.ini").is_file()
    with closing(Database.open(demo_dir)) as db:
        again = MainWindow(db=db, data_dir=demo_dir, today=lambda: TODAY)
        qtbot.add_widget(again)
        assert again.selected_id() == chosen
        assert (again.width(), again.height()) == (700, 500)  # it fits the 800×600 offscreen screen
        again.close()


def test_demo_opens_the_application_on_the_example_firms(qtbot, monkeypatch):
    seen = []

    def look_and_close(window):
        seen.append((names(window), window.windowTitle(), window.data_dir))
        window.close()

    when_window_is_up(look_and_close)
    assert app.run_application(["--demo"]) == 0
    listed, title, folder = seen[0]
    assert len(listed) == DEMO_FIRMS and "演示" in title
    assert not folder.exists()  # the demo leaves nothing behind


def test_a_damaged_policy_pack_in_the_data_folder_is_reported_at_start_and_the_firms_still_open(
        qtbot, demo_dir, monkeypatch):
    """It used to stop the program (程序无法启动); the firms are the user's, the pack is left out."""
    seen = []
    broken = demo_dir / "policies" / "broken"
    broken.mkdir(parents=True)
    (broken / "policy.yaml").write_text("id: [unclosed", encoding="utf-8")

    def look_and_close(window):
        seen.append(window.banner.text())
        window.close()

    when_window_is_up(look_and_close, ready=lambda window: "政策" in window.banner.text())
    assert app.run_application(["--data-dir", str(demo_dir)]) == 0
    assert "导入的政策包 broken 无法读取，评估时未用它" in seen[0]


def test_a_size_saved_on_a_bigger_screen_is_fitted_to_this_one(qtbot, demo_dir):
    from PySide6.QtCore import QRect

    from zjtx_desktop.ui.screen import FRAME

    with closing(Database.open(demo_dir)) as db:  # as a window on a 1920×1080 monitor saved it
        wide = MainWindow(db=db, data_dir=demo_dir, today=lambda: TODAY)
        qtbot.add_widget(wide)
        wide.setGeometry(QRect(0, 0, 1800, 1000))
        wide.settings.set_geometry(wide.saveGeometry())
        wide.settings.sync()
    with closing(Database.open(demo_dir)) as db:
        again = MainWindow(db=db, data_dir=demo_dir, today=lambda: TODAY)
        qtbot.add_widget(again)
        again.show()
        area = again.screen().availableGeometry()
        assert again.isMaximized() or (again.width() + FRAME.width() <= area.width()
                                       and again.height() + FRAME.height() <= area.height())
        again.close()
