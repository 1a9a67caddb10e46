"""build_assessment_report: the 梯度培育自评报告 PDF, checked first and written atomically."""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.core.assessment.results import Assessment
from zjtx_desktop.core.atomic import atomic_path
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.packets.build import require_complete
from zjtx_desktop.packets.check import MissingItem
from zjtx_desktop.packets.naming import Naming
from zjtx_desktop.packets.sections.assessment_report import TITLE, build
from zjtx_desktop.packets.styles import write_document

IDENTITY_KEYS = ("company_name", "uscc")


def report_path(profile: Profile, out_dir: Path) -> Path:
    """<firm>_梯度培育自评报告.pdf, the firm's part shortened as in a packet's name (naming.py)."""
    return Naming(Path(out_dir), profile.get("company_name"), [], split=False, report=TITLE).summary()


def build_assessment_report(profile: Profile, assessment: Assessment, out_dir: Path, *,
                            cell_recorder: list | None = None) -> Path:
    """<firm>_梯度培育自评报告.pdf in out_dir; PacketFieldsMissing when the firm's name or code is empty,
    UnprintableText when a character the report would print has no glyph in the bundled fonts."""
    missing = [MissingItem(TITLE, profile.questions.field(key), f"「{profile.label(key)}」")
               for key in IDENTITY_KEYS if profile.get(key) is None]
    require_complete(profile, missing)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    path = report_path(profile, out_dir)
    with atomic_path(path) as temporary:
        write_document(temporary, build(assessment), title=TITLE, firm_name=profile.get("company_name"),
                       created=assessment.on, cell_recorder=cell_recorder)
    return path
