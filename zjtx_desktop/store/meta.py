"""Small per-firm UI state (e.g. the wizard page a user was on): JSON values, not audited."""

from __future__ import annotations

import json
from typing import Any

from zjtx_desktop.store.base import StoreBase


class MetaMixin(StoreBase):
    def get_meta(self, company_id: int, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM meta WHERE company_id = ? AND key = ?", [company_id, key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set_meta(self, company_id: int, key: str, value: Any, *, screen_state: bool = False) -> None:
        """An unchanged value is not written again (a stored row also proves the firm exists: meta has a
        foreign key); `screen_state` (the page a user was on) is not data a backup must hold, so opening
        a firm and quitting copies nothing."""
        text = json.dumps(value, ensure_ascii=False)  # refuses what cannot be read back, before writing
        row = self.conn.execute("SELECT value FROM meta WHERE company_id = ? AND key = ?", [company_id, key]).fetchone()
        if row is not None and row[0] == text:
            return
        self._require_company(company_id)
        with self._writing(data=not screen_state):
            self.conn.execute("INSERT OR REPLACE INTO meta (company_id, key, value) VALUES (?, ?, ?)",
                              [company_id, key, text])
