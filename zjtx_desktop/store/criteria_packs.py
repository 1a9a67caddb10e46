"""Successor criteria sets (认定标准包) in <data folder>/criteria/: checked as a policy pack is, then used
by every self-assessment of that data folder.

A pack is a folder or a .zip holding one set (set.yaml, its tier or size files, and its own cases in
cases/*.yaml). It is staged as a hostile file (store/packs.py), core's loader must accept every file,
and the set's own cases must pass against the library it would join (core/assessment/packs.py); only
then is it renamed into place. The assessment date then picks it, as the evaluation date picks a policy.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from zjtx_desktop.core.assessment.loader import (
    CriteriaError,
    CriteriaLibrary,
    CriteriaSet,
    check_library,
    default_library,
    load_set,
)
from zjtx_desktop.core.assessment.packs import verify_set
from zjtx_desktop.store import packs

CRITERIA_PACK = packs.PackKind(noun="标准包", marker="set.yaml", folder="criteria", error=CriteriaError,
                               command="criteria")


def installed_sets(data_dir: Path) -> list[packs.Installed[CriteriaSet]]:
    """Each folder under criteria/: its set, or why it cannot be loaded (it can still be removed)."""
    return packs.installed(CRITERIA_PACK, data_dir, load_set)


def installed_library(*, data_dir: Path) -> CriteriaLibrary:
    """The bundled sets with those imported into the data folder. Loaded once per state of the
    criteria folder (the app assesses after every edit; loading takes tens of milliseconds)."""
    folder = Path(data_dir) / CRITERIA_PACK.folder
    state = tuple((sub.name, sub.stat().st_mtime_ns) for sub in packs.installed_folders(CRITERIA_PACK, data_dir))
    return _library(str(folder), state)


@lru_cache(maxsize=8)
def _library(folder: str, state: tuple) -> CriteriaLibrary:
    if not state:
        return default_library()
    imported = []
    for installed in installed_sets(Path(folder).parent):
        if installed.loaded is None:
            raise CriteriaError(installed.id, "", f"已安装的标准包无法读取（{installed.problem}）。请删除它："
                                                  f"zjtx-desktop criteria remove {installed.id}，然后重新导入正确的标准包")
        imported.append(installed.loaded)
    return check_library((*default_library().sets, *imported))


def import_criteria_pack(*, source: Path, data_dir: Path) -> CriteriaSet:
    """Check a pack completely, then install it; raises CriteriaError with the reasons, changing nothing."""
    source, data_dir = Path(source), Path(data_dir)
    library = installed_library(data_dir=data_dir)
    with tempfile.TemporaryDirectory(prefix="zjtx-criteria-") as scratch:
        folder = packs.stage(CRITERIA_PACK, source, Path(scratch) / (source.stem or "pack"))
        candidate = load_set(folder)
        if candidate.id in {s.id for s in library.sets}:
            raise CriteriaError(source.name, "id", f"标准 {candidate.id} 已经安装或为程序自带。如要换成这个版本，请先删除"
                                                  f"已安装的（zjtx-desktop criteria remove {candidate.id}）")
        verify_set(folder, library)
        target = packs.install(CRITERIA_PACK, folder, candidate.id, data_dir, source.name)
    return load_set(target)


def remove_criteria_pack(*, set_id: str, data_dir: Path) -> Path:
    """Remove an imported set; the bundled sets cannot be removed."""
    return packs.remove(CRITERIA_PACK, set_id, Path(data_dir), {s.id for s in default_library().sets})
