"""The declaration wizard: question pages in order, pages that do not apply skipped, a review at the end.

Every change is handed to the session (the store) at once, so leaving, a crash or a power cut loses at
most the field being typed. A value core refuses is kept as a draft beside the saved data, so what the
user typed is still there when they come back to fix it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget, QWizard

from zjtx_desktop.core.profile import Issue, Profile
from zjtx_desktop.core.questions import Page, Questions
from zjtx_desktop.ui import dialogs
from zjtx_desktop.ui.wizard.page import QuestionPage
from zjtx_desktop.ui.wizard.review_page import ReviewPage

DRAFT_PREFIX = "draft:"
PAGE_META = "wizard_page"
REVIEW = "review"


class Session(Protocol):
    """What the wizard needs from the store for one firm (ui/services.FirmSession provides it)."""

    read_only: bool

    def save_field(self, *, key: str, raw: Any) -> Any: ...
    def profile(self) -> Profile: ...
    def get_meta(self, *, key: str, default: Any = None) -> Any: ...
    def set_meta(self, *, key: str, value: Any, screen_state: bool = False) -> None: ...


class DeclarationWizard(QWizard):
    saved = Signal(str)
    finished_declaration = Signal()
    leave_requested = Signal()

    def __init__(self, *, session: Session, questions: Questions, clauses: dict[str, str],
                 packet_gaps: Callable[[], Sequence] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("wizard")
        self.setWindowFlags(Qt.WindowType.Widget)  # lives inside the main window's firm view
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton)
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.setButtonText(QWizard.WizardButton.BackButton, "< 上一步(&B)")
        self.setButtonText(QWizard.WizardButton.NextButton, "下一步(&N) >")
        self.setButtonText(QWizard.WizardButton.FinishButton, "完成，查看结果(&R)")
        self.setButtonText(QWizard.WizardButton.CustomButton1, "保存并返回企业列表(&L)")
        self.customButtonClicked.connect(lambda _: self.leave())
        self.session = session
        self.questions = questions
        self.packet_gaps = packet_gaps  # what 生成申请材料 still needs, for the review
        self.profile = session.profile()
        self._resume_at = session.get_meta(key=PAGE_META, default=None)  # before showing overwrites it
        self.pages: dict[str, QuestionPage] = {}
        self.ids: dict[str, int] = {}
        for page in questions.pages:
            widget = QuestionPage(page, clauses)
            widget.field_edited.connect(self._commit)
            self.pages[page.key] = widget
            self.ids[page.key] = self.addPage(widget)
        self.review = ReviewPage()
        self.review.edit_requested.connect(self.focus_field)
        self.ids[REVIEW] = self.addPage(self.review)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("wizard_sidebar")
        self.sidebar.setAccessibleName("填报页面（选中后转到该页）")
        self.sidebar.setFixedWidth(190)
        self.sidebar.itemClicked.connect(lambda item: self.go_to_page(item.data(Qt.ItemDataRole.UserRole)))
        self.setSideWidget(self.sidebar)
        self.currentIdChanged.connect(self._page_changed)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.back)
        for page in self.pages.values():
            page.set_read_only(session.read_only)
        self._load_all()

    # -- data ------------------------------------------------------------------------------------
    def _drafts(self, page: Page) -> dict[str, Any]:
        drafts = {}
        for spec in page.fields:
            draft = self.session.get_meta(key=DRAFT_PREFIX + spec.key, default=None)
            if draft is not None:
                drafts[spec.key] = draft
        return drafts

    def _load_all(self) -> None:
        values = dict(self.profile.items())
        for page in self.questions.pages:
            self.pages[page.key].load(values, self._drafts(page))

    def _commit(self, key: str) -> None:
        """Store one field; a value with errors is kept as a draft so nothing typed is lost."""
        if self.session.read_only:
            return
        page = self.pages[self.questions.field(key).page]
        raw = page.editors[key].raw()
        result = self.session.save_field(key=key, raw=raw)
        draft_key = DRAFT_PREFIX + key
        if result.errors:
            self.session.set_meta(key=draft_key, value=raw)
        elif self.session.get_meta(key=draft_key, default=None) is not None:
            self.session.set_meta(key=draft_key, value=None)
        self.profile = self.session.profile()
        self._fill_sidebar()
        self.saved.emit(key)

    def show_warning(self, key: str, message: str, *, until_answered: bool = False) -> None:
        """A warning beside a field worked out from the whole firm (empty: none); it never blocks.
        `until_answered`: it goes when the user next answers that field."""
        spec = self.questions.field(key)
        self.pages[spec.page].set_outside_warnings(key, [Issue(key, spec.label, message)] if message else [],
                                                   until_edited=until_answered)

    def save_now(self) -> None:
        """Ctrl+S: commit the field being typed in (everything else is already stored)."""
        page = self.currentPage()
        if isinstance(page, QuestionPage):
            page.commit_pending()

    # -- navigation ------------------------------------------------------------------------------
    def applies(self, page: Page) -> bool:
        return page.applies(self.profile)

    def applicable_pages(self) -> list[Page]:
        return [page for page in self.questions.pages if self.applies(page)]

    def next_id_after(self, page_key: str) -> int:
        keys = [page.key for page in self.questions.pages]
        for page in self.questions.pages[keys.index(page_key) + 1:]:
            if self.applies(page):
                return self.ids[page.key]
        return self.ids[REVIEW]

    def resume(self) -> None:
        """Open on the page the user was on last time (the history behind it rebuilt for Back)."""
        self.restart()
        if self._resume_at in self.ids:
            self.go_to_page(self.ids[self._resume_at])

    def go_to_page(self, page_id: int) -> None:
        """Back through the history if the page was passed, else on through Next (stops at errors)."""
        if page_id in self.visitedIds():
            while self.currentId() != page_id:
                self.back()
            return
        while self.currentId() != page_id:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                return

    def focus_field(self, key: str) -> None:
        """The cursor in that field; a field on a page skipped by a 否 answer: the cursor on that answer,
        with a note beside it saying what 是 would open (a link must never land somewhere unexplained)."""
        spec = self.questions.field(key)
        page = self.questions.page(spec.page)
        if not self.applies(page):
            gate = page.applies_if or page.skip_if_no
            self.show_warning(gate, f"“{page.title}”一页因这里答“否”而未显示。要填写“{spec.label}”，请先改为“是”",
                              until_answered=True)
            self.focus_field(gate)
            return
        page_key = spec.page
        self.go_to_page(self.ids[page_key])
        if self.currentId() == self.ids[page_key]:
            editor = self.pages[page_key].editors[key]
            self.pages[page_key].scroll.ensureWidgetVisible(editor)
            editor.focus_input()

    def _page_changed(self, page_id: int) -> None:
        key = next((k for k, i in self.ids.items() if i == page_id), None)
        if key is None:
            return
        if key == REVIEW:
            drafts = {k for page in self.applicable_pages() for k in self._drafts(page)}
            gaps = self.packet_gaps() if self.packet_gaps is not None else ()
            self.review.show_answers(self.applicable_pages(), self.profile, drafts, gaps)
        if not self.session.read_only:
            self.session.set_meta(key=PAGE_META, value=key, screen_state=True)
        self._fill_sidebar()
        self.focus_page()

    def focus_page(self) -> None:
        """Each page opens with the cursor in its first field (the review: on its list of answers)."""
        page = self.currentPage()
        if isinstance(page, QuestionPage):
            page.focus_first()
        elif page is self.review:
            self.review.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_sidebar(self) -> None:
        self.sidebar.clear()
        for number, page in enumerate([*self.applicable_pages(), None], start=1):
            key = REVIEW if page is None else page.key
            item = QListWidgetItem(f"{number}. {'核对填报内容' if page is None else page.title}")
            item.setData(Qt.ItemDataRole.UserRole, self.ids[key])
            self.sidebar.addItem(item)
            if self.ids[key] == self.currentId():
                self.sidebar.setCurrentItem(item)

    # -- leaving ---------------------------------------------------------------------------------
    def leave(self) -> None:
        self.save_now()
        self.leave_requested.emit()

    def accept(self) -> None:  # Qt override: Finish shows the results, the wizard stays open
        self.finished_declaration.emit()

    def reject(self) -> None:  # Qt override: closing saves and goes back to the list, never discards
        self.leave()

    def keyPressEvent(self, event) -> None:  # Qt override: Esc asks before leaving the firm
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.save_now()
            if dialogs.confirm(self, title="返回企业列表", yes="返回企业列表", no="继续填写",
                               text="填写的内容都已自动保存。要离开这家企业、返回企业列表吗？"):
                self.leave()
            return
        super().keyPressEvent(event)
