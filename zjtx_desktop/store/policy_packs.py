"""Successor policy packs in <data folder>/policies/: staged and checked as hostile files before any
byte is installed, listed, and removable.

A pack is a folder or a .zip holding policy.yaml, its own cases (cases/*.yaml, the format of
tests/cases/, see core/cases.py) and optionally texts (.txt, .md). Before it is installed:
- it is staged into a scratch folder within limits (file count, sizes; no absolute or ".." paths, no
  symbolic links or special files: a folder pack's links are refused, never followed; data files only);
- core's loader must accept its policy.yaml completely (a safe id, no YAML aliases, bounded numbers);
- the bundled example firms are evaluated under it (on its first and last day and the day after) and
  its own cases must pass: any error or failing case refuses the pack with the reasons.
Installing and removing are renames, so no half-copied pack is ever loaded.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath

from zjtx_desktop.core.cases import CaseFormatError, evaluation_problems, load_case_file, run_cases
from zjtx_desktop.core.paths import examples_dir, policies_dir
from zjtx_desktop.core.policy import POLICY_ID, Policy, PolicyError, RateSeries, load_policy
from zjtx_desktop.core.safe_yaml import MAX_YAML_BYTES, YamlRefused
from zjtx_desktop.store.permissions import private_subfolder

POLICY_FOLDER = "policies"
CASES_FOLDER = "cases"
PACK_FILE_TYPES = frozenset({".yaml", ".yml", ".txt", ".md"})
MAX_PACK_FILES = 200
MAX_PACK_FILE_BYTES = MAX_YAML_BYTES
MAX_PACK_BYTES = 16 * 1024 * 1024
MAX_PACK_DEPTH = 6
MAX_PROBLEMS_SHOWN = 8


@dataclass(frozen=True)
class InstalledPack:
    """A folder under policies/: its policy, or why it cannot be loaded (it can still be removed)."""

    folder: Path
    policy: Policy | None
    problem: str | None = None

    @property
    def id(self) -> str:
        return self.folder.name


def packs_folder(data_dir: Path) -> Path:
    return Path(data_dir) / POLICY_FOLDER


def installed_packs(data_dir: Path) -> list[InstalledPack]:
    folder = packs_folder(data_dir)
    if not folder.is_dir():
        return []
    packs = []
    for sub in sorted(folder.iterdir()):
        if sub.name.startswith(".") or sub.is_symlink() or not sub.is_dir():
            continue
        try:
            packs.append(InstalledPack(sub, load_policy(sub)))
        except PolicyError as error:
            packs.append(InstalledPack(sub, None, str(error)))
    return packs


def import_policy_pack(*, source: Path, data_dir: Path, installed: tuple[Policy, ...] = (),
                       rates: dict[str, RateSeries] | None = None) -> Policy:
    """Check a pack completely, then install it; raises PolicyError with the reasons, changing nothing."""
    source = Path(source)
    taken = {p.id for p in installed} | {pack.id for pack in installed_packs(data_dir)}
    with tempfile.TemporaryDirectory(prefix="zjtx-pack-") as scratch:
        folder = stage_pack(source, Path(scratch) / (source.stem or "pack"))  # messages name the pack as given
        policy = load_policy(folder)
        if policy.id in taken:
            raise PolicyError(source.name, "id", f"政策 {policy.id} 已经安装。如要换成这个版本，请先删除已安装的"
                                                  f"（zjtx-desktop policy remove {policy.id}，或在“关于政策”中删除）")
        check_pack(policy, folder, installed=installed, rates=rates, source=source.name)
        target = packs_folder(data_dir) / policy.id
        partial = Path(data_dir) / f".{policy.id}.partial"  # outside policies/: never loaded half-copied
        shutil.rmtree(partial, ignore_errors=True)
        try:
            private_subfolder(target.parent)
            shutil.copytree(folder, partial)
            partial.rename(target)
        except OSError as error:
            shutil.rmtree(partial, ignore_errors=True)
            raise PolicyError(source.name, "", f"无法写入 {target}（{error.strerror}），未作任何改动") from None
    return load_policy(target)


def remove_policy_pack(*, pack_id: str, data_dir: Path) -> Path:
    """Remove an installed pack (renamed out of policies/ first, so it stops counting at once)."""
    folder = packs_folder(data_dir) / pack_id
    if not POLICY_ID.fullmatch(pack_id) or not folder.is_dir() or folder.is_symlink():
        bundled = {sub.name for sub in policies_dir().iterdir()} if policies_dir().is_dir() else set()
        why = "是程序自带的政策，不能删除" if pack_id in bundled else "没有安装（可用 zjtx-desktop policy list 查看）"
        raise PolicyError(pack_id, "", why)
    doomed = Path(data_dir) / f".{pack_id}.removing-{datetime.now():%Y%m%d%H%M%S%f}"
    try:
        folder.rename(doomed)
    except OSError as error:
        raise PolicyError(pack_id, "", f"无法删除 {folder}（{error.strerror}），请关闭正在使用其中文件的程序后重试") from None
    shutil.rmtree(doomed, ignore_errors=True)
    return folder


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


# -- staging: the pack's bytes, within limits, into a scratch folder --------------------------------------
def stage_pack(source: Path, scratch: Path) -> Path:
    """Copy or unpack `source` into `scratch`; the folder holding its policy.yaml."""
    try:
        if source.is_file() and source.suffix.lower() == ".zip":
            _unzip(source, scratch)
        elif source.is_dir():
            _copy_folder(source, scratch)
        else:
            raise PolicyError(source.name, "", "请选择政策包文件夹（内含 policy.yaml）或政策包 .zip 文件")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError):
        raise PolicyError(source.name, "", "不是有效的 zip 压缩包（或已加密、已损坏）") from None
    except OSError as error:
        raise PolicyError(source.name, "", f"无法读取（{error.strerror or error}）") from None
    found = sorted(scratch.rglob("policy.yaml"))
    if source.is_dir() and (scratch / "policy.yaml") not in found:
        raise PolicyError(source.name, "", "文件夹中没有 policy.yaml，请选择政策包所在的文件夹")
    if len(found) != 1:
        raise PolicyError(source.name, "", "政策包中应有且只有一个 policy.yaml")
    return found[0].parent


class _Budget:
    def __init__(self, source: str):
        self.source, self.files, self.bytes = source, 0, 0

    def admit(self, name: str, size: int) -> None:
        parts = PurePosixPath(name).parts
        if len(parts) > MAX_PACK_DEPTH:
            self.refuse(f"“{name}”所在的文件夹层次过多")
        if PurePosixPath(name).suffix.lower() not in PACK_FILE_TYPES:
            self.refuse(f"政策包只能包含数据文件（.yaml、.txt、.md），发现：{name}")
        self.files += 1
        self.bytes += size
        if self.files > MAX_PACK_FILES:
            self.refuse(f"文件过多（超过 {MAX_PACK_FILES} 个）")
        if size > MAX_PACK_FILE_BYTES:
            self.refuse(f"“{name}”过大（{size // 1024} KB，上限 {MAX_PACK_FILE_BYTES // 1024} KB）")
        if self.bytes > MAX_PACK_BYTES:
            self.refuse(f"解压后过大（超过 {MAX_PACK_BYTES // 1024 // 1024} MB）")

    def refuse(self, why: str):
        raise PolicyError(self.source, "", why)


def _safe_name(name: str, budget: _Budget) -> str:
    """A member name as a relative path inside the pack, or a refusal: no absolute path, drive, or '..'."""
    unified = name.replace("\\", "/")
    parts = [part for part in unified.split("/") if part not in ("", ".")]
    if unified.startswith("/") or (parts and ":" in parts[0]) or ".." in parts or not parts:
        budget.refuse(f"压缩包中的路径“{name}”不安全，已拒绝")
    return "/".join(parts)


def _unzip(archive: Path, scratch: Path) -> None:
    budget = _Budget(archive.name)
    with zipfile.ZipFile(archive) as pack:
        members = pack.infolist()
        if len(members) > 2 * MAX_PACK_FILES:
            budget.refuse(f"文件过多（{len(members)} 项）")
        for member in members:
            name = _safe_name(member.filename, budget)
            kind = stat.S_IFMT(member.external_attr >> 16)
            if kind == stat.S_IFLNK:
                budget.refuse(f"政策包中不能有符号链接：{name}")
            if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                budget.refuse(f"政策包中不能有特殊文件：{name}")
            if member.is_dir():
                continue
            budget.admit(name, member.file_size)
            target = scratch / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with pack.open(member) as src, open(target, "xb") as dst:  # the reader stops at the stated size
                shutil.copyfileobj(src, dst)


def _copy_folder(source: Path, scratch: Path) -> None:
    budget = _Budget(source.name)
    is_junction = getattr(os.path, "isjunction", lambda path: False)
    for root, dirs, names in os.walk(source, followlinks=False):
        for name in sorted(dirs + names):
            path = Path(root) / name
            relative = path.relative_to(source).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode) or is_junction(path):
                budget.refuse(f"政策包中不能有符号链接或快捷方式，不会跟随：{relative}")
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode):
                budget.refuse(f"政策包中不能有特殊文件：{relative}")
            budget.admit(relative, os.lstat(path).st_size)
            target = scratch / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_regular(path, target, budget)


def _copy_regular(path: Path, target: Path, budget: _Budget) -> None:
    """Copy a file that was a regular file when looked at, refusing it if it became a link since."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as src, open(target, "xb") as dst:
        data = src.read(MAX_PACK_FILE_BYTES + 1)
        if len(data) > MAX_PACK_FILE_BYTES:
            budget.refuse(f"“{path.name}”过大")
        dst.write(data)
