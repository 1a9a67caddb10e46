"""Build all packets of the richest example firm and print the time and each file's size.

Goals: all packets and the report in < 1 s (after the font is loaded once, as in the running
application), each file < 200 KB.
"""

import tempfile
import time
from datetime import date
from pathlib import Path

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import load_profile_json
from zjtx_desktop.packets import build_all
from zjtx_desktop.packets.fonts import register_fonts

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "05_重点小巨人_厦航智能装备.json"
SIZE_GOAL_KB = 200


def main() -> None:
    profile, _ = load_profile_json(EXAMPLE.read_text(encoding="utf-8"))
    evaluation = evaluate(profile, date(2025, 11, 20))
    start = time.perf_counter()
    register_fonts()
    font_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        paths = build_all(profile, evaluation, Path(folder))
        elapsed = time.perf_counter() - start
        sizes = [(path.name, path.stat().st_size / 1024) for path in paths]
    print(f"packets: {len(paths)} PDFs of {EXAMPLE.stem} in {elapsed:.3f} s (goal < 1 s); "
          f"loading the font once per process: {font_seconds:.3f} s")
    for name, kb in sizes:
        print(f"  {kb:6.1f} KB  {name}{'' if kb < SIZE_GOAL_KB else '  ← over the 200 KB goal'}")
    print(f"largest: {max(kb for _, kb in sizes):.1f} KB (goal < {SIZE_GOAL_KB} KB)")


if __name__ == "__main__":
    main()
