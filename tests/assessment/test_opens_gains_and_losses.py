"""What a title opens can also close something: 小巨人 ends 2a 后备企业激励 (example 03). Each line
carries its sign (+1,000,000.00 / −300,000.00), and the headline states the gain, the loss and the
net, alike in the text, the JSON and the PDF report."""

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
THIRD = next(EXAMPLES.glob("03*.json"))
SIXTH = next(EXAMPLES.glob("06*.json"))
HEADLINE = ("获评专精特新“小巨人”企业后，按厦府办规〔2024〕11号最高可多申请 1,000,000.00 元，"
            "同时 2a 后备企业激励不再适用（−300,000.00 元），净增 700,000.00 元")


def test_the_text_signs_each_line_and_states_gain_loss_and_net(capsys):
    assert main(["assess", str(THIRD), "--date", "2026-06-30"]) == 0
    out = capsys.readouterr().out
    assert "+-" not in out
    assert "2a 后备企业激励：符合 → 不符合　−300,000.00 元" in out
    assert "2b 首次获评“小巨人”奖励：不符合 → 符合　+1,000,000.00 元" in out
    assert HEADLINE in out
    assert "最高可多申请 700,000.00" not in out


def test_the_json_keeps_the_net_total_and_adds_the_gain_and_the_loss(capsys):
    assert main(["assess", str(THIRD), "--date", "2026-06-30", "--format", "json"]) == 0
    tier = json.loads(capsys.readouterr().out)["tiers"][0]
    assert tier["tier"] == "little_giant"
    assert (tier["opens_total"], tier["opens_gained"], tier["opens_lost"]) == ("700000.00", "1000000.00", "300000.00")
    assert {o["measure"]: o["amount"] for o in tier["opens"]} == {"2a": "-300000.00", "2b": "1000000.00"}
    assert HEADLINE in tier["opens_note"]


def test_a_title_that_closes_nothing_keeps_the_plain_headline(capsys):
    assert main(["assess", str(SIXTH), "--date", "2026-06-30", "--format", "json"]) == 0
    srdi = json.loads(capsys.readouterr().out)["tiers"][0]
    assert srdi["opens_lost"] == "0.00" and srdi["opens_gained"] == srdi["opens_total"] == "376000.00"
    assert srdi["opens_note"] == ("获评专精特新中小企业后，按厦府办规〔2024〕11号最高可多申请 376,000.00 元"
                                  "（最高可申请额度，以责任单位审核为准）")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_report_signs_each_line_and_states_gain_loss_and_net(tmp_path):
    from zjtx_desktop.packets.assessment_report import build_assessment_report

    profile = load_profile_json(THIRD.read_text(encoding="utf-8"))[0]
    path = build_assessment_report(profile, assess(profile, date(2026, 6, 30)), tmp_path)
    text = "".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "+-" not in text and "-300,000.00" not in text.replace("−300,000.00", "")
    assert "−300,000.00" in text and "+1,000,000.00" in text
    assert "".join(HEADLINE.split()) in text
    assert "净增合计" in text

