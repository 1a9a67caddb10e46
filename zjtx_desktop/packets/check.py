"""Before a packet is drawn: is every field its form needs filled in? If not, say which.

A form that printed an empty box by accident would be handed in incomplete; the wizard uses the
list this module gives to send the user to the missing fields instead. Blanks meant for ink are
declared as such in forms/packets/ and are never reported here.
"""

from __future__ import annotations

from dataclasses import dataclass

from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.questions import Field
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
