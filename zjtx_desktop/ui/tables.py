"""The read-only lists of the program's views and dialogs (results, self-assessment, policies, kept files):
one look and one behaviour for all of them."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


def list_table(name: str, headers: list[str], *, stretch: int | None = None, single: bool = True) -> QTableWidget:
    """A table that lists and is never edited: whole rows selected (one at a time when `single`), no row
    numbers, each column as wide as its text; the `stretch` column takes the width left (without one,
    the last column does)."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    head = table.horizontalHeader()
    head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        head.setStretchLastSection(True)
    else:
        head.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
