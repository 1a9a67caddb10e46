"""Firms and their profile values: one row per field, so saving one field touches one row.

Every change of a value goes through `_write_values`, which also writes the audit rows, so no
path can change a firm's data without leaving its history.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from zjtx_desktop.core.profile import Issue, Profile, ProfileInvalid, parse_field, parse_profile
from zjtx_desktop.store.backups import take_backup
from zjtx_desktop.store.base import StoreBase, now_text
from zjtx_desktop.store.errors import translated
from zjtx_desktop.store.records import CompanySummary, SaveResult
from zjtx_desktop.store.values import decode, encode

SOURCE_UI = "界面录入"
COPY_SUFFIX = "（副本）"

LIST_SQL = """
SELECT c.id, c.name, c.uscc, c.updated_at, t.value, e.on_date, e.total
FROM companies c
LEFT JOIN profile_values t ON t.company_id = c.id AND t.key = 'tier'
LEFT JOIN evaluations e ON e.id = (SELECT max(id) FROM evaluations WHERE company_id = c.id)
WHERE :search = '' OR instr(lower(c.name), :search) > 0 OR instr(lower(coalesce(c.uscc, '')), :search) > 0
ORDER BY c.name, c.id
"""


def normalise_uscc(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


class CompaniesMixin(StoreBase):
    def list_companies(self, search: str = "") -> list[CompanySummary]:
        tier = self.questions.field("tier")
        rows = self.conn.execute(LIST_SQL, {"search": search.strip().lower()}).fetchall()
        return [CompanySummary(id=r[0], name=r[1], uscc=r[2] or "", updated_at=datetime.fromisoformat(r[3]),
                               tier=tier.option_label(decode(tier, r[4])),
                               last_evaluated=date.fromisoformat(r[5]) if r[5] else None,
                               last_total=Decimal(r[6]) if r[6] is not None else None) for r in rows]

    def company_id_by_uscc(self, code: str) -> int | None:
        row = self.conn.execute("SELECT id FROM companies WHERE uscc = ?", [normalise_uscc(code)]).fetchone()
        return row[0] if row else None

    def profile(self, company_id: int) -> Profile:
        self._require_company(company_id)
        stored = dict(self.conn.execute("SELECT key, value FROM profile_values WHERE company_id = ?", [company_id]))
        return Profile({spec.key: decode(spec, stored[spec.key]) for spec in self.questions.fields
                        if spec.key in stored}, self.questions)

    def create_company(self, values: dict | None = None, *, source: str = SOURCE_UI) -> int:
        """A new firm from raw values (what a user typed). Raises ProfileInvalid with every issue."""
        profile, _ = parse_profile(dict(values or {}), self.questions)
        self._refuse_taken_uscc(profile.get("uscc"), None)
        with self._writing():
            return self._insert_company(dict(profile.items()), source)

    def copy_company(self, company_id: int) -> int:
        """“复制为新企业”: the same answers under a new firm, without the code that identifies the old one."""
        values = dict(self.profile(company_id).items())
        values.pop("uscc", None)
        spec = self.questions.field("company_name")
        name = values.get("company_name") or ""
        room = spec.max_length - len(COPY_SUFFIX) if spec.max_length else None
        values["company_name"] = name[:room] + COPY_SUFFIX
        with self._writing():
            return self._insert_company(values, f"复制自企业 {name}")

    def delete_company(self, company_id: int) -> Path:
        """Back up first, so a deletion by mistake can be undone by restoring that backup.

        The firm's history goes too: its audit rows hold every value it ever had (bank account, mobile
        number, legal representative), which must not outlive the firm in the database or in every
        later backup. The pre-delete backup keeps them for recovery; one row records the deletion.
        Deleted pages are overwritten (secure_delete) and the WAL emptied, so no copy lingers in the file.
        """
        _, name, uscc = self._require_company(company_id)
        with translated(self.data_dir):
            path = take_backup(self.conn, self.data_dir, "delete")
        with self._writing():
            for table in ("packets", "evaluations", "meta", "profile_values", "audit"):
                self.conn.execute(f"DELETE FROM {table} WHERE company_id = ?", [company_id])
            self.conn.execute("DELETE FROM changes WHERE id NOT IN (SELECT change_id FROM audit)")
            self.conn.execute("DELETE FROM companies WHERE id = ?", [company_id])
            change = self._new_change(f"删除企业，删除前备份：{path.name}")
            self.conn.execute("INSERT INTO audit (change_id, company_id, key, old, new) VALUES (?, ?, '', ?, NULL)",
                              [change, company_id, f"{name}（{uscc or '无代码'}）"])
        with contextlib.suppress(sqlite3.Error):  # a reader may hold the WAL; its frames are overwritten later
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        return path

    def save_field(self, company_id: int, key: str, raw: Any) -> SaveResult:
        """Autosave: validate, and if the value is usable, commit it at once with its audit row."""
        spec = self.questions.field(key)
        self._require_company(company_id)
        value, errors, warnings = parse_field(spec, raw)
        if spec.type == "uscc" and not errors:
            errors = self._uscc_taken_issues(value, company_id)
        if errors:
            old = self.conn.execute("SELECT value FROM profile_values WHERE company_id = ? AND key = ?",
                                    [company_id, key]).fetchone()
            return SaveResult(decode(spec, old[0]) if old else None, errors, warnings)
        with self._writing():
            self._write_values(company_id, {key: value}, SOURCE_UI)
        return SaveResult(None if value == [] else value, [], warnings)

    def _uscc_taken_issues(self, code: str | None, company_id: int | None) -> list[Issue]:
        owner = self.company_id_by_uscc(code) if code else None
        if owner is None or owner == company_id:
            return []
        _, name, _ = self._require_company(owner)
        return [Issue("uscc", self.questions.field("uscc").label,
                      f"已有企业“{name}”使用这个代码。同一家企业请直接在原记录中修改；如确是另一家企业，请对照营业执照核对代码")]

    def _refuse_taken_uscc(self, code: str | None, company_id: int | None) -> None:
        issues = self._uscc_taken_issues(code, company_id)
        if issues:
            raise ProfileInvalid(issues)

    def _insert_company(self, values: dict[str, Any], source: str) -> int:
        now = now_text()
        cursor = self.conn.execute("INSERT INTO companies (name, created_at, updated_at) VALUES ('', ?, ?)", [now, now])
        self._write_values(cursor.lastrowid, values, source)
        return cursor.lastrowid

    def _write_values(self, company_id: int, values: dict[str, Any], source: str) -> None:
        """Write the values that differ from what is stored (None or [] clears), each with its audit row."""
        now = now_text()
        old = dict(self.conn.execute("SELECT key, value FROM profile_values WHERE company_id = ?", [company_id]))
        changes = [(key, None if value is None or value == [] else encode(value)) for key, value in values.items()]
        changes = [(key, new) for key, new in changes if new != old.get(key)]
        if not changes:
            return
        self.conn.executemany("DELETE FROM profile_values WHERE company_id = ? AND key = ?",
                              [(company_id, key) for key, new in changes if new is None])
        self.conn.executemany("INSERT OR REPLACE INTO profile_values (company_id, key, value) VALUES (?, ?, ?)",
                              [(company_id, key, new) for key, new in changes if new is not None])
        change = self._new_change(source)
        self.conn.executemany("INSERT INTO audit (change_id, company_id, key, old, new) VALUES (?, ?, ?, ?, ?)",
                              [(change, company_id, key, old.get(key), new) for key, new in changes])
        self._update_summary(company_id, values, now)

    def _update_summary(self, company_id: int, values: dict[str, Any], now: str) -> None:
        """The name and code are copied onto the firm's row, for the list, search and uniqueness."""
        assignments, params = ["updated_at = ?"], [now]
        if "company_name" in values:
            assignments.append("name = ?")
            params.append(values["company_name"] or "")
        if "uscc" in values:
            assignments.append("uscc = ?")
            params.append(values["uscc"] or None)
        self.conn.execute(f"UPDATE companies SET {', '.join(assignments)} WHERE id = ?", [*params, company_id])
