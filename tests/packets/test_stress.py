"""Every page of every example and of the stress profiles laid out, drawn and read back.

Stress profiles: 40 rows in every table with a 60-character firm name holding 䶮 (Extension A) and 𠅤
(Extension B, 通用规范汉字表); every optional field the packets do not print left empty; amounts of
0.01 and 999,999,999.99. Each must build without an exception, show the firm, its legal
representative and its contact whole, never leave a signature block alone on a page, keep its seal
boxes and blanks, and give the same bytes on a second run.
"""

import subprocess
import tempfile
from pathlib import Path

import pypdf
import pytest
from packet_helpers import ON, example_raw, flat, forty_rows, page_texts, render_pages
from reportlab.lib.units import mm
from test_layout import holds_only_a_signature

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.profile import parse_profile
from zjtx_desktop.core.questions import default_questions
from zjtx_desktop.packets import applicable_measures, build_all, missing_fields
from zjtx_desktop.packets.context import packet_context
from zjtx_desktop.packets.forms import default_forms
from zjtx_desktop.packets.render import render_packet

RARE_NAME = ("厦门䶮𠅤" + "鹭航低空飞行器动力系统与智能装备研究制造" * 3)[:56] + "有限公司"
LEGAL_REPRESENTATIVE = "欧阳䶮"
CONTACT = "李𠅤"
TINY, HUGE = "0.01", "999999999.99"


def big_firm() -> dict:
    return {**example_raw("05"), **forty_rows(), "company_name": RARE_NAME,
            "legal_representative": LEGAL_REPRESENTATIVE, "contact_person": CONTACT}


def sparse_firm() -> dict:
    """Example 02 without every optional field its packets do not print (so nothing is refused)."""
    raw = example_raw("02")
    questions = default_questions()
    profile, _ = parse_profile(raw)
    wanted = applicable_measures(evaluate(profile, ON))
    for key in [k for k in list(raw) if not questions.field(k).required]:
        trial = {k: v for k, v in raw.items() if k != key}
        profile, _ = parse_profile(trial)
        evaluation = evaluate(profile, ON)
        if applicable_measures(evaluation) == wanted and not any(missing_fields(profile, evaluation, m) for m in wanted):
            raw = trial
    return raw


def extreme_amounts() -> dict:
    raw = example_raw("05")
    items = [{**raw["equipment_items"][0], "amount": HUGE}, {**raw["equipment_items"][1], "amount": TINY}]
    events = [{**raw["market_events"][0], "rent_paid": TINY}]
    return {**raw, "registered_capital": HUGE, "revenue": HUGE, "main_business_revenue": HUGE, "net_profit": TINY,
            "tax_paid": TINY, "equipment_items": items, "market_events": events, "consulting_fees_paid": TINY}


PROFILES = {"big": big_firm, "sparse": sparse_firm, "amounts": extreme_amounts}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each stress profile built twice, once per module, whichever test asks first."""
    cache = {}

    def build(name):
        if name not in cache:
            profile, _ = parse_profile(PROFILES[name]())
            evaluation = evaluate(profile, ON)
            first = build_all(profile, evaluation, tmp_path_factory.mktemp(f"{name}1"))
            again = build_all(profile, evaluation, tmp_path_factory.mktemp(f"{name}2"))
            cache[name] = name, profile, evaluation, first, again
        return cache[name]

    return build


@pytest.fixture(params=sorted(PROFILES))
def stress(request, built):
    return built(request.param)


def _pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def test_every_page_of_every_example_is_drawn(every_example_pdf, tmp_path):
    for path in every_example_pdf:
        assert len(render_pages(path, tmp_path)) == len(pypdf.PdfReader(path).pages) > 0, path.name


def test_every_page_of_a_stress_profile_is_drawn(stress, tmp_path):
    name, _, evaluation, first, _ = stress
    assert len(first) == len(applicable_measures(evaluation)) + 1 >= 2, name
    for path in first:
        assert len(render_pages(path, tmp_path)) == len(pypdf.PdfReader(path).pages) > 0, path.name


def test_firm_legal_representative_and_contact_read_back_whole(stress):
    name, profile, _, first, _ = stress
    for path in first[:-1]:
        text = flat(_pdftotext(path))
        for key in ("company_name", "legal_representative", "contact_person"):
            assert flat(profile.get(key)) in text, (name, path.name, key)
    assert flat(profile.get("company_name")) in flat(_pdftotext(first[-1]))


def test_no_signature_block_stands_alone(stress):
    _, _, _, first, _ = stress
    for path in first:
        for number, text in enumerate(page_texts(path), start=1):
            assert not holds_only_a_signature(text), (path.name, number)


def test_seal_boxes_and_blanks_keep_their_sizes(stress):
    name, profile, evaluation, first, _ = stress
    measure = applicable_measures(evaluation)[0]
    cells = []
    render_packet(packet_context(profile, evaluation, default_forms()[measure]),
                  Path(tempfile.mkdtemp()) / "p.pdf", cell_recorder=cells)
    seals = [c for c in cells if c.text.endswith("（盖章）：")]
    assert len(seals) == 2 and all(s.x1 - s.x0 >= 45 * mm and s.y1 - s.y0 >= 45 * mm for s in seals), name
    for path in first[:-1]:
        text = "".join(page_texts(path))
        assert text.count("＿＿＿＿年＿＿月＿＿日") >= 3 and "＿＿页" in text, path.name


def test_the_same_profile_gives_the_same_bytes(stress):
    _, _, _, first, again = stress
    assert [p.name for p in first] == [p.name for p in again]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, again, strict=True))


def test_long_tables_continue_with_their_title_and_headers(built):
    _, _, _, first, _ = built("big")
    report = page_texts(first[-1])
    assert len(report) > 5
    for text in report[1:-1]:
        assert "（续）" in text and "编号" in text, text[:200]
    loans = page_texts(next(p for p in first if "_3a" in p.name))
    continued = [text for text in loans if "贷款金额与利息（续）" in text]
    assert continued and all("年利率" in text for text in continued)


def test_the_sparse_firm_leaves_optional_fields_empty(built):
    _, profile, _, first, _ = built("sparse")
    assert profile.get("mailing_address") is None and len(first) >= 2


def test_the_extreme_amounts_are_printed(built):
    _, _, _, first, _ = built("amounts")
    text = flat("".join(_pdftotext(p) for p in first))
    assert "999,999,999.99" in text and "0.01" in text
