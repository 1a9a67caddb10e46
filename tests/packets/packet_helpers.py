"""Helpers the packet tests share: example firms and reading PDFs back."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pypdf

from zjtx_desktop.core.profile import Profile, parse_profile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ON = date(2025, 11, 20)


def example_raw(prefix: str) -> dict:
    [path] = EXAMPLES.glob(f"{prefix}_*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def example_profile(prefix: str, **changes) -> Profile:
    profile, _ = parse_profile({**example_raw(prefix), **changes})
    return profile


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def text_pieces(path: Path) -> list[list[tuple[str, float, float, float]]]:
    """Per page, every piece of text drawn: (text, x, y of its baseline, font size)."""
    pages = []
    for page in pypdf.PdfReader(path).pages:
        pieces = []

        def visit(text, cm, tm, font, size, pieces=pieces):
            if text.strip():
                pieces.append((text.strip("\n"), cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], size * tm[0]))

        page.extract_text(visitor_text=visit)
        pages.append(pieces)
    return pages


def flat(text: str) -> str:
    """Text without the spaces and line breaks that wrapping and extraction add."""
    return "".join(text.split())
