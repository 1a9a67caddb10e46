"""Build all packets of the richest example firm and print the time and each file's size.

Goals: all packets and the report in < 1 s (after the fonts are loaded once, as in the running
application), each file < 200 KB with the rare-character fallback font embedded as a subset.
The build is timed three times (best and median printed: the machines are shared), then once with
a firm name holding rare characters (the fallback font embedded), with --split's upload PDFs (into a
new folder and over the previous set), and with forty rows in every table, for information.
"""

import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import load_profile_json
from zjtx_desktop.packets import Options, build_all
from zjtx_desktop.packets.fonts import register_fonts

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "05_重点小巨人_厦航智能装备.json"
SIZE_GOAL_KB = 200
RUNS = 3


def _timed(profile, evaluation, options=Options(), *, again=False):  # noqa: B008
    """One build into a new folder; with `again`, a second one over it (the old set copied aside first)."""
    with tempfile.TemporaryDirectory() as folder:
        if again:
            build_all(profile, evaluation, Path(folder), options=options)
        start = time.perf_counter()
        paths = build_all(profile, evaluation, Path(folder), options=options)
        elapsed = time.perf_counter() - start
        sizes = [(path.name, path.stat().st_size / 1024) for path in paths]
    return elapsed, sizes


def main() -> None:
    profile, _ = load_profile_json(EXAMPLE.read_text(encoding="utf-8"))
    evaluation = evaluate(profile, date(2025, 11, 20))
    start = time.perf_counter()
    register_fonts()
    font_seconds = time.perf_counter() - start
    runs = [_timed(profile, evaluation) for _ in range(RUNS)]
    times = [elapsed for elapsed, _ in runs]
    sizes = runs[0][1]
    print(f"packets: {len(sizes)} PDFs of {EXAMPLE.stem} in {min(times):.3f} s best, {statistics.median(times):.3f} s "
          f"median of {RUNS} (goal < 1 s); loading both fonts once per process: {font_seconds:.3f} s")
    for name, kb in sizes:
        print(f"  {kb:6.1f} KB  {name}{'' if kb < SIZE_GOAL_KB else '  ← over the 200 KB goal'}")
    print(f"largest: {max(kb for _, kb in sizes):.1f} KB (goal < {SIZE_GOAL_KB} KB)")

    rare = profile.with_values(company_name="厦门䶮𠅤智能装备股份有限公司", legal_representative="欧阳䶮")
    elapsed, rare_sizes = _timed(rare, evaluate(rare, evaluation.on))
    print(f"with 䶮 and 𠅤 in the names (fallback font subset embedded): {elapsed:.3f} s, "
          f"largest {max(kb for _, kb in rare_sizes):.1f} KB")
    elapsed, split_sizes = _timed(profile, evaluation, Options(split=True))
    print(f"with --split: {len(split_sizes)} PDFs in {elapsed:.3f} s, largest {max(kb for _, kb in split_sizes):.1f} KB")
    elapsed, _ = _timed(profile, evaluation, Options(split=True), again=True)
    print(f"with --split again over the previous set (old versions kept aside until all are replaced): {elapsed:.3f} s")
    sys.path.insert(0, str(ROOT / "tests" / "packets"))
    from packet_helpers import forty_rows

    raw = {**json.loads(EXAMPLE.read_text(encoding="utf-8")), **forty_rows()}
    big, _ = load_profile_json(json.dumps(raw, ensure_ascii=False))
    elapsed, big_sizes = _timed(big, evaluate(big, evaluation.on))
    print(f"forty rows in every table: {elapsed:.3f} s, largest {max(kb for _, kb in big_sizes):.1f} KB")


if __name__ == "__main__":
    main()
