"""The packets API the UI and the CLI call: which packets apply, what they still need, build them.

Every build checks its fields first and raises PacketFieldsMissing before a file is written, so a
packet never reaches a printer with a box left empty by accident.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.questions import Field
from zjtx_desktop.core.results import Evaluation
from zjtx_desktop.packets.check import MissingItem, PacketFieldsMissing, missing_items
from zjtx_desktop.packets.context import applicable_measures, packet_context, packet_title
from zjtx_desktop.packets.forms import PacketForm, default_forms
from zjtx_desktop.packets.render import render_packet, render_summary
from zjtx_desktop.packets.summary_context import summary_context

SUMMARY_NAME = "政策评估报告"
IDENTITY_KEYS = ("company_name", "uscc")
UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
FIRM_NAME_LIMIT = 60

Progress = Callable[[int, int, str], None]


class NoPacketForMeasure(ValueError):
    """The measure does not apply to this firm (or has no packet form): nothing to print."""


def safe_file_part(text: str) -> str:
    """A firm name usable as part of a Windows file name: no reserved characters, not too long."""
    cleaned = UNSAFE_IN_FILE_NAMES.sub("_", text).strip(" .")[:FIRM_NAME_LIMIT].strip(" .")
    return cleaned or "企业"


def _form(evaluation: Evaluation, measure: str) -> PacketForm:
    result = evaluation.result(measure)
    if measure not in applicable_measures(evaluation):
        raise NoPacketForMeasure(f"措施{measure}“{result.title}”的评估结论为{result.status}，没有可生成的申请材料")
    try:
        return default_forms()[measure]
    except KeyError:
        raise NoPacketForMeasure(f"措施{measure}“{result.title}”还没有申请表定义（forms/packets/{measure}.yaml）") from None


def _identity_gaps(profile: Profile, packet: str) -> list[MissingItem]:
    return [MissingItem(packet, profile.questions.field(key), f"「{profile.label(key)}」")
            for key in IDENTITY_KEYS if profile.get(key) is None]


def _packet_gaps(profile: Profile, evaluation: Evaluation, measure: str) -> list[MissingItem]:
    label = f"措施{measure} {packet_title(evaluation.result(measure))}"
    return missing_items(profile, _form(evaluation, measure), label)


def missing_fields(profile: Profile, evaluation: Evaluation, measure: str) -> list[Field]:
    """The question fields still empty that this measure's packet prints (the wizard's to-do list)."""
    return PacketFieldsMissing(_packet_gaps(profile, evaluation, measure)).fields


def gaps(profile: Profile, evaluation: Evaluation, measures: Iterable[str] | None = None) -> list[MissingItem]:
    """Everything build_all would stop for, packet by packet: the summary report's identity fields,
    then each packet's fields (the wizard's review lists these, so it never disagrees with 生成)."""
    measures = list(applicable_measures(evaluation) if measures is None else measures)
    return _identity_gaps(profile, SUMMARY_NAME) + [item for m in measures for item in _packet_gaps(profile, evaluation, m)]


def _require(items: list[MissingItem]) -> None:
    if items:
        raise PacketFieldsMissing(items)


def packet_path(profile: Profile, measure: str, out_dir: Path) -> Path:
    return Path(out_dir) / f"{safe_file_part(profile.get('company_name'))}_{measure}_申请材料.pdf"


def summary_path(profile: Profile, out_dir: Path) -> Path:
    return Path(out_dir) / f"{safe_file_part(profile.get('company_name'))}_{SUMMARY_NAME}.pdf"


def _write_packet(profile: Profile, evaluation: Evaluation, measure: str, out_dir: Path) -> Path:
    context = packet_context(profile, evaluation, _form(evaluation, measure))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    return render_packet(context, packet_path(profile, measure, out_dir))


def _write_summary(profile: Profile, evaluation: Evaluation, out_dir: Path) -> Path:
    context = summary_context(evaluation, profile.get("company_name"), profile.get("uscc"))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    return render_summary(context, summary_path(profile, out_dir))


def build_packet(profile: Profile, evaluation: Evaluation, measure: str, out_dir: Path) -> Path:
    """<firm>_<measure>_申请材料.pdf in out_dir; PacketFieldsMissing if a needed field is empty."""
    _require(_packet_gaps(profile, evaluation, measure))
    return _write_packet(profile, evaluation, measure, out_dir)


def build_summary(profile: Profile, evaluation: Evaluation, out_dir: Path) -> Path:
    """<firm>_政策评估报告.pdf: all sub-items, whatever their status."""
    _require(_identity_gaps(profile, SUMMARY_NAME))
    return _write_summary(profile, evaluation, out_dir)


def build_all(profile: Profile, evaluation: Evaluation, out_dir: Path, *, measures: Iterable[str] | None = None,
              progress: Progress | None = None) -> list[Path]:
    """Every applicable packet (or those asked for) and the summary report, which is always written.

    All fields are checked before the first file is written, and every gap is reported at once.
    """
    measures = list(applicable_measures(evaluation) if measures is None else measures)
    _require(gaps(profile, evaluation, measures))
    total = len(measures) + 1
    paths = []
    for done, measure in enumerate(measures):
        if progress:
            progress(done, total, packet_title(evaluation.result(measure)))
        paths.append(_write_packet(profile, evaluation, measure, out_dir))
    if progress:
        progress(total - 1, total, SUMMARY_NAME)
    paths.append(_write_summary(profile, evaluation, out_dir))
    if progress:
        progress(total, total, "完成")
    return paths
