"""The store's speed on a service center's scale. Prints figures; not a timed test.

Goals (issue 3): autosave of one field < 5 ms (median); import of 10,000 firms from Excel < 30 s.
Also printed: the database's size for 10,000 firms, and what opening it (integrity check and
rotating backup included) and exporting it cost.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from stdnum.cn import uscc as stdnum_uscc

from zjtx_desktop.core.profile import parse_profile
from zjtx_desktop.store import Database
from zjtx_desktop.store.excel_write import write_firms_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_evaluate import varied_profiles  # noqa: E402  (the same varied example firms)

COUNT = 10_000


def with_codes(profiles):
    """Each firm its own valid 统一社会信用代码 and name, as a real workbook would have."""
    for number, profile in enumerate(profiles, start=1):
        base = f"91350200{number:09d}"
        code = base + stdnum_uscc.calc_check_digit(base)
        yield profile.with_values(uscc=code, company_name=f"{profile.get('company_name')}{number}")


def bench_import(folder: Path) -> Database:
    workbook = folder / "firms.xlsx"
    write_firms_workbook(workbook, with_codes(varied_profiles(COUNT)))
    db = Database.open(folder / "data")
    start = time.perf_counter()
    report = db.import_excel(workbook)
    elapsed = time.perf_counter() - start
    assert report.ok and len(report.created) == COUNT, report.summary()[:500]
    print(f"import: {COUNT} firms from Excel ({workbook.stat().st_size / 1e6:.1f} MB) in {elapsed:.1f} s "
          f"(goal: < 30 s)")
    return db


def bench_autosave(db: Database) -> None:
    firm = db.list_companies()[COUNT // 2].id
    times = []
    for index in range(300):
        start = time.perf_counter()
        result = db.save_field(firm, "revenue", str(18_600_000 + index))
        times.append(time.perf_counter() - start)
        assert result.saved
    print(f"autosave: one field, median {statistics.median(times) * 1000:.2f} ms, "
          f"95th percentile {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms (goal: median < 5 ms)")


def bench_size_open_export(folder: Path) -> None:
    path = folder / "data" / "zjtx.db"
    print(f"size: {path.stat().st_size / 1e6:.1f} MB for {COUNT} firms "
          f"({path.stat().st_size / COUNT / 1e3:.1f} KB per firm, audit trail included)")
    start = time.perf_counter()
    db = Database.open(folder / "data")
    print(f"open: {time.perf_counter() - start:.2f} s (integrity check and rotating backup included)")
    start = time.perf_counter()
    db.export_excel(folder / "out.xlsx")
    print(f"export: {COUNT} firms to Excel in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    db.close()
    print(f"close: {time.perf_counter() - start:.2f} s (rotating backup included)")


def main() -> None:
    parse_profile({})  # load the question files once, as the application does at start-up
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        db = bench_import(folder)
        bench_autosave(db)
        db.close()
        bench_size_open_export(folder)


if __name__ == "__main__":
    main()
