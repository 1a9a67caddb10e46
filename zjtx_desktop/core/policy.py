"""The policy as dated data: loading and checking resources/policies/<id>/policy.yaml.

Code says how, data says how much: every amount, rate, cap, date, clause and 责任单位 the evaluator
uses is read here. A successor policy is a new folder; `policy_for` picks the one in force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from zjtx_desktop.core.paths import policies_dir, rates_dir
from zjtx_desktop.core.safe_yaml import YamlRefused, read_yaml

MEASURE_KINDS = frozenset({"grant", "interest_subsidy", "financing", "non_monetary", "other_policy"})
POLICY_KEYS = ("id", "title", "document_number", "issued", "effective_from", "effective_to", "tiers", "measures")
MEASURE_KEYS = ("number", "title", "rule", "kind", "clause_ref", "clause", "responsible_units")
TIER_GROUPS = ("innovative_or_above", "srdi", "little_giant", "key_little_giant", "srdi_sme")
# A policy's id names its folder in the data folder: one safe form, never a path ("../..", "/", ".").
POLICY_ID = re.compile(r"[a-z0-9-]{3,64}")
NUMBER_DIGITS = 15  # no amount, rate or threshold in a policy has more integer digits
TEXT_KEYS = ("title", "document_number", "issuer", "validity_clause", "reading_notice", "srdi_definition")
MEASURE_TEXTS = ("title", "rule", "kind", "clause_ref", "clause", "other_policy")


class PolicyError(ValueError):
    """A policy or rate file that cannot be used: names the file, the key and what is wrong."""

    def __init__(self, source: str, key: str, message: str):
        self.source, self.key = source, key
        super().__init__(f"{source}：{key}：{message}" if key else f"{source}：{message}")


@dataclass(frozen=True)
class Parameter:
    name: str
    value: Any
    unit: str = ""
    reference: str = ""


@dataclass(frozen=True)
class MeasureSpec:
    id: str
    number: int
    title: str
    rule: str
    kind: str
    clause_ref: str
    clause: str
    responsible_units: tuple[str, ...]
    parameters: dict[str, Parameter] = field(default_factory=dict)
    readings: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    non_monetary: tuple[str, ...] = ()
    non_monetary_by_tier: dict[str, str] = field(default_factory=dict)
    other_policy: str = ""
    packet_materials: tuple[str, ...] = ()  # the policy's common materials, then the measure's own

    def param(self, name: str) -> Any:
        return self.parameters[name].value


@dataclass(frozen=True)
class Policy:
    id: str
    title: str
    document_number: str
    issued: date
    effective_from: date
    effective_to: date | None
    tiers: dict[str, frozenset[str]]
    measures: dict[str, MeasureSpec]
    issuer: str = ""
    validity_clause: str = ""
    reading_notice: str = ""
    srdi_definition: str = ""
    common_materials: tuple[str, ...] = ()
    folder: Path | None = None

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def tier_in(self, group: str, tier: str | None) -> bool:
        return tier is not None and tier in self.tiers[group]


@dataclass(frozen=True)
class RateSeries:
    """A dated rate such as the 1-year LPR: each value holds from its date until the next one."""

    id: str
    title: str
    values: tuple[tuple[date, Decimal], ...]

    def on(self, day: date) -> tuple[date, Decimal] | None:
        current = None
        for since, value in self.values:
            if since <= day:
                current = (since, value)
        return current


def _number(value: Any, source: str, key: str) -> Any:
    """Numbers in policy files become Decimal (strings included, so "0.02" stays exact)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return _sane(Decimal(value), source, key)
    if isinstance(value, float):
        raise PolicyError(source, key, f"小数请加引号写成字符串（如 \"{value}\"），以免精度丢失")
    if isinstance(value, str):
        try:
            return _sane(Decimal(value), source, key)
        except InvalidOperation:
            return value
    if isinstance(value, list):
        return tuple(_number(v, source, key) for v in value)
    if isinstance(value, dict):
        return {k: _number(v, source, f"{key}.{k}") for k, v in value.items()}
    return value


def out_of_range(value: Decimal) -> str:
    """Why a number from a data file cannot be used ('' when it can): a huge exponent would make every
    figure shown from it a million digits long, or overflow. Policy and criteria files share it."""
    if not value.is_finite() or (value and value.adjusted() >= NUMBER_DIGITS) or value.as_tuple().exponent < -NUMBER_DIGITS:
        return f"数值 {value} 超出合理范围，请核对"
    return ""


def _sane(value: Decimal, source: str, key: str) -> Decimal:
    refused = out_of_range(value)
    if refused:
        raise PolicyError(source, key, refused)
    return value


