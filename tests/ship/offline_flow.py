"""Run the CLI flow with every socket forbidden (see no_network.py); used by test_offline.py."""

import sys
from pathlib import Path

import no_network  # noqa: F401, I001  (before the app: the hook must see everything it does)

from zjtx_desktop.cli import main  # noqa: E402


def run(work: Path, examples: Path) -> None:
    data, out = work / "数据 文件夹", work / "输出 材料"
    steps = [
        ["evaluate", *map(str, sorted(examples.glob("*.json"))), "--format", "json"],
        ["template", "--out", str(work / "模板 文件.xlsx")],
        *(["import", str(path), "--data-dir", str(data)] for path in sorted(examples.glob("*.json"))),
        ["export", "--all", "--out", str(work / "全部 企业.xlsx"), "--data-dir", str(data)],
        ["export", "--company", "91350203MA2Y0N4F04", "--out", str(work / "导出 企业.json"), "--data-dir", str(data)],
        ["evaluate", "--all", "--out", str(work / "评估 结果.xlsx"), "--data-dir", str(data)],
        ["packets", "--company", "91350203MA2Y0N4F04", "--out", str(out), "--data-dir", str(data),
         "--date", "2025-11-20"],
        ["import", str(work / "全部 企业.xlsx"), "--update", "--data-dir", str(data)],
        ["backup", "--data-dir", str(data)],
    ]
    for step in steps:
        code = main(step)
        if code != 0:
            raise SystemExit(f"step failed ({code}): {step}")


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]))
    print("offline flow: ok")
