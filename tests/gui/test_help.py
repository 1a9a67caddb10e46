"""帮助 opens the Chinese guide inside the application, with its screenshots, offline."""

from zjtx_desktop.ui.help_dialog import HelpDialog, guide_path


def test_the_guide_opens_with_its_pictures(qtbot):
    dialog = HelpDialog()
    qtbot.add_widget(dialog)
    text = dialog.browser.toPlainText()
    assert "新建企业" in text and "生成申请材料" in text
    pictures = [line.split("](")[1].rstrip(")") for line in guide_path().read_text(encoding="utf-8").splitlines()
                if line.startswith("![")]
    assert len(pictures) >= 8
    assert all((guide_path().parent / picture).is_file() for picture in pictures)


def test_the_demo_opens_from_the_help_menu_in_a_window_of_its_own(qtbot, tmp_path, monkeypatch):
    """No command line for users: 帮助 → 打开演示 starts the program again on the example firms."""
    from datetime import date

    from PySide6.QtCore import QProcess
    from PySide6.QtGui import QAction

    from zjtx_desktop.store import Database
    from zjtx_desktop.ui.main_window import MainWindow

    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, arguments: started.append(arguments) or (True, 1))
    with Database.open(tmp_path / "data") as db:
        window = MainWindow(db=db, data_dir=tmp_path / "data", today=lambda: date(2026, 11, 27))
        qtbot.add_widget(window)
        window.findChild(QAction, "action_demo").trigger()
        assert started and started[0][-1] == "--demo"
        assert "演示" in window.statusBar().currentMessage()
        window.close()


def test_the_guide_never_asks_a_user_to_type_a_command():
    text = guide_path().read_text(encoding="utf-8")
    assert not any(word in text for word in ("命令行", "zjtx-desktop --", "zjtx-desktop-cli", "--demo", "--data-dir"))
