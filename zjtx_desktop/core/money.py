"""Money in yuan as Decimal: rounding to the fen, figures with separators, and 大写 for forms.

大写 follows the 人民银行 rules for filling in 票据 through cn2an's "rmb" mode; the tests pin the
tricky zeros (107,000.53 → 壹拾万柒仟元伍角叁分) so a library change cannot slip through.
"""

from decimal import ROUND_FLOOR, Decimal
from functools import lru_cache

FEN = Decimal("0.01")


def to_fen(amount: Decimal) -> Decimal:
    """Round down to the fen, the only rounding there is. The clauses say 不超过/最高: a computed line
    never rounds up, every printed figure is money the clause gives, and a total is the sum of the
    figures as printed."""
    return amount.quantize(FEN, rounding=ROUND_FLOOR)


def format_yuan(amount: Decimal) -> str:
    """1234567.5 → '1,234,567.50' (no unit), as printed in 小写 boxes."""
    return f"{to_fen(amount):,.2f}"


@lru_cache(maxsize=4096)  # the same caps and amounts recur in every evaluation
def format_yuan_unit(amount: Decimal) -> str:
    """1234567.5 → '1,234,567.50元', for sentences."""
    return f"{format_yuan(amount)}元"


def capitalize_yuan(amount: Decimal) -> str:
    """1000000 → '壹佰万元整'; 1409.50 → '壹仟肆佰零玖元伍角'. Negative amounts are refused."""
    import cn2an  # 0.1 s to import: the application's window opens before the first 大写 is needed

    value = to_fen(amount)
    if value < 0:
        raise ValueError("大写金额不能为负数")
    return cn2an.an2cn(f"{value:f}", "rmb")


def percent_to_fraction(percent: Decimal) -> Decimal:
    """A rate typed as a percentage (3.45) as a fraction (0.0345)."""
    return percent / 100


@lru_cache(maxsize=1024)
def format_rate(rate: Decimal) -> str:
    """Decimal('0.0345') → '3.45%'; trailing zeros dropped, at least no exponent."""
    percent = (rate * 100).normalize()
    return f"{percent:f}%"


def format_permille(rate: Decimal) -> str:
    """Decimal('0.007') → '7‰'."""
    permille = (rate * 1000).normalize()
    return f"{permille:f}‰"
