"""`zjtx-desktop packets` as a user runs it: what it wrote, or which fields to fill in, in Chinese."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from packet_helpers import EXAMPLES, ROOT, example_raw

from zjtx_desktop.cli import main


def test_writes_every_packet_and_the_report_and_says_so(tmp_path, capsys):
    [profile] = EXAMPLES.glob("02_*.json")
    assert main(["packets", str(profile), "--out", str(tmp_path / "out"), "--date", "2025-11-20"]) == 0
    printed = capsys.readouterr().out
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(["厦门闽锐精密机械有限公司_3b技术改造设备补助_申请材料.pdf",
                              "厦门闽锐精密机械有限公司_7b管理咨询补助_申请材料.pdf",
                              "厦门闽锐精密机械有限公司_7c数字化培训补贴_申请材料.pdf",
                              "厦门闽锐精密机械有限公司_15国内贸易信用保险补贴_申请材料.pdf",
                              "厦门闽锐精密机械有限公司_政策评估报告.pdf"])
    assert "已生成 4 份申请材料和 1 份政策评估报告" in printed
    assert all(name in printed for name in written)


def test_missing_fields_exit_2_with_a_chinese_list_and_no_traceback(tmp_path):
    raw = example_raw("05")
    del raw["bank_account"], raw["consulting_provider"]
    profile = tmp_path / "企业.json"
    profile.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", "packets", str(profile), "--out",
                           str(tmp_path / "out"), "--date", "2025-11-20"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.startswith("错误：以下信息尚未填写") and "Traceback" not in done.stderr
    assert "「银行账号」（bank_account）" in done.stderr and "「服务机构」（consulting_provider）" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_character_no_font_has_exits_2_naming_the_field_and_the_character(tmp_path):
    """𠀀 (U+20000, Extension B, outside the 通用规范汉字表) would print as a blank: refused before writing."""
    raw = {**example_raw("02"), "company_name": "厦门𠀀精密机械有限公司"}
    profile = tmp_path / "企业.json"
    profile.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", "packets", str(profile), "--out",
                           str(tmp_path / "out"), "--date", "2025-11-20", "--split"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, cwd=ROOT)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stdout == ""
    assert done.stderr.startswith("错误：") and "「企业名称」中的“𠀀”（U+20000）" in done.stderr, done.stderr
    assert "同音字" in done.stderr  # and what to do next
    assert not (tmp_path / "out").exists()


def test_out_is_required(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["packets", str(next(EXAMPLES.glob("01_*.json")))])
    assert exit_.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_packets_for_a_firm_in_the_database_are_recorded_with_their_evaluation(tmp_path, capsys):
    from zjtx_desktop.store import Database

    data = tmp_path / "数据 目录"
    [profile] = EXAMPLES.glob("03_*.json")
    assert main(["import", str(profile), "--data-dir", str(data)]) == 0
    out = tmp_path / "输出"
    assert main(["packets", "--company", "91350205MA8UQE3J0U", "--data-dir", str(data), "--out", str(out),
                 "--date", "2025-11-20"]) == 0
    assert "已生成" in capsys.readouterr().out
    with Database.open(data, read_only=True) as db:
        firm = db.company_id_by_uscc("91350205MA8UQE3J0U")
        records = db.packets(firm)
        saved = db.latest_evaluation(firm)
    assert saved.evaluation.on.isoformat() == "2025-11-20"
    assert {r.evaluation_id for r in records} == {saved.id}
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(r.path).name for r in records)


def test_packets_need_exactly_one_source_of_the_firm(capsys):
    assert main(["packets", "--out", "x"]) == 2
    assert "二者选一" in capsys.readouterr().err


def test_packets_from_a_folder_only_read_say_why_they_are_not_recorded(tmp_path, capsys, monkeypatch):
    """A network share is opened only for reading: the packets are still written, and the note says why
    the firm's record of packets is not updated (not that "the program is using the database")."""
    from zjtx_desktop.store import shares

    data = tmp_path / "data"
    [profile] = EXAMPLES.glob("03_*.json")
    assert main(["import", str(profile), "--data-dir", str(data)]) == 0
    monkeypatch.setattr(shares, "IS_WINDOWS", True)
    monkeypatch.setattr(shares, "drive_of", lambda text: "Z:")
    monkeypatch.setattr(shares, "drive_type", lambda root: shares.DRIVE_REMOTE)
    capsys.readouterr()
    assert main(["packets", "--company", "91350205MA8UQE3J0U", "--data-dir", str(data), "--out",
                 str(tmp_path / "out"), "--date", "2025-11-20"]) == 0
    note = capsys.readouterr().err
    assert "网络" in note and "不会记入企业的生成记录" in note and "程序正在使用数据库" not in note
