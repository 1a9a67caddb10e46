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


TABLE_NUMBERS = ("contract_no", "invoice_no", "policy_no", "pledge_registration_no", "number")


def forty_rows(prefix: str = "05", count: int = 40) -> dict:
    """Every table of an example firm grown to `count` rows, each row with its own numbers."""
    grown = {}
    for key, rows in example_raw(prefix).items():
        if isinstance(rows, list) and rows and isinstance(rows[0], dict):
            grown[key] = [{**rows[n % len(rows)], **{column: f"{rows[n % len(rows)][column]}-{n + 1}"
                                                      for column in TABLE_NUMBERS if column in rows[n % len(rows)]}}
                          for n in range(count)]
    return grown


def render_pages(path: Path, folder: Path, dpi: int = 30) -> list[Path]:
    """Every page of a PDF as a PNG (pdftoppm), so a page that cannot be drawn fails the test."""
    import subprocess

    prefix = folder / path.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(prefix)], check=True, timeout=120,
                   capture_output=True)
    return sorted(folder.glob(f"{path.stem}-*.png"))
