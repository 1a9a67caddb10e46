"""`zjtx-desktop criteria list | import PACK | remove ID`: successor criteria sets (认定标准包) of a data
folder, for administrators, checked as policy packs are (limits, no links, a safe id, every file
loaded, the set's own cases passed) before anything is installed; a refused pack changes nothing.
"""

from __future__ import annotations

from zjtx_desktop.commands import pack_commands
from zjtx_desktop.core.assessment.loader import CriteriaError, default_library


def _installed(data_dir):
    from zjtx_desktop.store.criteria_packs import installed_sets

    return installed_sets(data_dir)


def _import(source, data_dir):
    from zjtx_desktop.store.criteria_packs import import_criteria_pack

    return import_criteria_pack(source=source, data_dir=data_dir)


def _remove(set_id, data_dir):
    from zjtx_desktop.store.criteria_packs import remove_criteria_pack

    return remove_criteria_pack(set_id=set_id, data_dir=data_dir)


CRITERIA_COMMAND = pack_commands.PackCommand(
    name="criteria", help="梯度认定标准包：列出、导入（先完整检查和试算）、删除", noun="标准包", subject="认定标准",
    id_label="标准编号", contents="set.yaml 和 cases/ 案例", period="适用", columns=(22, 30),
    after_import="之后的梯度自评按自评日期自动选用当时适用的标准。", error=CriteriaError,
    bundled=lambda: default_library().sets, installed=_installed, import_pack=_import, remove_pack=_remove)


def register(subparsers) -> None:
    pack_commands.register(subparsers, CRITERIA_COMMAND)
