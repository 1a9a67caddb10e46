"""Chinese line breaking for the printed forms, as a clerk expects to read them.

reportlab's CJK wrapping breaks after any character, so it put “（” at the end of a line, “，” or
“）” at the start of the next, split “（3.5% − 2%）” across two lines and left a lone “期” under
“注册（成立）日期” in a label box. The rules kept here are those of Chinese typesetting (GB/T 15834
practice, 避头尾): closing punctuation never starts a line, opening brackets and quotes never end
one, a short bracketed formula or a run of Latin letters and digits stays whole, and a paragraph
does not end on a line holding a single character.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import Paragraph, ParaLines, cjkU, makeCJKParaLine

NO_LINE_START = frozenset("）〕］｝】」』〉》”’，。、：；！？％‰…·)]},.:;!?%")
NO_LINE_END = frozenset("（〔［｛【「『〈《“‘([{¥￥$")
FORMULA_LIMIT = 40  # characters: a bracketed formula longer than this may wrap like any text
FUZZ = 1e-6


def _is_cjk(char: str) -> bool:
    return ord(char) >= 0x2E80


def _is_space(unit: str) -> bool:
    return unit.isspace()


def _formula_end(units: list, start: int) -> int | None:
    """Index after the “）” that closes a formula opened at `start`: only digits, Latin and operators between."""
    for index in range(start + 1, min(len(units), start + FORMULA_LIMIT)):
        char = units[index]
        if char == "）":
            return index + 1 if index > start + 1 else None
        if _is_cjk(char) and char not in "−×÷":
            return None
    return None


def _atoms(units: list) -> list[list]:
    """Units grouped into pieces a line may not break inside."""
    atoms: list[list] = []
    index = 0
    while index < len(units):
        unit = units[index]
        end = _formula_end(units, index) if unit == "（" else None
        if end is None:
            end = index + 1
            if unit and not _is_cjk(unit) and not _is_space(unit):
                while end < len(units) and units[end] and not _is_cjk(units[end]) and not _is_space(units[end]):
                    end += 1
        atoms.append(list(units[index:end]))
        index = end
    return _glue(atoms)


def _glue(atoms: list[list]) -> list[list]:
    """Closing punctuation joins the piece before it, opening punctuation the piece after it."""
    glued: list[list] = []
    for atom in atoms:
        closes = atom[0] in NO_LINE_START and not _is_space(glued[-1][-1]) if glued else False
        if glued and (closes or glued[-1][-1] in NO_LINE_END):
            glued[-1] = glued[-1] + atom
        else:
            glued.append(atom)
    return glued


def _width(units) -> float:
    return sum(unit.width for unit in units)


def _forces_break(unit) -> bool:
    return hasattr(unit.frag, "lineBreak")


def _fill(atoms: list[list], max_widths: list[float]) -> list[tuple[list, bool]]:
    """Greedy filling; a piece wider than a whole line is cut between characters."""
    lines: list[tuple[list, bool]] = []
    line: list = []
    used = 0.0

    def limit() -> float:
        return max_widths[min(len(lines), len(max_widths) - 1)] + FUZZ

    def close(forced: bool = False) -> None:
        nonlocal line, used
        while line and _is_space(line[-1]):
            line.pop()
        lines.append((line, forced))
        line, used = [], 0.0

    for atom in atoms:
        width = _width(atom)
        if any(_forces_break(unit) for unit in atom):
            line += atom
            close(forced=True)
            continue
        if not line and all(_is_space(unit) for unit in atom):
            continue
        if used + width <= limit():
            line += atom
            used += width
            continue
        if line:
            close()
            if all(_is_space(unit) for unit in atom):
                continue
        if width <= limit():
            line, used = list(atom), width
            continue
        for unit in atom:  # the piece alone is wider than a line: cut it, still minding the punctuation
            if line and used + unit.width > limit():
                carried = [line.pop()] if len(line) > 1 and (unit in NO_LINE_START or line[-1] in NO_LINE_END) else []
                close()
                line, used = carried, _width(carried)
            line.append(unit)
            used += unit.width
    if line:
        close()
    return lines


def _visible(units: list) -> int:
    return sum(1 for unit in units if unit and not _is_space(unit) and unit not in NO_LINE_START)


def _no_lone_character(lines: list[tuple[list, bool]], atoms_of, max_widths: list[float]) -> None:
    """Move the previous line's last piece down when the paragraph would end on a single character."""
    if len(lines) < 2 or lines[-2][1] or _visible(lines[-1][0]) > 1:
        return
    previous, last = lines[-2][0], lines[-1][0]
    pieces = atoms_of(previous)
    if len(pieces) < 2:
        return
    moved = pieces[-1]
    kept = [unit for piece in pieces[:-1] for unit in piece]
    while kept and _is_space(kept[-1]):
        kept.pop()
    if _visible(kept) < 1 or _width(moved) + _width(last) > max_widths[-1] + FUZZ:
        return
    lines[-2] = (kept, False)
    lines[-1] = (moved + last, lines[-1][1])


def break_lines(units: list, max_widths: list[float], calc_bounds: bool) -> ParaLines:
    atoms = _atoms(units)
    lines = _fill(atoms, max_widths)
    _no_lone_character(lines, _atoms, max_widths)
    made = []
    for number, (line, forced) in enumerate(lines):
        width = max_widths[min(number, len(max_widths) - 1)]
        used = _width(line)
        made.append(makeCJKParaLine(line, width, used, width - used, forced, calc_bounds))
    return ParaLines(kind=1, lines=made)


def _one_line(frag, width: float):
    """A single run of text that fits its first line: reportlab's own one-line form, no per-character work."""
    if hasattr(frag, "cbDefn") or hasattr(frag, "lineBreak") or not getattr(frag, "text", ""):
        return None
    used = stringWidth(frag.text, frag.fontName, frag.fontSize)
    if used > width + FUZZ:
        return None
    return frag.clone(kind=0, lines=[(width - used, [frag.text])], ascent=frag.fontSize, descent=-0.2 * frag.fontSize)


class FormParagraph(Paragraph):
    """A reportlab Paragraph whose CJK wrapping follows the rules above.

    A table measures each cell several times at the same width, so the lines of the last width are kept.
    """

    def breakLinesCJK(self, maxWidths):  # noqa: N802 (reportlab's override)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]  # noqa: N806
        key = tuple(maxWidths)
        if getattr(self, "_broken_for", None) == key:
            return self._broken
        self._broken, self._broken_for = self._break(list(maxWidths)), key
        return self._broken

    def _break(self, maxWidths: list[float]):  # noqa: N803
        self.height = 0
        style = self.style
        if not self.frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
        if len(self.frags) == 1:
            line = _one_line(self.frags[0], maxWidths[0])
            if line is not None:
                return line
        units = []
        for frag in self.frags:
            text = getattr(frag, "text", "")
            units += [cjkU(char, frag, "utf8") for char in text] if text else [cjkU("", frag, "utf8")]
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return break_lines(units, maxWidths, auto_leading not in ("", "off"))
