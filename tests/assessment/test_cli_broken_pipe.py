"""`zjtx-desktop assess 企业.json | head`: when the reader stops early, the command ends quietly as Unix
tools do (no traceback, nothing on stderr, exit status 141 = 128 + SIGPIPE), whatever command printed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(next((ROOT / "examples").glob("04*.json")))
READER_GONE = 141


def run_with_stdout_closed(*args: str) -> subprocess.CompletedProcess:
    """Start the command with stdout on a pipe whose reading end is closed before it writes."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", *args], stdout=write, stderr=subprocess.PIPE,
                              text=True, encoding="utf-8", timeout=120, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        os.close(write)
    return done


@pytest.mark.parametrize("args", [
    ("assess", EXAMPLE, "--date", "2026-06-30"),
    ("assess", EXAMPLE, "--date", "2026-06-30", "--format", "json"),
    ("evaluate", EXAMPLE),
], ids=["assess text", "assess json", "evaluate"])
def test_a_reader_that_stops_early_ends_the_command_quietly(args):
    done = run_with_stdout_closed(*args)
    assert done.stderr == ""
    assert done.returncode == READER_GONE


def test_help_to_a_reader_that_left_ends_quietly_too():
    """argparse drops a help text it cannot write and exits 0 itself; nothing may follow on stderr."""
    done = run_with_stdout_closed("--help")
    assert done.stderr == ""
    assert done.returncode in (0, READER_GONE)


def test_head_reads_the_first_line_and_the_command_ends_quietly():
    command = subprocess.Popen([sys.executable, "-m", "zjtx_desktop.cli", "assess", EXAMPLE, "--date", "2026-06-30"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    first = command.stdout.readline().decode("utf-8")
    command.stdout.close()
    stderr = command.stderr.read().decode("utf-8")
    command.wait(timeout=120)
    assert first.startswith("厦门嘉禾生物制造有限公司")
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert command.returncode in (0, READER_GONE)
