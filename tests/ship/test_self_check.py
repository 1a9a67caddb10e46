"""`zjtx-desktop self-check`: one line per check, exit 0 only when every check passes."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def self_check(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", "self-check", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=ROOT)


def test_every_check_passes_on_a_fresh_chinese_data_folder(tmp_path):
    done = self_check(tmp_path / "服务 中心")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split("：")[0] for line in lines[:5]] == [
        "[通过] 政策数据", "[通过] 示例企业评估", "[通过] 申请材料（PDF）", "[通过] 数据文件夹", "[通过] 主窗口"]
    assert lines[-1] == "自检全部通过。"


def test_a_data_folder_that_cannot_be_written_fails_the_check_and_the_exit_code(tmp_path):
    blocked = tmp_path / "不是文件夹"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    done = self_check(blocked)
    assert done.returncode == 1
    assert "[失败] 数据文件夹" in done.stdout and "无法写入" in done.stdout and "[通过] 主窗口" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
