"""A wizard page built from one question file: its fields in order, checked as the user types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizard, QWizardPage

from zjtx_desktop.core.plausibility import implausible
from zjtx_desktop.core.profile import Issue, ProfileInvalid, parse_field, parse_profile
from zjtx_desktop.core.questions import Page, default_questions
from zjtx_desktop.ui.wizard.field_widgets import FieldEditor
from zjtx_desktop.ui.wizard.table_editor import TableEditor

REQUIRED_NOTICE = "必填项：生成申请材料前须填写"


@dataclass
class FieldCheck:
    value: Any = None
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


def check_values(page: Page, raw: dict[str, Any]) -> dict[str, FieldCheck]:
    """Core's verdict on each field of the page, plus its checks between fields (e.g. 研发人员 ≤ 从业人员)
    and its plausibility warnings (core/plausibility.py, the same the CLI prints)."""
    checks = {}
    usable = {}
    for spec in page.fields:
        value, errors, warnings = parse_field(spec, raw.get(spec.key))
        checks[spec.key] = FieldCheck(value, errors, warnings)
        if not errors and value is not None and spec.type != "table":
            usable[spec.key] = raw[spec.key]
    try:
        parse_profile(usable)
    except ProfileInvalid as invalid:
        for issue in invalid.issues:
            checks[issue.key].errors.append(issue)
    typed = {key: check.value for key, check in checks.items() if check.value is not None}
    for issue in implausible(typed, default_questions()):  # e.g. 研发费用 above 营业收入: a warning
        if issue.key in checks:
            checks[issue.key].warnings.append(issue)
    return checks


class FormArea(QWidget):
    """The scrolled area of a page's fields. Squeezed below the height its layout asks for, QFormLayout
    shares out the shortfall row by row without regard to wrapped text, so a two-line message drew help
    texts over one another on a laptop at 150 %. The area is therefore never shorter than it asks to be:
    the page scrolls instead (its width still follows the window)."""

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class QuestionPage(QWizardPage):
    """Next stays disabled while any field on this page has an error; empty fields never block."""

    field_edited = Signal(str)

    def __init__(self, page: Page, clauses: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = page
        self.setObjectName(f"page_{page.key}")
        self.setTitle(page.title)
        self.setSubTitle(page.intro)
        self.editors: dict[str, FieldEditor | TableEditor] = {}
        self.touched: set[str] = set()
        self.checks: dict[str, FieldCheck] = {}
        self.outside: dict[str, list[Issue]] = {}  # warnings worked out from the whole firm (set_outside_warnings)
        self.until_edited: set[str] = set()  # keys whose outside warning goes when the user next answers them
        form_widget = FormArea()
        form = QFormLayout(form_widget)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in page.fields:
            editor_class = TableEditor if spec.type == "table" else FieldEditor
            editor = editor_class(spec, clauses)
            editor.changed.connect(self._recheck)
            editor.edited.connect(self._edited)
            label = QLabel(f"{spec.label}{' *' if spec.required else ''}")
            label.setBuddy(editor.table if spec.type == "table" else editor.input)
            if spec.type == "table":  # a table takes the page's whole width, its label above it
                form.addRow(label)
                form.addRow(editor)
            else:
                form.addRow(label, editor)
            self.editors[spec.key] = editor
            if isinstance(editor, FieldEditor):
                for widget in editor.key_widgets():
                    widget.installEventFilter(self)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own: Tab goes field to field
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.scroll = scroll

    def _edited(self, key: str) -> None:
        self.touched.add(key)
        if key in self.until_edited:  # answered: the note asking for this answer has done its job
            self.until_edited.discard(key)
            self.outside.pop(key, None)
        self._recheck()
        self.field_edited.emit(key)

    def _recheck(self, _key: str | None = None) -> None:
        was_complete = self.isComplete()
        self.checks = check_values(self.spec, {key: editor.raw() for key, editor in self.editors.items()})
        for key, editor in self.editors.items():
            check = self.checks[key]
            check.warnings.extend(self.outside.get(key, ()))
            empty = editor.spec.required and check.value is None and not check.errors and key in self.touched
            editor.show_issues(check.errors, check.warnings, REQUIRED_NOTICE if empty else "", check.value)
        if was_complete != self.isComplete() and self.wizard() is not None:
            # QWizard's own update (completeChanged) moves the focus out of the field being typed in
            # when the wizard is embedded in a window, so only the Next button is switched here.
            self.wizard().button(QWizard.WizardButton.NextButton).setEnabled(self.isComplete())

    def set_outside_warnings(self, key: str, issues: list[Issue], *, until_edited: bool = False) -> None:
        """A warning for one field that depends on answers on other pages (the SME size worked out from
        industry, employees and revenue against the size chosen here), kept until replaced, or with
        `until_edited` until the user next answers that field."""
        if until_edited:
            self.until_edited.add(key)
        else:
            self.until_edited.discard(key)
        if self.outside.get(key, []) != issues:
            self.outside[key] = issues
            self._recheck()

    def load(self, values: dict[str, Any], drafts: dict[str, Any]) -> None:
        """Show saved values, or the draft the user left with an error, then check them."""
        for key, editor in self.editors.items():
            if key in drafts:
                editor.set_raw(drafts[key])
            else:
                editor.set_value(values.get(key))
        self.touched = set(drafts)
        self._recheck()

    def eventFilter(self, watched, event) -> bool:  # Qt override
        """Enter in a field: on to the next field; in the page's last field, on to the next page."""
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self.enter_pressed(watched)
            return True
        return False

    def enter_pressed(self, widget: QWidget) -> None:
        editors = list(self.editors.values())
        current = next(i for i, editor in enumerate(editors) if editor.isAncestorOf(widget))
        if current + 1 < len(editors):
            editors[current + 1].focus_input()
            self.scroll.ensureWidgetVisible(editors[current + 1])
        elif self.wizard() is not None:
            self.wizard().next()

    def focus_first(self) -> None:
        """The cursor in the page's first field, ready to type (not on a button five Tabs away)."""
        next(iter(self.editors.values())).focus_input()

    def errors(self) -> list[Issue]:
        return [issue for check in self.checks.values() for issue in check.errors]

    def commit_pending(self) -> None:
        """Save a line still being typed in (Alt+N or PageDown move on without leaving the field)."""
        for editor in self.editors.values():
            if isinstance(editor, FieldEditor):
                editor.flush()

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.set_read_only(read_only)

    def isComplete(self) -> bool:  # Qt override
        return not self.errors()

    def validatePage(self) -> bool:  # Qt override
        self.commit_pending()
        return self.isComplete()

    def nextId(self) -> int:  # Qt override
        return self.wizard().next_id_after(self.spec.key)
