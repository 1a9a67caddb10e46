"""The figures criteria compare: read from the profile, or worked out from it, with the working.

Criteria name a measure (`measure: rd_ratio`); each measure says which questions it reads, so an
assessment can send the user to exactly the field that is missing. Percentages are in % (2.4 = 2.4%).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from zjtx_desktop.core.assessment.display import as_percent, number, percent, wan
from zjtx_desktop.core.profile import Profile

UNITS = {"money": "元", "percent": "%", "count": "件", "people": "人", "score": "分", "rank": "名", "bool": ""}


@dataclass(frozen=True)
class Reading:
    """A measure's value (None when it cannot be worked out, e.g. a zero denominator) and how."""

    value: Decimal | bool | None
    working: str


@dataclass(frozen=True)
class Measure:
    name: str
    title: str
    kind: str
    fields: tuple[str, ...]
    compute: Callable[[Profile], Reading]

    @property
    def unit(self) -> str:
        return UNITS[self.kind]

    def missing(self, profile: Profile) -> tuple[str, ...]:
        return tuple(key for key in self.fields if profile.get(key) is None)

    def read(self, profile: Profile) -> Reading | None:
        """None when a field it needs is empty; else the value and its working."""
        return None if self.missing(profile) else self.compute(profile)


MEASURES: dict[str, Measure] = {}


def show(kind: str, value: Decimal | bool, *, up: bool = False) -> str:
    if kind == "bool":
        return "是" if value else "否"
    if kind == "money":
        return wan(value)
    if kind == "percent":
        return percent(value, up=up)
    return f"{number(value)}{UNITS[kind]}"


def _field(name: str, title: str, kind: str, key: str | None = None) -> None:
    key = key or name

    def compute(profile: Profile) -> Reading:
        value = profile.get(key)
        value = value if kind == "bool" else Decimal(value)
        return Reading(value, f"{title}：{show(kind, value)}")

    MEASURES[name] = Measure(name, title, kind, (key,), compute)


def _ratio(name: str, title: str, part: tuple[str, str], whole: tuple[str, str], kind: str = "money") -> None:
    """part ÷ whole in %, e.g. 研发费用 ÷ 营业收入, or (kind "people") a headcount share of 从业人员."""

    def compute(profile: Profile) -> Reading:
        top, bottom = Decimal(profile.get(part[0])), Decimal(profile.get(whole[0]))
        shown = f"{part[1]} {show(kind, top)} ÷ {whole[1]} {show(kind, bottom)}"
        if not bottom:
            return Reading(None, f"{shown}：{whole[1]}为0，无法计算比例")
        value = as_percent(top, bottom)
        return Reading(value, f"{shown} = {percent(value)}")

    MEASURES[name] = Measure(name, title, "percent", (part[0], whole[0]), compute)


class _PartCount(Measure):
    """A count that is part of another (自主研发 ⊂ 主导产品相关 ⊂ Ⅰ类): 0 when the whole is 0."""

    def missing(self, profile: Profile) -> tuple[str, ...]:
        key, whole = self.fields
        if profile.get(key) is not None:
            return ()
        whole_reading = MEASURES[whole].read(profile)
        if whole_reading is None:
            return (*MEASURES[whole].missing(profile), key)
        return () if whole_reading.value == 0 else (key,)


def _part_count(name: str, title: str, whole: str) -> None:
    def compute(profile: Profile) -> Reading:
        value = profile.get(name)
        if value is None:
            return Reading(Decimal(0), f"{title}：0件（{MEASURES[whole].title}为0）")
        return Reading(Decimal(value), f"{title}：{value}件")

    MEASURES[name] = _PartCount(name, title, "count", (name, whole), compute)


def _growth(later: Decimal, earlier: Decimal) -> Decimal | None:
    return None if not earlier else as_percent(later - earlier, earlier)


def _main_business_growth(profile: Profile) -> Reading:
    later, earlier = Decimal(profile.get("main_business_revenue")), Decimal(profile.get("main_business_revenue_2y_ago"))
    value = _growth(later, earlier)
    shown = f"（上年主营业务收入 {wan(later)} − 前年 {wan(earlier)}）÷ 前年"
    return Reading(value, f"{shown} = {percent(value)}" if value is not None else f"{shown}：前年为0，无法计算")


def _main_business_growth_average(profile: Profile) -> Reading:
    years = [Decimal(profile.get(key)) for key in
             ("main_business_revenue", "main_business_revenue_2y_ago", "main_business_revenue_3y_ago")]
    rates = [_growth(later, earlier) for later, earlier in zip(years, years[1:], strict=False)]
    if None in rates:
        return Reading(None, "前两年的主营业务收入有0，无法计算增长率")
    value = sum(rates, Decimal(0)) / len(rates)
    shown = "、".join(percent(rate) for rate in rates)
    return Reading(value, f"近2年主营业务收入增长率 {shown}，平均 {percent(value)}")


