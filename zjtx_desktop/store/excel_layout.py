"""The workbook's layout, derived from the question definitions so a new field is a new column.

Sheet 企业信息: one row per firm, one column per (non-table) question, headed by its Chinese label.
Each table question (设备清单, 贷款…) has its own sheet: 统一社会信用代码 first, then its columns,
one row per table row. Sheet 填写说明 explains every column.
"""

from __future__ import annotations

from zjtx_desktop.core.questions import Field, Questions

MAIN_SHEET = "企业信息"
HELP_SHEET = "填写说明"
CODE_KEY = "uscc"
FORBIDDEN_IN_TITLES = str.maketrans({c: "_" for c in "[]:*?/\\"})


def main_fields(questions: Questions) -> list[Field]:
    return [spec for spec in questions.fields if spec.type != "table"]


def table_fields(questions: Questions) -> list[Field]:
    return [spec for spec in questions.fields if spec.type == "table"]


def sheet_title(spec: Field) -> str:
    return spec.label.translate(FORBIDDEN_IN_TITLES)[:31]


def code_header(questions: Questions) -> str:
    return questions.field(CODE_KEY).label


def hint(spec: Field) -> str:
    """How to fill a column, for the 填写说明 sheet."""
    kinds = {"money": "金额，单位元，如 5000000", "percent": "百分数，如 3.45 表示 3.45%", "date": "日期，如 2025-03-31",
             "integer": "整数", "bool": "填“是”或“否”", "uscc": "18位统一社会信用代码",
             "bank_account": "银行账号（请把该列设为“文本”格式，以免Excel改掉长数字）"}
    if spec.type == "choice":
        return "从以下选一项：" + "、".join(option.label for option in spec.options)
    return kinds.get(spec.type, "文字")
