"""forms/packets/*.yaml, read and checked: which sections and fields each packet's 申请表 holds.

The layout of a form is data, so that adding a field to a packet (or following a 责任单位's own form)
is an edit of a YAML file, never code per measure. Every reference is checked against
forms/questions/ when the files are loaded, so a typo fails at start-up, not on a printed page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from zjtx_desktop.core.paths import forms_dir
from zjtx_desktop.core.questions import Questions, default_questions

SECTIONS = ("cover", "application", "computation", "pledge", "checklist")
EVALUATION_VALUES = frozenset(
    {"measure_title", "policy_basis", "responsible_units", "amount_figures", "amount_capital", "evaluated_on"}
)
FIELD_ATTRIBUTES = frozenset({"key", "label", "or", "full", "boxes", "value", "ink"})
TABLE_ATTRIBUTES = frozenset({"key", "title", "columns", "total"})


class FormsError(ValueError):
    """A packet form file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class FormField:
    """One labelled box of the 申请表: a profile key, an evaluation value, or a blank for ink."""

    label: str
    key: str | None = None
    fallback: str | None = None
    value: str | None = None
    full: bool = False
    boxes: bool = False

    @property
    def is_ink(self) -> bool:
        return self.key is None and self.value is None


@dataclass(frozen=True)
class FormTable:
    key: str
    title: str
    columns: tuple[str, ...]
    totals: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormGroup:
    title: str
    fields: tuple[FormField, ...] = ()
    tables: tuple[FormTable, ...] = ()


@dataclass(frozen=True)
class Offices:
    """Whom the 承诺书 addresses: full names of the 责任单位, and of each district's own office."""

    full_names: dict[str, str]
    own_district: tuple[str, ...]
    districts: dict[str, str]

    def addressees(self, units: tuple[str, ...], district: str | None) -> tuple[str, ...]:
        """The measure's offices by full name, the policy's 各区政府/火炬管委会 as the firm's own, each once."""
        named: dict[str, None] = {}
        for unit in units:
            if unit in self.own_district:
                named.setdefault(self.districts.get(district, "所在区人民政府（管委会）"))
            else:
                named.setdefault(self.full_names.get(unit, unit))
        return tuple(named)


@dataclass(frozen=True)
class PacketForm:
    measure: str
    sections: tuple[str, ...]
    cover_ink: tuple[str, ...]
    groups: tuple[FormGroup, ...]
    signature: tuple[str, ...]
    pledge_signature: tuple[str, ...]
    offices: Offices
    checklist_first: tuple[str, ...] = ()
    undated: bool = False  # its facts carry no date the evaluator checks against the policy's validity


def _field(raw, questions: Questions, where: str) -> FormField:
    if isinstance(raw, str):
        raw = {"key": raw}
    if not isinstance(raw, dict):
        raise FormsError(f"{where}：字段应写成字段名或映射")
    unknown = set(raw) - FIELD_ATTRIBUTES
    if unknown:
        raise FormsError(f"{where}：未知属性 {', '.join(sorted(unknown))}")
    if len({"key", "value", "ink"} & set(raw)) != 1:
        raise FormsError(f"{where}：key、value、ink 三者必须且只能有一个")
    for name in ("key", "or"):
        if name in raw and not questions.has_field(raw[name]):
            raise FormsError(f"{where}：问题定义中没有字段 {raw[name]}")
    if "value" in raw and raw["value"] not in EVALUATION_VALUES:
        raise FormsError(f"{where}：未知的评估值 {raw['value']}（可用：{', '.join(sorted(EVALUATION_VALUES))}）")
    if "value" in raw and "label" not in raw:
        raise FormsError(f"{where}：评估值 {raw['value']} 需要 label")
    label = raw.get("label") or raw.get("ink") or questions.field(raw["key"]).label
    return FormField(label=label, key=raw.get("key"), fallback=raw.get("or"), value=raw.get("value"),
                     full=bool(raw.get("full")), boxes=bool(raw.get("boxes")))


