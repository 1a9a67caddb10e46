"""Tier self-assessment figures: loading the criteria, assessing 10,000 varied firms (as evaluate --all
--out does, without the 'opens' figures) and one firm with them (as the app does after each edit),
and building the 梯度培育自评报告. Goals: a firm with opens < 5 ms, the report < 1 s and < 200 KB."""

import tempfile
import time
from datetime import date
from pathlib import Path

from bench_evaluate import varied_profiles

from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.assessment.loader import load_library

COUNT = 10_000
ON = date(2026, 6, 30)


def main() -> None:
    start = time.perf_counter()
    library = load_library()
    print(f"load criteria: {len(library.sets)} sets in {(time.perf_counter() - start) * 1e3:.0f} ms")
    profiles = varied_profiles(COUNT)
    start = time.perf_counter()
    for profile in profiles:
        assess(profile, ON, library=library, with_opens=False)
    elapsed = time.perf_counter() - start
    print(f"assess without opens: {COUNT} firms in {elapsed:.2f} s = {elapsed / COUNT * 1e3:.2f} ms per firm")
    sample = profiles[:600]
    start = time.perf_counter()
    for profile in sample:
        assess(profile, ON, library=library)
    elapsed = time.perf_counter() - start
    print(f"assess with opens (the app, after each edit): {elapsed / len(sample) * 1e3:.2f} ms per firm")
    from zjtx_desktop.packets.assessment_report import build_assessment_report

    with tempfile.TemporaryDirectory() as folder:
        sizes, times = [], []
        for profile in profiles[:6]:
            assessment = assess(profile, ON, library=library)
            start = time.perf_counter()
            path = build_assessment_report(profile, assessment, Path(folder))
            times.append(time.perf_counter() - start)
            sizes.append(path.stat().st_size)
        print(f"report PDF: {min(times):.2f}–{max(times):.2f} s, {min(sizes) // 1024}–{max(sizes) // 1024} KB "
              "(first one includes loading reportlab and the font)")


if __name__ == "__main__":
    main()
