"""The firm list at a service center's scale: one query for every firm's row, cheap enough for 10,000.

Besides name, code and tier, each row says what the list shows about the firm's state: the date and
total of its last evaluation, and how complete its data is (required answers still empty, answers
refused and kept as drafts). `Database.list_companies` stays the richer call for the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from zjtx_desktop.core.questions import Questions
from zjtx_desktop.store.values import decode

ROWS_SQL = """
SELECT c.id, c.name, coalesce(c.uscc, ''), t.value, e.on_date, e.total,
       (SELECT count(*) FROM profile_values r WHERE r.company_id = c.id AND r.key IN ({required})),
       (SELECT count(*) FROM meta d WHERE d.company_id = c.id AND d.key LIKE 'draft:%' AND d.value != 'null')
FROM companies c
LEFT JOIN profile_values t ON t.company_id = c.id AND t.key = 'tier'
LEFT JOIN evaluations e ON e.id = (SELECT max(id) FROM evaluations WHERE company_id = c.id)
{where}
ORDER BY c.name, c.id
"""


@dataclass(frozen=True, slots=True)
class FirmRow:
    id: int
    name: str
    uscc: str
    tier: str  # the option's label, "" when not chosen
    last_evaluated: str  # ISO date of the last evaluation kept, "" when never evaluated
    last_total: Decimal | None
    missing_required: int  # required answers (on the pages every firm fills in) still empty
    drafts: int  # answers typed but refused, waiting to be corrected

    @property
    def complete(self) -> bool:
        return self.missing_required == 0 and self.drafts == 0


def always_required(questions: Questions) -> list[str]:
    """Required questions on the pages every firm answers (a conditional page's fields do not count)."""
    return [spec.key for page in questions.pages if page.applies_if is None
            for spec in page.fields if spec.required and spec.type != "table"]


def firm_rows(db, *, company_id: int | None = None) -> list[FirmRow]:
    """Every firm ordered by name (0.1–0.3 s for 10,000), or just the one asked for."""
    required = always_required(db.questions)
    tier = db.questions.field("tier")
    sql = ROWS_SQL.format(required=", ".join("?" * len(required)),
                          where="" if company_id is None else "WHERE c.id = ?")
    params = [*required, *([] if company_id is None else [company_id])]
    labels: dict[str | None, str] = {None: ""}
    rows = []
    for r in db.conn.execute(sql, params):
        if r[3] not in labels:
            labels[r[3]] = tier.option_label(decode(tier, r[3]))
        rows.append(FirmRow(r[0], r[1], r[2], labels[r[3]], r[4] or "",
                            None if r[5] is None else Decimal(r[5]), len(required) - r[6], r[7]))
    return rows
