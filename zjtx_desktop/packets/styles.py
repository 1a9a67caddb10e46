"""The one place for how packets look: the font, paragraph styles, A4 page, margins and footer.

The font is the shipped WenQuanYi Micro Hei, embedded as a subset: reportlab's built-in CID fonts
are not embedded and print blank on machines without them (ENVIRONMENT.md). Documents are built in
invariant mode, so the same input gives the same bytes (audits and regression tests rely on it).
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from zjtx_desktop.packets.fonts import markup, register_fonts
from zjtx_desktop.packets.linebreak import FormParagraph

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
FOOTER_BASELINE = 10 * mm
RULE = colors.black
RULE_WIDTH = 0.75
SHADE = colors.HexColor("#EDEDED")
CREATOR = "专精特新政策申报助手"
CHINA_STANDARD_TIME = 8  # hours east of UTC, for the documents' dates


def _style(name: str, size: float, leading: float, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=register_fonts(), fontSize=size, leading=leading, wordWrap="CJK", **extra)


@cache
def styles() -> dict[str, ParagraphStyle]:
    return {
        "cover_title": _style("cover_title", 22, 30, alignment=TA_CENTER, spaceAfter=6 * mm),
        "cover_firm": _style("cover_firm", 16, 22, alignment=TA_CENTER),
        "title": _style("title", 16, 22, alignment=TA_CENTER, spaceAfter=4 * mm),
        "heading": _style("heading", 12, 17, spaceBefore=3 * mm, spaceAfter=2 * mm, keepWithNext=1),
        "body": _style("body", 10.5, 17, spaceAfter=1.5 * mm),
        "pledge": _style("pledge", 11, 20, firstLineIndent=22, spaceAfter=2 * mm),
        "note": _style("note", 9, 13, textColor=colors.HexColor("#333333"), spaceAfter=1 * mm),
        "cell": _style("cell", 9.5, 12),
        "cell_label": _style("cell_label", 9.5, 12),
        "cell_small": _style("cell_small", 8.5, 11),
        "cell_right": _style("cell_right", 9.5, 12, alignment=TA_RIGHT),
        "cell_small_right": _style("cell_small_right", 8.5, 11, alignment=TA_RIGHT),
        "cell_center": _style("cell_center", 9.5, 13, alignment=TA_CENTER),
        "group": _style("group", 10.5, 13),
        "footer": _style("footer", 8, 10, alignment=TA_CENTER, textColor=colors.HexColor("#444444")),
    }


def para(text: str, style: str = "body") -> FormParagraph:
    """A paragraph of user text: escaped, so a firm name with & or < prints as typed, and rare
    characters in the fallback font."""
    return FormParagraph(markup(text), styles()[style])


class FooterCanvas(Canvas):
    """Draws "企业名 · 包名 · 第 x 页 共 y 页" on every page once the page count is known.

    Pages are kept until save(), which is when the total is known; this avoids building each
    document twice. `cell_recorder`, when given, collects the drawn table cells for tests.
    """

    def __init__(self, *args, footer: str = "", created: date | None = None, cell_recorder: list | None = None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.footer = footer
        self.cell_recorder = cell_recorder
        self._pages: list[dict] = []
        if created is not None:
            self._doc._timeStamp = document_date(created)

    def showPage(self):  # noqa: N802 (reportlab's override)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        footer = para(f"{self.footer} · 第 {number} 页 共 {total} 页", "footer")
        footer.wrap(FRAME_WIDTH, MARGIN_BOTTOM - FOOTER_BASELINE)
        footer.drawOn(self, MARGIN_LEFT, FOOTER_BASELINE)


def document_date(day: date) -> TimeStamp:
    """The PDF's CreationDate and ModDate: the evaluation date (midnight, China time), not the
    moment of printing, so that the same data still gives the same bytes."""
    stamp = TimeStamp(invariant=1)
    stamp.YMDhms = (day.year, day.month, day.day, 0, 0, 0)
    stamp.dhh, stamp.dmm = CHINA_STANDARD_TIME, 0
    stamp.t = calendar.timegm(day.timetuple()) - CHINA_STANDARD_TIME * 3600
    return stamp


def write_document(path: Path, story: list, *, title: str, firm_name: str, created: date,
                   cell_recorder: list | None = None) -> None:
    """Lay out `story` on A4 pages with print margins and the footer, in invariant mode."""
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    document = BaseDocTemplate(
        str(path), pagesize=A4, pageTemplates=[PageTemplate("page", [frame])], invariant=1, initialFontName=register_fonts(),
        title=title, author=firm_name, subject=title, creator=CREATOR, producer=CREATOR,
        leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
    )

    def canvas_maker(*args, **kwargs):
        return FooterCanvas(*args, footer=f"{firm_name} · {title}", created=created, cell_recorder=cell_recorder,
                            **kwargs)

    document.build(story, canvasmaker=canvas_maker)
