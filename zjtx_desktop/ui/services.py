"""The UI's only door to the store and the packets: thin keyword-only wrappers.

Widgets never reach into sqlite or reportlab; they call these functions, which only call the store,
packets and core APIs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.paths import examples_dir
from zjtx_desktop.core.policy import Policy, RateSeries
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.results import Evaluation
from zjtx_desktop.core.values import is_blank
from zjtx_desktop.store import (
    Database,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    SaveResult,
    StoreError,
    default_data_dir,
    write_excel_template,
)

__all__ = ["Database", "DatabaseDamaged", "DatabaseLocked", "DatabaseTooNew", "default_data_dir"]

USER_ERRORS: tuple[type[Exception], ...] = (StoreError,)  # and packets' own, once loaded (errors.py)


class FirmSession:
    """One firm in an open database: what the wizard reads and writes, by keyword.

    A new firm (`company_id` None) is written to the database only when the user first enters
    something: 新建企业 and straight back leaves no empty （未填写企业名称） firm behind. Until then
    its page bookmark and the like are kept here and written with the firm.
    """

    def __init__(self, db: Database, company_id: int | None):
        self.db, self.company_id = db, company_id
        self._pending_meta: dict[str, Any] = {}

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def exists(self) -> bool:
        return self.company_id is not None

    def _create(self) -> int:
        self.company_id = self.db.create_company()
        for key, value in self._pending_meta.items():
            self.db.set_meta(self.company_id, key, value)
        self._pending_meta.clear()
        return self.company_id

    def save_field(self, *, key: str, raw: Any):
        if not self.exists:
            if is_blank(raw):
                return SaveResult(None)
            self._create()
        return self.db.save_field(self.company_id, key, raw)

    def profile(self) -> Profile:
        return self.db.profile(self.company_id) if self.exists else Profile({})

    def get_meta(self, *, key: str, default: Any = None) -> Any:
        if not self.exists:
            return self._pending_meta.get(key, default)
        return self.db.get_meta(self.company_id, key, default)

    def set_meta(self, *, key: str, value: Any, screen_state: bool = False) -> None:
        if self.exists:
            self.db.set_meta(self.company_id, key, value, screen_state=screen_state)
        else:
            self._pending_meta[key] = value

    def save_evaluation(self, *, evaluation: Evaluation) -> int | None:
        return self.db.save_evaluation(self.company_id, evaluation) if self.exists else None

    def record_packets(self, *, eval_id: int, paths: list[Path]) -> None:
        self.db.record_packets(self.company_id, eval_id, paths)


def write_import_template(*, path: Path) -> None:
    """The blank Excel import workbook (drop-down lists, 填写说明), as `zjtx-desktop template` writes it."""
    write_excel_template(path)


# -- evaluation and packets -------------------------------------------------------------------------
def evaluate_firm(*, profile: Profile, on: date, policies: tuple[Policy, ...],
                  rates: dict[str, RateSeries]) -> Evaluation:
    return evaluate(profile, on, policies=policies, rates=rates)


def _packets():
    """reportlab takes 0.15 s to import; it is loaded when the first packet is asked for, not at start."""
    from zjtx_desktop import packets

    return packets


def applicable_measures(*, evaluation: Evaluation, allow_expired: bool = False) -> list[str]:
    return _packets().applicable_measures(evaluation, allow_expired=allow_expired)


def policy_end_passed(*, evaluation: Evaluation, policies: tuple[Policy, ...]) -> date | None:
    """The policy's end date when the evaluation date is after it (packets then need the user's consent)."""
    return _packets().policy_end_passed(evaluation, policies)


def packet_gaps(*, profile: Profile, evaluation: Evaluation, measures: list[str] | None = None, options=None) -> list:
    """What 生成 would stop for (packets' own check), packet by packet: `.packet`, `.detail`, `.field`.
    Without `measures`: every packet the firm can apply for, as the review page lists them."""
    _packets()
    from zjtx_desktop.packets.build import gaps

    return gaps(profile, evaluation, measures, options=options or packet_options())


def missing_packet_fields(*, profile: Profile, evaluation: Evaluation, measures: list[str], options=None) -> list:
    """Every field the chosen packets (and the summary report) still need, each once, in form order."""
    gaps = packet_gaps(profile=profile, evaluation=evaluation, measures=measures, options=options)
    return _packets().PacketFieldsMissing(gaps).fields


def packet_options(*, split: bool = False, beside: bool = False, policy_end: date | None = None):
    return _packets().Options(split=split, beside=beside, policy_end=policy_end)


def unprintable_from(error: BaseException):
    """The build's UnprintableText (fields and characters no font has), or None for another error."""
    return error if isinstance(error, _packets().UnprintableText) else None


def safe_file_part(*, name: str | None, fallback: str) -> str:
    from zjtx_desktop.packets.naming import safe_file_part as clean

    return clean(name, fallback)


def fields_missing_from(error: BaseException) -> list | None:
    """The fields a packet build stopped for, or None when the error is of another kind."""
    packets = _packets()
    return list(error.fields) if isinstance(error, packets.PacketFieldsMissing) else None


def build_packets(*, profile: Profile, evaluation: Evaluation, out_dir: Path, measures: list[str],
                  progress: Callable[[int, int, str], None], options=None) -> list[Path]:
    """The chosen packets and the report; the list returned carries `notes` for the user."""
    return _packets().build_all(profile, evaluation, out_dir, measures=measures, progress=progress,
                                options=options or packet_options())


def assess_firm(*, profile: Profile, on: date, policies: tuple[Policy, ...], rates: dict[str, RateSeries],
                data_dir: Path):
    """(the tier self-assessment for the 梯度自评 tab, a notice or ""): under the bundled criteria and those
    imported into the data folder (loaded once, then cached); its "opens" figures use the same policies
    and rates. An imported set that no longer loads must not keep a firm from opening: the bundled sets
    are used and the notice says so."""
    from zjtx_desktop.core.assessment import assess
    from zjtx_desktop.core.assessment.loader import CriteriaError, default_library
    from zjtx_desktop.store.criteria_packs import installed_library

    try:
        library, notice = installed_library(data_dir=data_dir), ""
    except CriteriaError as error:
        library = default_library()
        notice = f"数据文件夹中导入的认定标准包无法读取，本次按程序自带的标准测算：{error}"
    return assess(profile, on, library=library, policies=policies, rates=rates), notice


def build_assessment_report(*, profile: Profile, assessment, folder: Path | str) -> Path:
    from zjtx_desktop.packets.assessment_report import build_assessment_report as build

    return build(profile, assessment, Path(folder))


# -- the demo ---------------------------------------------------------------------------------------
def fill_demo(*, db: Database) -> None:
    """The example firms, for a first look and for training at service centers."""
    for path in sorted(examples_dir().glob("*.json")):
        db.import_json(path)
