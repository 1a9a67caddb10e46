"""The SME size under the 划型 standard: industry code → industry group, then the highest size whose
floors are all met (大型、中型和小型企业须同时满足所列指标的下限，否则下划一档)."""

from __future__ import annotations

import re
from decimal import Decimal

from zjtx_desktop.core.assessment.display import number, wan
from zjtx_desktop.core.assessment.model import SIZE_NAMES, SIZES, CriteriaSet, SizeLine, SizeStandard
from zjtx_desktop.core.assessment.results import SizeResult, Verdict
from zjtx_desktop.core.profile import Profile

CODE = re.compile(r"^([A-Ta-t]?)(\d{2,4})$")
DIVISION_DIGITS = 2  # GB/T 4754: 门类 letter, then 大类 (2 digits), 中类 (3), 小类 (4)
MEASURE_FIELDS = {"employees": "employees", "revenue": "revenue", "total_assets": "total_assets"}


def _span(code: str) -> tuple[str, str]:
    low, _, high = code.partition("-")
    return low, high or low


def find_line(digits: str, standard: SizeStandard) -> tuple[SizeLine | None, bool]:
    """(the most specific line whose codes cover `digits`, whether a longer code is needed to tell)."""
    best, best_length, ambiguous = None, 0, False
    for line in standard.lines:
        for code in line.codes:
            low, high = _span(code)
            if len(digits) >= len(low):
                if low <= digits[:len(low)] <= high and len(low) > best_length:
                    best, best_length = line, len(low)
            elif low[:len(digits)] <= digits <= high[:len(digits)]:
                ambiguous = True
    return best, ambiguous and best is None


def _door_of(division: str, standard: SizeStandard) -> str | None:
    for letter, (first, last) in standard.doors.items():
        if first <= division <= last:
            return letter
    return None


def _floors_met(line: SizeLine, size: str, values: dict[str, Decimal | None]) -> bool | None:
    """True if every floor of `size` is met, False if one is known to be missed, None if unknown."""
    results = [None if values[m] is None else values[m] >= floor for m, floor in line.floors[size].items()]
    if False in results:
        return False
    return None if None in results else True


def _show(measure: str, value: Decimal, unit: str) -> str:
    return wan(value) if unit == "元" else f"{number(value)}{unit}"


def classify(profile: Profile, criteria_set: CriteriaSet) -> SizeResult:
    standard = criteria_set.size
    code = profile.get("industry_code")
    chosen = profile.get("company_size")
    base = {"set_id": criteria_set.id, "document": criteria_set.document_number, "chosen": chosen}
    if code is None:
        return SizeResult(None, None, "", None, "", None, Verdict.INSUFFICIENT, ("未填写国民经济行业代码",), "", "",
                          "confirmed", fields=("industry_code",), **base)
    letter, digits = CODE.match(code).groups() if CODE.match(code) else ("", "")
    line, ambiguous = find_line(digits, standard) if digits else (None, False)
    door = _door_of(digits[:DIVISION_DIGITS], standard) if digits else None
    if letter and door and letter.upper() != door:
        return SizeResult(code, None, "", None, "", None, Verdict.MANUAL,
                          (f"行业代码 {code} 的门类字母与大类 {digits[:DIVISION_DIGITS]}（属{door}门类）不符，请核对",), "", "",
                          "confirmed", fields=("industry_code",), **base)
    if line is None:
        why = (f"行业代码 {code} 不够细，无法确定所属行业，请填写到小类（4位数字）" if ambiguous else
               f"行业代码 {code} 所属行业不在划型标准所列行业中（如金融业、铁路运输业另有规定），请人工核定企业规模")
        return SizeResult(code, None, "", None, "", None, Verdict.MANUAL if not ambiguous else Verdict.INSUFFICIENT,
                          (why,), "", "", "confirmed", fields=("industry_code",), **base)
    values = {m: (None if profile.get(MEASURE_FIELDS[m]) is None else Decimal(profile.get(MEASURE_FIELDS[m])))
              for m in line.floors["large"]}
    fields = tuple(MEASURE_FIELDS[m] for m in line.floors["large"])
    working = [f"{standard.measures[m][0]} {_show(m, v, standard.measures[m][1])}" for m, v in values.items() if v is not None]
    size, is_sme = None, None
    for candidate in SIZES:
        met = _floors_met(line, candidate, values)
        if met is None:
            break
        if candidate == "large":
            is_sme = not met
        if met:
            size = candidate
            break
    else:
        size = "micro"
    if size is None:
        missing = [standard.measures[m][0] for m, v in values.items() if v is None]
        known = "已可知属于中小企业，但" if is_sme else ""
        working.append(f"{known}缺少{'、'.join(missing)}，无法确定具体规模")
    status = Verdict.INSUFFICIENT if size is None else Verdict.MET
    if line.confidence != "confirmed":
        status = Verdict.MANUAL
    label = SIZE_NAMES.get(size, "中小企业（具体规模待补充数据）" if is_sme else "")
    warning = _warning(profile, size, label)
    return SizeResult(code, line.id, line.title, size, label, is_sme, status, tuple(working), line.clause_ref,
                      line.clause, line.confidence, warning=warning,
                      fields=tuple(k for k in fields if profile.get(k) is None) or fields, **base)


def _warning(profile: Profile, size: str | None, label: str) -> str:
    chosen = profile.get("company_size")
    parts = []
    if size is not None and chosen is not None and chosen != size:
        parts.append(f"按划型标准测算为{label}企业，与所填“{profile.display('company_size')}”不一致，请核对企业规模或行业代码、"
                     f"从业人员、营业收入等数据")
    if size == "large":
        parts.append("专精特新梯度培育的各级称号（创新型、专精特新、“小巨人”）面向中小企业，大型企业不能申报")
    return "；".join(parts)
