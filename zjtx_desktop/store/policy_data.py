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
from zjtx_desktop.store.policy_packs import POLICY_FOLDER, InstalledPack, installed_packs

__all__ = ["POLICY_FOLDER", "import_policy_pack", "installed_policies", "readable_policies", "remove_policy_pack",
           "user_rates"]


def installed_policies(*, data_dir: Path) -> tuple[Policy, ...]:
    """The bundled policy, and the successor packs an administrator imported into the data folder;
    a pack that no longer loads is an error here (the CLI says so and stops)."""
    policies, unreadable = readable_policies(data_dir=data_dir)
    if unreadable:
        pack = unreadable[0]
        raise PolicyError(pack.id, "", f"已安装的政策包无法读取（{pack.problem}）。请删除它："
                                       f"zjtx-desktop policy remove {pack.id}，然后重新导入正确的政策包")
    return policies


def readable_policies(*, data_dir: Path) -> tuple[tuple[Policy, ...], tuple[InstalledPack, ...]]:
    """(the bundled policy and the imported packs that load, the imported packs that do not). The
    application starts with the first and lists the second in 关于政策 to be removed: one damaged
    pack must not keep the firms' data out of reach."""
    policies, unreadable = list(default_policies()), []
    for pack in installed_packs(Path(data_dir)):
        if pack.loaded is None:
            unreadable.append(pack)
        elif pack.loaded.id in {p.id for p in policies}:
            unreadable.append(InstalledPack(pack.folder, None, f"政策编号 {pack.loaded.id} 与已安装的政策重复"))
        else:
            policies.append(pack.loaded)
    return tuple(sorted(policies, key=lambda p: p.effective_from)), tuple(unreadable)


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
