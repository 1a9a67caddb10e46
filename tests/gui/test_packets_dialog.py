"""The packets dialog: split PDFs for upload, a PDF held open, a character no font has, an expired policy,
and rare characters shown on screen as they will print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton

from zjtx_desktop.core import atomic
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.paths import examples_dir
from zjtx_desktop.core.profile import Profile, load_profile_json
from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.packets_dialog import PacketsDialog, default_output_folder

ON = date(2025, 11, 20)
END = date(2026, 12, 31)


def example(stem: str, **changes) -> Profile:
    profile, _ = load_profile_json(next(examples_dir().glob(f"{stem}*.json")).read_text(encoding="utf-8"))
    return profile.with_values(**changes)


def open_dialog(qtbot, tmp_path: Path, profile: Profile, on: date = ON, policy_end: date | None = None):
    recorded = []
    dialog = PacketsDialog(profile=profile, evaluation=evaluate(profile, on), folder=tmp_path / "材料",
                           record=recorded.extend, policy_end=policy_end)
    qtbot.add_widget(dialog)
    dialog.show()
    return dialog, recorded


def generate(qtbot, dialog, until):
    qtbot.mouseClick(dialog.findChild(QPushButton, "packets_generate"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(until, timeout=60000)


def test_split_adds_a_folder_of_upload_pdfs_per_packet(qtbot, tmp_path):
    dialog, recorded = open_dialog(qtbot, tmp_path, example("02"))
    dialog.findChild(QCheckBox, "packets_split").setChecked(True)
    generate(qtbot, dialog, lambda: bool(dialog.paths))
    uploads = [p for p in dialog.paths if p.parent.name.endswith("_分件上传")]
    assert len(uploads) == 4 * 4 and recorded == dialog.paths
    assert all(p.is_file() and p.stat().st_size < 5 * 1024 * 1024 for p in uploads)


def test_a_character_no_font_has_is_named_with_its_field(qtbot, tmp_path, monkeypatch):
    asked, went = [], []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw["text"]) or True)
    dialog, _ = open_dialog(qtbot, tmp_path, example("02", company_name="厦门𠀀精密机械有限公司"))
    dialog.go_to_field.connect(went.append)
    generate(qtbot, dialog, lambda: bool(asked))
    assert "「企业名称」中的“𠀀”（U+20000）" in asked[0] and went == ["company_name"]
    assert not (tmp_path / "材料").exists() or not any((tmp_path / "材料").iterdir())


def test_a_pdf_held_open_is_said_and_the_new_one_can_go_beside_it(qtbot, tmp_path, monkeypatch):
    dialog, _ = open_dialog(qtbot, tmp_path, example("02"))
    generate(qtbot, dialog, lambda: bool(dialog.paths))
    held = dialog.paths[0]
    before = held.read_bytes()
    dialog.paths = []
    monkeypatch.setattr(atomic, "in_use", lambda path: path == held)
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw) or kw["yes"] == "另存为新文件")
    generate(qtbot, dialog, lambda: bool(dialog.paths))
    assert "文件正被其他程序打开，请关闭后重试" in asked[0]["text"] and held.name in asked[0]["text"]
    assert held.with_name(held.stem + "（新）.pdf") in dialog.paths and held.read_bytes() == before
    assert "另存为" in dialog.findChild(QLabel, "packets_notes").text()


def test_after_the_policys_end_packets_need_a_confirmed_choice(qtbot, tmp_path, monkeypatch):
    dialog, _ = open_dialog(qtbot, tmp_path, example("05"), on=date(2027, 1, 5), policy_end=END)
    allow = dialog.findChild(QCheckBox, "packets_allow_expired")
    assert allow.isVisibleTo(dialog) and "2026-12-31" in allow.text() and dialog.choices.count() == 0
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: asked.append(kw["text"]) or False)
    allow.setChecked(True)
    assert "厦府办规〔2024〕11号" in asked[0] and "2026-12-31" in asked[0]
    assert not allow.isChecked() and dialog.choices.count() == 0
    monkeypatch.setattr(dialogs, "confirm", lambda parent, **kw: True)
    allow.setChecked(True)
    assert dialog.choices.count() >= 10 and "参考金额" in dialog.choices.item(0).text()
    generate(qtbot, dialog, lambda: bool(dialog.paths))
    assert len(dialog.paths) == dialog.choices.count() + 1


def test_in_force_there_is_no_expiry_choice(qtbot, tmp_path):
    dialog, _ = open_dialog(qtbot, tmp_path, example("05"))
    assert not dialog.findChild(QCheckBox, "packets_allow_expired").isVisibleTo(dialog)


def test_the_default_folder_keeps_a_long_name_short_and_drops_control_characters(qtbot):
    folder = default_output_folder("厦门\u202e" + "鹭航低空飞行器动力系统" * 6 + "有限公司", ON)
    assert "\u202e" not in str(folder) and len(folder.parent.name) <= 40


@pytest.mark.parametrize("text", ["䶮", "𠅤"])
def test_rare_characters_are_drawn_with_the_bundled_fallback_font(text):
    """The application font falls back to the same font the packets print rare characters in."""
    app_font = QApplication.font()
    assert "ZJTX Fallback SC" in app_font.families()

    def drawn(font: QFont) -> QImage:
        font.setPixelSize(32)
        image = QImage(64, 48, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.drawText(4, 40, text)
        painter.end()
        return image

    assert drawn(QFont(app_font)) == drawn(QFont("ZJTX Fallback SC"))
