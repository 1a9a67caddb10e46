"""大写 by the 人民银行 rules for 票据, and figures with separators."""

from decimal import Decimal

import pytest

from zjtx_desktop.core.money import capitalize_yuan, format_permille, format_rate, format_yuan, to_fen


@pytest.mark.parametrize(
    ("amount", "capitals"),
    [
        ("107000.53", "壹拾万柒仟元伍角叁分"),  # zeros inside: one 零 at most, none before 万
        ("1000000", "壹佰万元整"),
        ("1409.50", "壹仟肆佰零玖元伍角"),  # 角 without 分: no 整
        ("100.05", "壹佰元零伍分"),  # 元 to 分 across a zero 角: 零
        ("1001.01", "壹仟零壹元零壹分"),
        ("0.05", "伍分"),
        ("0", "零元整"),
        ("10", "壹拾元整"),  # 壹拾, never 拾 alone on a form
        ("1234567", "壹佰贰拾叁万肆仟伍佰陆拾柒元整"),
        ("20000000", "贰仟万元整"),
        ("100000000", "壹亿元整"),
        ("1010101.01", "壹佰零壹万零壹佰零壹元零壹分"),
        ("499999.99", "肆拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_capitals_follow_the_pboc_rules(amount, capitals):
    assert capitalize_yuan(Decimal(amount)) == capitals


def test_capitals_round_down_to_the_fen_first():
    assert capitalize_yuan(Decimal("0.019")) == "壹分"


def test_negative_amounts_have_no_capitals():
    with pytest.raises(ValueError):
        capitalize_yuan(Decimal("-1"))


def test_rounding_is_always_down_to_the_fen_as_the_clauses_say_not_above():
    assert to_fen(Decimal("0.125")) == Decimal("0.12")
    assert to_fen(Decimal("100000.005")) == Decimal("100000.00")  # 1,000,000.05 × 10%
    assert to_fen(Decimal("24657.534246")) == Decimal("24657.53")
    assert format_yuan(Decimal("0.999")) == "0.99"


def test_figures_have_thousands_separators_and_two_decimals():
    assert format_yuan(Decimal("1234567.5")) == "1,234,567.50"
    assert format_yuan(Decimal("0")) == "0.00"


def test_rates_print_without_trailing_zeros():
    assert format_rate(Decimal("0.0345")) == "3.45%"
    assert format_rate(Decimal("0.10")) == "10%"
    assert format_permille(Decimal("0.007")) == "7‰"
