"""Chinese line breaking: no closing punctuation at a line start, no opening one at a line end, no
formula cut in two, no lone character on a paragraph's last line."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjtx_desktop.packets.linebreak import NO_LINE_END, NO_LINE_START
from zjtx_desktop.packets.styles import para, styles

SIZE = styles()["cell"].fontSize


def lines(text: str, chars_per_line: float, style: str = "cell") -> list[str]:
    paragraph = para(text, style)
    paragraph.wrap(chars_per_line * SIZE + 0.01, 10_000)
    if paragraph.blPara.kind == 0:  # a single line, kept in reportlab's simple form
        return [" ".join(words) for _, words in paragraph.blPara.lines]
    return ["".join(word.text for word in line.words) for line in paragraph.blPara.lines]


def test_a_closing_bracket_or_comma_never_starts_a_line():
    text = "依据厦府办规〔2024〕11号（以下简称《措施》），对企业上年度新增设备投资给予补助。"
    for width in range(4, 20):
        for line in lines(text, width)[1:]:
            assert line[0] not in NO_LINE_START, (width, line)


def test_an_opening_bracket_or_quote_never_ends_a_line():
    text = "本单位承诺：“材料真实”，并接受《专精特新企业认定管理办法》（试行）的核查。"
    for width in range(4, 20):
        for line in lines(text, width)[:-1]:
            assert line[-1] not in NO_LINE_END, (width, line)


def test_a_formula_in_brackets_stays_on_one_line():
    text = "第1笔：600,000,000.00元 ×（3.5% − 2%）× 690 ÷ 365 = 17,013,698.63元"
    for width in range(14, 40):
        assert any("（3.5% − 2%）" in line for line in lines(text, width)), width


def test_numbers_are_not_cut_when_they_fit():
    for width in range(16, 30):
        assert any("17,013,698.63" in line for line in lines("合计最高可申请贴息：17,013,698.63元（按实际）", width))


@pytest.mark.parametrize("label", ["注册（成立）日期", "国民经济行业代码", "最高可申请金额（小写）", "法定代表人电话"])
def test_a_label_never_leaves_a_single_character_on_its_last_line(label):
    for width in range(4, len(label)):
        wrapped = lines(label, width, "cell_label")
        assert len(wrapped[-1].strip("（）")) >= 2 or len(wrapped) == 1, (width, wrapped)
        assert "".join(wrapped) == label


def test_forced_line_breaks_and_very_long_words_still_wrap():
    email = "a" * 80 + "@example.com"
    wrapped = lines(email, 10)
    assert "".join(wrapped) == email and len(wrapped) > 2


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="厦门市工业和信息化局（）《》“”，。、：；0123456789.% −×", min_size=1, max_size=80),
       st.integers(min_value=3, max_value=30))
def test_no_character_is_lost_or_duplicated_by_wrapping(text, width):
    assert "".join(lines(text, width)).replace(" ", "") == " ".join(text.split()).replace(" ", "")
