"""10,000 generated profiles, valid and broken: no exception escapes, every amount stays within its
bounds, and a firm without a 专精特新 tier gets no 专精特新-only money."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.policy import default_policies
from zjtx_desktop.core.profile import ProfileInvalid, parse_profile
from zjtx_desktop.core.questions import Field, default_questions
from zjtx_desktop.core.results import MONETARY_KINDS, Status

QUESTIONS = default_questions()
POLICY = default_policies()[0]
NOT_SRDI_MONEY = {"6b"}  # the cluster operator need not be a 专精特新企业

money = st.decimals(min_value=0, max_value=Decimal("2e9"), places=2)
days = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 12, 31))
garbage = st.one_of(st.text(max_size=8), st.integers(-10**6, 10**6), st.booleans(), st.lists(st.integers(), max_size=2),
                    st.decimals(allow_nan=False, allow_infinity=False, places=4))


def valid_value(spec: Field):
    kind = spec.type
    if kind == "choice":
        return st.sampled_from([o.value for o in spec.options])
    if kind == "bool":
        return st.booleans()
    if kind == "money":
        return money.map(str)
    if kind == "integer":
        return st.integers(min_value=spec.min or 0, max_value=500)
    if kind == "percent":
        return st.decimals(min_value=0, max_value=15, places=2).map(str)
    if kind == "date":
        return days.map(date.isoformat)
    if kind == "table":
        return st.lists(row(spec), max_size=3)
    if kind == "uscc":
        return st.sampled_from(["91350203MA2Y0N4F04", "91350206MA31ABCD04"])
    if kind == "mobile":
        return st.just("13806001234")
    if kind == "email":
        return st.just("a@b.cn")
    if kind == "bank_account":
        return st.just("35101560001052512345")
    if kind == "phone":
        return st.just("0592-1234567")
    if spec.pattern:
        return st.just("361000" if "\\d{6}" in spec.pattern else "C3919")
    return st.text(alphabet="厦门科技有限公司ABC123", min_size=1, max_size=20)


def row(spec: Field):
    @st.composite
    def build(draw):
        values = {c.key: draw(valid_value(c)) for c in spec.columns if c.required or draw(st.booleans())}
        for start, end in (("start_date", "end_date"),):
            if start in values and end in values and values[end] < values[start]:
                values[start], values[end] = values[end], values[start]
        return values

    return build()


@st.composite
def raw_profiles(draw):
    fields = draw(st.lists(st.sampled_from(QUESTIONS.fields), unique_by=lambda f: f.key, max_size=40))
    broken = draw(st.booleans()) and draw(st.booleans())
    raw = {}
    for spec in fields:
        raw[spec.key] = draw(garbage if broken and draw(st.booleans()) else valid_value(spec))
    if draw(st.booleans()):
        raw["tier"] = draw(st.sampled_from(["none", "innovative", "srdi", "little_giant", "key_little_giant"]))
    return raw


GATES = {"3b": "has_equipment_investment", "3a": "has_tech_fund_loans", "5": "has_ip_pledge_loans",
         "4": "has_joint_lab", "6a": "has_standards", "6b": "is_cluster_operator", "7a": "has_digital_upgrade",
         "7b": "has_consulting", "7c": "has_training", "13": "has_market_events", "14": "has_overseas_exhibitions",
         "15": "has_credit_insurance"}


def happened(day, on: date) -> bool:
    """An event counts only within the policy's validity and by the evaluation date."""
    return day is not None and POLICY.effective_from <= day <= min(POLICY.effective_to, on)


def paid_for_subsidised_days(loan, on: date, max_days: int | None = None) -> Decimal:
    """The interest paid for the days a subsidy may count, the interest spread evenly over the days
    from the loan's start to its end or the evaluation date."""
    until = min(loan["end_date"], on)
    covered = (until - loan["start_date"]).days
    last = min(until, POLICY.effective_to + timedelta(days=1))
    if max_days is not None:
        last = min(last, loan["start_date"] + timedelta(days=max_days))
    days = (last - max(loan["start_date"], POLICY.effective_from)).days
    return loan["interest_paid"] * days / covered if covered > 0 and days > 0 else Decimal(0)


