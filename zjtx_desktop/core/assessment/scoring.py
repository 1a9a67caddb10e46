"""Scoring tables (创新型 100 points, 科技型 100 points): each indicator's band and points, the
subtotals with their minimums, and the total. A value exactly on a band edge falls in the higher
band (the sets' readings say so). Missing data gives a range: the table passes only if the points
already known pass, and fails only if even the best case for the missing indicators fails."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from zjtx_desktop.core.assessment.display import points as show_points
from zjtx_desktop.core.assessment.measures import MEASURES, Reading, show
from zjtx_desktop.core.assessment.model import Band, Indicator, Scoring
from zjtx_desktop.core.assessment.results import CriterionResult, ScoreSheet, Subtotal, Verdict
from zjtx_desktop.core.profile import Profile


@dataclass(frozen=True)
class Scored:
    """An indicator: the band it reached (None if unknown), the points known and the most possible."""

    indicator: Indicator
    band: Band | None
    low: Decimal
    high: Decimal
    reading: Reading | None
    fields: tuple[str, ...]
    better: Band | None  # the next band up, for the gap list
    read: tuple[tuple[Band, Reading], ...] = ()  # each measure read on the way down, with its first band


def _holds(band: Band, value) -> bool:
    if band.at_least is not None:
        return value >= band.at_least
    if band.at_most is not None:
        return value <= band.at_most
    return value == band.is_value


def score_indicator(indicator: Indicator, profile: Profile) -> Scored:
    unknown_best: Decimal | None = None
    fields: list[str] = []
    read: dict[str, tuple[Band, Reading]] = {}
    for index, band in enumerate(indicator.bands):
        if band.otherwise:
            if not read:  # nothing could be read: the lowest band is a bound, not a result
                return Scored(indicator, None, band.points, unknown_best or band.points, None, tuple(fields), None)
            return _scored(indicator, band, None, unknown_best, fields, index, read)
        measure = MEASURES[band.measure]
        reading = measure.read(profile)
        if reading is None or reading.value is None:
            fields += [key for key in (measure.missing(profile) or measure.fields) if key not in fields]
            unknown_best = band.points if unknown_best is None else max(unknown_best, band.points)
            continue
        read.setdefault(band.measure, (band, reading))
        if _holds(band, reading.value):
            return _scored(indicator, band, reading, unknown_best, fields, index, read)
    return Scored(indicator, None, Decimal(0), unknown_best or Decimal(0), None, tuple(fields), None)


def _scored(indicator: Indicator, band: Band, reading: Reading | None, unknown_best: Decimal | None,
            fields: list[str], index: int, read: dict[str, tuple[Band, Reading]]) -> Scored:
    high = band.points if unknown_best is None else max(band.points, unknown_best)
    better = indicator.bands[index - 1] if index else None
    return Scored(indicator, band, band.points, high, reading, tuple(fields), better, tuple(read.values()))


def _figure(band: Band, reading: Reading) -> str:
    """A figure as the band compares it: a ratio under a ceiling is rounded up, one over a floor cut down."""
    return show(MEASURES[band.measure].kind, reading.value, up=band.at_most is not None)


def figure(scored: Scored) -> str:
    """The firm's own figure behind the band: the one the band reached, or, below every band, each
    figure read (named when the indicator compares more than one, as 科技型 R&D does)."""
    if scored.band is not None and scored.band.measure is not None and scored.reading is not None:
        return _figure(scored.band, scored.reading)
    if len(scored.read) == 1:
        return _figure(*scored.read[0])
    return "；".join(f"{MEASURES[band.measure].title} {_figure(band, reading)}" for band, reading in scored.read)


def _row(scored: Scored, path: str, depth: int, clause: str, confidence: str) -> CriterionResult:
    indicator = scored.indicator
    if scored.band is None:
        return CriterionResult(f"{path}.{indicator.id}", indicator.title, Verdict.INSUFFICIENT,
                               points=f"?/{show_points(indicator.max_points)}", clause=clause, confidence=confidence,
                               note="缺少计分所需的数据", depth=depth, fields=scored.fields)
    note = scored.reading.working if scored.reading else ""
    if scored.high > scored.low:
        note += f"（另有口径缺数据，最高可能得{show_points(scored.high)}）"
    return CriterionResult(
        f"{path}.{indicator.id}", indicator.title, Verdict.MET if scored.low > 0 else Verdict.NOT_MET,
        value=figure(scored), threshold=f"档次：{scored.band.label}",
        points=f"{show_points(scored.low)}/{show_points(indicator.max_points)}", clause=clause,
        confidence=confidence, note=note.strip(), depth=depth, fields=scored.fields)


def _requirement(minimum: Decimal | None, nonzero: bool) -> str:
    if minimum is not None:
        return f"≥ {show_points(minimum)}"
    return "不为0分" if nonzero else ""


def _verdict(low_ok: bool, high_ok: bool) -> Verdict:
    return Verdict.MET if low_ok else (Verdict.NOT_MET if not high_ok else Verdict.INSUFFICIENT)


def score_table(scoring: Scoring, profile: Profile, *, path: str, title: str, depth: int, clause: str,
                confidence: str) -> tuple[ScoreSheet, Verdict, list[str]]:
    """The filled-in sheet, its verdict (符合 / 不符合 / 信息不足) and gap lines."""
    scored = [score_indicator(indicator, profile) for indicator in scoring.indicators]
    rows = [_row(s, path, depth, clause, confidence) for s in scored]
    subtotals, checks = [], []
    for group in scoring.groups:
        members = [s for s in scored if s.indicator.group == group.id]
        low, high = sum((s.low for s in members), Decimal(0)), sum((s.high for s in members), Decimal(0))
        floor = group.minimum if group.minimum is not None else (Decimal(0) if group.nonzero else None)
        ok_low = floor is None or (low > floor if group.nonzero and group.minimum is None else low >= floor)
        ok_high = floor is None or (high > floor if group.nonzero and group.minimum is None else high >= floor)
        met = None if ok_low != ok_high else ok_low
        subtotals.append(Subtotal(group.title, low, _requirement(group.minimum, group.nonzero), met))
        checks.append((ok_low, ok_high, group, low))
        rows.append(CriterionResult(f"{path}.{group.id}", f"{group.title}得分", _verdict(ok_low, ok_high),
                                    value=show_points(low), threshold=_requirement(group.minimum, group.nonzero),
                                    clause=clause, confidence=confidence, depth=depth))
    total_low, total_high = sum((s.low for s in scored), Decimal(0)), sum((s.high for s in scored), Decimal(0))
    verdict = _verdict(total_low >= scoring.pass_total and all(c[0] for c in checks),
                       total_high >= scoring.pass_total and all(c[1] for c in checks))
    rows.append(CriterionResult(f"{path}.total", "评价得分合计", _verdict(total_low >= scoring.pass_total,
                                                                    total_high >= scoring.pass_total),
                                value=show_points(total_low), threshold=f"≥ {show_points(scoring.pass_total)}",
                                clause=clause, confidence=confidence, depth=depth))
    sheet = ScoreSheet(path, title, tuple(rows), tuple(subtotals), total_low, scoring.pass_total,
                       all(s.low == s.high and s.band is not None for s in scored))
    return sheet, verdict, _gaps(scored, scoring, total_low, checks) if verdict is not Verdict.MET else []


def _gaps(scored: list[Scored], scoring: Scoring, total: Decimal, checks) -> list[str]:
    lines = []
    if total < scoring.pass_total:
        lines.append(f"评价得分{show_points(total)} → 需{show_points(scoring.pass_total)}：还差{show_points(scoring.pass_total - total)}")
    for _, _, group, low in (c for c in checks if not c[0]):
        lines.append(f"{group.title}得分{show_points(low)} → 需{_requirement(group.minimum, group.nonzero)}")
    for s in scored:
        if s.better is not None and s.band is not None:
            lines.append(f"{s.indicator.title}：目前“{s.band.label}”得{show_points(s.low)}，"
                         f"达到“{s.better.label}”可得{show_points(s.better.points)}")
    return lines
