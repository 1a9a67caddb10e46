"""Open and close the real main window, for `zjtx-desktop self-check` after installing.

It runs the same code as a user's start (bundled font, database, demo firms, main window) on a
throwaway data folder, so a missing Qt plugin or font shows up here and not in front of a client.
"""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.ui import services
from zjtx_desktop.ui.app import create_application
from zjtx_desktop.ui.qt_chinese import CATALOGUE, qt_speaks_chinese


def open_and_close_main_window(data_dir: Path) -> str:
    """The window's title and how many demo firms it listed; raises if the window cannot show them."""
    from zjtx_desktop.ui.main_window import MainWindow  # after QApplication: widgets need it

    app = create_application()
    with services.Database.open(data_dir) as db:
        services.fill_demo(db=db)
        window = MainWindow(db=db, data_dir=data_dir)
        window.show()
        app.processEvents()
        shown, firms, title = window.isVisible(), window.firms.rowCount(), window.windowTitle()
        window.close()
        window.deleteLater()
        app.processEvents()
    if not shown or firms == 0:
        raise RuntimeError(f"主窗口未能显示示例企业（显示：{shown}，企业数：{firms}）")
    if not qt_speaks_chinese():
        raise RuntimeError(f"缺少Qt的中文界面文件 {CATALOGUE}.qm（右键菜单、对话框按钮会显示英文），请重新安装本程序")
    return f"{title}，列出 {firms} 家示例企业，中文界面"