def upper_bound(measure: str, profile, on: date) -> Decimal | None:
    """The most a result may ever say, from the policy's own caps and the firm's own figures."""
    spec = POLICY.measures[measure]
    p = spec.parameters
    if measure == "3a":  # the part of the interest paid for subsidised days above the firm's 2%
        fixed = p["fixed_financing_cost_rate"].value * 100
        return sum((paid_for_subsidised_days(loan, on) * (loan["annual_rate"] - fixed) / loan["annual_rate"]
                    for loan in profile.rows("tech_fund_loans") if loan["annual_rate"] > fixed), Decimal(0))
    if measure == "5":  # 60% of the interest paid for the subsidised days of each loan's first year
        return sum((paid_for_subsidised_days(loan, on, int(p["max_days_per_loan"].value)) * p["subsidy_share"].value
                    for loan in profile.rows("ip_pledge_loans")), Decimal(0))
    if measure == "3b":  # 上年度 is a year whose investment this policy covers
        covered = POLICY.effective_from.year - 1 <= on.year - 1 <= POLICY.effective_to.year
        return p["other_policy_threshold"].value * p["subsidy_rate"].value if covered else Decimal(0)
    if measure == "6a":
        return p["max_per_standard"].value * sum(happened(s.get("publish_date"), on) for s in profile.rows("standards"))
    if measure == "7c":
        return sum((c["fee_paid"] for c in profile.rows("trainings") if happened(c.get("start_date"), on)), Decimal(0))
    if measure == "13":
        return sum((e["rent_paid"] for e in profile.rows("market_events") if happened(e.get("date"), on)), Decimal(0))
    if measure == "15":
        return sum((min(x["premium_paid"], x["insured_amount"] * p["rate_ceiling"].value) * p["subsidy_share"].value
                    for x in profile.rows("credit_insurance_policies") if happened(x.get("start_date"), on)),
                   Decimal(0))
    if measure == "2b":
        return p["city_award"].value + p["district_award"].value
    caps = [param.value for name, param in p.items() if name.startswith("max_") and name != "max_days_per_loan"]
    return max(caps) if caps else None


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=raw_profiles(), on=days)
def test_generated_profiles_never_break_the_evaluator(raw, on):
    try:
        profile, _ = parse_profile(raw)
    except ProfileInvalid as invalid:
        assert invalid.issues and all(str(issue) for issue in invalid.issues)
        return
    evaluation = evaluate(profile, on)
    assert len(evaluation.results) == len(POLICY.measures)
    if not POLICY.in_force(on):
        assert not any(r.status is Status.ELIGIBLE for r in evaluation.results) and evaluation.total == 0
    srdi = POLICY.tier_in("srdi", profile.get("tier"))
    for result in evaluation.results:
        assert isinstance(result.status, Status) and result.explanation
        gate = GATES.get(result.measure)
        if gate and profile.get(gate) is False:  # the 否 wins over data left on the page it hides
            assert result.status in (Status.NOT_ELIGIBLE, Status.INSUFFICIENT), result
            assert result.amount is None and result.reference_amount is None, result
        figure = result.amount if result.reference_amount is None else result.reference_amount
        if figure is None:
            continue
        assert figure >= 0, result
        bound = upper_bound(result.measure, profile, on)
        if bound is not None:  # a reference figure (不在有效期) is held to the same bounds
            assert figure <= bound, (result.measure, figure, bound)
        assert figure == figure.quantize(Decimal("0.01")), result
        assert_printed_lines_add_up(result, figure)
        if not srdi and result.measure not in NOT_SRDI_MONEY and result.kind in MONETARY_KINDS | {"financing"}:
            assert result.status is not Status.ELIGIBLE, (result.measure, profile.get("tier"), result.explanation)


SUM = re.compile(r"((?:[\d,]+\.\d\d元 \+ )+[\d,]+\.\d\d元) = ([\d,]+\.\d\d)元")
DIFFERENCE = re.compile(r"([\d,]+\.\d\d)元((?: − [\d,]+\.\d\d元)+) = ([\d,]+\.\d\d)元")


def figure(text: str) -> Decimal:
    return Decimal(text.replace(",", "").removesuffix("元"))


def assert_printed_lines_add_up(result, amount: Decimal) -> None:
    """The amount is a figure printed in the working, and every "a + b = c" and "a − b = c" printed
    there is true."""
    if result.kind not in MONETARY_KINDS:
        return
    text = "\n".join(result.computation)
    assert format_yuan(amount) in text, (result.measure, amount, result.computation)
    for parts, total in SUM.findall(text):
        assert sum((figure(part) for part in parts.split(" + ")), Decimal(0)) == figure(total), (result.measure, text)
    for first, parts, total in DIFFERENCE.findall(text):
        rest = sum((figure(part) for part in parts.split(" − ")[1:]), Decimal(0))
        assert figure(first) - rest == figure(total), (result.measure, text)


def test_the_sum_check_reads_the_printed_lines():
    class Printed:
        kind, measure, amount = "grant", "x", Decimal("49315.06")
        computation = ("合计：24,657.53元 + 24,657.53元 = 49,315.07元",)

    with pytest.raises(AssertionError):
        assert_printed_lines_add_up(Printed, Printed.amount)
    Printed.computation = ("2026年按天数分摊：60,000.00元 − 35,178.08元 = 24,821.93元", "49,315.06元")
    with pytest.raises(AssertionError):
        assert_printed_lines_add_up(Printed, Printed.amount)


def test_the_bound_check_is_not_vacuous():
    profile, _ = parse_profile({"tier": "srdi", "consulting_fees_paid": "10000000"})
    assert evaluate(profile, date(2025, 1, 1)).result("7b").amount == upper_bound("7b", profile, date(2025, 1, 1))


def test_the_interest_bound_is_the_interest_paid_for_subsidised_days():
    """100,000 paid on a loan of 2024-03-01 covers 365 days, 171 of them subsidised."""
    profile, _ = parse_profile({"tier": "srdi", "ip_pledge_loans": [
        {"bank": "兴业银行", "principal": "10000000", "annual_rate": "3.5", "start_date": "2024-03-01",
         "end_date": "2025-03-01", "interest_paid": "100000"}]})
    on = date(2026, 12, 31)
    bound = upper_bound("5", profile, on)
    assert bound == Decimal("100000") * 171 / 365 * Decimal("0.6")
    assert evaluate(profile, on).result("5").amount == Decimal("28109.58") <= bound
