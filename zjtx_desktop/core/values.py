"""Turning what a user typed (or a JSON file holds) into typed values, with Chinese messages.

One function per field type. Each returns the typed value or raises `ValueProblem` with a message
that says what to fix; `warnings_for` gives the soft warnings (e.g. 万元 typed as 元).
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any

from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.questions import Field

MONEY_LIMIT = Decimal("1e12")
# Bounds checked before any arithmetic, so a value from a hostile file ("1e999999999", a 5,000-digit
# integer, NaN) is refused at once instead of being computed with: no figure a firm states is larger.
NUMBER_LIMIT = Decimal(10) ** 13
COUNT_LIMIT = 10**7  # people, person-days, items: an integer field without its own maximum
MAX_FRACTION_DIGITS = 10
MAX_NUMBER_CHARS = 40  # "1,000,000,000,000.00 元" fits with room to spare
MAX_TEXT_CHARS = 4096  # longer than any field allows: refused before any other work
MAX_TABLE_ROWS = 2000
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
DATE_FORMATS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)
EARLIEST_DATE = date(1949, 10, 1)
LATEST_DATE = date(2099, 12, 31)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\-\s()（）转]{7,24}$")
MOBILE = re.compile(r"^1\d{10}$")
CHINESE_UNITS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}  # "12万" as accountants type amounts
AMOUNT_WITH_UNIT = re.compile(r"^(?P<figure>[-+]?[\d,，.]+)\s*(?P<unit>[万亿])元?$")
LABEL_NOISE = str.maketrans({"“": None, "”": None, '"': None, "‘": None, "’": None, "'": None, "（": "(", "）": ")"})
TRUE_WORDS = frozenset({"true", "是", "yes", "y", "1", "√", "有"})
FALSE_WORDS = frozenset({"false", "否", "no", "n", "0", "×", "无"})
# What a spreadsheet runs as a formula when it starts a cell, also after spaces, tabs, full-width
# spaces or invisible characters; a plain signed figure ("-5", "+86 592 1234567") is only arithmetic.
FORMULA_START = frozenset("=+-@＝＋－＠")
LEADING_BLANKS = re.compile(r"^[\s\u200b\u200c\u200d\u2060\ufeff]+")
PLAIN_SIGNED = re.compile(r"[-+－＋][\d\s.,，()（）\-+－＋]*")
TEXT_MARK = "'"  # a leading apostrophe says "this is text", as in Excel
# Characters a message cannot show (they print as nothing, or turn the text around): named instead.
INVISIBLE_NAMES = {
    "\ufeff": "BOM", "\u200b": "零宽空格", "\u200c": "零宽不连字", "\u200d": "零宽连字", "\u2060": "零宽不换行",
    "\u200e": "从左向右标记", "\u200f": "从右向左标记", "\u202a": "从左向右嵌入", "\u202b": "从右向左嵌入",
    "\u202c": "方向格式结束", "\u202d": "从左向右覆盖", "\u202e": "从右向左覆盖", "\u2066": "从左向右隔离",
    "\u2067": "从右向左隔离", "\u2068": "方向隔离", "\u2069": "方向隔离结束", "\u00ad": "软连字符",
    "\u00a0": "不换行空格", "\u3000": "全角空格", "\t": "制表符", "\n": "换行符", "\r": "回车符",
}
UNSEEN_CATEGORIES = {"Cc": "控制字符", "Cf": "格式字符", "Zs": "空白字符", "Zl": "换行符", "Zp": "分段符"}


class ValueProblem(ValueError):
    """A value that cannot be accepted; str(problem) is the Chinese instruction to the user."""


class TooLarge(ValueProblem):
    """A figure beyond any a firm states; said in the field's own unit by the field's parser."""


def unseen(character: str) -> bool:
    return character != " " and unicodedata.category(character) in UNSEEN_CATEGORIES


def character_name(character: str) -> str:
    """"U+FEFF（BOM）": an invisible character as a message can show it."""
    name = INVISIBLE_NAMES.get(character) or UNSEEN_CATEGORIES.get(unicodedata.category(character), "字符")
    return f"U+{ord(character):04X}（{name}）"


def shown(text: str) -> str:
    """A user's text for quoting in a message, every invisible character in it named in brackets."""
    return "".join(f"〔{character_name(ch)}〕" if unseen(ch) else ch for ch in text)


def formula_start(text: str) -> str:
    """How a formula-like text starts, for the refusal: "以“=”开头", or the invisible character before it."""
    first = text.strip()[:1]
    if first and unseen(first):
        return f"以不可见字符 {character_name(first)}开头（其后是“{LEADING_BLANKS.sub('', text)[:1]}”）"
    return f"以“{first}”开头"


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def formula_like(text: str) -> bool:
    """Would Excel (or another spreadsheet) run this as a formula if it were typed into a cell?"""
    core = LEADING_BLANKS.sub("", text)
    if not core or core[0] not in FORMULA_START:
        return False
    return core[0] in "=＝@＠" or not PLAIN_SIGNED.fullmatch(core)


