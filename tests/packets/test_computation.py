"""The 计算说明 prints the evaluation's working as it is, and its figures add up to what is asked."""

import re
from decimal import Decimal

from packet_helpers import ON, example_profile, flat, page_texts

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.packets import applicable_measures, build_all

AMOUNT = re.compile(r"([\d,]+\.\d\d)元")
ITEM_END = re.compile(r"元(（[^）]*）)?$")
EXAMPLES_WITH_PACKETS = ("02", "03", "04", "05")


def _yuan(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _item_value(line: str) -> Decimal:
    """What one item of the working comes to: after its last “=” or “取”, else its last amount."""
    tail = re.split(r"=|取", line)[-1]
    return _yuan((AMOUNT.findall(tail) or AMOUNT.findall(line))[-1])


def _sum_of_items(lines: tuple[str, ...]) -> tuple[Decimal, Decimal] | None:
    """(sum of the item lines, the 合计 line's figure) when the working lists items and a total."""
    totals = [n for n, line in enumerate(lines) if "合计" in line and AMOUNT.search(line)]
    if not totals:
        return None
    items = [line for line in lines[:totals[0]] if ITEM_END.search(line) and "不予" not in line]
    if not items:
        return None
    return sum(map(_item_value, items), Decimal(0)), _yuan(AMOUNT.search(lines[totals[0]].split("合计", 1)[1]).group(1))


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
            added = _sum_of_items(result.computation)
            if added:
                assert added[0] == added[1], (prefix, measure, added)
                checked += 1
    assert checked >= 8  # loans, pledge loans, courses, events, exhibitions, policies across the examples
