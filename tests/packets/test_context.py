"""What a packet prints, decided before any drawing: amounts, dates, tick boxes, tables, totals."""

from packet_helpers import ON, example_profile

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets.context import packet_context
from zjtx_desktop.packets.forms import default_forms


def _context(measure, prefix="05", **changes):
    profile = example_profile(prefix, **changes)
    return packet_context(profile, evaluate(profile, ON), default_forms()[measure])


def _entries(context):
    return {e.label: e.value for g in context.groups for e in g.entries}


def test_amount_in_figures_and_capitals_as_forms_write_them():
    context = _context("3b")
    assert context.amount_figures == "¥ 438,000.00"
    assert context.amount_capital == "人民币肆拾叁万捌仟元整"
    assert _entries(context)["申请金额（大写）"] == "人民币肆拾叁万捌仟元整"


def test_values_read_as_on_paper_forms():
    entries = _entries(_context("7b"))
    assert entries["注册（成立）日期"] == "2008年10月15日"
    assert entries["企业规模"] == "□大型　■中型　□小型　□微型"
    assert entries["从业人员数"] == "486 人" and entries["资产负债率"] == "39.8%"
    assert entries["实际支付费用"] == "720,000.00 元"
    assert entries["通讯地址"] == "厦门火炬高新区（翔安）产业区民安大道2001号"


def test_mailing_address_falls_back_to_the_registered_one():
    assert _entries(_context("7b", mailing_address=None))["通讯地址"] == "厦门市思明区软件园二期观日路52号"


def test_ink_blanks_stay_blank():
    context = _context("2a", "04")
    assert _entries(context)["绩效考核得分（由考核单位填写）"] is None
    assert context.cover_ink == ("受理编号", "申报日期")


def test_tables_print_every_row_and_the_declared_totals():
    [_, amounts] = _context("3a").groups[-1].tables
    assert amounts.headers[0] == "贷款金额（元）" and len(amounts.rows) == 2
    assert amounts.total == ("720,000,000.00", "", "", "", "10,100,000.00")


def test_an_other_policy_packet_names_no_amount():
    context = _context("14")
    assert context.status == "转其他政策" and context.amount_figures == "按相关政策核定，见计算说明"
