"""The packets read back from the PDFs: content, page numbering, fonts, bytes, rendering."""

import re
import shutil
import subprocess
import sys
from dataclasses import replace

import pypdf
import pytest
from fontTools.ttLib import TTFont
from packet_helpers import ON, ROOT, example_profile, flat, page_texts
from PIL import Image

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import capitalize_yuan, format_yuan
from zjtx_desktop.packets import build_all, build_packet
from zjtx_desktop.packets.fonts import font_path

SECTION_TITLES = ("申请表", "计算说明", "信用承诺书", "材料清单")


def _measure(path) -> str:
    """…_3b技术改造设备补助_申请材料.pdf → 3b; the report has none"""
    found = re.match(r"\d+[a-z]?", path.stem.split("_")[-2])
    return found.group() if found else ""


def test_every_packet_holds_firm_code_amount_in_figures_and_capitals_and_the_clause(richest, richest_pdfs):
    profile, evaluation = richest
    for path in richest_pdfs[:-1]:
        result = evaluation.result(_measure(path))
        text = flat("".join(page_texts(path)))
        assert flat(profile.get("company_name")) in text and profile.get("uscc") in text, path.name
        assert flat(result.clause) in text and result.clause_ref in text, path.name
        if result.amount is not None:
            assert format_yuan(result.amount) in text and f"人民币{capitalize_yuan(result.amount)}" in text
        for material in result.materials:
            assert flat(material) in text


def test_sections_come_in_order_each_on_its_own_page_and_every_page_is_numbered(richest_pdfs):
    for path in richest_pdfs[:-1]:
        texts = page_texts(path)
        total = len(texts)
        for number, text in enumerate(texts, start=1):
            assert f"第 {number} 页 共 {total} 页" in text, path.name
        starts = [next(i for i, t in enumerate(texts) if t.lstrip().split("\n")[0].endswith(title))
                  for title in SECTION_TITLES]
        assert starts == sorted(starts) and starts[0] == 1 and starts[-1] == total - 1, (path.name, starts)
        assert 5 <= total <= 7


def test_other_policy_packet_says_the_amount_is_set_elsewhere(richest_pdfs):
    [packet] = [p for p in richest_pdfs if _measure(p) == "14"]
    text = flat("".join(page_texts(packet)))
    assert "按相关政策核定" in text and "巴黎航展" in text and "680,000.00" in text


def test_fonts_are_embedded_subsets_never_a_bare_reference(every_example_pdf):
    for path in every_example_pdf:
        for page in pypdf.PdfReader(path).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert font["/Subtype"] == "/TrueType" and "+" in font["/BaseFont"], (path.name, font["/BaseFont"])
                assert "/FontFile2" in font["/FontDescriptor"], path.name


def test_no_character_printed_is_missing_from_the_font(every_example_pdf):
    cmap = TTFont(font_path(), fontNumber=0).getBestCmap()
    for path in every_example_pdf:
        missing = {ch for text in page_texts(path) for ch in text if not ch.isspace() and ord(ch) not in cmap}
        assert missing == set(), path.name


def test_a_firm_with_nothing_applicable_gets_only_the_summary_report(tmp_path):
    profile = example_profile("01")
    paths = build_all(profile, evaluate(profile, ON), tmp_path)
    assert [p.name for p in paths] == ["厦门海湾智联科技有限公司_政策评估报告.pdf"]
    assert sorted(tmp_path.iterdir()) == paths
    assert "本次评估没有可申请的资金支持项目" in "".join(page_texts(paths[0]))


def test_same_input_same_bytes_another_date_other_bytes(richest, tmp_path):
    profile, evaluation = richest
    first = build_packet(profile, evaluation, "3b", tmp_path / "a").read_bytes()
    again = build_packet(profile, evaluation, "3b", tmp_path / "b").read_bytes()
    later = build_packet(profile, replace(evaluation, on=ON.replace(day=21)), "3b", tmp_path / "c").read_bytes()
    assert first == again and first != later


def test_identical_bytes_in_a_fresh_process(richest, richest_pdfs, tmp_path):
    """Font state carried between documents in one process must not leak into the bytes."""
    script = ("import sys; from pathlib import Path; sys.path.insert(0, 'tests/packets');"
              "from packet_helpers import ON, example_profile;"
              "from zjtx_desktop.core.evaluator import evaluate; from zjtx_desktop.packets import build_packet;"
              "p = example_profile('05'); build_packet(p, evaluate(p, ON), '7b', Path(sys.argv[1]))")
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, timeout=60, cwd=ROOT)
    [fresh] = tmp_path.iterdir()
    [built] = [p for p in richest_pdfs if _measure(p) == "7b"]
    assert fresh.read_bytes() == built.read_bytes()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_a_page_of_every_packet_renders_with_ink_on_it(richest_pdfs, tmp_path):
    for index, path in enumerate(richest_pdfs):
        out = tmp_path / f"page{index}"
        subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "2", "-l", "2", "-singlefile", str(path), str(out)],
                       check=True, timeout=60)
        image = Image.open(f"{out}.png").convert("L")
        dark = sum(count for level, count in enumerate(image.histogram()) if level < 128)
        assert dark > image.width * image.height * 0.01, path.name
