"""The question definitions in forms/questions/: the one list of the profile's fields.

The wizard's pages, the Excel template's columns and the profile's JSON Schema are all derived from
these files, so a field is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from zjtx_desktop.core.paths import forms_dir

# libyaml's parser with the same safe constructor: 8 × faster, which the application's start-up feels
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FIELD_TYPES = frozenset(
    {"text", "uscc", "date", "money", "integer", "percent", "choice", "bool", "phone", "mobile", "email",
     "bank_account", "table"}
)
FIELD_ATTRIBUTES = frozenset(
    {"key", "label", "type", "required", "help", "clause", "unit", "options", "min", "max", "max_length",
     "pattern", "pattern_message", "warn_below", "not_above", "not_before", "allow_negative", "columns"}
)


class QuestionsError(ValueError):
    """A question file that cannot be used; the message names the file and the key."""


OPTION_ATTRIBUTES = frozenset({"value", "label", "aliases"})


@dataclass(frozen=True)
class Option:
    value: Any
    label: str
    aliases: tuple[str, ...] = ()  # short names people write for it (小巨人, 湖里), accepted on import


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    type: str
    page: str
    required: bool = False
    help: str = ""
    clause: str = ""
    unit: str = ""
    options: tuple[Option, ...] = ()
    min: int | None = None
    max: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    pattern_message: str = ""
    warn_below: int | None = None
    not_above: str | None = None
    not_before: str | None = None
    allow_negative: bool = False
    columns: tuple[Field, ...] = ()

    def option_label(self, value: Any) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return "" if value is None else str(value)

    def column(self, key: str) -> Field:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    order: int
    intro: str = ""
    applies_if: str | None = None
    fields: tuple[Field, ...] = field(default=())
    skip_if_no: str | None = None  # an optional page: shown unless this yes/no question is answered 否

    def applies(self, values) -> bool:
        """Whether the page is asked, given the answers so far (a Profile or a dict).

        `applies_if` pages are for things the firm said it did (shown only on 是); a `skip_if_no` page
        is offered to everyone and skipped only when the firm said it does not want it.
        """
        if self.applies_if is not None and values.get(self.applies_if) is not True:
            return False
        return self.skip_if_no is None or values.get(self.skip_if_no) is not False


@dataclass(frozen=True)
class Questions:
    pages: tuple[Page, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for page in self.pages for f in page.fields)

    @cached_property
    def by_key(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    def field(self, key: str) -> Field:
        return self.by_key[key]

    def has_field(self, key: str) -> bool:
        return key in self.by_key

    def page(self, key: str) -> Page:
        for page in self.pages:
            if page.key == key:
                return page
        raise KeyError(key)


def _field(raw: dict, page: str, source: str) -> Field:
    if not isinstance(raw, dict):
        raise QuestionsError(f"{source}：字段定义必须是映射（key: value）")
    where = f"{source}：字段 {raw.get('key', '?')}"
    unknown = set(raw) - FIELD_ATTRIBUTES
    if unknown:
        raise QuestionsError(f"{where} 有未知属性 {', '.join(sorted(unknown))}")
    for required in ("key", "label", "type"):
        if required not in raw:
            raise QuestionsError(f"{where} 缺少 {required}")
    if raw["type"] not in FIELD_TYPES:
        raise QuestionsError(f"{where} 的类型 {raw['type']} 未知")
    if raw["type"] == "choice" and not raw.get("options"):
        raise QuestionsError(f"{where} 是选择题但没有 options")
    if raw["type"] == "table" and not raw.get("columns"):
        raise QuestionsError(f"{where} 是表格但没有 columns")
    values = dict(raw)
    values["options"] = tuple(_option(o, where) for o in raw.get("options", ()))
    names = [name for option in values["options"] for name in (option.label, *option.aliases)]
    if len(names) != len(set(names)):
        raise QuestionsError(f"{where} 的选项名称或简称有重复，导入时无法分辨")
    values["columns"] = tuple(_field(c, page, f"{source} {raw['key']}") for c in raw.get("columns", ()))
    return Field(page=page, **values)


def _option(raw: Any, where: str) -> Option:
    if not isinstance(raw, dict) or not {"value", "label"} <= set(raw) or set(raw) - OPTION_ATTRIBUTES:
        raise QuestionsError(f"{where} 的选项应写成 {{value: …, label: …, aliases: [简称, …]}}")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
        raise QuestionsError(f"{where} 的选项 {raw['label']} 的 aliases 应为简称的列表")
    return Option(raw["value"], raw["label"], tuple(aliases))


def _page(path: Path) -> Page:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        raise QuestionsError(f"{path.name}：不是有效的YAML（{error}）") from error
    for required in ("page", "title", "order", "fields"):
        if required not in raw:
            raise QuestionsError(f"{path.name}：缺少 {required}")
    fields = tuple(_field(f, raw["page"], path.name) for f in raw["fields"])
    return Page(raw["page"], raw["title"], raw["order"], raw.get("intro", ""), raw.get("applies_if"), fields,
                raw.get("skip_if_no"))


def load_questions(folder: Path | None = None) -> Questions:
    """Read every page file of a folder, ordered by `order`, and check keys are unique."""
    folder = folder or forms_dir() / "questions"
    pages = tuple(sorted((_page(p) for p in sorted(folder.glob("*.yaml"))), key=lambda p: p.order))
    seen: set[str] = set()
    for page in pages:
        for f in page.fields:
            if f.key in seen:
                raise QuestionsError(f"字段 {f.key} 在问题定义中出现了两次")
            seen.add(f.key)
    for page in pages:
        if page.applies_if and page.applies_if not in seen:
            raise QuestionsError(f"页面 {page.key} 的 applies_if 指向不存在的字段 {page.applies_if}")
        if page.skip_if_no and page.skip_if_no not in seen:
            raise QuestionsError(f"页面 {page.key} 的 skip_if_no 指向不存在的字段 {page.skip_if_no}")
    return Questions(pages)


@cache
def default_questions() -> Questions:
    return load_questions()
