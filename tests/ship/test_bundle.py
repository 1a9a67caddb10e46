"""build.spec builds a onedir bundle here (Linux; the same spec builds on Windows), and the bundle's
own self-check passes: policy, evaluation, packets with the embedded font, data folder, main window."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_NAME = "专精特新申报助手"
SUFFIX = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller is installed by `make test` ('.[dev,build]')")
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "build.spec")],
        capture_output=True, text=True, encoding="utf-8", timeout=900, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return work / "dist" / BUNDLE_NAME


def test_the_bundle_has_both_programs_and_the_data_files(bundle):
    assert (bundle / f"zjtx-desktop{SUFFIX}").is_file() and (bundle / f"zjtx-desktop-cli{SUFFIX}").is_file()
    internal = bundle / "_internal"
    for data in ("resources/policies/xm-srdi-2024/policy.yaml", "resources/fonts/wqy-microhei.ttc",
                 "resources/fonts/fallback-sc.ttf", "resources/fonts/fallback-sc.LICENSE.txt",
                 "forms/questions", "forms/packets", "examples"):
        assert (internal / data).exists(), data


def test_the_bundled_self_check_passes_with_a_chinese_data_folder(bundle, tmp_path):
    data = tmp_path / "数据 文件夹"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(bundle / f"zjtx-desktop-cli{SUFFIX}"), "self-check", "--data-dir", str(data)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("[通过]") == 5 and "自检全部通过" in done.stdout


def test_the_bundle_carries_qt_chinese_strings_and_nothing_else_of_qt_translations(bundle):
    translations = sorted(path.name for path in (bundle / "_internal").rglob("*.qm"))
    assert translations == ["qtbase_zh_CN.qm"]
