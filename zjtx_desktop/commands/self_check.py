"""`zjtx-desktop self-check`: what a service center runs after installing, one line per check.

Each check exercises the real thing (the policy files, the evaluator, the PDF builder with its font,
the data folder, the main window offscreen) and says in Chinese what failed and what to do.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

from zjtx_desktop.commands.common import add_data_dir

SELF_CHECK_FIRM = "05_*.json"  # the richest example firm: nearly every measure, every packet


def register(subparsers) -> None:
    parser = subparsers.add_parser("self-check", help="安装后自检：政策数据、评估、申请材料、数据文件夹、主窗口")
    add_data_dir(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    checks: list[tuple[str, Callable[[], str]]] = [
        ("政策数据", check_policy),
        ("示例企业评估", check_evaluation),
        ("申请材料（PDF）", check_packets),
        ("数据文件夹", lambda: check_data_folder(args.data_dir)),
        ("主窗口", check_main_window),
    ]
    failures = 0
    for name, check in checks:
        try:
            print(f"[通过] {name}：{check()}", flush=True)
        except Exception as error:  # a self-check reports every failure and goes on to the next
            failures += 1
            detail = str(error) or traceback.format_exception_only(error)[-1].strip()
            print(f"[失败] {name}：{detail}", flush=True)
    print("自检全部通过。" if not failures else f"自检有 {failures} 项失败，请把以上内容发给技术支持。")
    return 0 if not failures else 1


def _example_profile():
    from zjtx_desktop.core.paths import examples_dir
    from zjtx_desktop.core.profile import load_profile_json

    path = next(examples_dir().glob(SELF_CHECK_FIRM))
    return load_profile_json(path.read_text(encoding="utf-8"))[0]


def _evaluation_date() -> date:
    """Today while the policy is in force, else its last day, so the packets are always built."""
    from zjtx_desktop.core.policy import default_policies

    policy = max(default_policies(), key=lambda p: p.effective_from)
    today = date.today()
    return today if policy.in_force(today) else policy.effective_to


def check_policy() -> str:
    from zjtx_desktop.core.policy import default_policies, default_rates
    from zjtx_desktop.core.questions import default_questions
    from zjtx_desktop.packets.forms import default_forms

    policies = default_policies()
    questions = default_questions()
    forms = default_forms()
    rates = default_rates()
    latest = policies[-1]
    return (f"{latest.document_number}，有效期 {latest.effective_from} 至 {latest.effective_to}，"
            f"{len(latest.measures)} 个子项；{len(questions.fields)} 个问题；{len(forms)} 种申请表；"
            f"利率表 {len(rates)} 个")


def check_evaluation() -> str:
    from zjtx_desktop.core.evaluator import evaluate
    from zjtx_desktop.core.money import format_yuan

    evaluation = evaluate(_example_profile(), _evaluation_date())
    eligible = [r for r in evaluation.results if r.counts_toward_total]
    if not eligible or evaluation.total <= 0:
        raise RuntimeError("示例企业没有得到任何可申请的补助，评估结果异常")
    return (f"{evaluation.company_name}：{len(evaluation.results)} 个子项，{len(eligible)} 项可申请，"
            f"合计最高 {format_yuan(evaluation.total)} 元")


def check_packets() -> str:
    from zjtx_desktop.core.evaluator import evaluate
    from zjtx_desktop.packets import build_all

    profile = _example_profile()
    evaluation = evaluate(profile, _evaluation_date())
    with tempfile.TemporaryDirectory(prefix="zjtx-自检 ") as folder:
        paths = build_all(profile, evaluation, Path(folder))
        sizes = [p.stat().st_size for p in paths]
        unembedded = [p.name for p in paths if b"/FontFile2" not in p.read_bytes()]
    if unembedded:
        raise RuntimeError(f"中文字体未嵌入：{'、'.join(unembedded)}")
    return f"生成 {len(paths)} 个PDF，{min(sizes) // 1024}–{max(sizes) // 1024} KB，中文字体已嵌入"


def check_data_folder(data_dir: Path | None) -> str:
    from zjtx_desktop.store import Database, DatabaseLocked, default_data_dir
    from zjtx_desktop.store.locations import database_path

    folder = data_dir or default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".self-check-{os.getpid()}"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as error:
        raise RuntimeError(f"{folder} 无法写入（{error.strerror}）。请换一个有写入权限的文件夹，"
                           "用 --data-dir 指定，或设置环境变量 ZJTX_DATA_DIR") from None
    if not database_path(folder).exists():
        return f"{folder} 可写（尚未建立数据库）"
    try:
        with Database.open(folder, read_only=True) as db:
            problems = db.integrity_problems()
            count = len(db.list_companies())
    except DatabaseLocked:
        return f"{folder} 可写（程序正在使用数据库）"
    if problems:
        raise RuntimeError(f"数据库完整性检查未通过：{problems[0]}。请运行 zjtx-desktop check-db")
    return f"{folder} 可写，数据库完好，{count} 家企业"


def check_main_window() -> str:
    """Open and close the main window offscreen, on a throwaway data folder."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from zjtx_desktop.ui.smoke import open_and_close_main_window

    with tempfile.TemporaryDirectory(prefix="zjtx-自检 ") as folder:
        shown = open_and_close_main_window(Path(folder))
    return f"可以打开和关闭：{shown}"