def parse_value(spec: Field, raw: Any) -> Any:
    """The typed value for `raw`, or None when blank. Raises ValueProblem when it cannot be used."""
    _refuse_oversized(raw)
    if is_blank(raw):
        return None
    return PARSERS[spec.type](spec, raw)


def _refuse_oversized(raw: Any) -> None:
    """Sizes no field can hold, refused before any parsing (or str() of a huge integer) is tried."""
    if isinstance(raw, int) and not isinstance(raw, bool) and raw.bit_length() > 64:
        raise ValueProblem("数字过大，请核对")
    if isinstance(raw, str) and len(raw) > MAX_TEXT_CHARS:
        raise ValueProblem(f"内容过长（{len(raw)}个字符），请删减")
    if isinstance(raw, list) and len(raw) > MAX_TABLE_ROWS:
        raise ValueProblem(f"行数过多（{len(raw)}行，最多{MAX_TABLE_ROWS}行），请核对")


def _text(spec: Field, raw: Any) -> str:
    if not isinstance(raw, str | int):
        raise ValueProblem("请填写文字")
    text = str(raw).strip()
    if spec.max_length and len(text) > spec.max_length:
        raise ValueProblem(f"最多{spec.max_length}个字，现在有{len(text)}个字，请删减")
    if spec.pattern and not re.match(spec.pattern, text):
        raise ValueProblem(spec.pattern_message or "格式不对，请按说明填写")
    return text


def _uscc(spec: Field, raw: Any) -> str:
    # python-stdnum takes ~45 ms to import (it loads its online-check helpers): only when a code is checked
    from stdnum.cn import uscc as stdnum_uscc
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

    if not isinstance(raw, str):
        raise ValueProblem("请按营业执照填写18位统一社会信用代码")
    code = re.sub(r"[\s-]", "", raw).upper()
    try:
        return stdnum_uscc.validate(code)
    except InvalidLength:
        raise ValueProblem(f"应为18位，现在是{len(code)}位，请对照营业执照核对") from None
    except InvalidChecksum:  # a typo anywhere breaks the check digit: which position is unknown
        raise ValueProblem("校验码不符：这18位中有一位或几位输错了（不一定是最后一位），请对照营业执照逐位核对") from None
    except (InvalidFormat, InvalidComponent):
        raise ValueProblem("含有不允许的字符（统一社会信用代码不使用 I、O、Z、S、V），请对照营业执照核对") from None


def _date(spec: Field, raw: Any) -> date:
    if isinstance(raw, date):
        value = raw
    elif isinstance(raw, str):
        value = None
        for pattern in DATE_FORMATS:
            match = pattern.match(raw.strip())
            if match:
                try:
                    value = date(*(int(part) for part in match.groups()))
                except ValueError:
                    raise ValueProblem(f"没有 {shown(raw.strip())} 这一天，请核对年月日") from None
                break
        if value is None:
            raise ValueProblem("日期请写成 2025-03-31 这样的格式")
    else:
        raise ValueProblem("日期请写成 2025-03-31 这样的格式")
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueProblem(f"日期 {value.isoformat()} 不在合理范围内，请核对年份")
    return value


def _decimal(raw: Any) -> Decimal:
    """A number within NUMBER_LIMIT, refused before any arithmetic when it is not one."""
    if isinstance(raw, bool):
        raise ValueProblem("请填写数字")
    if isinstance(raw, int):
        return _bounded(Decimal(raw))
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ValueProblem("不是有限的数字（NaN 或无穷大），请填写实际的数字")
        if abs(raw) >= float(NUMBER_LIMIT):
            raise TooLarge("数字过大，请核对（本软件金额单位均为元）")
        return _bounded(Decimal(repr(raw)))
    if isinstance(raw, Decimal):
        return _bounded(raw)
    if isinstance(raw, str):
        cleaned = re.sub(r"[\s,，¥￥元]", "", raw)
        if len(cleaned) > MAX_NUMBER_CHARS:
            raise ValueProblem("数字过长，请核对")
        if not PLAIN_NUMBER.fullmatch(cleaned):
            raise ValueProblem(f"“{shown(raw.strip())}”不是数字，请只填写阿拉伯数字（如 1860000，不要用科学计数法）")
        return _bounded(Decimal(cleaned))
    raise ValueProblem("请填写数字")


