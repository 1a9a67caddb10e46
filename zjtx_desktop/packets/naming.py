"""File and folder names of a set of packets: safe on Windows, named for what they hold, never too long.

A name carries the firm and the measure (…_3b技术改造设备补助_申请材料.pdf), so a folder shared by
many firms stays readable; so does each upload file of --split (申请表_3b技术改造设备补助_….pdf),
so that uploading several measures never takes one measure's 申请表 for another's. Windows refuses paths of 260 characters or more (MAX_PATH), and a
60-character firm name in a deep Documents folder reaches that, so the firm's part of the names is
shortened until every path of the set stays under 240 characters, and the user is told so. Linux
file systems (ext4) take at most 255 bytes of UTF-8 in one name, which a firm name of 85 Chinese
characters fills alone: each name is kept within that too, room left for its temporary file's name.
Control and direction characters (U+202E would show a name reversed) and the characters Windows
reserves are taken out.
"""

from __future__ import annotations

import re
from pathlib import Path

from zjtx_desktop.core.atomic import WriteFailed
from zjtx_desktop.core.results import MeasureResult
from zjtx_desktop.packets.fonts import is_control

MAX_PATH = 240  # characters (UTF-16 units, as Windows counts), leaving room below the 260 limit
# bytes of UTF-8 in one file or folder name: ext4's 255, less the 14 that the temporary file beside
# it adds (".<name>.xxxxxxxx.tmp") and the 11 of a "（新99）" mark when written beside an open file
NAME_BYTES = 255 - 14 - 11
SHORTEST_FIRM = 8  # characters: shorter than this a firm's name no longer identifies it
RESERVED = re.compile(r'[\\/:*?"<>|]')
SUMMARY_NAME = "政策评估报告"
UPLOAD_FOLDER = "分件上传"
DOCUMENT_NAMES = {"application": "申请表", "computation": "计算说明", "pledge": "信用承诺书", "checklist": "材料清单"}


def safe_file_part(text: str | None, fallback: str = "企业") -> str:
    """A name usable as part of a Windows file name: no control or reserved characters, no trailing dot."""
    visible = "".join(" " if char in "\r\n\t" else char for char in (text or "") if not is_control(char))
    cleaned = RESERVED.sub("_", visible).strip(" .")
    return cleaned or fallback


def path_length(path: Path) -> int:
    """Characters of a path as Windows counts them: a character outside the BMP counts twice."""
    return len(str(path).encode("utf-16-le")) // 2


class Naming:
    """Every path of one build, with the firm's part shortened once, the same in every name.

    `report` is the title of the report the build writes beside the packets (政策评估报告, or the
    梯度培育自评报告 built alone with no packet), so its name is shortened by the same rule.
    """

    def __init__(self, out_dir: Path, firm_name: str | None, results: list[MeasureResult], *, split: bool,
                 report: str = SUMMARY_NAME):
        self.out_dir = Path(out_dir).absolute()
        self.results, self.split, self.report = results, split, report
        full = safe_file_part(firm_name)
        self.firm = full
        while not self._fits() and len(self.firm) > SHORTEST_FIRM:
            self.firm = full[:len(self.firm) - 1].rstrip(" ._")
        if not self._fits():
            raise WriteFailed(self.out_dir, f"保存位置的路径太长（{path_length(self.out_dir)} 个字符），文件名放不下；"
                                            r"请换一个较短的保存位置，如 D:\申报材料")
        self.notes = ([f"企业名称较长，为使文件名和路径不超过系统允许的长度，文件名中的企业名称已缩短为“{self.firm}”。"]
                      if self.firm != full else [])

    def _paths(self) -> list[Path]:
        paths = [self.summary()]
        for result in self.results:
            paths.append(self.packet(result))
            if self.split:
                paths += [self.upload(result, section) for section in DOCUMENT_NAMES]
        return paths

    def _fits(self) -> bool:
        """Every path under Windows' limit, and every name this build makes within NAME_BYTES."""
        paths = self._paths()
        return (max(path_length(path) for path in paths) < MAX_PATH
                and all(len(name.encode("utf-8")) <= NAME_BYTES
                        for path in paths for name in path.relative_to(self.out_dir).parts))

    @staticmethod
    def _measure(result: MeasureResult) -> str:
        return f"{result.measure}{safe_file_part(result.title, result.measure)}"

    def packet(self, result: MeasureResult) -> Path:
        return self.out_dir / f"{self.firm}_{self._measure(result)}_申请材料.pdf"

    def upload(self, result: MeasureResult, section: str) -> Path:
        """申请表_3b技术改造设备补助_<firm>.pdf: the document first, as the platform's upload box asks
        for it, then the measure, since the platform shows only the file's name, not its folder."""
        measure = self._measure(result)
        folder = self.out_dir / f"{self.firm}_{measure}_{UPLOAD_FOLDER}"
        return folder / f"{DOCUMENT_NAMES[section]}_{measure}_{self.firm}.pdf"

    def summary(self) -> Path:
        return self.out_dir / f"{self.firm}_{self.report}.pdf"
