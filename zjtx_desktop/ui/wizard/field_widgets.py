"""One editor per field type, with its label, unit, help and message line; under a money field the
amount as understood (“12万” → ＝120,000.00 元，壹拾贰万元整) before it is saved.

The widgets only collect what the user typed; checking it is core's job (`profile.parse_field`), and
the messages shown beside a field are core's Chinese messages, word for word.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zjtx_desktop.core.money import capitalize_yuan, format_yuan
from zjtx_desktop.core.profile import Issue, display_value
from zjtx_desktop.core.questions import Field
from zjtx_desktop.ui.wheel_guard import guard_wheel

PLACEHOLDERS = {
    "date": "如 2025-03-31", "money": "单位：元，如 1000000 或 100万", "percent": "如 3.45 表示 3.45%",
    "uscc": "18位，如 91350200MA2XXXXXXX", "phone": "如 0592-1234567", "mobile": "11位手机号码",
    "email": "如 name@example.com", "integer": "整数",
}
ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
HELP_STYLE = "color: #5f6368;"
AMOUNT_STYLE = "color: #1e4d8c;"  # 8.5:1 on white


def amount_echo(value) -> str:
    """The amount as the program understood what was typed: figures and 大写, checked at a glance."""
    if not isinstance(value, Decimal):
        return ""
    upper = f"，{capitalize_yuan(value)}" if value >= 0 else ""
    return f"＝ {format_yuan(value)} 元{upper}"


def add_message_and_help(layout, spec: Field, clauses: dict[str, str]) -> QLabel:
    """Below a field (or a table): the hidden message label for problems, then the help quoting the
    clause (its full text on hover). Returns the message label."""
    message = QLabel()
    message.setObjectName(f"{spec.key}__message")
    message.setWordWrap(True)
    message.hide()
    layout.addWidget(message)
    reference, tooltip = clause_hint(spec, clauses)
    if spec.help or reference:
        help_label = QLabel(f"{spec.help}{reference}")
        help_label.setObjectName(f"{spec.key}__help")
        help_label.setWordWrap(True)
        help_label.setStyleSheet(HELP_STYLE)
        help_label.setToolTip(tooltip)
        layout.addWidget(help_label)
    return message


def clause_hint(spec: Field, clauses: dict[str, str]) -> tuple[str, str]:
    """'依据：二（二）3' for the help line, and the clause texts it refers to for the tooltip."""
    if not spec.clause:
        return "", ""
    quoted = [f"【{ref}】{clauses[ref]}" for ref in spec.clause.split("、") if ref in clauses]
    return f"（依据：第{spec.clause}条）", "\n\n".join(quoted)


class FieldEditor(QWidget):
    """A scalar field: `edited` fires when the user has finished a change (time to save it, and the
    page re-checks it then); `changed` fires on every keystroke before that (time to re-check it)."""

    edited = Signal(str)
    changed = Signal(str)

    def __init__(self, spec: Field, clauses: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self._text_dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        self.input = self._build_input()
        row.addWidget(self.input, 1)
        self.hint = QLabel(self._unit_text())
        self.hint.setObjectName(f"{spec.key}__hint")
        row.addWidget(self.hint)
        layout.addLayout(row)
        self.amount = QLabel()
        self.amount.setObjectName(f"{spec.key}__amount")
        self.amount.setStyleSheet(AMOUNT_STYLE)
        self.amount.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.amount.hide()
        layout.addWidget(self.amount)
        self.message = add_message_and_help(layout, spec, clauses)

    def _unit_text(self) -> str:
        return "元" if self.spec.type == "money" else ("%" if self.spec.type == "percent" else self.spec.unit)

    def _build_input(self) -> QWidget:
        spec = self.spec
        if spec.type == "choice":
            box = guard_wheel(QComboBox())
            box.addItem("（请选择）", None)
            for option in spec.options:
                box.addItem(option.label, option.value)
            box.currentIndexChanged.connect(lambda _: self.edited.emit(spec.key))
            widget = box
        elif spec.type == "bool":
            widget = QWidget()
            row = QHBoxLayout(widget)
            row.setContentsMargins(0, 0, 0, 0)
            self.buttons = QButtonGroup(widget)
            for text, suffix in (("是", "yes"), ("否", "no")):
                button = QRadioButton(text)
                button.setObjectName(f"{spec.key}_{suffix}")
                button.setAccessibleName(f"{spec.label}：{text}")  # the question, then the answer
                self.buttons.addButton(button)
                row.addWidget(button)
            row.addStretch(1)
            self.buttons.buttonToggled.connect(lambda _b, checked: checked and self.edited.emit(spec.key))
        else:
            line = QLineEdit()
            line.setPlaceholderText(PLACEHOLDERS.get(spec.type, ""))
            if spec.max_length:
                line.setMaxLength(spec.max_length + 20)  # room to paste, then core says how much to cut
            line.textChanged.connect(lambda _: self._text_changed())
            line.editingFinished.connect(self._finish_text)
            widget = line
        widget.setObjectName(spec.key)
        widget.setAccessibleName(spec.label)  # a screen reader announces the question
        if spec.help:
            widget.setAccessibleDescription(spec.help)
        return widget

    def _text_changed(self) -> None:
        self._text_dirty = True
        self.changed.emit(self.spec.key)

    def flush(self) -> None:
        """Report a text still being typed as finished (the user moved on by keyboard shortcut)."""
        self._finish_text()

    def _finish_text(self) -> None:
        if self._text_dirty:
            self._text_dirty = False
            self.edited.emit(self.spec.key)

    def raw(self) -> Any:
        """What the user entered, as core's parse_field accepts it (None when nothing was chosen)."""
        if self.spec.type == "choice":
            return self.input.currentData()
        if self.spec.type == "bool":
            checked = self.buttons.checkedButton()
            return None if checked is None else checked.objectName().endswith("_yes")
        return self.input.text()

    def set_raw(self, raw: Any) -> None:
        """Show a saved value (or a draft) without it counting as an edit."""
        self.input.blockSignals(True)
        if self.spec.type == "choice":
            index = self.input.findData(raw)
            self.input.setCurrentIndex(max(index, 0))
        elif self.spec.type == "bool":
            self.buttons.blockSignals(True)
            for button in self.buttons.buttons():
                button.setChecked(raw is not None and button.objectName().endswith("_yes" if raw else "_no"))
            self.buttons.blockSignals(False)
        else:
            self.input.setText("" if raw is None else str(raw))
        self.input.blockSignals(False)
        self._text_dirty = False

    def set_value(self, value: Any) -> None:
        if self.spec.type in ("choice", "bool"):
            self.set_raw(value)
        else:
            self.set_raw(display_value(self.spec, value))

    def set_read_only(self, read_only: bool) -> None:
        if isinstance(self.input, QLineEdit):
            self.input.setReadOnly(read_only)
        else:
            self.input.setEnabled(not read_only)

    def show_issues(self, errors: list[Issue], warnings: list[Issue], notice: str, value: Any) -> None:
        """Core's message for this field; the 大写 of a valid amount beside a money field."""
        if self.spec.type == "money":
            self.amount.setText(amount_echo(value) if not errors else "")
            self.amount.setVisible(bool(self.amount.text()))
        issues = errors or warnings
        text = "；".join(issue.message for issue in issues) or notice
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if errors else WARNING_STYLE)
        self.message.setVisible(bool(text))
        self.input.setProperty("invalid", bool(errors))
        self.input.setStyleSheet("border: 1px solid #b3261e;" if errors else "")

    def key_widgets(self) -> list[QWidget]:
        """The widgets that take the keyboard: the input, or each of the 是/否 buttons."""
        return list(self.buttons.buttons()) if self.spec.type == "bool" else [self.input]

    def focus_input(self) -> None:
        target = self.buttons.buttons()[0] if self.spec.type == "bool" else self.input
        target.setFocus(Qt.FocusReason.OtherFocusReason)
