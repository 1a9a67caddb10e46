"""Walk every window and dialog of the application on one screen size and scale; print what is off it.

Run in a fresh process (the screen is fixed when Qt starts), as tests/gui/test_screens.py does:

    QT_QPA_PLATFORM=offscreen:configfile=screen.json QT_SCALE_FACTOR=1.5 python tests/gui/screen_walk.py

Prints one JSON object: the screen's available area in logical pixels, every window looked at, and
every problem: a window (with room for the frame Windows adds) or a visible button outside the area,
or a table question whose columns do not all fit its width. Buttons inside a scroll area are exempt:
scrolling brings them into view.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, QRect, QTimer  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget  # noqa: E402

from zjtx_desktop.store import Database  # noqa: E402
from zjtx_desktop.ui import app as ui_app  # noqa: E402
from zjtx_desktop.ui import dialogs, services  # noqa: E402
from zjtx_desktop.ui.screen import FRAME  # noqa: E402
from zjtx_desktop.ui.wizard.cell_table import CellTable  # noqa: E402

TODAY = date(2026, 11, 27)
RICHEST = "91350203MA2Y0N4F04"
problems: list[str] = []
seen: list[str] = []


def scrolled_into_view(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: the user scrolls to it."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def rect_text(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}×{rect.height()}"


def check(step: str) -> None:
    settle()
    for window in QApplication.topLevelWidgets():
        if not window.isVisible() or window.objectName() == "":
            continue
        area = window.screen().availableGeometry().adjusted(-1, -1, 1, 1)  # rounding at 125 %
        frame = window.frameGeometry()
        name = f"{step} / {window.objectName()}"
        seen.append(name)
        room_for_frame = (window.width() + FRAME.width() <= area.width()
                          and window.height() + FRAME.height() <= area.height())
        if not area.contains(frame) or not (room_for_frame or window.isMaximized()):
            problems.append(f"{name}: window {rect_text(frame)} does not fit {rect_text(area)}")
        for table in window.findChildren(CellTable):
            if table.isVisible() and table.horizontalHeader().length() > table.viewport().width() + 1:
                problems.append(f"{name}: table {table.objectName()} shows {table.viewport().width()} of "
                                f"{table.horizontalHeader().length()} px of its columns")
        for button in window.findChildren(QAbstractButton):
            if not button.isVisible() or button.window() is not window or scrolled_into_view(button):
                continue
            where = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
            if not area.contains(where):
                problems.append(f"{name}: button “{button.text() or button.objectName()}” at {rect_text(where)} "
                                f"outside {rect_text(area)}")


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def check_message_box(step: str, show) -> None:
    """Message boxes run their own event loop: looked at from inside it, then closed."""
    def look_and_close():
        box = QApplication.activeModalWidget()
        box.setObjectName(box.objectName() or "message_box")
        check(step)
        box.close()

    QTimer.singleShot(0, look_and_close)
    show()


def walk(window) -> None:
    check("企业列表")
    workspace = window.open_company(window.db.company_id_by_uscc(RICHEST))
    wizard = workspace.wizard
    for page in wizard.applicable_pages():
        wizard.go_to_page(wizard.ids[page.key])
        check(f"填报 {page.title}")
    wizard.go_to_page(wizard.ids["review"])
    check("核对填报内容")
    workspace.show_results()
    check("评估结果")
    workspace.tabs.setCurrentWidget(workspace.assessment)
    check("梯度自评")
    packets = window.make_packets()
    check("生成申请材料")
    packets.generate()
    check("生成申请材料（进度）")
    while not packets.paths:
        QApplication.processEvents()
    check("生成申请材料（已生成）")
    preview = packets.preview(packets.paths[0])
    check("预览打印")
    preview.close()
    packets.close()
    window.close_company()
    policy = window.show_policy()
    check("关于政策")
    policy.close()
    guide = window.show_help()
    check("用户指南")
    guide.close()
    kept = window.show_kept_aside()
    check("留存的旧数据文件")
    kept.close()
    long_report = "\n".join(f"企业信息 第{row}行「统一社会信用代码」：校验码不符，请对照营业执照逐位核对"
                            for row in range(2, 200))
    check_message_box("导入报告", lambda: dialogs.warn(window, title="部分内容未导入", text=long_report))
    check_message_box("确认", lambda: dialogs.confirm(window, title="删除企业", text="确定删除吗？"))


def main() -> int:
    qt = ui_app.create_application()
    from zjtx_desktop.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "data"
        os.environ["HOME"] = scratch  # the packets' default folder, Documents/…, lands here
        with Database.open(data_dir) as db:
            services.fill_demo(db=db)
            window = MainWindow(db=db, data_dir=data_dir, today=lambda: TODAY)
            window.show()
            walk(window)
            window.close()
    area = qt.primaryScreen().availableGeometry()
    print(json.dumps({"area": [area.width(), area.height()], "seen": seen, "problems": problems},
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