def _texts(raw: dict, keys: tuple[str, ...], source: str, where: str) -> None:
    for key in keys:
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise PolicyError(source, f"{where}{key}", "应为文字")


def _text_list(raw: Any, source: str, key: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise PolicyError(source, key, "应为若干条文字组成的列表")
    return tuple(raw)


def _require(raw: dict, keys: tuple[str, ...], source: str, where: str) -> None:
    for key in keys:
        if key not in raw or raw[key] is None:
            raise PolicyError(source, f"{where}{key}", "缺少此项")


def _date(raw: Any, source: str, key: str) -> date:
    if not isinstance(raw, date):
        raise PolicyError(source, key, f"“{raw}”不是日期，请按 YYYY-MM-DD 格式填写")
    return raw


def _parameters(raw: dict, source: str, where: str) -> dict[str, Parameter]:
    if raw is not None and not isinstance(raw, dict):
        raise PolicyError(source, where.rstrip("."), "应为映射")
    parameters = {}
    for name, spec in (raw or {}).items():
        if not isinstance(spec, dict) or "value" not in spec:
            raise PolicyError(source, f"{where}{name}", "参数须写成 {value: …, unit: …, reference: …}")
        if not spec.get("reference"):
            raise PolicyError(source, f"{where}{name}.reference", "每个参数须注明出处条款")
        value = _number(spec["value"], source, f"{where}{name}.value")
        parameters[name] = Parameter(name, value, spec.get("unit", ""), spec["reference"])
    return parameters


def _measure(measure_id: str, raw: dict, source: str, known_rules: frozenset[str]) -> MeasureSpec:
    where = f"measures.{measure_id}."
    if not isinstance(raw, dict):
        raise PolicyError(source, f"measures.{measure_id}", "措施定义须是映射")
    _require(raw, MEASURE_KEYS, source, where)
    _texts(raw, MEASURE_TEXTS, source, where)
    if isinstance(raw["number"], bool) or not isinstance(raw["number"], int):
        raise PolicyError(source, f"{where}number", "措施编号应为整数")
    if not isinstance(raw.get("non_monetary_by_tier", {}), dict):
        raise PolicyError(source, f"{where}non_monetary_by_tier", "应为映射")
    if raw["rule"] not in known_rules:
        raise PolicyError(source, f"{where}rule", f"未知的规则 {raw['rule']}（可用：{', '.join(sorted(known_rules))}）")
    if raw["kind"] not in MEASURE_KINDS:
        raise PolicyError(source, f"{where}kind", f"未知的支持类型 {raw['kind']}")
    return MeasureSpec(
        id=measure_id,
        number=int(raw["number"]),
        title=raw["title"],
        rule=raw["rule"],
        kind=raw["kind"],
        clause_ref=raw["clause_ref"],
        clause=raw["clause"],
        responsible_units=_text_list(raw["responsible_units"], source, f"{where}responsible_units"),
        parameters=_parameters(raw.get("parameters"), source, f"{where}parameters."),
        readings=_text_list(raw.get("readings"), source, f"{where}readings"),
        materials=_text_list(raw.get("materials"), source, f"{where}materials"),
        non_monetary=_text_list(raw.get("non_monetary"), source, f"{where}non_monetary"),
        non_monetary_by_tier=dict(raw.get("non_monetary_by_tier", {})),
        other_policy=raw.get("other_policy", ""),
    )


def load_policy(folder: Path) -> Policy:
    """Load and check one policy folder; raises PolicyError naming the file and key at fault.

    The file may come from an administrator's pack: it is read as hostile data (bounded, no YAML
    aliases), its id must be a safe folder name, and a structure of the wrong shape is a PolicyError
    like any other mistake, never a traceback."""
    path = folder / "policy.yaml"
    source = f"{folder.name}/policy.yaml"
    if not path.is_file():
        raise PolicyError(source, "", "找不到政策文件")
    try:
        raw = read_yaml(path)
    except YamlRefused as refused:
        raise PolicyError(source, "", str(refused)) from None
    try:
        return _policy(raw, source, folder)
    except PolicyError:
        raise
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        raise PolicyError(source, "", f"结构有误（{type(error).__name__}：{error}），请对照现行政策文件的格式检查") from None


def _policy(raw: Any, source: str, folder: Path) -> Policy:
    from zjtx_desktop.core.measures import RULES  # the rules the data may name

    if not isinstance(raw, dict):
        raise PolicyError(source, "", "文件内容须是映射")
    _require(raw, POLICY_KEYS, source, "")
    _texts(raw, TEXT_KEYS, source, "")
    policy_id = raw["id"]
    if not isinstance(policy_id, str) or not POLICY_ID.fullmatch(policy_id):
        raise PolicyError(source, "id", f"“{policy_id}”不能作为政策编号：只能由小写字母、数字和连字符组成，3到64个字符，"
                                        "如 xm-srdi-2027")
    issued = _date(raw["issued"], source, "issued")
    effective_from = _date(raw["effective_from"], source, "effective_from")
    effective_to = _date(raw["effective_to"], source, "effective_to")
    if effective_to < effective_from:
        raise PolicyError(source, "effective_to", "失效日期早于生效日期")
    if not isinstance(raw["tiers"], dict):
        raise PolicyError(source, "tiers", "应为映射")
    tiers = {}
    for group in TIER_GROUPS:
        if group not in raw["tiers"]:
            raise PolicyError(source, f"tiers.{group}", "缺少此项")
        tiers[group] = frozenset(_text_list(raw["tiers"][group], source, f"tiers.{group}"))
    if not isinstance(raw["measures"], dict) or not raw["measures"]:
        raise PolicyError(source, "measures", "至少要有一项措施")
    known_rules = frozenset(RULES)
    common_materials = _text_list(raw.get("common_materials"), source, "common_materials")
    measures = {}
    for mid, m in raw["measures"].items():
        spec = _measure(str(mid), m, source, known_rules)
        packet = (*common_materials, *spec.materials) if spec.materials else ()
        measures[spec.id] = replace(spec, packet_materials=packet)
    return Policy(
        id=policy_id, title=raw["title"], document_number=raw["document_number"], issued=issued,
        effective_from=effective_from, effective_to=effective_to, tiers=tiers, measures=measures,
        issuer=raw.get("issuer", ""), validity_clause=raw.get("validity_clause", ""),
        reading_notice=raw.get("reading_notice", ""), srdi_definition=raw.get("srdi_definition", ""),
        common_materials=common_materials, folder=folder,
    )


def load_policies(folder: Path | None = None) -> tuple[Policy, ...]:
    """Every policy folder under `folder`, oldest first."""
    folder = folder or policies_dir()
    policies = [load_policy(sub) for sub in sorted(folder.iterdir()) if sub.is_dir()]
    ids = [p.id for p in policies]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise PolicyError(str(folder), "id", f"政策编号重复：{', '.join(sorted(duplicates))}")
    return tuple(sorted(policies, key=lambda p: p.effective_from))


def policy_for(on: date, policies: tuple[Policy, ...]) -> Policy:
    """The policy in force on `on`; else the latest one issued before it (expired); else the first."""
    if not policies:
        raise PolicyError("policies", "", "没有可用的政策文件")
    in_force = [p for p in policies if p.in_force(on)]
    if in_force:
        return max(in_force, key=lambda p: p.effective_from)
    earlier = [p for p in policies if p.effective_from <= on]
    return max(earlier, key=lambda p: p.effective_from) if earlier else policies[0]


def load_rate_series(path: Path) -> RateSeries:
    source = path.name
    try:
        raw = read_yaml(path)
    except YamlRefused as refused:
        raise PolicyError(source, "", str(refused)) from None
    _require(raw if isinstance(raw, dict) else {}, ("id", "title", "values"), source, "")
    if not isinstance(raw["values"], dict):
        raise PolicyError(source, "values", "应为 日期: 利率 的映射")
    values = []
    for since, value in raw["values"].items():
        day = _date(since, source, f"values.{since}")
        rate = _number(value, source, f"values.{since}")
        if not isinstance(rate, Decimal) or not 0 <= rate < 1:
            raise PolicyError(source, f"values.{since}", "利率须写成小数字符串，如 \"0.0345\" 表示3.45%")
        values.append((day, rate))
    return RateSeries(str(raw["id"]), raw["title"], tuple(sorted(values)))


def load_rates(folder: Path | None = None, *, user_folder: Path | None = None) -> dict[str, RateSeries]:
    """The bundled rate tables, with the values a user added (in `user_folder`) merged in.

    A user's value for a date replaces the bundled one for that date, so a newly published LPR can
    be entered without a new release.
    """
    folder = folder or rates_dir()
    series = {s.id: s for s in (load_rate_series(path) for path in sorted(folder.glob("*.yaml")))}
    if user_folder and user_folder.is_dir():
        for path in sorted(user_folder.glob("*.yaml")):
            added = load_rate_series(path)
            base = series.get(added.id)
            values = dict(base.values if base else ()) | dict(added.values)
            series[added.id] = RateSeries(added.id, base.title if base else added.title, tuple(sorted(values.items())))
    return series


@cache
def default_policies() -> tuple[Policy, ...]:
    return load_policies()


@cache
def default_rates() -> dict[str, RateSeries]:
    return load_rates()
