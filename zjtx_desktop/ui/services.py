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
from zjtx_desktop.store import (
    Database,
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    StoreError,
    default_data_dir,
)

__all__ = ["Database", "DatabaseDamaged", "DatabaseLocked", "DatabaseTooNew", "default_data_dir"]

USER_ERRORS: tuple[type[Exception], ...] = (StoreError,)  # and packets' own, once loaded (errors.py)


class FirmSession:
    """One firm in an open database: what the wizard reads and writes, by keyword."""

    def __init__(self, db: Database, company_id: int):
        self.db, self.company_id = db, company_id

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    def save_field(self, *, key: str, raw: Any):
        return self.db.save_field(self.company_id, key, raw)

    def profile(self) -> Profile:
        return self.db.profile(self.company_id)

    def get_meta(self, *, key: str, default: Any = None) -> Any:
        return self.db.get_meta(self.company_id, key, default)

    def set_meta(self, *, key: str, value: Any) -> None:
        self.db.set_meta(self.company_id, key, value)

    def save_evaluation(self, *, evaluation: Evaluation) -> int:
        return self.db.save_evaluation(self.company_id, evaluation)

    def record_packets(self, *, eval_id: int, paths: list[Path]) -> None:
        self.db.record_packets(self.company_id, eval_id, paths)


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


def missing_packet_fields(*, profile: Profile, evaluation: Evaluation, measures: list[str], options=None) -> list:
    """Every field the chosen packets still need, each once, in the order the wizard asks them."""
    seen: dict[str, Any] = {}
    options = options or packet_options()
    for measure in measures:
        for spec in _packets().missing_fields(profile, evaluation, measure, options=options):
            seen.setdefault(spec.key, spec)
    return list(seen.values())


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


def assess_firm(*, profile: Profile, on: date, policies: tuple[Policy, ...], rates: dict[str, RateSeries]):
    """The tier self-assessment (梯度自评 tab); its "opens" figures use the same policies and rates."""
    from zjtx_desktop.core.assessment import assess

    return assess(profile, on, policies=policies, rates=rates)


def build_assessment_report(*, profile: Profile, assessment, folder: Path | str) -> Path:
    from zjtx_desktop.packets.assessment_report import build_assessment_report as build

    return build(profile, assessment, Path(folder))


# -- the demo ---------------------------------------------------------------------------------------
def fill_demo(*, db: Database) -> None:
    """The example firms, for a first look and for training at service centers."""
    for path in sorted(examples_dir().glob("*.json")):
        db.import_json(path)
