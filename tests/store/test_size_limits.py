"""Size bombs are refused before parsing: a small xlsx that expands to millions of shared strings or a
giant sheet, a JSON profile of many megabytes. The message says what is wrong; nothing is imported."""

import json
import shutil
import time
import zipfile

import pytest
from openpyxl import Workbook
from store_helpers import fill_template, firm_row

from zjtx_desktop.cli import main
from zjtx_desktop.store import StoreError

SHARED = "xl/sharedStrings.xml"


def rewritten(source, target, replace: dict[str, callable]):
    """A copy of the zip `source` with the named parts' content streamed from the given writers (a part
    it lacks is added, and declared in [Content_Types].xml as Excel's shared strings are)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        names = old.namelist()
        for part in old.infolist():
            content = old.read(part.filename)
            if part.filename == "[Content_Types].xml" and SHARED not in names and SHARED in replace:
                content = content.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                          b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings'
                                          b'+xml"/></Types>')
            if part.filename not in replace:
                new.writestr(part, content)
        for name, writer in replace.items():
            with new.open(name, "w", force_zip64=True) as stream:
                writer(stream)
    return target


def shared_strings_bomb(stream, strings: int = 2_500_000) -> None:
    stream.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    chunk = b"<si><t>a</t></si>" * 10_000
    for _ in range(strings // 10_000):
        stream.write(chunk)
    stream.write(b"</sst>")


def test_a_small_workbook_with_millions_of_shared_strings_is_refused_at_once(db, tmp_path):
    plain = Workbook()
    plain.active.title = "企业信息"
    plain.active.append(["企业名称", "统一社会信用代码"])
    plain.save(tmp_path / "plain.xlsx")
    bomb = rewritten(tmp_path / "plain.xlsx", tmp_path / "bomb.xlsx", {"xl/sharedStrings.xml": shared_strings_bomb})
    assert bomb.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(StoreError, match="共享文字表解压后有"):
        db.import_excel(bomb)
    assert time.perf_counter() - started < 2 and db.list_companies() == []


def test_a_sheet_that_expands_beyond_the_limit_is_refused(db, tmp_path, monkeypatch):
    from zjtx_desktop.store import excel_limits

    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(1)])
    monkeypatch.setattr(excel_limits, "MAX_PART_BYTES", 64 * 1024)

    def big_sheet(stream):
        stream.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        stream.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' * 5000)
        stream.write(b"</sheetData></worksheet>")

    bomb = rewritten(workbook, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": big_sheet})
    with pytest.raises(StoreError, match="超过上限"):
        db.import_excel(bomb)
    monkeypatch.setattr(excel_limits, "MAX_TOTAL_BYTES", 64 * 1024)
    monkeypatch.setattr(excel_limits, "MAX_PART_BYTES", 256 * 1024 * 1024)
    with pytest.raises(StoreError, match="解压后共"):
        db.import_excel(bomb)
    assert db.list_companies() == []


def test_a_workbook_file_beyond_the_size_limit_is_refused_before_it_is_opened(db, tmp_path, monkeypatch):
    from zjtx_desktop.store import excel_limits

    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(1)])
    monkeypatch.setattr(excel_limits, "MAX_FILE_BYTES", workbook.stat().st_size - 1)
    with pytest.raises(StoreError, match="超过导入上限"):
        db.import_excel(workbook)


def test_a_number_openpyxl_cannot_convert_is_a_message_not_a_traceback(db, tmp_path):
    workbook = fill_template(tmp_path / "firms.xlsx", [firm_row(1)])

    def huge_number(stream):
        with zipfile.ZipFile(workbook) as source:
            xml = source.read("xl/worksheets/sheet1.xml")
        stream.write(xml.replace(b"<v>18600000</v>", b"<v>" + b"9" * 5000 + b"</v>"))

    bomb = rewritten(workbook, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": huge_number})
    with pytest.raises(StoreError, match="不是可以读取的 .xlsx"):
        db.import_excel(bomb)


@pytest.mark.parametrize("command", ["import", "evaluate"])
def test_a_json_profile_of_many_megabytes_is_refused_before_it_is_parsed(tmp_path, capsys, command):
    path = tmp_path / "firm.json"
    padding = "备注" * (5 * 1024 * 1024 // 4)  # 7.5 MB of UTF-8, beyond the 4 MB limit
    path.write_text(json.dumps({"company_name": "测试", "notes": padding}, ensure_ascii=False), encoding="utf-8")
    args = ["import", str(path), "--data-dir", str(tmp_path / "data")] if command == "import" else ["evaluate", str(path)]
    started = time.perf_counter()
    assert main(args) == 2
    assert time.perf_counter() - started < 2
    assert "超过企业信息文件的上限" in capsys.readouterr().err
    shutil.rmtree(tmp_path / "data", ignore_errors=True)