def _revenue_cagr(profile: Profile) -> Reading:
    last, first = Decimal(profile.get("revenue")), Decimal(profile.get("revenue_3y_ago"))
    if first <= 0 or last < 0:
        return Reading(None, "大前年营业收入为0，无法计算复合增长率")
    value = as_percent((last / first).sqrt() - 1, Decimal(1))
    return Reading(value, f"（上年营业收入 {wan(last)} ÷ 大前年 {wan(first)}）开平方 − 1 = {percent(value)}")


def _sum(name: str, title: str, keys: tuple[str, ...], average: bool = False) -> None:
    def compute(profile: Profile) -> Reading:
        values = [Decimal(profile.get(key)) for key in keys]
        total = sum(values, Decimal(0))
        value = total / len(values) if average else total
        joined = " + ".join(wan(v) for v in values)
        return Reading(value, f"（{joined}）÷ {len(values)} = {wan(value)}" if average else f"{joined} = {wan(value)}")

    MEASURES[name] = Measure(name, title, "money", keys, compute)


for _name, _title, _kind in (
    ("revenue", "上年度营业收入", "money"), ("revenue_2y_ago", "前年营业收入", "money"),
    ("rd_expense", "上年度研发费用", "money"), ("rd_expense_2y_ago", "前年研发费用", "money"),
    ("total_assets", "上年末资产总额", "money"), ("employees", "从业人员", "people"),
    ("debt_ratio", "上年末资产负债率", "percent"),
    ("equity_raised_2y", "近2年新增股权融资", "money"), ("equity_raised_3y", "近3年新增股权融资", "money"),
    ("ip_class1_count", "Ⅰ类知识产权", "count"), ("ip_class2_count", "Ⅱ类知识产权", "count"),
    ("niche_market_share", "全国细分市场占有率", "percent"), ("niche_market_rank", "全国细分市场排名", "rank"),
    ("platform_score", "本年度评价得分", "score"), ("platform_score_prev", "上年度评价得分", "score"),
    ("hte_valid", "有效期内的高新技术企业", "bool"), ("tech_innovation_demo", "国家级技术创新示范企业", "bool"),
    ("ip_advantage_demo", "知识产权优势（示范）企业", "bool"),
    ("strategic_emerging_industry", "主导产品属于战略性新兴产业", "bool"),
    ("compliance_clean", "无重大事故和失信记录", "bool"), ("own_brand", "拥有自主品牌", "bool"),
    ("management_certification", "取得管理体系或产品认证", "bool"),
    ("core_info_system", "核心业务采用信息系统支撑", "bool"),
    ("makers_china_top500", "“创客中国”全国500强", "bool"),
):
    _field(_name, _title, _kind)

_part_count("ip_main_class1_count", "与主导产品相关的Ⅰ类知识产权", "ip_class1_count")
_part_count("ip_main_class1_self_count", "自主研发的主导产品Ⅰ类知识产权", "ip_main_class1_count")
_part_count("ip_main_class1_high_value_count", "主导产品Ⅰ类高价值知识产权", "ip_main_class1_count")
_part_count("ip_main_class2_count", "与主导产品相关的Ⅱ类知识产权", "ip_class2_count")
_ratio("rd_ratio", "上年度研发费用占营业收入比重", ("rd_expense", "研发费用"), ("revenue", "营业收入"))
_ratio("rd_ratio_2y_ago", "前年研发费用占营业收入比重", ("rd_expense_2y_ago", "前年研发费用"), ("revenue_2y_ago", "前年营业收入"))
_ratio("rd_cost_ratio", "研发费用占成本费用总额比重", ("rd_expense", "研发费用"), ("total_cost_expense", "成本费用总额"))
_ratio("main_business_share", "主营业务收入占营业收入比重", ("main_business_revenue", "主营业务收入"), ("revenue", "营业收入"))
_ratio("rd_staff_share", "研发人员占从业人员比重", ("rd_staff", "研发人员"), ("employees", "从业人员"), "people")
_ratio("tech_staff_share", "科技人员占职工总数比重", ("tech_staff", "科技人员"), ("employees", "从业人员"), "people")
_sum("rd_total_2y", "近2年研发费用合计", ("rd_expense", "rd_expense_2y_ago"))
_sum("rd_average_2y", "近2年研发费用均值", ("rd_expense", "rd_expense_2y_ago"), average=True)
MEASURES["main_business_growth"] = Measure(
    "main_business_growth", "上年度主营业务收入增长率", "percent",
    ("main_business_revenue", "main_business_revenue_2y_ago"), _main_business_growth)
MEASURES["main_business_growth_average_2y"] = Measure(
    "main_business_growth_average_2y", "近2年主营业务收入平均增长率", "percent",
    ("main_business_revenue", "main_business_revenue_2y_ago", "main_business_revenue_3y_ago"),
    _main_business_growth_average)
MEASURES["revenue_cagr_2y"] = Measure(
    "revenue_cagr_2y", "近2年营业收入复合增长率", "percent", ("revenue", "revenue_3y_ago"), _revenue_cagr)