def _table(raw, questions: Questions, where: str) -> FormTable:
    if not isinstance(raw, dict) or set(raw) - TABLE_ATTRIBUTES or "key" not in raw or "columns" not in raw:
        raise FormsError(f"{where}：表格应有 key 和 columns（可选 title、total）")
    if not questions.has_field(raw["key"]) or questions.field(raw["key"]).type != "table":
        raise FormsError(f"{where}：{raw['key']} 不是问题定义中的表格字段")
    spec = questions.field(raw["key"])
    known = {column.key for column in spec.columns}
    for column in [*raw["columns"], *raw.get("total", ())]:
        if column not in known:
            raise FormsError(f"{where}：表格 {raw['key']} 没有列 {column}")
    if set(raw.get("total", ())) - set(raw["columns"]):
        raise FormsError(f"{where}：合计列必须是表格中印出的列")
    return FormTable(raw["key"], raw.get("title", spec.label), tuple(raw["columns"]), tuple(raw.get("total", ())))


def _group(raw: dict, questions: Questions, where: str) -> FormGroup:
    fields = tuple(_field(f, questions, f"{where} 第{i}个字段") for i, f in enumerate(raw.get("fields", ()), 1))
    tables = tuple(_table(t, questions, f"{where} 第{i}个表格") for i, t in enumerate(raw.get("tables", ()), 1))
    title = raw.get("title", "项目情况")
    try:
        title.format(last_year=2000)
    except (KeyError, IndexError, ValueError):
        raise FormsError(f"{where}：标题中只能用 {{last_year}}（上一年度），其他花括号请去掉") from None
    return FormGroup(title, fields, tables)


def _read(path: Path) -> dict:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise FormsError(f"{path.name}：不是有效的YAML（{error}）") from error
    if not isinstance(raw, dict):
        raise FormsError(f"{path.name}：内容应为映射")
    return raw


def _offices(pledge: dict, questions: Questions) -> Offices:
    districts = {str(key): name for key, name in pledge.get("districts", {}).items()}
    known = {str(option.value) for option in questions.field("district").options}
    if set(districts) != known:
        raise FormsError(f"common.yaml pledge.districts：应列出所属区的全部选项（{', '.join(sorted(known))}）")
    return Offices(dict(pledge.get("offices", {})), tuple(pledge.get("own_district", ())), districts)


def _form(raw: dict, common: dict, common_groups: tuple[FormGroup, ...], questions: Questions,
          name: str) -> PacketForm:
    sections = tuple(raw.get("sections", common["sections"]))
    if not sections or set(sections) - set(SECTIONS):
        raise FormsError(f"{name}：sections 只能取 {', '.join(SECTIONS)}")
    if "project" not in raw:
        raise FormsError(f"{name}：缺少 project（项目情况）")
    project = _group(raw["project"], questions, f"{name} project")
    if not isinstance(raw.get("undated", False), bool):
        raise FormsError(f"{name}：undated 只能是 true 或 false")
    return PacketForm(
        measure=str(raw["measure"]), sections=sections, cover_ink=tuple(common["cover"]["ink"]),
        groups=(*common_groups, project), signature=tuple(common["application"]["signature"]),
        pledge_signature=tuple(common["pledge"]["signature"]), offices=_offices(common["pledge"], questions),
        checklist_first=tuple(common.get("checklist", {}).get("first", ())), undated=raw.get("undated", False),
    )


def load_forms(folder: Path | None = None, questions: Questions | None = None) -> dict[str, PacketForm]:
    """Every packet form of a folder, keyed by measure ("3b"), each with the common part merged in."""
    folder = folder or forms_dir() / "packets"
    questions = questions or default_questions()
    common = _read(folder / "common.yaml")
    common_groups = tuple(_group(g, questions, f"common.yaml 第{i}组")
                          for i, g in enumerate(common["application"]["groups"], 1))
    forms = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "common.yaml":
            continue
        raw = _read(path)
        if str(raw.get("measure")) != path.stem:
            raise FormsError(f"{path.name}：measure 应为 {path.stem}")
        forms[path.stem] = _form(raw, common, common_groups, questions, path.name)
    return forms


@cache
def default_forms() -> dict[str, PacketForm]:
    return load_forms()
