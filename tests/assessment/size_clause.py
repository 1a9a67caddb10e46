"""The boundary cases of every 划型 line, from the figures of 《中小企业划型标准规定》第四条 as its text
writes them (人 and 万元), typed here independently of resources/criteria/sme-size-2011-300/size.yaml,
which the cases check.

For each line and each size (大型 / 中型 / 小型): one case with every measure exactly on its floor
("及以上" includes the figure), and one case per measure with that measure one unit below its floor
(1人, or 1分钱 = 0.01元: "以下" excludes the figure) and the others on theirs, which falls one size
(小型 → 微型). So a floor that moves either way, on any measure, fails a case.

Write the set's case file with `python -m tests.assessment.size_clause` from the repository root;
tests/assessment/test_size_boundaries.py checks the file is what this writes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import yaml

CASE_FILE = Path(__file__).resolve().parents[2] / "resources/criteria/sme-size-2011-300/cases/lines.yaml"
SIZES = ("large", "medium", "small")
NEXT_DOWN = {"large": "medium", "medium": "small", "small": "micro"}
SIZE_WORDS = {"large": "大型", "medium": "中型", "small": "小型", "micro": "微型"}
MEASURE_WORDS = {"employees": "从业人员", "revenue": "营业收入", "total_assets": "资产总额"}
FIELDS = {"employees": "employees", "revenue": "revenue", "total_assets": "total_assets"}
WAN = Decimal(10000)
FEN = Decimal("0.01")

# 第四条（一）至（十六）: (clause, industry, a code of that industry, floors of 大型 / 中型 / 小型).
# 从业人员 in 人, 营业收入 and 资产总额 in 万元, exactly as the clause writes them.
E, R, A = "employees", "revenue", "total_assets"
CLAUSE: tuple[tuple[str, str, str, dict[str, dict[str, int]]], ...] = (
    ("第四条（一）", "农、林、牧、渔业", "A0111", {"large": {R: 20000}, "medium": {R: 500}, "small": {R: 50}}),
    ("第四条（二）", "工业", "C3919",
     {"large": {E: 1000, R: 40000}, "medium": {E: 300, R: 2000}, "small": {E: 20, R: 300}}),
    ("第四条（三）", "建筑业", "E4710",
     {"large": {R: 80000, A: 80000}, "medium": {R: 6000, A: 5000}, "small": {R: 300, A: 300}}),
    ("第四条（四）", "批发业", "F5131",
     {"large": {E: 200, R: 40000}, "medium": {E: 20, R: 5000}, "small": {E: 5, R: 1000}}),
    ("第四条（五）", "零售业", "F5211",
     {"large": {E: 300, R: 20000}, "medium": {E: 50, R: 500}, "small": {E: 10, R: 100}}),
    ("第四条（六）", "交通运输业", "G5411",
     {"large": {E: 1000, R: 30000}, "medium": {E: 300, R: 3000}, "small": {E: 20, R: 200}}),
    ("第四条（七）", "仓储业", "G5920",
     {"large": {E: 200, R: 30000}, "medium": {E: 100, R: 1000}, "small": {E: 20, R: 100}}),
    ("第四条（八）", "邮政业", "G6010",
     {"large": {E: 1000, R: 30000}, "medium": {E: 300, R: 2000}, "small": {E: 20, R: 100}}),
    ("第四条（九）", "住宿业", "H6110",
     {"large": {E: 300, R: 10000}, "medium": {E: 100, R: 2000}, "small": {E: 10, R: 100}}),
    ("第四条（十）", "餐饮业", "H6210",
     {"large": {E: 300, R: 10000}, "medium": {E: 100, R: 2000}, "small": {E: 10, R: 100}}),
    ("第四条（十一）", "信息传输业", "I6311",
     {"large": {E: 2000, R: 100000}, "medium": {E: 100, R: 1000}, "small": {E: 10, R: 100}}),
    ("第四条（十二）", "软件和信息技术服务业", "I6510",
     {"large": {E: 300, R: 10000}, "medium": {E: 100, R: 1000}, "small": {E: 10, R: 50}}),
    ("第四条（十三）", "房地产开发经营", "K7010",
     {"large": {R: 200000, A: 10000}, "medium": {R: 1000, A: 5000}, "small": {R: 100, A: 2000}}),
    ("第四条（十四）", "物业管理", "K7020",
     {"large": {E: 1000, R: 5000}, "medium": {E: 300, R: 1000}, "small": {E: 100, R: 500}}),
    ("第四条（十五）", "租赁和商务服务业", "L7212",
     {"large": {E: 300, A: 120000}, "medium": {E: 100, A: 8000}, "small": {E: 10, A: 100}}),
    ("第四条（十六）", "其他未列明行业", "M7320", {"large": {E: 300}, "medium": {E: 100}, "small": {E: 10}}),
)


def _value(measure: str, figure: int, below: bool) -> int | str:
    """The profile's value: people as a count; 万元 as yuan text, one fen less when `below`."""
    if measure == E:
        return figure - 1 if below else figure
    return f"{figure * WAN - FEN if below else figure * WAN:f}"


def _words(measure: str, figure: int, below: bool) -> str:
    unit = "人" if measure == E else "万元"
    if below:
        return f"{MEASURE_WORDS[measure]}比{figure}{unit}少{'1人' if measure == E else '1分钱'}"
    return f"{MEASURE_WORDS[measure]}恰为{figure}{unit}"


def _case(clause: str, industry: str, code: str, floors: dict[str, int], size: str, lowered: str | None) -> dict:
    order = sorted(floors, key=lambda m: m != lowered)  # the lowered measure first, so the name leads with it
    parts = "、".join(_words(m, floors[m], m == lowered) for m in order)
    expected = NEXT_DOWN[size] if lowered else size
    inputs = {"industry_code": code, **{FIELDS[m]: _value(m, floors[m], m == lowered) for m in order}}
    return {"name": f"{industry}{parts}为{SIZE_WORDS[expected]}企业（{clause}）", "input": inputs,
            "output": {"size": expected}}


def cases() -> list[dict]:
    found = []
    for clause, industry, code, floors in CLAUSE:
        for size in SIZES:
            found.append(_case(clause, industry, code, floors[size], size, None))
            found += [_case(clause, industry, code, floors[size], size, measure) for measure in floors[size]]
    return found


HEADER = """\
# 《中小企业划型标准规定》第四条，16个行业逐行、逐档、逐项指标：各项恰在该档下限上的，为该档；其中一项差1人或1分钱
# （下限含本数，“以下”不含本数）、其余恰在下限上的，下划一档。数值按条文的人数和万元写出，与 size.yaml 中的数据各自独立。
# 本文件由 tests/assessment/size_clause.py 生成（python -m tests.assessment.size_clause），请勿手改。
"""


def document() -> str:
    body = yaml.safe_dump({"date": date(2026, 6, 30), "base": {"tier": "innovative"}, "cases": cases()},
                          allow_unicode=True, sort_keys=False, width=200)
    return HEADER + body


if __name__ == "__main__":
    CASE_FILE.write_text(document(), encoding="utf-8")
    print(f"{CASE_FILE}: {len(cases())} cases")
