"""`zjtx-desktop` with no command: the Qt application, its data folder, and the one-writer rule.

Options: `--demo` (a temporary database filled with the example firms, for a first look and for
training), `--data-dir DIR` (a data folder other than the user's default), and `--quit-when-shown`
(close as soon as the main window is up: how bench/ times a cold start, bundled or not).
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from zjtx_desktop import __version__
from zjtx_desktop.core.paths import resources_dir
from zjtx_desktop.ui import dialogs, errors
from zjtx_desktop.ui.fonts import install_bundled_font
from zjtx_desktop.ui.qt_chinese import install_qt_chinese

APP_NAME = "专精特新政策申报助手"


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="zjtx-desktop", add_help=False)
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--quit-when-shown", action="store_true")
    args, _qt_arguments = parser.parse_known_args(argv)
    return args


def open_database(*, data_dir: Path, parent: QWidget | None = None):
    """Open for writing; where the folder can only be read, read-only (the window shows why); if another
    window writes, offer read-only; None when the user gives up."""
    from zjtx_desktop import store  # not ui/services: it loads the evaluator, which waits for the list

    try:
        db = store.Database.open(data_dir)
        if db.opening_backup_problem:  # the last session's changes are in no backup yet: the data still opens
            dialogs.warn(parent, title="自动备份未完成", text=db.opening_backup_problem)
        return db
    except store.WritingRefused:  # read-only media, a network share: nothing to ask, the window says why
        return store.Database.open(data_dir, read_only=True)
    except store.DatabaseLocked as locked:
        if dialogs.confirm(parent, title="数据库正在使用", yes="只读打开", no="退出",
                           text=f"{locked}\n同一时间只能有一个窗口修改数据。要以只读方式打开吗（可查看、评估、生成材料）？"):
            return store.Database.open(data_dir, read_only=True)
        return None
    except store.DatabaseDamaged as damaged:
        backups = "\n".join(str(path) for path in damaged.backups) or "（没有找到备份）"
        dialogs.warn(parent, title="数据库已损坏", text=f"{damaged}\n\n可用的备份：\n{backups}",
                     details=f"损坏的文件已保留在：{damaged.damaged_path}")
        return None
    except store.DatabaseTooNew as too_new:
        dialogs.warn(parent, title="需要更新软件", text=str(too_new))
        return None


def create_application() -> QApplication:
    """One QApplication with the bundled font and Qt's own strings in Chinese, crisp on high-DPI
    screens (fractional scaling kept)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))
    install_qt_chinese(app)
    install_bundled_font(app)
    return app


def run_application(argv: list[str]) -> int:
    """Show the window first, then open the database and read the firms into it: the program
    appears at once, and a slow disk or a large database only delays the list."""
    from zjtx_desktop.store.locations import default_data_dir
    from zjtx_desktop.ui.main_window import MainWindow  # after QApplication: widgets need it

    args = parse_arguments(argv)
    app = create_application()
    scratch = Path(tempfile.mkdtemp(prefix="zjtx-demo-")) if args.demo else None
    data_dir = scratch or args.data_dir or default_data_dir()
    with contextlib.suppress(OSError):  # read-only media: the database opens read-only and says why
        Path(data_dir).mkdir(parents=True, exist_ok=True)
    log = errors.start_log(data_dir)
    previous_hook = errors.install_excepthook()
    try:
        window = MainWindow(data_dir=data_dir)
        window.show()
        app.processEvents()  # drawn now; the database is opened behind it
        if not window.isVisible():  # closed in the first instant: nothing to open
            return 0
        db = open_database(data_dir=data_dir, parent=window)
        if db is None:
            window.close()
            return 1
        try:
            if not fill_window(window, db, demo=scratch is not None):
                return 1
            if args.quit_when_shown:
                QTimer.singleShot(0, window.close)
            return app.exec() if window.isVisible() else 0  # (closed while the firms were being read)
        finally:
            db.close()
            if db.closing_backup_problem:  # every change is saved; only the copy of them is missing
                dialogs.warn(None, title="自动备份未完成", text=db.backup_warnings()[-1])
    finally:
        sys.excepthook = previous_hook
        errors.stop_log(log)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


def fill_window(window, db, *, demo: bool) -> bool:
    """The firms into the shown window, drawn, then the policy for its banner. False (and the
    window closed) when they cannot be read, e.g. a damaged policy pack: said, never a traceback."""
    try:
        if demo:
            from zjtx_desktop.ui import services

            services.fill_demo(db=db)
        window.attach(db)
        if demo:
            window.setWindowTitle(f"{window.windowTitle()}（演示数据，关闭后不保留）")
        QApplication.processEvents()
        window.show_policy_banner()
        return True
    except Exception as error:  # noqa: BLE001
        errors.report(error, parent=window, title="程序无法启动")
        window.close()
        return False
