"""The policy data a data folder adds to the bundled one: successor policy packs an administrator
imported, and LPR values a user entered. The application and the CLI both read them here, so a firm
evaluates the same in the window, in `zjtx-desktop evaluate` and on its packets.

A pack is data only (policy.yaml and texts). It is checked completely by core's loader before
anything is copied, so a bad pack changes nothing.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from zjtx_desktop.core.policy import (
    Policy,
    PolicyError,
    RateSeries,
    default_policies,
    load_policies,
    load_policy,
    load_rates,
)
from zjtx_desktop.store.locations import rates_dir

POLICY_FOLDER = "policies"
PACK_FILE_TYPES = frozenset({".yaml", ".yml", ".txt", ".md"})


def installed_policies(*, data_dir: Path) -> tuple[Policy, ...]:
    """The bundled policy, and the successor packs an administrator imported into the data folder."""
    folder = Path(data_dir) / POLICY_FOLDER
    imported = load_policies(folder) if folder.is_dir() and any(folder.iterdir()) else ()
    return tuple(sorted((*default_policies(), *imported), key=lambda p: p.effective_from))


def user_rates(*, data_dir: Path) -> dict[str, RateSeries]:
    """The bundled rate tables with the LPR values a user added (`zjtx-desktop lpr --add`)."""
    return load_rates(user_folder=rates_dir(Path(data_dir)))


def import_policy_pack(*, source: Path, data_dir: Path) -> Policy:
    """Check a pack (folder or .zip holding policy.yaml) with core's loader, then copy it in.

    Raises PolicyError with the reason; nothing is copied unless the pack loads completely.
    """
    source = Path(source)
    with tempfile.TemporaryDirectory() as scratch:
        folder = _unpack(source, Path(scratch)) if source.suffix.lower() == ".zip" else source
        strangers = sorted(p.name for p in folder.rglob("*") if p.is_file() and p.suffix.lower() not in PACK_FILE_TYPES)
        if strangers:
            raise PolicyError(source.name, "", f"政策包只能包含数据文件（.yaml、.txt、.md），发现：{'、'.join(strangers)}")
        policy = load_policy(folder)
        known = {p.id for p in installed_policies(data_dir=data_dir)}
        if policy.id in known:
            raise PolicyError(source.name, "id", f"政策 {policy.id} 已经安装，无需重复导入")
        target = Path(data_dir) / POLICY_FOLDER / policy.id
        partial = Path(data_dir) / f".{policy.id}.partial"  # outside policies/: never loaded half-copied
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(folder, partial)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.rename(target)
    return load_policy(target)


def _unpack(archive: Path, scratch: Path) -> Path:
    try:
        with zipfile.ZipFile(archive) as pack:
            for name in pack.namelist():
                if name.startswith(("/", "\\")) or ".." in Path(name).parts:
                    raise PolicyError(archive.name, "", f"压缩包中的路径“{name}”不安全，已拒绝")
            pack.extractall(scratch)
    except zipfile.BadZipFile:
        raise PolicyError(archive.name, "", "不是有效的 zip 压缩包") from None
    found = sorted(scratch.rglob("policy.yaml"))
    if len(found) != 1:
        raise PolicyError(archive.name, "", "压缩包中应有且只有一个 policy.yaml")
    return found[0].parent
