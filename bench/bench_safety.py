"""What data safety costs and how fast hostile input is refused. Prints figures; not a timed test.

Restore of a 3,000-firm database (backup API build + keep-aside copy + swap), deleting a firm with its
history (secure_delete, WAL checkpoint), the pre-install check of a policy pack (examples and its own
cases), and the refusal of a shared-strings bomb, a count of 1e999999999 and a billion-laughs pack.
"""

import json
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from zjtx_desktop.cli import main
from zjtx_desktop.core.policy import PolicyError
from zjtx_desktop.store import Database, StoreError
from zjtx_desktop.store.excel_write import write_firms_workbook
from zjtx_desktop.store.policy_data import import_policy_pack

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_evaluate import varied_profiles  # noqa: E402
from bench_store import with_codes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIRMS = 3_000


def timed(what: str, action) -> None:
    start = time.perf_counter()
    result = action()
    print(f"{what}: {(time.perf_counter() - start) * 1000:.0f} ms{'' if result is None else f' ({result})'}")


def refused(action, errors=(StoreError, PolicyError)) -> str:
    try:
        action()
    except errors as error:
        return f"refused: {str(error)[:60]}…"
    return "NOT refused"


def shared_strings_bomb(folder: Path) -> Path:
    plain = folder / "plain.xlsx"
    write_firms_workbook(plain, [])
    bomb = folder / "bomb.xlsx"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for part in old.infolist():
            new.writestr(part, old.read(part.filename))
        with new.open("xl/sharedStrings.xml", "w", force_zip64=True) as stream:
            stream.write(b"<sst>" + b"<si><t>a</t></si>" * 10_000_000 + b"</sst>")
    return bomb


def main_bench() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        write_firms_workbook(folder / "firms.xlsx", with_codes(varied_profiles(FIRMS)))
        with Database.open(folder / "data") as db:
            db.import_excel(folder / "firms.xlsx")
            backup = db.backup()
            size = db.path.stat().st_size / 1e6
            timed("delete one firm with its history", lambda: db.delete_company(db.list_companies()[7].id).name)
        timed(f"restore a {FIRMS}-firm database ({size:.1f} MB)", lambda: Database.restore(folder / "data", backup).name)
        timed("restore the current file onto itself",
              lambda: Database.restore(folder / "data", folder / "data" / "zjtx.db"))
        successor = ROOT / "tests" / "data" / "policies_successor" / "xm-srdi-2027"
        timed("check and install a policy pack (examples × 3 dates, its own cases)",
              lambda: import_policy_pack(source=successor, data_dir=folder / "packs").id)
        bomb = shared_strings_bomb(folder)
        with Database.open(folder / "data") as db:
            timed(f"refuse a {bomb.stat().st_size // 1024} KB xlsx holding 10M shared strings",
                  lambda: refused(lambda: db.import_excel(bomb)))
        profile = folder / "firm.json"
        profile.write_text(json.dumps({"employees": "1e999999999", "rd_staff": "1e999999"}), encoding="utf-8")
        timed("refuse employees = 1e999999999 (evaluate, exit code)", lambda: main(["evaluate", str(profile)]))
        pack = folder / "laughs" / "xm-srdi-2099"
        shutil.copytree(successor, pack)
        laughs = "".join(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9 if i else ['"lol"'] * 9) + "]\n" for i in range(10))
        (pack / "policy.yaml").write_text(laughs + (successor / "policy.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        timed("refuse a billion-laughs policy pack",
              lambda: refused(lambda: import_policy_pack(source=pack, data_dir=folder / "packs")))


if __name__ == "__main__":
    main_bench()