def _bounded(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueProblem("不是有限的数字（NaN 或无穷大），请填写实际的数字")
    if value and value.adjusted() >= NUMBER_LIMIT.adjusted():
        raise TooLarge("数字过大，请核对（本软件金额单位均为元）")
    exponent = value.as_tuple().exponent
    if exponent < -MAX_FRACTION_DIGITS:
        raise ValueProblem(f"小数位数过多，请最多保留{MAX_FRACTION_DIGITS}位小数")
    return value.quantize(Decimal(1)) if exponent > 0 else value  # 1E+2 from a JSON file is 100


def _amount(raw: Any) -> Decimal:
    """An amount in yuan, also as accountants write it: "12万" → 120000, "1,000万", "3.5亿"."""
    if isinstance(raw, str):
        match = AMOUNT_WITH_UNIT.match(raw.strip())
        if match:
            value = _decimal(match["figure"]) * CHINESE_UNITS[match["unit"]]
            whole = value.to_integral_value()
            return _bounded(whole if value == whole else value.normalize())  # 12万 is 120000, not 1.2E+5
    return _decimal(raw)


def _money(spec: Field, raw: Any) -> Decimal:
    value = _amount(raw)
    if value < 0 and not spec.allow_negative:
        raise ValueProblem("金额不能为负数，请填写0或正数")
    if value.as_tuple().exponent < -2:
        raise ValueProblem("金额最多保留两位小数（到分）")
    if abs(value) >= MONEY_LIMIT:
        raise ValueProblem("金额超过1万亿元，请核对单位（本软件金额单位均为元）")
    return value


def _integer(spec: Field, raw: Any) -> int:
    limit = spec.max if spec.max is not None else COUNT_LIMIT
    try:
        value = _decimal(raw)
    except TooLarge:  # a count of people, patents, points: not yuan
        raise ValueProblem(f"数字过大，不能大于{limit}{spec.unit}，请核对") from None
    if value != value.to_integral_value():
        raise ValueProblem("请填写整数")
    number = int(value)
    if spec.min is not None and number < spec.min:
        raise ValueProblem(f"不能小于{spec.min}{spec.unit}")
    if number > limit:
        raise ValueProblem(f"不能大于{limit}{spec.unit}，请核对")
    return number


def _percent(spec: Field, raw: Any) -> Decimal:
    try:
        value = _decimal(raw.replace("%", "").replace("％", "") if isinstance(raw, str) else raw)
    except TooLarge:
        raise ValueProblem("百分比过大，请以百分数填写（如 3.45 表示 3.45%）") from None
    if value < 0:
        raise ValueProblem("百分比不能为负数")
    if value > 100:
        raise ValueProblem(f"{value}% 超过100%，请以百分数填写（如 3.45 表示 3.45%）")
    return value


def _plain(text: str) -> str:
    """A label as compared: no spaces or quotation marks, half-width brackets (“小巨人” = "小巨人")."""
    return re.sub(r"\s", "", text).translate(LABEL_NOISE)


def _choice(spec: Field, raw: Any) -> Any:
    """An option by its value or label, or by a short name declared for it (aliases in forms/questions)."""
    for option in spec.options:
        if raw == option.value or str(raw).strip() in (str(option.value), option.label):
            return option.value
    typed = _plain(str(raw))
    for option in spec.options:
        if typed in {_plain(option.label), *(_plain(alias) for alias in option.aliases)}:
            return option.value
    labels = "、".join(option.label for option in spec.options)
    raise ValueProblem(f"“{shown(str(raw))}”不是可选项，请从以下选择：{labels}")


def _bool(spec: Field, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueProblem("请填写“是”或“否”")


def _phone(spec: Field, raw: Any) -> str:
    text = str(raw).strip()
    if not PHONE.match(text):
        raise ValueProblem("电话号码格式不对，如 0592-1234567 或 13800000000")
    return text


def _mobile(spec: Field, raw: Any) -> str:
    text = re.sub(r"[\s-]", "", str(raw))
    if not MOBILE.match(text):
        raise ValueProblem("手机号码应为以1开头的11位数字")
    return text


def _email(spec: Field, raw: Any) -> str:
    text = str(raw).strip()
    if not EMAIL.match(text):
        raise ValueProblem("电子邮箱格式不对，如 name@example.com")
    return text


def _bank_account(spec: Field, raw: Any) -> str:
    text = re.sub(r"[\s-]", "", str(raw))
    if not text.isdigit() or not 8 <= len(text) <= 32:
        raise ValueProblem("银行账号应为8到32位数字，请对照开户许可证或银行回单核对")
    return text


def _table(spec: Field, raw: Any) -> list[dict]:
    """Rows are checked by `profile.parse_table`; here only the shape."""
    if not isinstance(raw, list) or not all(isinstance(row, dict) for row in raw):
        raise ValueProblem("应为若干行，每行一组数据")
    return raw


PARSERS = {
    "text": _text, "uscc": _uscc, "date": _date, "money": _money, "integer": _integer,
    "percent": _percent, "choice": _choice, "bool": _bool, "phone": _phone, "mobile": _mobile,
    "email": _email, "bank_account": _bank_account, "table": _table,
}


def warnings_for(spec: Field, value: Any) -> list[str]:
    """Soft warnings: shown to the user, never blocking."""
    if spec.type == "money" and spec.warn_below and value is not None and 0 < value < spec.warn_below:
        as_wan = f"{(value * 10000).normalize():f}"
        return [f"金额 {format_yuan(value)} 元偏小，是否误按万元填写？如是 {value} 万元，请填 {as_wan}"]
    return []
