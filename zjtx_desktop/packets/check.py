"""Before a packet is drawn: is every field its form needs filled in, and can every character be
printed? If not, say which.

A form that printed an empty box by accident would be handed in incomplete; the wizard uses the
list this module gives to send the user to the missing fields instead. Blanks meant for ink are
declared as such in forms/packets/ and are never reported here.
"""

from __future__ import annotations

from dataclasses import dataclass

from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.questions import Field
from zjtx_desktop.packets.fonts import character_name, unprintable
from zjtx_desktop.packets.forms import FormField, FormTable, PacketForm


@dataclass(frozen=True)
class MissingItem:
    """One empty field (or table cell) a packet needs, said in Chinese."""

    packet: str
    field: Field
    detail: str

    def __str__(self) -> str:
        return f"{self.packet}：{self.detail}（{self.field.key}）"


class PacketFieldsMissing(Exception):
    """Raised before anything is written, with every missing field, so the user fixes them in one pass."""

    def __init__(self, items: list[MissingItem]):
        self.items = tuple(items)
        lines = "\n".join(f"  - {item}" for item in self.items)
        super().__init__(f"以下信息尚未填写，申请材料无法生成，请补充后重试：\n{lines}")

    @property
    def fields(self) -> list[Field]:
        """The distinct question fields to send the user to, in form order."""
        return list({item.field.key: item.field for item in self.items}.values())


def _field_missing(profile: Profile, entry: FormField) -> bool:
    if entry.key is None:
        return False
    return profile.get(entry.key) is None and (entry.fallback is None or profile.get(entry.fallback) is None)


def _table_gaps(profile: Profile, table: FormTable) -> list[str]:
    spec = profile.questions.field(table.key)
    rows = profile.rows(table.key)
    if not rows:
        return [f"「{spec.label}」还没有填写任何一行"]
    return [f"「{spec.label}」第{number}行“{spec.column(column).label}”"
            for number, row in enumerate(rows, start=1) for column in table.columns if row.get(column) is None]


def missing_items(profile: Profile, form: PacketForm, packet: str) -> list[MissingItem]:
    """Every empty field and table cell the form prints, once each, in the order of the form."""
    items: dict[str, MissingItem] = {}
    for group in form.groups:
        for entry in group.fields:
            if _field_missing(profile, entry):
                spec = profile.questions.field(entry.key)
                items.setdefault(spec.key, MissingItem(packet, spec, f"「{spec.label}」"))
        for table in group.tables:
            spec = profile.questions.field(table.key)
            for detail in _table_gaps(profile, table):
                items.setdefault(detail, MissingItem(packet, spec, detail))
    return list(items.values())


@dataclass(frozen=True)
class UnprintableItem:
    """A character of a field that no bundled font can draw."""

    field: Field
    where: str
    char: str

    def __str__(self) -> str:
        return f"{self.where}中的{character_name(self.char)}"


class UnprintableText(Exception):
    """Raised before anything is written: a character would print as a blank, so nothing is printed."""

    def __init__(self, items: list[UnprintableItem]):
        self.items = tuple(items)
        lines = "\n".join(f"  - {item}" for item in self.items)
        super().__init__(
            f"以下内容中有字库里没有的字，打印出来会是空白，申请材料无法生成：\n{lines}\n"
            "请检查是否输入有误（如从其他软件复制时带入的符号）；如确为该字，可暂用同音字代替后生成，"
            "打印后手写更正并加盖公章。")

    @property
    def fields(self) -> list[Field]:
        return list({item.field.key: item.field for item in self.items}.values())


def _text_values(profile: Profile):
    """(field, where, text) for every piece of text the user typed, table cells included."""
    for key, value in profile.items():
        if not profile.questions.has_field(key):
            continue
        spec = profile.questions.field(key)
        if isinstance(value, str):
            yield spec, f"「{spec.label}」", value
        elif spec.type == "table":
            for number, row in enumerate(value or [], start=1):
                for column in spec.columns:
                    if isinstance(row.get(column.key), str):
                        yield spec, f"「{spec.label}」第{number}行“{column.label}”", row[column.key]


def unprintable_items(profile: Profile) -> list[UnprintableItem]:
    """Every character typed anywhere in the profile that neither font has: any of it may be printed
    (the report quotes the working of every measure), so all of it is checked before the first file."""
    return [UnprintableItem(spec, where, char) for spec, where, text in _text_values(profile)
            for char in unprintable(text)]
