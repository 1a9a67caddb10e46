"""Each field type accepts what an accountant types and refuses the rest with a Chinese instruction."""

from datetime import date
from decimal import Decimal

import pytest

from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.core.values import ValueProblem, parse_value, warnings_for

Q = default_questions()


def parse(key, raw):
    return parse_value(Q.field(key), raw)


def test_a_valid_uscc_is_accepted_and_uppercased():
    assert parse("uscc", "91350203ma2y0n4f04") == "91350203MA2Y0N4F04"


def test_a_uscc_with_a_typo_says_a_character_is_wrong_somewhere_not_which_last_one_to_type():
    """Changing the last character to what the check asks would make a mistyped code "valid"."""
    for typo in ("91350203MA2Y0N4F0X", "91350203MA2Y0M4F04"):  # the last character, or one in the middle
        with pytest.raises(ValueProblem, match="有一位或几位输错了") as refused:
            parse("uscc", typo)
        assert "最后一位应为" not in str(refused.value)


def test_a_short_uscc_says_how_long_it_should_be():
    with pytest.raises(ValueProblem, match="应为18位，现在是17位"):
        parse("uscc", "91350203MA2Y0N4F0")


def test_a_uscc_with_forbidden_letters_is_refused():
    with pytest.raises(ValueProblem, match="不允许的字符"):
        parse("uscc", "91350203MA2Y0N4FOI")


@pytest.mark.parametrize("raw", ["2025-03-31", "2025/3/31", "2025.03.31", "2025年3月31日"])
def test_dates_in_the_usual_chinese_forms(raw):
    assert parse("registration_date", raw) == date(2025, 3, 31)


def test_an_impossible_date_is_refused():
    with pytest.raises(ValueProblem, match="没有 2025-02-30 这一天"):
        parse("registration_date", "2025-02-30")


def test_a_date_in_a_wrong_format_shows_the_right_one():
    with pytest.raises(ValueProblem, match="2025-03-31"):
        parse("registration_date", "31/03/2025")


@pytest.mark.parametrize(("raw", "value"), [("1,000,000", "1000000"), ("¥ 2,500.50", "2500.50"), (1200, "1200")])
def test_money_accepts_separators_and_the_yuan_sign(raw, value):
    assert parse("revenue", raw) == Decimal(value)


@pytest.mark.parametrize(("raw", "value"), [("12万", "120000"), ("1,000万", "10000000"), ("3.5亿", "350000000"),
                                            ("12万元", "120000"), (" 0.35 万 ", "3500"), ("1.23456万", "12345.6")])
def test_money_accepts_wan_and_yi_as_accountants_type_them(raw, value):
    assert parse("revenue", raw) == Decimal(value)


@pytest.mark.parametrize(("raw", "message"), [("1.2345678万", "两位小数"), ("万", "不是数字"), ("12万万", "不是数字"),
                                              ("20000亿", "超过1万亿元")])
def test_wan_and_yi_amounts_keep_the_usual_checks(raw, message):
    with pytest.raises(ValueProblem, match=message):
        parse("revenue", raw)


@pytest.mark.parametrize(("raw", "message"), [("-1", "不能为负数"), ("12.345", "两位小数"), ("一百万", "不是数字"),
                                              ("2000000000000", "超过1万亿元"), ("2e12", "科学计数法")])
def test_money_refuses_what_cannot_be_an_amount(raw, message):
    with pytest.raises(ValueProblem, match=message):
        parse("revenue", raw)


def test_net_profit_may_be_a_loss():
    assert parse("net_profit", "-350000") == Decimal("-350000")


def test_a_rate_above_100_percent_is_refused():
    with pytest.raises(ValueProblem, match="超过100%"):
        parse("debt_ratio", "120")


def test_a_rate_may_carry_a_percent_sign():
    assert parse("debt_ratio", "45.5%") == Decimal("45.5")


def test_a_choice_accepts_its_chinese_label():
    assert parse("tier", "专精特新中小企业") == "srdi"


def test_an_unknown_choice_lists_the_options():
    with pytest.raises(ValueProblem, match="专精特新中小企业"):
        parse("tier", "独角兽")


@pytest.mark.parametrize(("raw", "value"), [("是", True), ("否", False), (True, True), ("false", False)])
def test_yes_no_in_chinese_or_json(raw, value):
    assert parse("reserve_designated", raw) is value


def test_a_mobile_number_has_eleven_digits():
    assert parse("contact_mobile", "138 0600 1234") == "13806001234"
    with pytest.raises(ValueProblem, match="11位"):
        parse("contact_mobile", "1380600123")


def test_a_bank_account_is_digits_only():
    with pytest.raises(ValueProblem, match="8到32位数字"):
        parse("bank_account", "6222-ABCD")


def test_a_postal_code_has_six_digits():
    with pytest.raises(ValueProblem, match="6位数字"):
        parse("postal_code", "36100")


def test_too_long_text_says_how_much_to_cut():
    with pytest.raises(ValueProblem, match="最多100个字"):
        parse("company_name", "厦" * 101)


def test_blank_is_not_known_rather_than_wrong():
    assert parse("revenue", "  ") is None


def test_an_amount_that_looks_like_wan_yuan_gets_a_warning():
    warnings = warnings_for(Q.field("equipment_investment_last_year"), Decimal("350"))
    assert warnings and "3500000" in warnings[0]
    assert warnings_for(Q.field("equipment_investment_last_year"), Decimal("3500000")) == []


def test_choices_accept_the_short_names_declared_as_aliases_in_the_question_files():
    questions = default_questions()
    tier, district = questions.field("tier"), questions.field("district")
    assert [parse_value(tier, name) for name in ("创新型中小企业", "专精特新中小企业", "小巨人", "重点小巨人",
                                                 "专精特新\"小巨人\"企业", " 专精特新 “小巨人” 企业 ")] == \
        ["innovative", "srdi", "little_giant", "key_little_giant", "little_giant", "little_giant"]
    assert [parse_value(district, name) for name in ("湖里", "湖里区", "火炬")] == ["huli", "huli", "torch"]
    with pytest.raises(ValueProblem, match="不是可选项"):
        parse_value(district, "厦门")


def test_an_alias_that_would_be_ambiguous_is_refused_when_the_questions_are_loaded(tmp_path):
    from zjtx_desktop.core.questions import QuestionsError, load_questions

    (tmp_path / "p.yaml").write_text(
        "page: p\ntitle: t\norder: 1\nfields:\n  - key: k\n    label: L\n    type: choice\n    options:\n"
        "      - {value: a, label: 甲, aliases: [乙]}\n      - {value: b, label: 乙}\n", encoding="utf-8")
    with pytest.raises(QuestionsError, match="重复"):
        load_questions(tmp_path)
