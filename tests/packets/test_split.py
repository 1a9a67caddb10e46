"""Online submission: besides the print PDF, one PDF per document, in a folder per packet."""

import pypdf
from packet_helpers import EXAMPLES, flat, page_texts

from zjtx_desktop.cli import main

DOCUMENTS = ("申请表", "计算说明", "信用承诺书", "材料清单")
UPLOAD_LIMIT = 5 * 1024 * 1024


def test_split_writes_each_document_of_each_packet_as_its_own_pdf(tmp_path, capsys):
    [profile] = EXAMPLES.glob("02_*.json")
    out = tmp_path / "材料"
    assert main(["packets", str(profile), "--out", str(out), "--date", "2025-11-20", "--split"]) == 0
    folders = sorted(path for path in out.iterdir() if path.is_dir())
    measures = ("3b技术改造设备补助", "7b管理咨询补助", "7c数字化培训补贴", "15国内贸易信用保险补贴")
    assert [f.name for f in folders] == sorted(f"厦门闽锐精密机械有限公司_{m}_分件上传" for m in measures)
    printed = capsys.readouterr().out
    for folder in folders:
        files = sorted(folder.iterdir())
        [measure] = [m for m in measures if f"_{m}_" in folder.name]
        assert sorted(f.name for f in files) == sorted(f"{d}_{measure}_厦门闽锐精密机械有限公司.pdf" for d in DOCUMENTS)
        for path in files:
            document = path.name.split("_")[0]
            texts = page_texts(path)
            assert texts[0].lstrip().split("\n")[0].endswith(document), path
            assert f"{document} · 第 1 页" in texts[0]
            assert all(f"第 {n} 页 共 {len(texts)} 页" in text for n, text in enumerate(texts, start=1))
            assert path.stat().st_size <= UPLOAD_LIMIT and pypdf.PdfReader(path).pages
            assert f"{folder.name}/{path.name}" in printed
        assert "申请表" in flat("".join(page_texts(folder.parent / (folder.name.replace("_分件上传", "_申请材料.pdf")))))


def test_no_two_upload_files_share_a_name_so_a_file_picked_from_the_wrong_folder_shows(tmp_path):
    """The upload dialog of the platform shows only a file's name: each names its measure."""
    [profile] = EXAMPLES.glob("05_*.json")
    assert main(["packets", str(profile), "--out", str(tmp_path), "--date", "2025-11-20", "--split"]) == 0
    folders = [path for path in tmp_path.iterdir() if path.is_dir()]
    names = [file.name for folder in folders for file in folder.iterdir()]
    assert len(folders) == 12 and len(names) == len(set(names)) == 12 * 4
    for folder in folders:
        measure = folder.name.split("_")[1]
        assert all(file.name.split("_")[1] == measure for file in folder.iterdir()), folder.name


def test_without_split_there_are_only_the_print_pdfs(tmp_path):
    [profile] = EXAMPLES.glob("02_*.json")
    assert main(["packets", str(profile), "--out", str(tmp_path), "--date", "2025-11-20"]) == 0
    assert all(path.is_file() for path in tmp_path.iterdir())
