"""Contexts → PDF files: the sections a form declares, each starting on a new page."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import PageBreak

from zjtx_desktop.packets.context import PacketContext
from zjtx_desktop.packets.sections import application, checklist, computation, cover, pledge, summary
from zjtx_desktop.packets.styles import write_document
from zjtx_desktop.packets.summary_context import SummaryContext

SECTION_BUILDERS = {
    "cover": cover.build,
    "application": application.build,
    "computation": computation.build,
    "pledge": pledge.build,
    "checklist": checklist.build,
}


def render_packet(context: PacketContext, path: Path, *, sections: tuple[str, ...] | None = None,
                  title: str | None = None, cell_recorder: list | None = None) -> Path:
    """The packet's sections (or only those given, for one upload document, with its own title in
    the footer and metadata), each from a new page."""
    story: list = []
    for section in sections or context.sections:
        if story:
            story.append(PageBreak())
        story += SECTION_BUILDERS[section](context)
    write_document(path, story, title=title or context.title, firm_name=context.firm_name, created=context.on,
                   cell_recorder=cell_recorder)
    return path


def render_summary(context: SummaryContext, path: Path, *, cell_recorder: list | None = None) -> Path:
    write_document(path, summary.build(context), title=context.title, firm_name=context.firm_name,
                   created=context.on, cell_recorder=cell_recorder)
    return path
