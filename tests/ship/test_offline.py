"""The whole flow works with the network forbidden, on paths with Chinese characters and spaces."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
FLOW = HERE / "offline_flow.py"
GUI_FLOW = ("tests/gui/test_main_window.py", "tests/gui/test_wizard.py", "tests/gui/test_firm_list.py")


def run_flow(work: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(FLOW), str(work), str(ROOT / "examples")], capture_output=True,
                          text=True, encoding="utf-8", timeout=300, cwd=ROOT)


def test_the_application_flow_runs_with_sockets_forbidden_in_chinese_paths_with_spaces(tmp_path):
    """The GUI tests (declare a firm, wizard, results, packets, import/export, reopen) under the hook,
    with every temporary folder, so every data and output folder, under a Chinese path with spaces."""
    code = ("import sys, no_network, pytest\n"
            f"sys.exit(pytest.main({list(GUI_FLOW)!r} + ['-p', 'no:cacheprovider', '--basetemp', sys.argv[1]]))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "专精 特新 临时")], capture_output=True,
                          text=True, encoding="utf-8", timeout=600, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(HERE), "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "network use attempted" not in done.stdout


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
    script.write_text("import no_network\nimport socket\nsocket.socket()\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, encoding="utf-8", timeout=60,
                          env={**os.environ, "PYTHONPATH": str(HERE)})
    assert done.returncode != 0 and "network use attempted: socket.__new__" in done.stderr
