"""Cut resources/fonts/fallback-sc.ttf: the glyphs of GB 18030-2022 level 2 that WenQuanYi Micro Hei lacks.

The packets print in WenQuanYi Micro Hei; it has no CJK Extension A (䶮) and none of the 通用规范汉字表
characters outside the BMP. Noto Sans CJK SC 2.004 (SIL Open Font License 1.1) covers all of
GB 18030-2022 implementation level 2, so this script takes from it exactly the characters of
resources/fonts/gb18030-2022-level2.yaml that the main font lacks (about 6,900), converts the
outlines from CFF to TrueType (reportlab embeds TrueType outlines only) and renames the family, so
it never clashes with a full Noto Sans CJK installed on the user's machine. The result is committed;
neither this script nor fontTools is needed at run time.

Regenerate (Debian or Ubuntu; the fonts-noto-cjk package is the upstream release 2.004):

    apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb noto/
    .venv/bin/python tools/build_fallback_font.py noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

or with NotoSansCJKsc-Regular.otf from https://github.com/notofonts/noto-cjk/releases (Sans2.004).
Then run tests/packets/test_glyphs.py, and keep resources/fonts/fallback-sc.LICENSE.txt beside it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zjtx_desktop.packets.fonts import level2_repertoire  # noqa: E402

FONTS = ROOT / "resources" / "fonts"
MAIN_FONT = FONTS / "wqy-microhei.ttc"
OUTPUT = FONTS / "fallback-sc.ttf"
FAMILY = "ZJTX Fallback SC"
POSTSCRIPT_NAME = "ZJTXFallbackSC-Regular"
SOURCE_FAMILY = "Noto Sans CJK SC"
MAX_ERROR = 1.0  # font units (of 1000 per em): far below what print or screen can show


def _source_font(path: Path) -> TTFont:
    if path.suffix.lower() == ".ttc":
        for font in TTCollection(str(path)).fonts:
            if font["name"].getDebugName(1) == SOURCE_FAMILY:
                return font
        raise SystemExit(f"{path} holds no {SOURCE_FAMILY}")
    return TTFont(str(path))


def wanted_characters() -> list[int]:
    main = TTFont(str(MAIN_FONT), fontNumber=0).getBestCmap()
    return sorted(cp for cp in level2_repertoire() if cp not in main)


def _cut(font: TTFont, characters: list[int]) -> None:
    options = subset.Options()
    options.layout_features = []  # horizontal text only; no vertical or locale substitutions
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "DSIG"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters)
    subsetter.subset(font)


def _to_truetype(font: TTFont) -> None:
    """CFF outlines → quadratic TrueType outlines (what fontTools' otf2ttf snippet does)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and reportlab needs none


def _rename(font: TTFont) -> None:
    """A Modified Version under the OFL: its own family name, the original copyright kept."""
    names = font["name"]
    source_version = names.getDebugName(5)
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    for name_id, text in ((1, FAMILY), (4, FAMILY), (6, POSTSCRIPT_NAME),
                          (3, f"{POSTSCRIPT_NAME};subset of {SOURCE_FAMILY} {source_version}")):
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)


def build(source: Path, output: Path = OUTPUT) -> tuple[int, int]:
    characters = wanted_characters()
    font = _source_font(source)
    missing = [cp for cp in characters if cp not in font.getBestCmap()]
    if missing:
        listed = " ".join(f"U+{cp:04X}" for cp in missing[:20])
        raise SystemExit(f"{source} lacks {len(missing)} characters of level 2: {listed}")
    _cut(font, characters)
    _to_truetype(font)
    _rename(font)
    font.recalcTimestamp = False  # the same source gives the same bytes
    font.save(str(output))
    return len(characters), output.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="NotoSansCJK-Regular.ttc or NotoSansCJKsc-Regular.otf (2.004)")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args()
    count, size = build(args.source, args.out)
    print(f"{args.out}: {count} characters, {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
