"""The two fonts a packet prints in, and which of them prints each character.

WenQuanYi Micro Hei prints nearly everything; a few thousand rare characters (CJK Extension A such
as 䶮, the 通用规范汉字表 characters outside the BMP) come from a fallback font cut from Noto Sans
CJK SC (tools/build_fallback_font.py). reportlab draws a character missing from the font as a blank
without a word, so a text is checked here before it is printed, and a character neither font has is
refused by name rather than left out (PACKETS.md; issue 10).
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from zjtx_desktop.core.paths import resources_dir

FONT = "WenQuanYi"
FALLBACK_FONT = "FallbackSC"


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def fallback_font_path() -> Path:
    return resources_dir() / "fonts" / "fallback-sc.ttf"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters outside the BMP written as UTF-16 as PDF requires.

    reportlab 5.1 writes U+20164 as <20164>, which readers take for two wrong characters (pdftotext
    gave “‖” for 𠅤), so a search or a copy of the firm name fails. BMP entries are unchanged.
    """
    entries = [f"<{index:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>" for index, code in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange", f"{len(subset)} beginbfchar", *entries, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


@cache
def register_fonts() -> str:
    """Parse both fonts once per process (the main one is 5 MB); every later document reuses them."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    pdfmetrics.registerFont(TTFont(FALLBACK_FONT, str(fallback_font_path())))
    pdfmetrics.registerFontFamily(FALLBACK_FONT, normal=FALLBACK_FONT, bold=FALLBACK_FONT,
                                  italic=FALLBACK_FONT, boldItalic=FALLBACK_FONT)
    return FONT


@cache
def _characters(name: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def is_control(char: str) -> bool:
    """Control and format characters (U+202E and the other direction marks included): never drawn.

    reportlab lays text out left to right as stored, so a direction mark could only print as a blank;
    it is dropped from printed text and from file names instead.
    """
    return unicodedata.category(char) in ("Cc", "Cf") and not char.isspace()


def _needs_no_glyph(char: str) -> bool:
    return char.isspace() or is_control(char)


def unprintable(text: str) -> list[str]:
    """The distinct characters of `text` that neither font can draw, in order of appearance."""
    main, fallback = _characters(FONT), _characters(FALLBACK_FONT)
    found: dict[str, None] = {}
    for char in text:
        code = ord(char)
        if code not in main and code not in fallback and not _needs_no_glyph(char):
            found.setdefault(char)
    return list(found)


def _uses_fallback(char: str) -> bool:
    return ord(char) not in _characters(FONT) and ord(char) in _characters(FALLBACK_FONT)


def markup(text: str) -> str:
    """Paragraph markup for plain text: escaped, with each run of rare characters in the fallback font.

    A character neither font has is left as it is here; check.unprintable_items refuses such a text
    before anything is drawn.
    """
    if text.isascii():
        return escape(text)
    pieces: list[str] = []
    run: list[str] = []
    in_fallback = False
    for char in text:
        if is_control(char):
            continue
        rare = _uses_fallback(char)
        if rare != in_fallback and run:
            pieces.append(_run(run, in_fallback))
            run = []
        in_fallback = rare
        run.append(char)
    if run:
        pieces.append(_run(run, in_fallback))
    return "".join(pieces)


def _run(chars: list[str], in_fallback: bool) -> str:
    text = escape("".join(chars))
    return f'<font name="{FALLBACK_FONT}">{text}</font>' if in_fallback else text


def character_name(char: str) -> str:
    """“䶮”（U+4DAE）: how a message names a character the user may not be able to see."""
    return f"“{char}”（U+{ord(char):04X}）"


@cache
def level2_repertoire() -> frozenset[int]:
    """GB 18030-2022 implementation level 2 as resources/fonts/gb18030-2022-level2.yaml defines it.

    For tools/build_fallback_font.py and the tests; printing asks the fonts themselves.
    """
    import yaml

    data = yaml.safe_load((resources_dir() / "fonts" / "gb18030-2022-level2.yaml").read_text(encoding="utf-8"))
    codes = set()
    for code in range(0x10000):
        char = chr(code)
        if unicodedata.category(char) in ("Cs", "Co", "Cc"):
            continue
        try:
            if len(char.encode("gb18030")) <= 2:
                codes.add(code)
        except UnicodeEncodeError:
            continue
    for first, last in data["level1_ranges"]:
        codes.update(range(first, last + 1))
    codes.update(int(entry[1][2:], 16) for entry in data["level2_supplementary"])
    return frozenset(codes)
