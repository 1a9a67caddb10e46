"""Loading and checking resources/criteria/<set>/: every threshold, band and line with its clause.

A set is a folder: set.yaml (document, dates, sources, which tiers), one file per tier, size.yaml
for the SME size standard, and cases/*.yaml with the set's own cases. A successor rule set is a new
folder; `CriteriaLibrary.set_for` picks the one in force on the assessment date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from zjtx_desktop.core.assessment.model import (
    CONFIDENCES,
    SIZES,
    Band,
    CriteriaSet,
    Criterion,
    DesignatedTitle,
    Indicator,
    ScoreGroup,
    Scoring,
    SizeLine,
    SizeStandard,
    TierCriteria,
    Window,
)
from zjtx_desktop.core.paths import resources_dir
from zjtx_desktop.core.policy import POLICY_ID, out_of_range
from zjtx_desktop.core.questions import Questions, default_questions
from zjtx_desktop.core.safe_yaml import YamlRefused, read_yaml

FAMILIES = ("tiers", "tech_sme", "sme_size")
SET_KEYS = ("id", "family", "title", "document_number", "issued", "effective_from", "dates_confidence", "sources")
COMMON_KEYS = frozenset({"id", "title", "clause", "confidence", "note", "review", "rule", "all_of", "any_of"})
REVIEW_KINDS = frozenset({"skip", "either_year"})
CODE_PATTERN = re.compile(r"^(\d{2,4})(?:-(\d{2,4}))?$")


class CriteriaError(ValueError):
    """A criteria file that cannot be used: names the file, the key and what is wrong (Chinese)."""

    def __init__(self, source: str, key: str, message: str):
        self.source, self.key = source, key
        super().__init__(f"{source}：{key}：{message}" if key else f"{source}：{message}")


@dataclass(frozen=True)
class _File:
    """Where a value comes from, for messages: "miit-2026-2/srdi.yaml"."""

    name: str

    def error(self, key: str, message: str) -> CriteriaError:
        return CriteriaError(self.name, key, message)


def _read_yaml(path: Path, source: _File) -> Any:
    """Criteria files may come from an administrator's pack: data only, bounded, no aliases."""
    if not path.is_file():
        raise source.error("", "找不到该文件")
    try:
        return read_yaml(path)
    except YamlRefused as refused:  # also a date such as 2026-13-01
        raise source.error("", str(refused)) from None


def _mapping(raw: Any, source: _File, key: str) -> dict:
    if not isinstance(raw, dict):
        raise source.error(key, "须是映射（key: value）")
    return raw


def _require(raw: dict, keys, source: _File, where: str) -> None:
    for key in keys:
        if key not in raw or raw[key] is None:
            raise source.error(f"{where}{key}", "缺少此项")


def _decimal(value: Any, source: _File, key: str) -> Decimal:
    """Numbers become Decimal, bounded as a policy's are; a float would lose precision, so it must be
    written as a string."""
    if isinstance(value, float):
        raise source.error(key, f"小数请加引号写成字符串（如 \"{value}\"），以免精度丢失")
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise source.error(key, "须是数字")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise source.error(key, f"“{value}”不是数字") from None
    refused = out_of_range(number)
    if refused:
        raise source.error(key, refused)
    return number


