"""Grab every screen of the application offscreen, as PNG files, for the user guide and the README.

    python tools/screenshots.py [--out build/screenshots]

Two screens, each in a fresh process (Qt fixes the screen when it starts), Qt's offscreen platform
told the screen's size: a desktop monitor (the window at 1180×820, as the guide shows it) and an
accountant's laptop, 1366×768 at 150 % (the window as it opens there, maximised). Every wizard page
of the richest example firm, the firm list, the review, the results, the packets dialog, a packet
preview and 关于政策 go to --out/<screen>/; the pictures the user guide shows are copied to
resources/guide/images/ (shipped with the application, so 帮助 works offline).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GUIDE_IMAGES = ROOT / "resources" / "guide" / "images"
SCREENS = {"desktop": (1920, 1080, "1"), "laptop_1366x768_150": (1366, 768, "1.5")}
IN_GUIDE = {  # guide picture ← (screen, shot)
    **{name: ("desktop", name) for name in (
        "01_企业列表", "02_填报_企业基本信息", "03_填报_校验提示", "04_填报_表格", "05_核对", "06_评估结果",
        "07_生成申请材料", "08_预览打印", "09_关于政策")},
    "10_笔记本_150%_填报": ("laptop_1366x768_150", "02_填报_企业基本信息"),
    "11_笔记本_150%_表格": ("laptop_1366x768_150", "04_填报_表格"),
}
WINDOW = (1180, 820)  # the desktop pictures: the window's preferred size
TODAY = date(2026, 11, 27)


def settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def save(widget, out: Path, name: str, app) -> Path:
    settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def wait_for_drawn_page(preview, app, seconds: float = 10) -> None:
    """QtPdf draws pages on a thread of its own: wait (at most a few seconds) for ink on the page."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        image = preview.view.viewport().grab().toImage()
        width, height = image.width(), image.height()
        if any(image.pixelColor(x, y).lightness() < 128 for x in range(width // 4, width * 3 // 4, 7)
               for y in range(height // 8, height * 7 // 8, 7)):
            return


def grab_all(out: Path, *, desktop: bool) -> None:
    """Every screen, on the current screen; runs in the process the screen was set up for."""
    from PySide6.QtCore import Qt

    from zjtx_desktop.store import Database
    from zjtx_desktop.ui import app as ui_app
    from zjtx_desktop.ui import services

    qt = ui_app.create_application()
    from zjtx_desktop.ui.main_window import MainWindow

    data_dir = Path(tempfile.gettempdir()) / f"zjtx-screenshots-{out.name}"  # fixed: the same pictures every run
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir()
    os.environ["HOME"] = str(data_dir)  # Documents/专精特新申报材料 (the packets' default) lands in it
    try:
        with Database.open(data_dir) as db:
            services.fill_demo(db=db)
            window = MainWindow(db=db, data_dir=data_dir, today=lambda: TODAY)
            if desktop:
                window.setWindowState(Qt.WindowState.WindowNoState)
                window.resize(*WINDOW)
            window.show()
            walk(window, db, out, qt)
            window.close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def walk(window, db, out: Path, qt) -> None:
    save(window, out, "01_企业列表", qt)
    richest = window.open_company(next(c.id for c in db.list_companies() if c.uscc.startswith("91350203")))
    wizard = richest.wizard
    wizard.go_to_page(wizard.ids["identity"])
    save(window, out, "02_填报_企业基本信息", qt)
    for number, page in enumerate(wizard.applicable_pages(), start=1):
        wizard.go_to_page(wizard.ids[page.key])
        save(window, out, f"20_向导_{number:02d}_{page.title}", qt)
    wizard.go_to_page(wizard.ids["review"])
    save(window, out, "05_核对", qt)
    wizard.go_to_page(wizard.ids["loans"])
    save(window, out, "04_填报_表格", qt)
    richest.show_results()
    save(window, out, "06_评估结果", qt)

    dialog = window.make_packets()
    dialog.generate()
    while not dialog.paths:
        qt.processEvents()
    save(dialog, out, "07_生成申请材料", qt)
    preview = dialog.preview(dialog.paths[0])
    wait_for_drawn_page(preview, qt)
    save(preview, out, "08_预览打印", qt)
    preview.close()
    dialog.close()
    window.close_company()

    fresh = window.open_company(None)
    line = fresh.wizard.pages["identity"].editors["uscc"]
    line.input.setText("91350200MA2XXXXXX1")
    line.flush()
    capital = fresh.wizard.pages["identity"].editors["registered_capital"]
    capital.input.setText("12万")
    save(window, out, "03_填报_校验提示", qt)
    window.close_company()

    save(window.show_policy(), out, "09_关于政策", qt)


def screen_environment(width: int, height: int, scale: str, folder: Path) -> dict[str, str]:
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    return {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--screen", choices=sorted(SCREENS), help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.screen:
        out = args.out / args.screen
        out.mkdir(parents=True, exist_ok=True)
        grab_all(out, desktop=args.screen == "desktop")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        for name, (width, height, scale) in SCREENS.items():
            subprocess.run([sys.executable, __file__, "--out", str(args.out), "--screen", name], check=True,
                           env=screen_environment(width, height, scale, Path(scratch)))
    GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
    for picture, (screen, shot) in IN_GUIDE.items():
        shutil.copyfile(args.out / screen / f"{shot}.png", GUIDE_IMAGES / f"{picture}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
