"""Bounds on a workbook handed to us, checked before openpyxl reads a byte of its XML.

An .xlsx is a zip: a 418 KB file can hold ten million shared strings (963 MB and a minute to load) or a
sheet that expands to gigabytes. The zip's directory states every part's uncompressed size, and the
zip reader will not produce more than that size (it checks the CRC at the end), so checking the
directory bounds what loading can cost. The limits are far above a service center's real files
(10,000 firms export to about 2 MB, with under 10 MB of sheet XML).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from zjtx_desktop.store.errors import StoreError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_PARTS = 1024
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024  # every distinct text of the workbook; memory grows ~4× this
SHARED_STRINGS = "xl/sharedStrings.xml"


def check_workbook_size(path: Path) -> None:
    """Raise StoreError when the file or what it would expand to is beyond any real import."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _too_big(path, f"文件有 {_mb(size)}，超过导入上限 {_mb(MAX_FILE_BYTES)}")
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise _too_big(path, f"内含 {len(parts)} 个部件，超过上限 {MAX_PARTS} 个")
    for part in parts:
        if part.filename == SHARED_STRINGS and part.file_size > MAX_SHARED_STRINGS_BYTES:
            raise _too_big(path, f"共享文字表解压后有 {_mb(part.file_size)}，超过上限 {_mb(MAX_SHARED_STRINGS_BYTES)}")
        if part.file_size > MAX_PART_BYTES:
            raise _too_big(path, f"“{part.filename}”解压后有 {_mb(part.file_size)}，超过上限 {_mb(MAX_PART_BYTES)}")
    total = sum(part.file_size for part in parts)
    if total > MAX_TOTAL_BYTES:
        raise _too_big(path, f"解压后共 {_mb(total)}，超过上限 {_mb(MAX_TOTAL_BYTES)}")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _too_big(path: Path, why: str) -> StoreError:
    return StoreError(f"{path.name} 不能导入：{why}，不像是按模板填写的企业信息工作簿（可能已损坏或被刻意构造）。"
                      "请检查文件，或把企业分成几个较小的工作簿分别导入。")
