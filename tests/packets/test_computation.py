"""The 计算说明 prints the evaluation's working as it is, and its figures add up to what is asked."""

import re
from decimal import Decimal

from packet_helpers import ON, example_profile, flat, page_texts

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.packets import applicable_measures, build_all

AMOUNT = re.compile(r"([\d,]+\.\d\d)元")
RULED = re.compile(r"按([\d,]+\.\d\d)元计")
EXAMPLES_WITH_PACKETS = ("02", "03", "04", "05")


def _yuan(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _checked_total(lines: tuple[str, ...]) -> Decimal | None:
    """The working's last 合计 line: its addends (each printed on a line above) add up to its sum; returns
    the figure it ends on (its sum, or the cap it is held to: 按…元计), or None without such a line."""
    totals = [line for line in lines if "合计" in line and AMOUNT.search(line)]
    if not totals:
        return None
    total = totals[-1].split("合计", 1)[1]
    if "+" in total and "=" in total:
        left, right = total.split("=", 1)
        addends = [_yuan(a) for a in AMOUNT.findall(left)]
        summed = _yuan(AMOUNT.search(right).group(1))
        assert sum(addends, Decimal(0)) == summed, total
        for addend in AMOUNT.findall(left):
            assert any(addend in line for line in lines if line is not totals[-1]), (addend, lines)
    else:
        summed = _yuan(AMOUNT.search(total).group(1))
    ruled = RULED.search(total)
    return _yuan(ruled.group(1)) if ruled else summed


def _section(texts: list[str], title: str) -> str:
    return flat(next(text for text in texts if text.lstrip().split("\n")[0].endswith(title)))


def test_every_computation_is_printed_verbatim_and_its_total_is_the_amount_applied_for(tmp_path):
    checked = 0
    for prefix in EXAMPLES_WITH_PACKETS:
        profile = example_profile(prefix)
        evaluation = evaluate(profile, ON)
        for measure, path in zip(applicable_measures(evaluation), build_all(profile, evaluation, tmp_path / prefix),
                                 strict=False):
            result = evaluation.result(measure)
            texts = page_texts(path)
            computation, form = _section(texts, "计算说明"), _section(texts, "申请表")
            for line in result.computation:
                assert flat(line) in computation, (prefix, measure, line)
            if result.amount is None:
                continue
            figures = f"¥{format_yuan(result.amount)}"
            assert f"最高可申请：{figures}" in computation and f"申请金额（小写）{figures}" in form, (prefix, measure)
            total = _checked_total(result.computation)
            if total is not None:
                assert total == result.amount, (prefix, measure, total)
                checked += 1
    assert checked >= 8  # loans, pledge loans, courses, events, policies across the examples