def _whole(value: Any, source: _File, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise source.error(key, "须是正整数")
    return value


def _date(raw: Any, source: _File, key: str) -> date:
    if not isinstance(raw, date):
        raise source.error(key, f"“{raw}”不是日期，请按 YYYY-MM-DD 格式填写")
    return raw


def _text(raw: Any, source: _File, key: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise source.error(key, "须是非空文字")
    return raw


def _texts(raw: Any, source: _File, key: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise source.error(key, "须是文字列表")
    return tuple(_text(item, source, f"{key}[{number}]") for number, item in enumerate(raw, start=1))


class _Vocabulary:
    """What criteria may name: measures, rules and the answers the questions allow."""

    def __init__(self, questions: Questions):
        from zjtx_desktop.core.assessment.measures import MEASURES
        from zjtx_desktop.core.assessment.rules import RULE_PARAMS

        self.measures, self.rules, self.questions = MEASURES, RULE_PARAMS, questions

    def options(self, key: str, column: str | None = None) -> set[str]:
        spec = self.questions.field(key)
        spec = spec.column(column) if column else spec
        return {str(option.value) for option in spec.options}

    def levels(self, rule: str) -> set[str]:
        where = {"award": ("sci_tech_awards", "level"), "institution": ("rd_institution_level", None),
                 "standard": ("standards", "level")}[rule]
        return self.options(*where)


def _measure(name: Any, vocabulary: _Vocabulary, source: _File, key: str, kinds: tuple[str, ...]):
    measure = vocabulary.measures.get(name) if isinstance(name, str) else None
    if measure is None:
        raise source.error(key, f"未知的指标 {name}（可用：{', '.join(sorted(vocabulary.measures))}）")
    if measure.kind not in kinds:
        raise source.error(key, f"指标 {name} 的类型为{measure.kind}，不能用于此处")
    return measure


NUMERIC_KINDS = ("money", "percent", "count", "people", "score", "rank")


def _leaf_params(raw: dict, rule: str, vocabulary: _Vocabulary, source: _File, where: str) -> dict:
    required, optional = vocabulary.rules[rule]
    unknown = set(raw) - COMMON_KEYS - required - optional
    if unknown:
        raise source.error(f"{where}{sorted(unknown)[0]}", f"规则 {rule} 没有这一属性")
    _require(raw, sorted(required), source, where)
    params: dict[str, Any] = {}
    if "measure" in raw:
        kinds = ("bool",) if rule == "flag" else NUMERIC_KINDS
        measure = _measure(raw["measure"], vocabulary, source, f"{where}measure", kinds)
        params["measure"] = measure.name
        if "unit" in raw and raw["unit"] != measure.unit:
            raise source.error(f"{where}unit", f"单位“{raw['unit']}”与指标 {measure.name} 的单位“{measure.unit}”不符")
    if "threshold" in raw:
        params["threshold"] = _decimal(raw["threshold"], source, f"{where}threshold")
    for key in ("years", "max_rank"):
        if key in raw:
            params[key] = _whole(raw[key], source, f"{where}{key}")
    if "levels" in raw:
        allowed = vocabulary.levels(rule)
        levels = raw["levels"]
        if not isinstance(levels, list) or not levels or not set(map(str, levels)) <= allowed:
            raise source.error(f"{where}levels", f"级别须取自：{'、'.join(sorted(allowed))}")
        params["levels"] = tuple(map(str, levels))
    if "tier" in raw:
        allowed = vocabulary.options("tier")
        if raw["tier"] not in allowed:
            raise source.error(f"{where}tier", f"称号须取自：{'、'.join(sorted(allowed))}")
        params["tier"] = raw["tier"]
    if "fields" in raw:
        fields = _texts(raw["fields"], source, f"{where}fields")
        for key in fields:
            if not vocabulary.questions.has_field(key):
                raise source.error(f"{where}fields", f"问题定义中没有字段 {key}")
        params["fields"] = fields
    if "text" in raw:
        params["text"] = _text(raw["text"], source, f"{where}text")
    return params


def _band(raw: Any, indicator: dict, vocabulary: _Vocabulary, source: _File, where: str) -> Band:
    raw = _mapping(raw, source, where)
    conditions = [key for key in ("at_least", "at_most", "is", "otherwise") if key in raw]
    if len(conditions) != 1:
        raise source.error(where, "每档须写且只写 at_least、at_most、is、otherwise 之一")
    _require(raw, ("points", "label"), source, f"{where}.")
    measure_name = raw.get("measure", indicator.get("measure"))
    measure = None
    if conditions[0] != "otherwise":
        if measure_name is None:
            raise source.error(f"{where}.measure", "缺少此项（写在该档或该项指标上）")
        kinds = ("bool",) if conditions[0] == "is" else NUMERIC_KINDS
        measure = _measure(measure_name, vocabulary, source, f"{where}.measure", kinds).name
    bound = raw.get("at_least", raw.get("at_most"))
    is_value = raw.get("is")
    if conditions[0] == "is" and not isinstance(is_value, bool):
        raise source.error(f"{where}.is", "须是 true 或 false")
    return Band(
        points=_decimal(raw["points"], source, f"{where}.points"), label=_text(raw["label"], source, f"{where}.label"),
        measure=measure, at_least=None if "at_least" not in raw else _decimal(bound, source, f"{where}.at_least"),
        at_most=None if "at_most" not in raw else _decimal(bound, source, f"{where}.at_most"),
        is_value=is_value, otherwise=conditions[0] == "otherwise",
    )


def _check_bands(bands: tuple[Band, ...], max_points: Decimal, source: _File, where: str) -> None:
    if any(band.points > max_points or band.points < 0 for band in bands):
        raise source.error(f"{where}bands", f"分档得分须在0至该项满分{max_points}之间")
    if any(later.points > earlier.points for earlier, later in zip(bands, bands[1:], strict=False)):
        raise source.error(f"{where}bands", "分档须按得分从高到低排列")
    covered = {band.is_value for band in bands if band.is_value is not None} == {True, False}
    if not (bands[-1].otherwise or covered):
        raise source.error(f"{where}bands", "最后一档须是 otherwise（其余情况），否则有的数值得不到分")
    for measure in {band.measure for band in bands if band.measure}:
        lows = [band.at_least for band in bands if band.measure == measure and band.at_least is not None]
        highs = [band.at_most for band in bands if band.measure == measure and band.at_most is not None]
        if lows != sorted(lows, reverse=True) or highs != sorted(highs):
            raise source.error(f"{where}bands", f"{measure} 的分档界点须从高档到低档排列")


def _scoring(raw: dict, vocabulary: _Vocabulary, source: _File, where: str) -> Scoring:
    groups_raw = _mapping(raw["groups"], source, f"{where}groups")
    groups = []
    for group_id, spec in groups_raw.items():
        spec = _mapping(spec, source, f"{where}groups.{group_id}")
        _require(spec, ("title",), source, f"{where}groups.{group_id}.")
        minimum = spec.get("minimum")
        groups.append(ScoreGroup(str(group_id), spec["title"],
                                 None if minimum is None else _decimal(minimum, source, f"{where}groups.{group_id}.minimum"),
                                 spec.get("nonzero") is True))
    if not isinstance(raw["indicators"], list) or not raw["indicators"]:
        raise source.error(f"{where}indicators", "至少要有一项指标")
    indicators = []
    for number, spec in enumerate(raw["indicators"], start=1):
        at = f"{where}indicators[{number}]."
        spec = _mapping(spec, source, at)
        _require(spec, ("id", "title", "group", "max_points", "bands"), source, at)
        if spec["group"] not in groups_raw:
            raise source.error(f"{at}group", f"未知的分组 {spec['group']}")
        if not isinstance(spec["bands"], list) or not spec["bands"]:
            raise source.error(f"{at}bands", "至少要有一档")
        max_points = _decimal(spec["max_points"], source, f"{at}max_points")
        bands = tuple(_band(band, spec, vocabulary, source, f"{at}bands[{index}]")
                      for index, band in enumerate(spec["bands"], start=1))
        _check_bands(bands, max_points, source, at)
        indicators.append(Indicator(str(spec["id"]), spec["title"], spec["group"], max_points, bands, spec.get("measure")))
    pass_total = _decimal(raw["pass_total"], source, f"{where}pass_total")
    if pass_total > sum((indicator.max_points for indicator in indicators), Decimal(0)):
        raise source.error(f"{where}pass_total", "合格分数高于各项满分之和")
    return Scoring(pass_total, tuple(groups), tuple(indicators))


def _criterion(raw: Any, vocabulary: _Vocabulary, source: _File, where: str, seen: set[str]) -> Criterion:
    raw = _mapping(raw, source, where)
    _require(raw, ("id", "title"), source, f"{where}.")
    node_id = str(raw["id"])
    where = f"criteria.{node_id}."
    if node_id in seen:
        raise source.error(f"{where}id", "条件编号重复")
    seen.add(node_id)
    if not raw.get("clause"):
        raise source.error(f"{where}clause", "每项条件须注明出处条款")
    if raw.get("confidence") not in CONFIDENCES:
        raise source.error(f"{where}confidence", "须为 confirmed（两方以上来源一致）或 uncertain")
    if raw.get("review") is not None and raw["review"] not in REVIEW_KINDS:
        raise source.error(f"{where}review", f"须为 {' 或 '.join(sorted(REVIEW_KINDS))}")
    shapes = [key for key in ("rule", "all_of", "any_of") if key in raw]
    if len(shapes) != 1:
        raise source.error(where.rstrip("."), "须写 rule，或 all_of / any_of 之一")
    common = {"id": node_id, "title": raw["title"], "clause": raw["clause"], "confidence": raw["confidence"],
              "note": raw.get("note", ""), "review": raw.get("review")}
    if shapes[0] != "rule":
        children = raw[shapes[0]]
        if not isinstance(children, list) or not children:
            raise source.error(f"{where}{shapes[0]}", "至少要有一项")
        unknown = set(raw) - COMMON_KEYS
        if unknown:
            raise source.error(f"{where}{sorted(unknown)[0]}", "组合条件没有这一属性")
        return Criterion(**common, combine=shapes[0],
                         children=tuple(_criterion(child, vocabulary, source, f"{where}{shapes[0]}", seen)
                                        for child in children))
    rule = raw["rule"]
    if rule not in vocabulary.rules:
        raise source.error(f"{where}rule", f"未知的规则 {rule}（可用：{', '.join(sorted(vocabulary.rules))}）")
    params = _leaf_params(raw, rule, vocabulary, source, where)
    scoring = _scoring(raw, vocabulary, source, where) if rule == "scoring" else None
    return Criterion(**common, rule=rule, params=MappingProxyType(params), scoring=scoring)


def _tier_file(folder: Path, set_id: str, tier: str, vocabulary: _Vocabulary) -> TierCriteria:
    source = _File(f"{folder.name}/{tier}.yaml")
    raw = _mapping(_read_yaml(folder / f"{tier}.yaml", source), source, "")
    _require(raw, ("tier", "title", "annex", "criteria"), source, "")
    if raw["tier"] != tier:
        raise source.error("tier", f"文件名为 {tier}.yaml，内容却是 {raw['tier']}")
    if not isinstance(raw["criteria"], list) or not raw["criteria"]:
        raise source.error("criteria", "至少要有一项条件")
    seen: set[str] = set()
    criteria = tuple(_criterion(item, vocabulary, source, f"criteria[{number}]", seen)
                     for number, item in enumerate(raw["criteria"], start=1))
    return TierCriteria(tier, raw["title"], raw["annex"], criteria, set_id)


def _code_range(code: Any, source: _File, key: str) -> tuple[str, str]:
    match = CODE_PATTERN.match(str(code)) if isinstance(code, str) else None
    if not match or (match[2] and len(match[2]) != len(match[1])):
        raise source.error(key, f"“{code}”不是行业代码或代码范围（如 \"06-46\"、\"591\"）")
    return match[1], match[2] or match[1]


def _size_line(raw: Any, measures: dict, source: _File, where: str) -> SizeLine:
    raw = _mapping(raw, source, where)
    _require(raw, ("id", "title", "clause_ref", "clause", "codes", "confidence", "floors"), source, f"{where}.")
    if raw["confidence"] not in CONFIDENCES:
        raise source.error(f"{where}.confidence", "须为 confirmed（两方以上来源一致）或 uncertain")
    floors_raw = _mapping(raw["floors"], source, f"{where}.floors")
    floors: dict[str, dict[str, Decimal]] = {}
    for size in SIZES:
        line = _mapping(floors_raw.get(size), source, f"{where}.floors.{size}")
        unknown = set(line) - set(measures)
        if unknown:
            raise source.error(f"{where}.floors.{size}", f"未知的指标 {sorted(unknown)[0]}")
        floors[size] = {key: _decimal(value, source, f"{where}.floors.{size}.{key}") for key, value in line.items()}
    if len({frozenset(line) for line in floors.values()}) != 1:
        raise source.error(f"{where}.floors", "大型、中型、小型须按同样的指标划分")
    for measure in floors["large"]:
        values = [floors[size][measure] for size in SIZES]
        if values != sorted(values, reverse=True) or len(set(values)) != len(values):
            raise source.error(f"{where}.floors", f"{measure} 的下限须从大型到小型逐档递减")
    if not isinstance(raw["codes"], list) or not raw["codes"]:
        raise source.error(f"{where}.codes", "至少要有一个行业代码")
    codes = tuple(str(code) for code in raw["codes"])
    for code in raw["codes"]:
        _code_range(code, source, f"{where}.codes")
    return SizeLine(str(raw["id"]), raw["title"], raw["clause_ref"], raw["clause"], codes, raw["confidence"],
                    floors, raw.get("code_note", ""))


def _overlaps(lines: tuple[SizeLine, ...], source: _File) -> None:
    """No code may fall in two industry groups at the same level of detail."""
    claimed: dict[tuple[int, str], str] = {}
    for line in lines:
        for code in line.codes:
            low, high = _code_range(code, source, "groups")
            for value in range(int(low), int(high) + 1):
                key = (len(low), str(value).zfill(len(low)))
                if key in claimed and claimed[key] != line.id:
                    raise source.error(f"groups.{line.id}.codes", f"行业代码 {key[1]} 已属于 {claimed[key]}")
                claimed[key] = line.id


def _size_standard(folder: Path, name: Any) -> SizeStandard:
    source = _File(f"{folder.name}/{name}")
    raw = _mapping(_read_yaml(folder / str(name), source), source, "")
    _require(raw, ("rule_clause", "rule_reference", "measures", "doors", "groups"), source, "")
    measures = {key: (spec["title"], spec["unit"]) for key, spec in _mapping(raw["measures"], source, "measures").items()}
    doors = {}
    for letter, span in _mapping(raw["doors"], source, "doors").items():
        if not isinstance(span, list) or len(span) != len(("first", "last")):
            raise source.error(f"doors.{letter}", "须写成 [起始大类, 终止大类]")
        doors[str(letter)] = (str(span[0]), str(span[-1]))
    if not isinstance(raw["groups"], list) or not raw["groups"]:
        raise source.error("groups", "至少要有一个行业")
    lines = tuple(_size_line(line, measures, source, f"groups[{number}]")
                  for number, line in enumerate(raw["groups"], start=1))
    _overlaps(lines, source)
    return SizeStandard(raw["rule_clause"], raw["rule_reference"], measures, doors, lines)


def _window(raw: Any, source: _File, key: str) -> Window:
    raw = _mapping(raw, source, key)
    _require(raw, ("from", "to", "reason"), source, f"{key}.")
    start, end = _date(raw["from"], source, f"{key}.from"), _date(raw["to"], source, f"{key}.to")
    if end < start:
        raise source.error(f"{key}.to", "结束日期早于开始日期")
    return Window(start, end, raw["reason"])


def _designated(raw: Any, vocabulary: _Vocabulary, source: _File) -> tuple[DesignatedTitle, ...]:
    """Titles conferred by selection (set.yaml `designated:`), each tier one of the questions' answers."""
    titles = []
    for tier, spec in _mapping(raw or {}, source, "designated").items():
        where = f"designated.{tier}"
        if str(tier) not in vocabulary.options("tier"):
            raise source.error(where, "不是“目前称号”问题中的选项")
        spec = _mapping(spec, source, where)
        _require(spec, ("title", "clause", "text"), source, f"{where}.")
        titles.append(DesignatedTitle(str(tier), _text(spec["title"], source, f"{where}.title"),
                                      _text(spec["clause"], source, f"{where}.clause"),
                                      _text(spec["text"], source, f"{where}.text")))
    return tuple(titles)


def _cases(folder: Path) -> tuple[dict, ...]:
    """The set's own cases, cases/*.yaml: each file a date, a base profile and its cases."""
    cases = []
    for path in sorted((folder / "cases").glob("*.yaml")):
        source = _File(f"{folder.name}/cases/{path.name}")
        raw = _mapping(_read_yaml(path, source), source, "")
        if not isinstance(raw.get("cases"), list) or not raw["cases"]:
            raise source.error("cases", "至少要有一个案例")
        for number, case in enumerate(raw["cases"], start=1):
            case = _mapping(case, source, f"cases[{number}]")
            _require(case, ("name", "output"), source, f"cases[{number}].")
            cases.append({"date": raw.get("date"), "base": raw.get("base", {}), "source": source.name, **case})
    return tuple(cases)


def load_set(folder: Path, questions: Questions | None = None) -> CriteriaSet:
    """Load and check one set folder; raises CriteriaError naming the file and key at fault."""
    vocabulary = _Vocabulary(questions or default_questions())
    source = _File(f"{folder.name}/set.yaml")
    raw = _mapping(_read_yaml(folder / "set.yaml", source), source, "")
    _require(raw, SET_KEYS, source, "")
    if raw["family"] not in FAMILIES:
        raise source.error("family", f"未知的标准类别 {raw['family']}（可用：{', '.join(FAMILIES)}）")
    if raw["dates_confidence"] not in CONFIDENCES:
        raise source.error("dates_confidence", "须为 confirmed 或 uncertain")
    effective_from = _date(raw["effective_from"], source, "effective_from")
    effective_to = None if raw.get("effective_to") is None else _date(raw["effective_to"], source, "effective_to")
    if effective_to is not None and effective_to < effective_from:
        raise source.error("effective_to", "失效日期早于生效日期")
    set_id = str(raw["id"])
    if not POLICY_ID.fullmatch(set_id):  # an installed set's folder is named by its id
        raise source.error("id", "标准编号只能由小写字母、数字和连字符组成（3至64个字符），如 miit-2026-2")
    tiers = {tier: _tier_file(folder, set_id, tier, vocabulary) for tier in _texts(raw.get("tiers"), source, "tiers")}
    borrow = {}
    for tier, spec in _mapping(raw.get("borrow") or {}, source, "borrow").items():
        spec = _mapping(spec, source, f"borrow.{tier}")
        _require(spec, ("set", "reason"), source, f"borrow.{tier}.")
        borrow[str(tier)] = (str(spec["set"]), spec["reason"])
    reviews = {str(tier): _window(spec, source, f"reviews.{tier}")
               for tier, spec in _mapping(raw.get("reviews") or {}, source, "reviews").items()}
    designated = _designated(raw.get("designated"), vocabulary, source)
    size = _size_standard(folder, raw["size"]) if raw.get("size") else None
    if raw["family"] == "sme_size" and size is None:
        raise source.error("size", "企业划型标准须有 size 文件")
    if raw["family"] != "sme_size" and not tiers and not borrow:
        raise source.error("tiers", "至少要有一个梯度的认定标准")
    return CriteriaSet(
        id=set_id, family=raw["family"], title=raw["title"], document_number=raw["document_number"],
        issuer=raw.get("issuer", ""), issued=_date(raw["issued"], source, "issued"), effective_from=effective_from,
        effective_to=effective_to, dates_confidence=raw["dates_confidence"], tiers=tiers, borrow=borrow,
        reviews=reviews, designated=designated, size=size, sources=_texts(raw["sources"], source, "sources"),
        notes=_texts(raw.get("notes"), source, "notes"), readings=_texts(raw.get("readings"), source, "readings"),
        dates_note=raw.get("dates_note", ""), cases=_cases(folder), folder=folder,
    )


@dataclass(frozen=True)
class CriteriaLibrary:
    """All loaded sets, and the choice of the one that applies on a date."""

    sets: tuple[CriteriaSet, ...]

    def get(self, set_id: str) -> CriteriaSet:
        for criteria_set in self.sets:
            if criteria_set.id == set_id:
                return criteria_set
        raise KeyError(set_id)

    def set_for(self, family: str, on: date) -> CriteriaSet:
        """In force on `on` (the latest to start); else the latest that started before; else the first."""
        family_sets = [s for s in self.sets if s.family == family]
        if not family_sets:
            raise CriteriaError("criteria", family, "没有这一类别的认定标准")
        in_force = [s for s in family_sets if s.in_force(on)]
        if in_force:
            return max(in_force, key=lambda s: s.effective_from)
        earlier = [s for s in family_sets if s.effective_from <= on]
        return max(earlier, key=lambda s: s.effective_from) if earlier else min(family_sets, key=lambda s: s.effective_from)

    def review_set_for(self, tier: str, on: date) -> tuple[CriteriaSet, str]:
        """The set a 复核 of `tier` uses on `on`, with the reason when a window says so."""
        for criteria_set in self.sets:
            window = criteria_set.reviews.get(tier)
            if window and window.holds(on):
                return criteria_set, window.reason
        return self.set_for("tiers", on), ""

    def tier(self, criteria_set: CriteriaSet, tier: str) -> tuple[TierCriteria, str] | None:
        """A tier's criteria in this set, or in the set it borrows them from (with the reason)."""
        if tier in criteria_set.tiers:
            return criteria_set.tiers[tier], ""
        if tier in criteria_set.borrow:
            other, reason = criteria_set.borrow[tier]
            return self.get(other).tiers[tier], reason
        return None


def check_library(sets: tuple[CriteriaSet, ...]) -> CriteriaLibrary:
    ids = [s.id for s in sets]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CriteriaError("criteria", "id", f"标准编号重复：{', '.join(duplicates)}")
    library = CriteriaLibrary(tuple(sorted(sets, key=lambda s: (s.family, s.effective_from))))
    for criteria_set in sets:
        for tier, (other, _) in criteria_set.borrow.items():
            if other not in ids or tier not in library.get(other).tiers:
                raise CriteriaError(f"{criteria_set.id}/set.yaml", f"borrow.{tier}", f"借用的标准 {other} 中没有 {tier}")
    return library


def load_library(folder: Path | None = None, questions: Questions | None = None) -> CriteriaLibrary:
    """Every set folder under `folder` (default resources/criteria), checked together."""
    folder = folder or resources_dir() / "criteria"
    return check_library(tuple(load_set(sub, questions) for sub in sorted(folder.iterdir()) if sub.is_dir()))


@cache
def default_library() -> CriteriaLibrary:
    return load_library()
