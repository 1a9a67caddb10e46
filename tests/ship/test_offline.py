"""The whole flow works with the network forbidden, on paths with Chinese characters and spaces."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLOW = Path(__file__).with_name("offline_flow.py")


def run_flow(work: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(FLOW), str(work), str(ROOT / "examples")], capture_output=True,
                          text=True, encoding="utf-8", timeout=300, cwd=ROOT)


def test_the_whole_flow_runs_with_sockets_forbidden_in_chinese_paths_with_spaces(tmp_path):
    work = tmp_path / "专精 特新 工作"
    work.mkdir()
    done = run_flow(work)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "offline flow: ok" in done.stdout
    assert len(list((work / "输出 材料").glob("*.pdf"))) == 13
    assert (work / "评估 结果.xlsx").stat().st_size > 0


def test_the_guard_really_refuses_a_socket(tmp_path):
    """The hook must fail a run that touches the network, or the test above proves nothing."""
    script = tmp_path / "probe.py"
    script.write_text(FLOW.read_text(encoding="utf-8").split("from pathlib import Path")[0]
                      + "import socket\nsocket.socket()\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode != 0 and "network use attempted: socket.__new__" in done.stderr
