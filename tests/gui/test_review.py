"""Point 6 (and 12) of issue 11: the review lists what 生成申请材料 still needs, by the packets' own check.

A firm imported with every required question answered read 必填项均已填写 on 核对, then 生成 refused with
twelve missing fields. The review now asks the packets' check itself, packet by packet.
"""

from __future__ import annotations

import json
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from zjtx_desktop.core.paths import examples_dir
from zjtx_desktop.store import Database
from zjtx_desktop.ui import services
from zjtx_desktop.ui.wizard.review_page import PACKETS_HEADING

from .conftest import main_window

LEFT_OUT = ("industry_code", "contact_email", "net_profit", "debt_ratio", "tax_paid", "ip_class1_count")


@pytest.fixture
def window(qtbot, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    raw = json.loads(next(examples_dir().glob("03*.json")).read_text(encoding="utf-8"))
    for key in LEFT_OUT:
        raw.pop(key, None)
    source = tmp_path / "鹭芯.json"
    source.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with closing(Database.open(folder)) as db:
        assert db.import_json(source).ok
    with main_window(qtbot, folder) as main:
        yield main


def gap_items(tree):
    top = tree.topLevelItem(0)
    assert top.text(0) == PACKETS_HEADING
    return [(packet.text(0), packet.child(i)) for packet in (top.child(j) for j in range(top.childCount()))
            for i in range(packet.childCount())]


def test_the_review_lists_per_packet_what_generating_still_needs_as_the_packets_check_says(qtbot, window, tmp_path):
    workspace = window.open_company(window.firms.firm(0).id)
    wizard = workspace.wizard
    wizard.go_to_page(wizard.ids["review"])
    review = wizard.review
    assert "必填项均已填写" not in review.summary.text() and "生成申请材料还需填写" in review.summary.text()
    listed = {item.data(0, Qt.ItemDataRole.UserRole) for _packet, item in gap_items(review.tree)}
    assert {"industry_code", "net_profit"} <= listed
    with pytest.raises(Exception) as refused:  # what 生成 itself says
        services.build_packets(profile=workspace.session.profile(), evaluation=workspace.evaluation,
                               out_dir=tmp_path / "out", measures=services.applicable_measures(
                                   evaluation=workspace.evaluation), progress=lambda *_: None)
    assert listed == {spec.key for spec in services.fields_missing_from(refused.value)}
    packets = {packet for packet, _item in gap_items(review.tree)}
    assert any(packet.startswith("措施") for packet in packets)

    packet, item = next((p, i) for p, i in gap_items(review.tree) if i.data(0, Qt.ItemDataRole.UserRole) == "net_profit")
    review.tree.setCurrentItem(item)
    qtbot.keyClick(review.tree, Qt.Key.Key_Return)  # Enter: straight to the field
    assert QApplication.focusWidget().objectName() == "net_profit"


def test_the_review_shows_each_row_of_a_table(qtbot, window):
    workspace = window.open_company(window.firms.firm(0).id)
    wizard = workspace.wizard
    wizard.go_to_page(wizard.ids["review"])
    tree = wizard.review.tree
    pages = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(0) != PACKETS_HEADING]
    items = [page.child(i) for page in pages for i in range(page.childCount())]
    table = next(item for item in items if item.childCount())
    assert table.text(1).startswith("共 ") and table.child(0).text(0) == "第1行"
    assert "：" in table.child(0).text(1)  # 列名：内容；…
