"""Running a criteria case (OpenFisca style): a sentence, a profile, a date, and what the assessment
must say. The tests collect them, and a criteria set's own cases.yaml must pass before it is used."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from zjtx_desktop.core.assessment.engine import assess
from zjtx_desktop.core.assessment.loader import CriteriaLibrary
from zjtx_desktop.core.assessment.results import Assessment, TierAssessment
from zjtx_desktop.core.profile import ProfileInvalid, parse_profile

TIER_CHECKS = frozenset({"overall", "note_contains", "criteria", "values", "points", "total", "gap_contains", "gap_excludes",
                         "opens_total", "opens"})
TOP_CHECKS = frozenset({"criteria_set", "size", "size_status", "size_group", "size_warning_contains", "best_reachable", "tiers", "absent_tiers",
                        "designated"})


def _tier(assessment: Assessment, key: str) -> TierAssessment | None:
    tier, _, kind = key.partition("@")
    try:
        return assessment.tier(tier, kind or ("tech_sme" if tier == "tech_sme" else "apply"))
    except KeyError:
        return None


def _check_tier(key: str, assessed: TierAssessment, expected: dict[str, Any]) -> list[str]:
    problems = [f"{key}: unknown expectation {k}" for k in sorted(set(expected) - TIER_CHECKS)]
    rows = {row.id: row for row in assessed.criteria}
    if "note_contains" in expected and expected["note_contains"] not in assessed.overall_note:
        problems.append(f"{key} overall note: {expected['note_contains']!r} not in {assessed.overall_note!r}")
    if "overall" in expected and str(assessed.overall) != expected["overall"]:
        problems.append(f"{key} overall: expected {expected['overall']}, got {assessed.overall} ({assessed.overall_note})")
    for field, attribute in (("criteria", "status"), ("values", "value"), ("points", "points")):
        for path, want in (expected.get(field) or {}).items():
            row = rows.get(path)
            got = None if row is None else str(getattr(row, attribute))
            if got != str(want):
                problems.append(f"{key} {path} {attribute}: expected {want}, got {got}"
                                + (f" ({row.value} / {row.threshold} / {row.note})" if row else f" (ids: {sorted(rows)})"))
    if "total" in expected:
        got = assessed.score_sheets[0].total if assessed.score_sheets else None
        if got != Decimal(str(expected["total"])):
            problems.append(f"{key} total: expected {expected['total']}, got {got}")
    gap = "\n".join(assessed.gap)
    if "gap_contains" in expected and expected["gap_contains"] not in gap:
        problems.append(f"{key} gap: {expected['gap_contains']!r} not in {gap!r}")
    if "gap_excludes" in expected and expected["gap_excludes"] in gap:
        problems.append(f"{key} gap: {expected['gap_excludes']!r} should not be in {gap!r}")
    if "opens_total" in expected and assessed.opens_total != Decimal(str(expected["opens_total"])):
        problems.append(f"{key} opens_total: expected {expected['opens_total']}, got {assessed.opens_total}")
    opened = {o.measure: o.amount for o in assessed.opens}
    for measure, want in (expected.get("opens") or {}).items():
        got = opened.get(str(measure), "absent")
        if (want if want in (None, "absent") else Decimal(str(want))) != got:
            problems.append(f"{key} opens {measure}: expected {want}, got {got}")
    return problems


def check(assessment: Assessment, output: dict[str, Any]) -> list[str]:
    problems = [f"unknown expectation {k}" for k in sorted(set(output) - TOP_CHECKS)]
    if not output:
        problems.append("a case must expect something (output is empty)")
    if "criteria_set" in output and assessment.set_id != output["criteria_set"]:
        problems.append(f"criteria_set: expected {output['criteria_set']}, got {assessment.set_id}")
    if "size" in output and assessment.size.size != output["size"]:
        problems.append(f"size: expected {output['size']}, got {assessment.size.size} ({'；'.join(assessment.size.working)})")
    if "size_status" in output and str(assessment.size.status) != output["size_status"]:
        problems.append(f"size status: expected {output['size_status']}, got {assessment.size.status} ({assessment.size.working})")
    if "size_group" in output and assessment.size.line_id != output["size_group"]:
        problems.append(f"size group: expected {output['size_group']}, got {assessment.size.line_id}")
    if "size_warning_contains" in output and output["size_warning_contains"] not in assessment.size.warning:
        problems.append(f"size warning: {output['size_warning_contains']!r} not in {assessment.size.warning!r}")
    if "best_reachable" in output:
        best = assessment.best_reachable
        if (best.tier if best else None) != output["best_reachable"]:
            problems.append(f"best_reachable: expected {output['best_reachable']}, got {best.tier if best else None}")
    if "designated" in output and [line.tier for line in assessment.designated] != list(output["designated"] or []):
        problems.append(f"designated: expected {output['designated']}, got {[line.tier for line in assessment.designated]}")
    for key, expected in (output.get("tiers") or {}).items():
        assessed = _tier(assessment, key)
        if assessed is None:
            problems.append(f"{key}: not assessed (assessed: {[t.tier + '@' + t.kind for t in assessment.tiers]})")
            continue
        problems += _check_tier(key, assessed, expected)
    for key in output.get("absent_tiers") or ():
        if _tier(assessment, key) is not None:
            problems.append(f"{key}: should not be assessed")
    return problems


def run_case(case: dict[str, Any], *, library: CriteriaLibrary | None = None, policies=None, rates=None) -> list[str]:
    """The problems with one case (an empty list when it passes)."""
    on = case.get("date")
    if not isinstance(on, date):
        return [f"case {case.get('name')!r} has no date"]
    try:
        profile, _ = parse_profile({**(case.get("base") or {}), **(case.get("input") or {})})
    except ProfileInvalid as invalid:
        return [f"the case's input is not a valid profile: {invalid}"]
    wants_opens = any("opens" in t or "opens_total" in t for t in (case["output"].get("tiers") or {}).values())
    assessment = assess(profile, on, library=library, policies=policies, rates=rates, with_opens=wants_opens)
    return check(assessment, case["output"])
