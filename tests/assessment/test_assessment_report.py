"""The 梯度培育自评报告 PDF: read back with pdftotext, the same bytes for the same input, every box on
the page, and no file at all when the firm's name or code is missing."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.profile import load_profile_json
from zjtx_desktop.packets.assessment_report import build_assessment_report
from zjtx_desktop.packets.check import PacketFieldsMissing
from zjtx_desktop.packets.styles import MARGIN_LEFT, MARGIN_RIGHT, PAGE_WIDTH

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ON = date(2026, 6, 30)
SLACK = 0.5


def profile_of(stem: str, **changes):
    profile = load_profile_json(next(EXAMPLES.glob(f"{stem}*.json")).read_text(encoding="utf-8"))[0]
    return profile.with_values(**changes) if changes else profile


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return "".join(done.stdout.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_report_reads_back_with_the_verdicts_gaps_and_amounts(tmp_path):
    profile = profile_of("06")
    path = build_assessment_report(profile, assess(profile, ON), tmp_path)
    assert path.name == "厦门鹭科新材料有限公司_梯度培育自评报告.pdf"
    text = pdf_text(path)
    for expected in ("梯度培育自评报告", "厦门鹭科新材料有限公司", "工信部企业〔2026〕2号", "专精特新中小企业（申请）：暂不具备",
                     "研发费用占比2.4%→需3%：按上年营业收入测算，约需再增加研发投入36万元", "376,000.00",
                     "小型（工业，工信部联企业〔2011〕300号第四条（二））", "需人工核验", "认定条件8"):
        assert expected in text, expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_a_firm_with_no_title_gets_the_scoring_tables_and_the_tech_sme(tmp_path):
    profile = profile_of("01", tier="none")
    text = pdf_text(build_assessment_report(profile, assess(profile, ON), tmp_path))
    for expected in ("创新型中小企业（申请）：可申请", "评价得分：合计95分，须达到60分", "创新能力35分（要求≥20分）",
                     "科技型中小企业（评价）", "本软件的解读", "恰好落在分档界点上的，计入较高一档"):
        assert expected in text, expected


def test_the_same_firm_and_date_give_the_same_bytes(tmp_path):
    profile = profile_of("03")
    first = build_assessment_report(profile, assess(profile, ON), tmp_path / "a").read_bytes()
    assert build_assessment_report(profile, assess(profile, ON), tmp_path / "b").read_bytes() == first


def test_every_box_lies_within_the_print_margins(tmp_path):
    profile = profile_of("05")
    cells = []
    build_assessment_report(profile, assess(profile, ON), tmp_path, cell_recorder=cells)
    assert cells
    for cell in cells:
        assert MARGIN_LEFT - SLACK <= cell.x0 < cell.x1 <= PAGE_WIDTH - MARGIN_RIGHT + SLACK


def test_without_the_firms_name_nothing_is_written(tmp_path):
    profile = profile_of("06", company_name=None)
    with pytest.raises(PacketFieldsMissing) as caught:
        build_assessment_report(profile, assess(profile, ON), tmp_path / "out")
    assert "企业名称" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_the_cli_writes_the_report_beside_its_table(tmp_path, capsys):
    from zjtx_desktop.cli import main

    assert main(["assess", str(next(EXAMPLES.glob("06*.json"))), "--date", "2026-06-30", "--pdf", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "已生成" in out and "梯度培育自评报告.pdf" in out and "【专精特新中小企业】" in out
    assert len(list(tmp_path.glob("*.pdf"))) == 1


def test_the_cli_says_in_chinese_what_the_report_still_needs(tmp_path, capsys):
    from zjtx_desktop.cli import main

    nameless = tmp_path / "无名.json"
    nameless.write_text('{"tier": "innovative", "industry_code": "C3919"}', encoding="utf-8")
    assert main(["assess", str(nameless), "--pdf", str(tmp_path / "out")]) == 2
    assert "企业名称" in capsys.readouterr().err
    blocker = tmp_path / "是文件不是文件夹"
    blocker.write_text("", encoding="utf-8")
    assert main(["assess", str(next(EXAMPLES.glob("06*.json"))), "--pdf", str(blocker)]) == 2
    assert "错误：" in capsys.readouterr().err
