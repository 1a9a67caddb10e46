"""Successor policy packs in <data folder>/policies/: staged and checked as hostile files before any
byte is installed, listed, and removable.

A pack is a folder or a .zip holding policy.yaml, its own cases (cases/*.yaml, the format of
tests/cases/, see core/cases.py) and optionally texts (.txt, .md). Before it is installed:
- it is staged into a scratch folder within limits (store/packs.py: file count, sizes; no absolute or
  ".." paths, no symbolic links or special files; data files only);
- core's loader must accept its policy.yaml completely (a safe id, no YAML aliases, bounded numbers);
- the bundled example firms are evaluated under it (on its first and last day and the day after) and
  its own cases must pass: any error or failing case refuses the pack with the reasons.
Installing and removing are renames, so no half-copied pack is ever loaded.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from zjtx_desktop.core.cases import CaseFormatError, evaluation_problems, load_case_file, run_cases
from zjtx_desktop.core.paths import examples_dir, policies_dir
from zjtx_desktop.core.policy import Policy, PolicyError, RateSeries, load_policy
from zjtx_desktop.core.safe_yaml import YamlRefused
from zjtx_desktop.store import packs

POLICY_PACK = packs.PackKind(noun="政策包", marker="policy.yaml", folder="policies", error=PolicyError,
                             command="policy")
POLICY_FOLDER = POLICY_PACK.folder
CASES_FOLDER = "cases"
MAX_PROBLEMS_SHOWN = 8


InstalledPack = packs.Installed[Policy]  # a folder under policies/: its policy, or why it cannot be loaded


def installed_packs(data_dir: Path) -> list[InstalledPack]:
    return packs.installed(POLICY_PACK, data_dir, load_policy)


def import_policy_pack(*, source: Path, data_dir: Path, installed: tuple[Policy, ...] = (),
                       rates: dict[str, RateSeries] | None = None) -> Policy:
    """Check a pack completely, then install it; raises PolicyError with the reasons, changing nothing."""
    source = Path(source)
    taken = {p.id for p in installed} | {pack.id for pack in installed_packs(data_dir)}
    with tempfile.TemporaryDirectory(prefix="zjtx-pack-") as scratch:
        # messages name the pack as given
        folder = packs.stage(POLICY_PACK, source, Path(scratch) / (source.stem or "pack"))
        policy = load_policy(folder)
        if policy.id in taken:
            raise PolicyError(source.name, "id", f"政策 {policy.id} 已经安装。如要换成这个版本，请先删除已安装的"
                                                  f"（zjtx-desktop policy remove {policy.id}，或在“关于政策”中删除）")
        check_pack(policy, folder, installed=installed, rates=rates, source=source.name)
        target = packs.install(POLICY_PACK, folder, policy.id, data_dir, source.name)
    return load_policy(target)


def remove_policy_pack(*, pack_id: str, data_dir: Path) -> Path:
    """Remove an installed pack; the bundled policies cannot be removed."""
    bundled = {sub.name for sub in policies_dir().iterdir()} if policies_dir().is_dir() else set()
    return packs.remove(POLICY_PACK, pack_id, data_dir, bundled)


def check_pack(policy: Policy, folder: Path, *, installed: tuple[Policy, ...] = (),
               rates: dict[str, RateSeries] | None = None, source: str = "") -> None:
    """Evaluate the example firms under the pack and run its own cases; refuse it on any problem."""
    source = source or folder.name
    cases = _cases(folder, source)
    if not any(case.on is not None and policy.in_force(case.on) for case in cases):
        raise PolicyError(source, CASES_FOLDER, f"测试用例中至少要有一个日期在本政策施行期内（{policy.effective_from} 起）")
    problems = _example_problems(policy, rates)
    everything = tuple(sorted((*installed, policy), key=lambda p: p.effective_from))
    problems += [str(problem) for problem in
                 run_cases(cases, lambda case: evaluation_problems(case, policies=everything, rates=rates))]
    if problems:
        shown = "\n".join(f"  - {problem}" for problem in problems[:MAX_PROBLEMS_SHOWN])
        more = f"\n  ……共 {len(problems)} 处" if len(problems) > MAX_PROBLEMS_SHOWN else ""
        raise PolicyError(source, "", f"按这个政策包试算未通过，未导入，也未作任何改动：\n{shown}{more}\n"
                                      "请把以上内容交给政策包的制作者修正")


def _cases(folder: Path, source: str):
    files = sorted((folder / CASES_FOLDER).glob("*.yaml")) if (folder / CASES_FOLDER).is_dir() else []
    try:
        cases = [case for path in files for case in load_case_file(path)]
    except (CaseFormatError, YamlRefused) as error:
        raise PolicyError(source, CASES_FOLDER, str(error)) from None
    if not cases:
        raise PolicyError(source, CASES_FOLDER, "政策包须带有自己的测试用例（cases 文件夹中的 .yaml 文件，格式同 tests/cases），"
                                                "导入前要逐一试算通过")
    return cases


def _example_problems(policy: Policy, rates) -> list[str]:
    from zjtx_desktop.core.evaluator import evaluate
    from zjtx_desktop.core.profile import load_profile_json

    last = policy.effective_to or policy.effective_from
    problems = []
    for path in sorted(examples_dir().glob("*.json")):
        profile, _ = load_profile_json(path.read_text(encoding="utf-8"))
        for on in (policy.effective_from, last, last + timedelta(days=1)):
            try:
                evaluate(profile, on, policies=(policy,), rates=rates)
            except Exception as error:  # whatever a broken pack makes the rules raise, it is refused
                problems.append(f"示例企业“{path.stem}”在 {on} 评估出错：{type(error).__name__}: {error}")
    return problems
