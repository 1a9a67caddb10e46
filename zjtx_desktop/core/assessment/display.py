"""How the assessment writes numbers: amounts in 万元, percentages, and the rounding each side needs.

A figure shown beside a threshold must never look like it passes when it does not: a ratio that
must reach a floor is cut down (2.996% shows as 2.99%), one that must stay under a ceiling is
rounded up, and an amount still to find is rounded up to the next 100 元.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_UP, Decimal

from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.values import CHINESE_UNITS

WAN = CHINESE_UNITS["万"]
MINUS = "\u2212"  # the minus sign, not the hyphen: "−300,000.00" must not read as a dash
PERCENT = Decimal(100)
SHOWN_PLACES = Decimal("0.01")


def _plain(number: Decimal, grouped: bool = True) -> str:
    text = f"{number.normalize():,f}" if grouped else f"{number.normalize():f}"
    return text


def wan(amount: Decimal) -> str:
    """96500000 → '9,650万元'; 12345678 → '1,234.5678万元' (exact: no rounding)."""
    return f"{_plain(amount / WAN)}万元"


def wan_needed(amount: Decimal) -> str:
    """An amount still to find, rounded up to 0.01万元 so the advice is never short."""
    return f"{_plain((amount / WAN).quantize(SHOWN_PLACES, rounding=ROUND_CEILING))}万元"


def percent(value: Decimal, *, up: bool = False) -> str:
    """A percentage to two places: cut down (floors) or rounded up (ceilings), trailing zeros dropped."""
    shown = value.quantize(SHOWN_PLACES, rounding=ROUND_UP if up else ROUND_DOWN)
    return f"{_plain(shown, grouped=False)}%"


def points(value: Decimal) -> str:
    return f"{_plain(value, grouped=False)}分"


def number(value: Decimal) -> str:
    return _plain(value, grouped=False)


def as_percent(part: Decimal, whole: Decimal) -> Decimal:
    return part / whole * PERCENT


def of_percent(base: Decimal, share: Decimal) -> Decimal:
    """`share`% of `base`."""
    return base * share / PERCENT


def signed_yuan(amount: Decimal) -> str:
    """A change in yuan with its sign: '+1,000,000.00', '−300,000.00' (never '+-300,000.00')."""
    return f"{MINUS if amount < 0 else '+'}{format_yuan(abs(amount))}"


def minus_yuan(amount: Decimal) -> str:
    """A loss as a negative figure: 300000 → '−300,000.00'."""
    return f"{MINUS}{format_yuan(abs(amount))}"
