"""Every character of GB 18030-2022 level 2 prints; rare ones come from the bundled fallback font."""

import subprocess

import yaml
from fontTools.ttLib import TTFont
from packet_helpers import ON, ROOT, example_profile

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import build_packet
from zjtx_desktop.packets.fonts import fallback_font_path, font_path, level2_repertoire, markup, unprintable

LEVEL2 = ROOT / "resources" / "fonts" / "gb18030-2022-level2.yaml"
RARE_NAME = "厦门䶮𠅤智能科技有限公司"  # 䶮 U+4DAE (Extension A), 𠅤 U+20164 (Extension B, 通用规范汉字表 7219)
RARE_PERSON = "李𬌗"  # U+2C317, Extension E


def test_the_level_2_list_is_the_196_characters_of_the_general_standard_list_outside_the_bmp():
    data = yaml.safe_load(LEVEL2.read_text(encoding="utf-8"))
    listed = data["level2_supplementary"]
    assert len(listed) == 196 and all(int(code[2:], 16) == ord(char) >= 0x20000 for _, code, char, _ in listed)
    assert {block for block, *_ in listed} == {"B", "C", "D", "E"}


def test_every_character_of_level_2_is_in_the_main_or_the_fallback_font():
    main = TTFont(font_path(), fontNumber=0).getBestCmap()
    fallback = TTFont(fallback_font_path()).getBestCmap()
    repertoire = level2_repertoire()
    assert len(repertoire) > 28000
    missing = sorted(code for code in repertoire if code not in main and code not in fallback)
    assert missing == [], [f"U+{code:04X}" for code in missing[:20]]
    assert unprintable("".join(map(chr, repertoire))) == []


def test_the_fallback_font_holds_only_what_the_main_font_lacks():
    main = TTFont(font_path(), fontNumber=0).getBestCmap()
    fallback = TTFont(fallback_font_path()).getBestCmap()
    assert not set(fallback) & set(main)
    assert fallback_font_path().stat().st_size < 3 * 1024 * 1024
    assert (fallback_font_path().parent / "fallback-sc.LICENSE.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE")


def test_rare_characters_are_set_in_the_fallback_font_and_others_are_not():
    assert markup("厦门䶮𠅤<公司>") == '厦门<font name="FallbackSC">䶮𠅤</font>&lt;公司&gt;'
    assert markup("ABC 公司") == "ABC 公司"
    assert unprintable("厦门𠀀公司") == ["𠀀"]  # Extension B, but not in the 通用规范汉字表: no font has it
    assert unprintable("厦门\u202e公司") == []  # a direction mark is dropped, not printed


def test_rare_characters_in_names_print_and_read_back_whole(tmp_path):
    profile = example_profile("05", company_name=RARE_NAME, legal_representative=RARE_PERSON,
                              contact_person=RARE_PERSON)
    path = build_packet(profile, evaluate(profile, ON), "7b", tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert RARE_NAME in text.replace(" ", "")
    assert text.count(RARE_PERSON) >= 2
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "ZJTXFallbackSC" in fonts
