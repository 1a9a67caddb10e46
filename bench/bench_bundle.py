"""The Windows-style onedir bundle: its size on disk, and its cold start against the unbundled app.

Builds dist/专精特新申报助手 with build.spec unless it is already there (`--rebuild` forces it), then
starts each program fresh with `--quit-when-shown` (the main window shown, then closed) and prints the
median of several runs. Goal: bundle under 150 MB.

    QT_QPA_PLATFORM=offscreen python bench/bench_bundle.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "专精特新申报助手"
RUNS = 5


def build(force: bool) -> None:
    if BUNDLE.exists() and not force:
        return
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "build.spec"],
                   check=True, cwd=ROOT)
    print(f"build: {time.perf_counter() - begin:.1f} s")


def system_libraries_mb(folder: Path) -> float:
    """Linux system libraries PyInstaller copies beside Python (libcrypto, glib, cups…); a Windows
    bundle has none of them, since Windows provides its own."""
    if sys.platform == "win32":
        return 0.0
    return sum(p.stat().st_size for p in (folder / "_internal").glob("*.so*") if p.is_file() and not p.is_symlink()
               and not p.name.startswith("libpython")) / 1e6


def size_mb(folder: Path) -> float:
    """Bytes of real files; the bundle's symlinks to libraries would count them twice."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def median_start(command: list[str]) -> float:
    times = []
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as data_dir:
            begin = time.perf_counter()
            subprocess.run([*command, "--quit-when-shown", "--data-dir", data_dir], check=True, env=environment,
                           capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - begin)
    return statistics.median(times)


def main() -> None:
    build(force="--rebuild" in sys.argv)
    total, system = size_mb(BUNDLE), system_libraries_mb(BUNDLE)
    print(f"bundle size on disk: {total:.1f} MB (goal: < 150 MB); of which {system:.1f} MB are this OS's system "
          f"libraries, so without them (as on Windows): {total - system:.1f} MB")
    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = median_start([str(BUNDLE / f"zjtx-desktop{suffix}")])
    unbundled = median_start([sys.executable, "-m", "zjtx_desktop"])
    print(f"cold start to main window, median of {RUNS}: bundled {bundled * 1000:.0f} ms, "
          f"unbundled {unbundled * 1000:.0f} ms ({bundled / unbundled:.2f}×)")


if __name__ == "__main__":
    main()
