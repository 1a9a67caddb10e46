"""The service center's day from the command line: template, import, list, evaluate all, export, back up."""

import json
import subprocess
import sys

from openpyxl import load_workbook
from store_helpers import EXAMPLES, fill_template, firm_row, make_uscc

from zjtx_desktop.cli import main
from zjtx_desktop.store import Database, list_backups
from zjtx_desktop.store.locations import database_path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zjtx_desktop.cli", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_import_a_workbook_evaluate_all_and_export_back(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["template", "--out", str(tmp_path / "t.xlsx")]) == 0
    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(1), firm_row(2)])
    assert main(["import", str(workbook), "--data-dir", data]) == 0
    assert "新增 2 家企业" in capsys.readouterr().out
    assert main(["list", "--data-dir", data]) == 0
    listing = capsys.readouterr().out
    assert make_uscc(1) in listing and "共 2 家企业" in listing
    assert main(["evaluate", "--all", "--out", str(tmp_path / "r.xlsx"), "--date", "2025-11-20", "--data-dir", data]) == 0
    rows = list(load_workbook(tmp_path / "r.xlsx")["评估结果"].iter_rows(values_only=True))
    assert rows[0][:2] == ("企业名称", "统一社会信用代码") and rows[0][-1] == "补助合计（元）"
    assert "3b 技术改造设备补助 结论" in rows[0] and "3b 最高可申请（元）" in rows[0]
    assert {row[1] for row in rows[1:3]} == {make_uscc(1), make_uscc(2)}
    assert main(["export", "--all", "--out", str(tmp_path / "all.xlsx"), "--data-dir", data]) == 0
    assert main(["import", str(tmp_path / "all.xlsx"), "--data-dir", str(tmp_path / "other")]) == 0


def test_one_firm_goes_out_as_the_json_evaluate_reads(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["import", str(EXAMPLES[-1]), "--data-dir", data]) == 0
    code = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))["uscc"]
    out = tmp_path / "firm.json"
    assert main(["export", "--company", code, "--out", str(out), "--data-dir", data]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(out), "--date", "2025-11-20", "--format", "json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    assert main(["evaluate", "--company", code, "--date", "2025-11-20", "--format", "json", "--data-dir", data]) == 0
    assert json.loads(capsys.readouterr().out) == from_file


def test_a_workbook_with_bad_cells_exits_2_and_names_each_cell(tmp_path):
    workbook = fill_template(tmp_path / "f.xlsx", [firm_row(1), firm_row(2, 营业收入="很多")])
    done = cli("import", str(workbook), "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "企业信息 第3行 「营业收入」" in done.stderr and "新增 1 家企业" in done.stderr


def test_a_second_writer_is_told_to_close_the_other_window(tmp_path):
    data = tmp_path / "data"
    with Database.open(data):
        done = cli("import", str(EXAMPLES[0]), "--data-dir", str(data))
        assert done.returncode == 2 and "请先关闭那个窗口" in done.stderr
        assert cli("list", "--data-dir", str(data)).returncode == 0  # reading still works
        assert cli("backup", "--data-dir", str(data)).returncode == 0


def test_a_damaged_database_is_reported_with_the_restore_command_which_works(tmp_path):
    data = tmp_path / "data"
    assert cli("import", str(EXAMPLES[0]), "--data-dir", str(data)).returncode == 0
    assert cli("backup", "--data-dir", str(data)).returncode == 0
    database_path(data).write_bytes(b"\x00garbage" * 1000)
    done = cli("check-db", "--data-dir", str(data))
    assert done.returncode == 2 and "已损坏" in done.stderr and "zjtx-desktop restore" in done.stderr
    done = cli("restore", str(list_backups(data)[0]), "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    done = cli("check-db", "--data-dir", str(data))
    assert done.returncode == 0 and "数据库完好" in done.stdout and "1 家企业" in done.stdout


def test_the_data_folder_can_come_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ZJTX_DATA_DIR", str(tmp_path / "env"))
    assert main(["import", str(EXAMPLES[0])]) == 0
    assert database_path(tmp_path / "env").exists()


def test_evaluate_needs_exactly_one_source_of_firms(tmp_path):
    for args in (["evaluate"], ["evaluate", str(EXAMPLES[0]), "--all"], ["evaluate", "--company", "X", "--out", "r.xlsx"]):
        done = cli(*args, "--data-dir", str(tmp_path))
        assert done.returncode == 2 and done.stderr.startswith("错误：") and "Traceback" not in done.stderr
    done = cli("evaluate", "--company", make_uscc(5), "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 2 and "还没有企业数据" in done.stderr


def test_check_db_reads_while_the_application_writes_and_mentions_what_is_kept_aside(tmp_path):
    data = tmp_path / "data"
    assert cli("import", str(EXAMPLES[0]), "--data-dir", str(data)).returncode == 0
    assert cli("restore", str(database_path(data)), "--data-dir", str(data)).returncode == 0
    assert cli("backup", "--out", str(tmp_path / "b.db"), "--data-dir", str(data)).returncode == 0
    assert cli("restore", str(tmp_path / "b.db"), "--data-dir", str(data)).returncode == 0  # keeps a copy aside
    with Database.open(data):
        done = cli("check-db", "--data-dir", str(data))
    assert done.returncode == 0 and "数据库完好" in done.stdout, done.stderr
    assert "kept_aside 中留存旧数据文件 1 个" in done.stdout
