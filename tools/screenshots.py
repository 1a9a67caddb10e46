"""Grab every screen of the application offscreen, as PNG files, for the user guide and the README.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--out build/screenshots]

Every wizard page of the richest example firm, the firm list, the review, the results, the packets
dialog, a packet preview and 关于政策 go to --out; the few the user guide shows are also copied to
resources/guide/images/ (shipped with the application, so 帮助 works offline).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from zjtx_desktop.store import Database  # noqa: E402
from zjtx_desktop.ui import app as ui_app  # noqa: E402
from zjtx_desktop.ui import services  # noqa: E402

GUIDE_IMAGES = ROOT / "resources" / "guide" / "images"
IN_GUIDE = ("01_企业列表", "02_填报_企业基本信息", "03_填报_校验提示", "04_填报_表格", "05_核对", "06_评估结果",
            "07_生成申请材料", "08_预览打印", "09_关于政策")
SIZE = (1180, 820)


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str, app: QApplication) -> Path:
    settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def firm_id(window, uscc_start: str) -> int:
    return next(c.id for c in window.db.list_companies() if c.uscc.startswith(uscc_start))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    qt = ui_app.create_application()
    from zjtx_desktop.ui.main_window import MainWindow

    today = date(2026, 11, 27)
    data_dir = Path(tempfile.gettempdir()) / "zjtx-screenshots"  # a fixed path: the same pictures every run
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir()
    os.environ["HOME"] = str(data_dir)  # Documents/专精特新申报材料 (the packets' default) lands in it
    try:
        db = Database.open(data_dir)
        services.fill_demo(db=db)
        window = MainWindow(db=db, data_dir=data_dir, today=lambda: today)
        window.resize(*SIZE)
        window.show()
        save(window, args.out, "01_企业列表", qt)

        richest = window.open_company(firm_id(window, "91350203"))
        wizard = richest.wizard
        wizard.go_to_page(wizard.ids["identity"])
        save(window, args.out, "02_填报_企业基本信息", qt)
        for number, page in enumerate(wizard.applicable_pages(), start=1):
            wizard.go_to_page(wizard.ids[page.key])
            save(window, args.out, f"10_向导_{number:02d}_{page.title}", qt)
        wizard.go_to_page(wizard.ids["review"])
        save(window, args.out, "05_核对", qt)
        wizard.go_to_page(wizard.ids["ip_pledge"])
        save(window, args.out, "04_填报_表格", qt)
        richest.show_results()
        save(window, args.out, "06_评估结果", qt)

        dialog = window.make_packets()
        dialog.generate()
        while not dialog.paths:
            qt.processEvents()
        save(dialog, args.out, "07_生成申请材料", qt)
        preview = dialog.preview(dialog.paths[0])
        preview.resize(900, 820)
        save(preview, args.out, "08_预览打印", qt)
        preview.close()
        dialog.close()
        window.close_company()

        fresh = window.open_company(db.create_company())
        line = fresh.wizard.pages["identity"].editors["uscc"]
        line.input.setText("91350200MA2XXXXXX1")
        line.flush()
        save(window, args.out, "03_填报_校验提示", qt)
        window.close_company()

        save(window.show_policy(), args.out, "09_关于政策", qt)
        window.close()
        db.close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    for name in IN_GUIDE:
        shutil.copyfile(args.out / f"{name}.png", GUIDE_IMAGES / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
