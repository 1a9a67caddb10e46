"""`zjtx-desktop policy list | import PACK | remove ID`: the successor policy packs of a data folder,
for administrators (the application's 关于政策 does the same).

A pack is checked completely before it is installed (limits, no links, a safe id, the example firms
and the pack's own cases evaluated under it); a refused pack changes nothing.
"""

from __future__ import annotations

from zjtx_desktop.commands import pack_commands
from zjtx_desktop.core.policy import PolicyError, default_policies


def _installed(data_dir):
    from zjtx_desktop.store.policy_packs import installed_packs

    return installed_packs(data_dir)


def _import(source, data_dir):
    from zjtx_desktop.store.policy_data import import_policy_pack

    return import_policy_pack(source=source, data_dir=data_dir)


def _remove(pack_id, data_dir):
    from zjtx_desktop.store.policy_data import remove_policy_pack

    return remove_policy_pack(pack_id=pack_id, data_dir=data_dir)


POLICY_COMMAND = pack_commands.PackCommand(
    name="policy", help="政策包：列出、导入（先完整检查和试算）、删除", noun="政策包", subject="政策", id_label="政策编号",
    contents="policy.yaml 和 cases/ 测试用例", period="施行", columns=(24, 26),
    after_import="之后的评估按评估日期自动选用当时有效的政策。", error=PolicyError,
    bundled=default_policies, installed=_installed, import_pack=_import, remove_pack=_remove)


def register(subparsers) -> None:
    pack_commands.register(subparsers, POLICY_COMMAND)
