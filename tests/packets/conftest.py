"""Fixtures for the packets: the richest example, and PDFs built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from packet_helpers import ON, example_profile

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import build_all


@pytest.fixture(scope="session")
def richest():
    """Example 05 (uses nearly every measure), its evaluation, and all its packets, built once."""
    profile = example_profile("05")
    return profile, evaluate(profile, ON)


@pytest.fixture(scope="session")
def richest_pdfs(richest, tmp_path_factory) -> list[Path]:
    profile, evaluation = richest
    return build_all(profile, evaluation, tmp_path_factory.mktemp("packets05"))


@pytest.fixture(scope="session")
def every_example_pdf(tmp_path_factory) -> list[Path]:
    """All packets and reports of every example firm (the glyph scan walks all of them)."""
    paths = []
    for prefix in ("01", "02", "03", "04", "05"):
        profile = example_profile(prefix)
        paths += build_all(profile, evaluate(profile, ON), tmp_path_factory.mktemp(f"packets{prefix}"))
    return paths
