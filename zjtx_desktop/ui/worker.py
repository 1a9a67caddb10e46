"""Slow work (PDF builds, imports) off the UI thread, with a progress dialog and errors as messages.

The one helper every slow action goes through (as Anki's `run_in_background`): the window stays
responsive, the user sees what is happening, and a failure becomes a Chinese message, not a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from zjtx_desktop.ui import errors

Progress = Callable[[int, int, str], None]


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals):
        super().__init__()
        self.setAutoDelete(False)
        self._work, self.signals = work, signals

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit)
        except Exception as error:  # noqa: BLE001 — every failure must reach the user as a message
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


class BackgroundTask(QObject):
    """One running job; `done` / `failed` fire on the UI thread after the progress dialog closes."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, title: str):
        super().__init__(parent)
        self.dialog = QProgressDialog(title, "", 0, 0, parent)
        self.dialog.setObjectName("progress_dialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.signals = _Signals(self)
        self.signals.progress.connect(self._show_progress)
        self.signals.finished.connect(self._finish)
        self.signals.failed.connect(self._fail)

    def _show_progress(self, done: int, total: int, label: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(label)

    def _finish(self, result: Any) -> None:
        self.dialog.close()
        self.done.emit(result)
        self.deleteLater()

    def _fail(self, error: BaseException) -> None:
        self.dialog.close()
        self.failed.emit(error)
        self.deleteLater()


def run_in_background(
    *, parent: QWidget, title: str, work: Callable[[Progress], Any],
    on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None] | None = None,
) -> BackgroundTask:
    """Run `work(progress)` on the thread pool; unhandled failures are reported with `errors.report`."""
    task = BackgroundTask(parent, title)
    task.done.connect(on_done)
    task.failed.connect(on_failed or (lambda error: errors.report(error, parent=parent)))
    task.dialog.show()
    job = _Job(work, task.signals)
    task.job = job  # keep the runnable alive until it has reported
    QThreadPool.globalInstance().start(job)
    return task
