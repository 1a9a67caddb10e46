"""Errors become Chinese messages plus a log line; slow work reports back; packets print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.paths import examples_dir
from zjtx_desktop.core.profile import load_profile_json
from zjtx_desktop.packets import build_summary
from zjtx_desktop.store import DatabaseLocked
from zjtx_desktop.ui import dialogs, errors
from zjtx_desktop.ui.pdf_preview import PdfPreview, print_document
from zjtx_desktop.ui.worker import run_in_background


def test_an_unexpected_error_is_logged_and_shown_in_chinese_without_a_traceback(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, **kw: shown.append(kw["text"]))
    handler = errors.start_log(tmp_path)
    try:
        errors.report(KeyError("profile_cache"))
    finally:
        errors.stop_log(handler)
    assert "意外错误" in shown[0] and "已保存的企业数据不受影响" in shown[0]
    assert "Traceback" not in shown[0] and "KeyError" not in shown[0]
    log = (tmp_path / "logs" / "zjtx-desktop.log").read_text(encoding="utf-8")
    assert "KeyError: 'profile_cache'" in log


def test_errors_written_for_users_are_shown_as_they_are():
    locked = DatabaseLocked.__new__(DatabaseLocked)
    Exception.__init__(locked, "数据库正由另一个窗口使用")
    assert errors.user_message(locked) == "数据库正由另一个窗口使用"
    assert "没有权限" in errors.user_message(PermissionError(13, "denied", "申报.pdf"))


def test_slow_work_reports_its_result_and_its_failure(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.add_widget(parent)
    results, shown = [], []
    run_in_background(parent=parent, title="测试", work=lambda progress: (progress(1, 1, "完成"), 42)[1],
                      on_done=results.append)
    qtbot.waitUntil(lambda: results == [42])
    monkeypatch.setattr(dialogs, "warn", lambda parent, **kw: shown.append(kw["text"]))
    run_in_background(parent=parent, title="测试", work=lambda progress: 1 / 0, on_done=results.append)
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "意外错误" in shown[0] and results == [42]


def summary_pdf(tmp_path: Path) -> Path:
    profile, _ = load_profile_json(next(examples_dir().glob("05*.json")).read_text(encoding="utf-8"))
    return build_summary(profile, evaluate(profile, date(2026, 11, 27)), tmp_path)


def test_a_packet_is_previewed_and_printed_page_by_page(qtbot, tmp_path):
    path = summary_pdf(tmp_path)
    preview = PdfPreview(path)
    qtbot.add_widget(preview)
    assert preview.document.status() == QPdfDocument.Status.Ready and preview.page_count() >= 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(150)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_document(preview.document, printer) == preview.page_count()
    printed = QPdfDocument()
    printed.load(str(tmp_path / "printed.pdf"))
    assert printed.pageCount() == preview.page_count()
