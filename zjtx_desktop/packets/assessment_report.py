"""build_assessment_report: the 梯度培育自评报告 PDF, checked first and written atomically."""

from __future__ import annotations

from pathlib import Path

from zjtx_desktop.core.assessment.results import Assessment
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.packets.build import identity_gaps, require_complete, write_file
from zjtx_desktop.packets.naming import Naming
from zjtx_desktop.packets.sections.assessment_report import TITLE, build
from zjtx_desktop.packets.styles import write_document


def report_path(profile: Profile, out_dir: Path) -> Path:
    """<firm>_梯度培育自评报告.pdf, the firm's part shortened as in a packet's name (naming.py)."""
    return Naming(Path(out_dir), profile.get("company_name"), [], split=False, report=TITLE).summary()


def build_assessment_report(profile: Profile, assessment: Assessment, out_dir: Path, *,
                            cell_recorder: list | None = None) -> Path:
    """<firm>_梯度培育自评报告.pdf in out_dir; PacketFieldsMissing when the firm's name or code is empty,
    UnprintableText when a character the report would print has no glyph in the bundled fonts."""
    require_complete(profile, identity_gaps(profile, TITLE))
    path = report_path(profile, out_dir)
    write_file(path, TITLE, lambda temporary: write_document(
        temporary, build(assessment), title=TITLE, firm_name=profile.get("company_name"), created=assessment.on,
        cell_recorder=cell_recorder))
    return path
