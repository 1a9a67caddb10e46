"""Point 8 of issue 11: every input announces its question, views are named, colours are readable,
menus have access keys."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.paths import examples_dir
from zjtx_desktop.core.profile import load_profile_json
from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.ui import assessment_view, firm_model
from zjtx_desktop.ui.results_view import STATUS_COLOURS, ResultsView
from zjtx_desktop.ui.wizard import field_widgets, review_page

INPUTS = (QLineEdit, QComboBox, QRadioButton, QAbstractItemView, QTextEdit, QAbstractSpinBox)


def contrast(foreground: str, background: str = "#ffffff") -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs a user reaches, without an accessible name (Qt's own parts of a widget excepted)."""
    found = []
    for kind in INPUTS:
        for widget in root.findChildren(kind):
            internal = isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_") \
                or widget.parentWidget().metaObject().className() == "QComboBoxPrivateContainer" \
                or isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)
            if not internal and not widget.accessibleName():
                found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_every_input_of_the_main_window_and_its_dialogs_has_an_accessible_name(qtbot, window):
    assert unnamed_inputs(window) == []
    workspace = window.open_company(window.db.company_id_by_uscc("91350203MA2Y0N4F04"))
    assert unnamed_inputs(window) == []  # every question page, tables, the sidebar, the review, the results
    box = window.findChild(QComboBox, "company_size")
    assert box.accessibleName() == default_questions().field("company_size").label
    assert window.findChild(QRadioButton, "has_joint_lab_yes").accessibleName().startswith("与高校")
    for dialog in (window.show_policy(), window.show_help(), window.make_packets(), window.show_kept_aside()):
        assert unnamed_inputs(dialog) == [], dialog.objectName()
        dialog.close()
    assert workspace.results.table.accessibleName()


def test_menu_items_have_access_keys(window):
    for menu in (action.menu() for action in window.menuBar().actions()):
        texts = [action.text() for action in menu.actions() if not action.isSeparator()]
        assert texts and all("(&" in text for text in texts), texts


def test_every_status_and_message_colour_reads_at_4_5_to_1_on_white():
    colours = {**{str(status): colour for status, colour in STATUS_COLOURS.items()},
               "incomplete": firm_model.INCOMPLETE_COLOUR.name(), "missing": review_page.MISSING.color().name(),
               "error": field_widgets.ERROR_STYLE.split("#")[1][:6], "warning": field_widgets.WARNING_STYLE.split("#")[1][:6],
               "help": field_widgets.HELP_STYLE.split("#")[1][:6],
               **{f"自评{verdict}": colour for verdict, colour in {**assessment_view.VERDICT_COLOURS,
                                                                 **assessment_view.OVERALL_COLOURS}.items()}}
    weak = {name: round(contrast("#" + colour.lstrip("#")), 2) for name, colour in colours.items()
            if contrast("#" + colour.lstrip("#")) < 4.5}
    assert weak == {}


def test_outside_the_policy_dates_results_show_their_own_status_and_a_reference_amount_not_in_the_total(qtbot):
    profile = load_profile_json(next(examples_dir().glob("05*.json")).read_text(encoding="utf-8"))[0]
    view = ResultsView(default_questions())
    qtbot.add_widget(view)
    evaluation = evaluate(profile, date(2027, 3, 1))
    view.show_evaluation(evaluation)
    rows = {view.table.item(r, 0).text(): [view.table.item(r, c).text() for c in range(5)]
            for r in range(view.table.rowCount())}
    out_of_force = [row for row in rows.values() if row[2] == "不在有效期"]
    assert out_of_force and all(row[3].startswith("（仅供参考）") for row in out_of_force if row[3])
    assert "最高可申请资金合计：0.00 元" in view.total.text() and "仅供参考" in view.total.text()
    measure = next(r for r in evaluation.results if r.reference_amount is not None)
    assert "仅供参考" in view.details_html(measure)


def test_the_wizards_buttons_and_each_tables_row_buttons_have_access_keys(window):
    from PySide6.QtWidgets import QPushButton, QWizard

    workspace = window.open_company(window.db.company_id_by_uscc("91350203MA2Y0N4F04"))
    wizard = workspace.wizard
    buttons = [wizard.button(which) for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CustomButton1)]
    for page in wizard.pages.values():
        buttons += [b for b in page.findChildren(QPushButton) if b.objectName().endswith(("_add", "_remove"))]
    assert len(buttons) > 4 and [b.text() for b in buttons if "(&" not in b.text()] == []
