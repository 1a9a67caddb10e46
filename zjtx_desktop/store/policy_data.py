"""The policy data a data folder adds to the bundled one: successor policy packs an administrator
imported (store/policy_packs.py checks and installs them), and LPR values a user entered. The
application and the CLI both read them here, so a firm evaluates the same in the window, in
`zjtx-desktop evaluate` and on its packets.
"""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.core.policy import Policy, PolicyError, RateSeries, default_policies, load_rates
from zjtx_desktop.store import policy_packs
from zjtx_desktop.store.locations import rates_dir
from zjtx_desktop.store.policy_packs import POLICY_FOLDER, installed_packs

__all__ = ["POLICY_FOLDER", "import_policy_pack", "installed_policies", "remove_policy_pack", "user_rates"]


def installed_policies(*, data_dir: Path) -> tuple[Policy, ...]:
    """The bundled policy, and the successor packs an administrator imported into the data folder."""
    imported = []
    for pack in installed_packs(Path(data_dir)):
        if pack.policy is None:
            raise PolicyError(pack.id, "", f"已安装的政策包无法读取（{pack.problem}）。请删除它："
                                           f"zjtx-desktop policy remove {pack.id}，然后重新导入正确的政策包")
        imported.append(pack.policy)
    ids = [p.id for p in (*default_policies(), *imported)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise PolicyError(str(Path(data_dir) / POLICY_FOLDER), "id", f"政策编号重复：{', '.join(duplicates)}。"
                          f"请删除重复的政策包：zjtx-desktop policy remove {duplicates[0]}")
    return tuple(sorted((*default_policies(), *imported), key=lambda p: p.effective_from))


def user_rates(*, data_dir: Path) -> dict[str, RateSeries]:
    """The bundled rate tables with the LPR values a user added (`zjtx-desktop lpr --add`)."""
    return load_rates(user_folder=rates_dir(Path(data_dir)))


def import_policy_pack(*, source: Path, data_dir: Path) -> Policy:
    """Check a pack completely (limits, loader, the examples and its own cases), then install it.
    Raises PolicyError with the reasons; nothing is copied unless every check passes."""
    data_dir = Path(data_dir)
    return policy_packs.import_policy_pack(source=source, data_dir=data_dir, installed=default_policies(),
                                           rates=user_rates(data_dir=data_dir))


def remove_policy_pack(*, pack_id: str, data_dir: Path) -> Path:
    return policy_packs.remove_policy_pack(pack_id=pack_id, data_dir=Path(data_dir))
