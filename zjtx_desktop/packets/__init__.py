"""Print-ready PDF packets and the summary report (reportlab; never Qt).

data → context → layout: forms/packets/*.yaml declare each packet's form, context.py turns the
profile and evaluation into the strings to print, sections/ place them, styles.py owns the look.
"""

from zjtx_desktop.packets.build import (
    NoPacketForMeasure,
    Options,
    Written,
    build_all,
    build_packet,
    build_summary,
    missing_fields,
    policy_end_passed,
)
from zjtx_desktop.packets.check import PacketFieldsMissing, UnprintableText
from zjtx_desktop.packets.context import applicable_measures

__all__ = [
    "NoPacketForMeasure",
    "Options",
    "PacketFieldsMissing",
    "UnprintableText",
    "Written",
    "applicable_measures",
    "build_all",
    "build_packet",
    "build_summary",
    "missing_fields",
    "policy_end_passed",
]
