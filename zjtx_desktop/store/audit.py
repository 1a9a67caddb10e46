"""Reading the audit trail: who changed what, when — a field's history and a firm's."""

from __future__ import annotations

from datetime import datetime

from zjtx_desktop.store.base import StoreBase
from zjtx_desktop.store.records import AuditEntry
from zjtx_desktop.store.values import display

WHOLE_FIRM = "（整个企业）"
AUDIT_SQL = "SELECT c.time, a.company_id, a.key, a.old, a.new, c.source FROM audit a JOIN changes c ON c.id = a.change_id"


class AuditMixin(StoreBase):
    def field_history(self, company_id: int, key: str) -> list[AuditEntry]:
        """Oldest first, as a history is read."""
        rows = self.conn.execute(f"{AUDIT_SQL} WHERE a.company_id = ? AND a.key = ? ORDER BY a.id", [company_id, key])
        return [self._entry(row) for row in rows]

    def company_history(self, company_id: int) -> list[AuditEntry]:
        rows = self.conn.execute(f"{AUDIT_SQL} WHERE a.company_id = ? ORDER BY a.id", [company_id])
        return [self._entry(row) for row in rows]

    def _entry(self, row: tuple) -> AuditEntry:
        time, company_id, key, old, new, source = row
        spec = self.questions.by_key.get(key)
        if not key:
            return AuditEntry(datetime.fromisoformat(time), company_id, key, WHOLE_FIRM, old or "", new or "", source)
        return AuditEntry(datetime.fromisoformat(time), company_id, key, spec.label if spec else key,
                          display(spec, old), display(spec, new), source)
