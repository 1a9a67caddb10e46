"""Test helpers for the store: valid codes on demand, the example firms as raw dicts."""

from __future__ import annotations

import json
from pathlib import Path

from stdnum.cn import uscc as stdnum_uscc

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))


def make_uscc(number: int) -> str:
    """A valid 统一社会信用代码 for test firm `number` (the check character computed, not guessed)."""
    base = f"91350200{number:09d}"
    return base + stdnum_uscc.calc_check_digit(base)


def example_raw(index: int = 0) -> dict:
    return json.loads(EXAMPLES[index].read_text(encoding="utf-8"))


def fill_template(path: Path, firms: list[dict], tables: dict[str, list[dict]] | None = None) -> Path:
    """A workbook from the real template, with rows given as {column header: cell value}."""
    from openpyxl import load_workbook

    from zjtx_desktop.store import write_excel_template

    write_excel_template(path)
    workbook = load_workbook(path)
    for title, rows in {"企业信息": firms, **(tables or {})}.items():
        sheet = workbook[title]
        headers = [cell.value for cell in sheet[1]]
        for row in rows:
            sheet.append([row.get(header) for header in headers])
    workbook.save(path)
    return path


def firm_row(number: int, **overrides) -> dict:
    """A complete, valid row of the 企业信息 sheet for test firm `number`."""
    row = {"企业名称": f"厦门测试{number}号科技有限公司", "统一社会信用代码": make_uscc(number), "所属区（管委会）": "湖里区",
           "注册地址": "厦门市湖里区测试路1号", "法定代表人": "张三", "联系人": "李四", "联系人手机": "13806001234",
           "开户银行": "中国银行厦门分行", "银行账号": "35101560001052512345", "目前持有的最高称号": "专精特新中小企业",
           "营业收入": 18600000, "注册（成立）日期": "2019-05-16"}
    return {**row, **overrides}


def everything_under(folder: Path) -> set[str]:
    """Every file and folder below `folder`, to show an operation refused wrote nothing anywhere."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}
