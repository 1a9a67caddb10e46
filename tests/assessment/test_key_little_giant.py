"""重点“小巨人” is chosen by MIIT and 财政部 from the 小巨人 (财建〔2024〕148号): a firm cannot apply for
it, so the assessment shows it as a line — 需人工核验, not judged, saying who designates it — in the
text, the JSON and the PDF, and never counts it as reachable."""

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from zjtx_desktop.cli import main
from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.profile import load_profile_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ON = date(2026, 6, 30)
WHO = "由工业和信息化部、财政部从已认定的专精特新“小巨人”企业中遴选"
NOT_JUDGED = "本程序不作判断"


def profile_of(stem: str):
    return load_profile_json(next(EXAMPLES.glob(f"{stem}*.json")).read_text(encoding="utf-8"))[0]


@pytest.mark.parametrize(("stem", "on"), [("01", ON), ("04", ON), ("06", date(2026, 3, 31))])
def test_a_firm_below_it_sees_the_line_under_either_rule_set(stem, on):
    assessment = assess(profile_of(stem), on, with_opens=False)
    (line,) = assessment.designated
    assert (line.tier, line.title, str(line.status)) == ("key_little_giant", "专精特新重点“小巨人”企业", "需人工核验")
    assert WHO in line.note and NOT_JUDGED in line.note and "财建〔2024〕148号" in line.clause
    assert "key_little_giant" not in {t.tier for t in assessment.tiers}
    assert assessment.best_reachable is None or assessment.best_reachable.tier != "key_little_giant"


def test_a_firm_that_holds_it_is_not_shown_the_line():
    assert assess(profile_of("05"), ON, with_opens=False).designated == ()


def test_text_and_json_show_it(capsys):
    path = str(next(EXAMPLES.glob("04*.json")))
    assert main(["assess", path, "--date", "2026-06-30"]) == 0
    text = capsys.readouterr().out
    assert "【专精特新重点“小巨人”企业】遴选　结论：需人工核验（不作判断）" in text and WHO in text and NOT_JUDGED in text
    assert main(["assess", path, "--date", "2026-06-30", "--format", "json"]) == 0
    (line,) = json.loads(capsys.readouterr().out)["designated"]
    assert line["tier"] == "key_little_giant" and line["status"] == "需人工核验" and line["assessed"] is False
    assert WHO in line["note"] and line["clause"].startswith("财建〔2024〕148号")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_report_shows_it(tmp_path):
    from zjtx_desktop.packets.assessment_report import build_assessment_report

    profile = profile_of("04")
    path = build_assessment_report(profile, assess(profile, ON), tmp_path)
    text = "".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "专精特新重点“小巨人”企业（遴选）：需人工核验（不作判断）" in text
    assert WHO in text and NOT_JUDGED in text
