"""Saved evaluations and the packets printed from them.

An evaluation is kept whole (its JSON, with the policy id and date it was made under), so a packet
printed last month can be explained today even after the policy or the firm's data changed.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from zjtx_desktop.core.results import Evaluation
from zjtx_desktop.store.base import StoreBase, now_text
from zjtx_desktop.store.records import PacketRecord, SavedEvaluation

EVALUATION_COLUMNS = "id, company_id, created_at, evaluation"


class EvaluationsMixin(StoreBase):
    def save_evaluation(self, company_id: int, evaluation: Evaluation) -> int:
        """The evaluation's id; one identical to the firm's latest is not stored again (opening a firm
        and looking at its results changes nothing, so it writes nothing; a stored row also proves the
        firm exists: evaluations has a foreign key)."""
        text = json.dumps(evaluation.to_json(), ensure_ascii=False)
        latest = self.conn.execute("SELECT id, evaluation FROM evaluations WHERE company_id = ? ORDER BY id DESC "
                                   "LIMIT 1", [company_id]).fetchone()
        if latest and latest[1] == text:
            return latest[0]
        self._require_company(company_id)
        with self._writing():
            cursor = self.conn.execute(
                "INSERT INTO evaluations (company_id, created_at, on_date, policy_id, total, evaluation) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [company_id, now_text(), evaluation.on.isoformat(), evaluation.policy_id, f"{evaluation.total:f}", text])
        return cursor.lastrowid

    def latest_evaluation(self, company_id: int) -> SavedEvaluation | None:
        row = self.conn.execute(f"SELECT {EVALUATION_COLUMNS} FROM evaluations WHERE company_id = ? "
                                "ORDER BY id DESC LIMIT 1", [company_id]).fetchone()
        return _saved(row) if row else None

    def evaluations(self, company_id: int) -> list[SavedEvaluation]:
        """Newest first."""
        rows = self.conn.execute(f"SELECT {EVALUATION_COLUMNS} FROM evaluations WHERE company_id = ? "
                                 "ORDER BY id DESC", [company_id])
        return [_saved(row) for row in rows]

    def record_packets(self, company_id: int, evaluation_id: int, paths: list[Path]) -> None:
        self._require_company(company_id)
        now = now_text()
        with self._writing():
            self.conn.executemany("INSERT INTO packets (company_id, evaluation_id, created_at, path) VALUES (?, ?, ?, ?)",
                                  [(company_id, evaluation_id, now, str(path)) for path in paths])

    def packets(self, company_id: int) -> list[PacketRecord]:
        """Newest first."""
        rows = self.conn.execute("SELECT id, company_id, evaluation_id, created_at, path FROM packets "
                                 "WHERE company_id = ? ORDER BY id DESC", [company_id])
        return [PacketRecord(r[0], r[1], r[2], datetime.fromisoformat(r[3]), Path(r[4])) for r in rows]


def _saved(row: tuple) -> SavedEvaluation:
    return SavedEvaluation(row[0], row[1], datetime.fromisoformat(row[2]), Evaluation.from_json(json.loads(row[3])))
