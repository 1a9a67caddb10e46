"""The 梯度培育自评 page: offered to every firm, skipped only when the firm says it does not want it,
and asking nothing that another page already asks."""

from zjtx_desktop.core.profile import parse_profile
from zjtx_desktop.core.questions import default_questions

PAGE = "tier_assessment"


def test_the_page_is_asked_unless_the_firm_says_no():
    page = default_questions().page(PAGE)
    assert page.title == "梯度培育自评"
    assert page.applies({}) is True
    assert page.applies({"wants_tier_assessment": True}) is True
    assert page.applies({"wants_tier_assessment": False}) is False


def test_pages_for_things_the_firm_did_still_need_a_yes():
    page = default_questions().page("equipment")
    assert page.applies({}) is False
    assert page.applies({"has_equipment_investment": True}) is True


def test_the_page_reuses_the_fields_other_pages_ask():
    questions = default_questions()
    own = {spec.key for spec in questions.page(PAGE).fields}
    reused = {"employees", "rd_staff", "revenue", "main_business_revenue", "rd_expense", "debt_ratio",
              "ip_class1_count", "industry_code", "company_size", "tier", "standards"}
    assert own.isdisjoint(reused)
    assert all(questions.has_field(key) for key in reused)


def test_parts_of_a_count_cannot_exceed_the_whole():
    raw = {"ip_class1_count": 2, "ip_main_class1_count": 3}
    try:
        parse_profile(raw)
    except ValueError as error:
        assert "不能大于" in str(error)
    else:
        raise AssertionError("a part larger than its whole was accepted")


def test_the_class_one_help_no_longer_counts_software_copyright_as_class_one():
    help_text = default_questions().field("ip_class1_count").help
    assert "软件著作权" not in help_text.split("（")[0]
