"""Run the whole flow with every socket forbidden; used by test_offline.py in a fresh process.

An audit hook (PEP 578) sees every socket the Python process creates, connects or resolves, wherever
it comes from, and turns it into an error, so a single network call anywhere fails the run.
"""

import sys

FORBIDDEN = ("socket.__new__", "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request")


def refuse_network(event: str, args) -> None:
    if event in FORBIDDEN:
        raise RuntimeError(f"network use attempted: {event} {args!r}")


sys.addaudithook(refuse_network)

from pathlib import Path  # noqa: E402  (imported after the hook on purpose)

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
