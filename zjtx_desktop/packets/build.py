"""The packets API the UI and the CLI call: which packets apply, what they still need, build them.

Every build checks its fields and characters first and raises PacketFieldsMissing or
UnprintableText before a file is written, so a packet never reaches a printer with a box left
empty by accident or a name with a blank in it. A set of files is written all-or-nothing
(core/atomic.py): every PDF is rendered to a temporary file beside its target, and only when all
are complete are they put in place, so a crash leaves the old set and a kill during the final
renames leaves each file either the old one or the whole new one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from zjtx_desktop.core import atomic
from zjtx_desktop.core.policy import Policy
from zjtx_desktop.core.profile import Profile
from zjtx_desktop.core.questions import Field
from zjtx_desktop.core.results import Evaluation
from zjtx_desktop.packets.check import (
    MissingItem,
    PacketFieldsMissing,
    UnprintableText,
    missing_items,
    unprintable_items,
)
from zjtx_desktop.packets.context import applicable_measures, packet_context, packet_title
from zjtx_desktop.packets.forms import PacketForm, default_forms
from zjtx_desktop.packets.naming import DOCUMENT_NAMES, SUMMARY_NAME, Naming
from zjtx_desktop.packets.render import render_packet, render_summary
from zjtx_desktop.packets.summary_context import summary_context

IDENTITY_KEYS = ("company_name", "uscc")
UPLOAD_LIMIT = 5 * 1024 * 1024  # bytes: what the online platforms take per file
UPLOAD_DOCUMENTS = ("application", "computation", "pledge", "checklist")

Progress = Callable[[int, int, str], None]


class NoPacketForMeasure(ValueError):
    """The measure does not apply to this firm (or has no packet form): nothing to print."""


@dataclass(frozen=True)
class Options:
    """How a set is written.

    split: besides each print PDF, one PDF per document in a folder per packet, for online upload.
    beside: a file another program holds open is written beside it under a new name instead.
    policy_end: set only when the user explicitly chose to apply, after the policy's end date, for
        what happened while it was in force; the packets then use the reference amounts.
    """

    split: bool = False
    beside: bool = False
    policy_end: date | None = None


class Written(list):
    """The files a build wrote, in order, and what the user should be told about them."""

    def __init__(self, paths: Iterable[Path] = (), notes: Iterable[str] = ()):
        super().__init__(paths)
        self.notes = list(notes)


def _form(evaluation: Evaluation, measure: str, options: Options) -> PacketForm:
    result = evaluation.result(measure)
    if measure not in applicable_measures(evaluation, allow_expired=options.policy_end is not None):
        raise NoPacketForMeasure(f"措施{measure}“{result.title}”的评估结论为{result.status}，没有可生成的申请材料")
    try:
        return default_forms()[measure]
    except KeyError:
        raise NoPacketForMeasure(f"措施{measure}“{result.title}”还没有申请表定义（forms/packets/{measure}.yaml）") from None


def identity_gaps(profile: Profile, packet: str) -> list[MissingItem]:
    """The firm's name or code left empty: every report prints both on its first page."""
    return [MissingItem(packet, profile.questions.field(key), f"「{profile.label(key)}」")
            for key in IDENTITY_KEYS if profile.get(key) is None]


def _packet_gaps(profile: Profile, evaluation: Evaluation, measure: str, options: Options) -> list[MissingItem]:
    label = f"措施{measure} {packet_title(evaluation.result(measure))}"
    return missing_items(profile, _form(evaluation, measure, options), label)


def _chosen(evaluation: Evaluation, measures: Iterable[str] | None, options: Options) -> list[str]:
    """The measures asked for, or every one that applies (those past the policy's end only on the user's choice)."""
    if measures is not None:
        return list(measures)
    return applicable_measures(evaluation, allow_expired=options.policy_end is not None)


def missing_fields(profile: Profile, evaluation: Evaluation, measure: str, *,
                   options: Options = Options()) -> list[Field]:  # noqa: B008 (a frozen, immutable default)
    """The question fields still empty that this measure's packet prints, each once, in form order."""
    return PacketFieldsMissing(_packet_gaps(profile, evaluation, measure, options)).fields


def gaps(profile: Profile, evaluation: Evaluation, measures: Iterable[str] | None = None, *,
         options: Options = Options()) -> list[MissingItem]:  # noqa: B008 (a frozen, immutable default)
    """Everything build_all would stop for, packet by packet: the summary report's identity fields,
    then each packet's fields (the wizard's review lists these, so it never disagrees with 生成)."""
    return identity_gaps(profile, SUMMARY_NAME) + [item for m in _chosen(evaluation, measures, options)
                                                   for item in _packet_gaps(profile, evaluation, m, options)]


def require_complete(profile: Profile, gaps: list[MissingItem]) -> None:
    """Refuse before anything is written: fields a document needs, or characters no bundled font has."""
    if gaps:
        raise PacketFieldsMissing(gaps)
    unprintable = unprintable_items(profile)
    if unprintable:
        raise UnprintableText(unprintable)


@dataclass(frozen=True)
class _Job:
    path: Path
    label: str
    draw: Callable[[Path], object]
    upload: bool = False


def _packet_jobs(profile: Profile, evaluation: Evaluation, measure: str, naming: Naming,
                 options: Options) -> list[_Job]:
    form = _form(evaluation, measure, options)
    context = packet_context(profile, evaluation, form, policy_end=options.policy_end)
    result = evaluation.result(measure)
    jobs = [_Job(naming.packet(result), packet_title(result), lambda path: render_packet(context, path))]
    if options.split:
        for section in (s for s in UPLOAD_DOCUMENTS if s in context.sections):
            title = f"{result.title}{DOCUMENT_NAMES[section]}"
            jobs.append(_Job(naming.upload(result, section), title,
                             lambda path, section=section, title=title: render_packet(
                                 context, path, sections=(section,), title=title),
                             upload=True))
    return jobs


def _summary_job(profile: Profile, evaluation: Evaluation, naming: Naming) -> _Job:
    context = summary_context(evaluation, profile.get("company_name"), profile.get("uscc"))
    return _Job(naming.summary(), SUMMARY_NAME, lambda path: render_summary(context, path))


def _beside(path: Path, taken: set[Path]) -> Path:
    """文件名（新）.pdf, （新2）…: the first name beside `path` that no program holds and no other file of the set takes."""
    for number in range(1, 100):
        mark = "新" if number == 1 else f"新{number}"
        candidate = path.with_name(f"{path.stem}（{mark}）{path.suffix}")
        if candidate not in taken and not atomic.in_use(candidate):
            return candidate
    raise atomic.WriteFailed(path, "文件正被其他程序打开，请关闭后重试")


def _place(jobs: list[_Job], options: Options) -> tuple[list[_Job], list[str]]:
    """Jobs whose targets are held open move beside them (with a note), if the user asked so."""
    if not options.beside:
        return jobs, []
    placed, notes, taken = [], [], set()
    for job in jobs:
        path = job.path
        if atomic.in_use(path):
            path = _beside(path, taken)
            notes.append(f"{job.path.name} 正被其他程序打开，新文件另存为 {path.name}（原文件未改动）。")
        taken.add(path)
        placed.append(_Job(path, job.label, job.draw, job.upload))
    return placed, notes


def _make_folders(jobs: list[_Job]) -> list[Path]:
    """The folders of the set, made; returns those that did not exist before."""
    made: list[Path] = []
    for folder in sorted({job.path.parent for job in jobs}):
        made += [path for path in (folder, *folder.parents) if not path.exists()]
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _remove_empty(made)
            raise atomic.WriteFailed(Path(error.filename or folder), atomic.describe(error), error=error) from error
    return made


def _remove_empty(folders: list[Path]) -> None:
    """A set that failed leaves no empty folder behind (an upload folder of --split, say)."""
    for folder in sorted(set(folders), key=lambda path: len(path.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only ever removes an empty folder


def _draw(job: _Job, temporary: Path) -> None:
    """Render one PDF; an OS error (a full disk, a USB stick pulled out) names the file, in Chinese."""
    try:
        job.draw(temporary)
    except atomic.WriteFailed:
        raise
    except OSError as error:
        raise atomic.WriteFailed(job.path, atomic.describe(error), error=error) from error


def _write(jobs: list[_Job], progress: Progress | None) -> list[str]:
    """Render every job to its temporary file, then put the whole set in place.

    Every OS error leaves here as WriteFailed, whose message is Chinese and names the path.
    """
    notes = []
    made = _make_folders(jobs)
    for job in jobs:
        atomic.remove_stale_temporaries(job.path)
    try:
        with atomic.atomic_paths([job.path for job in jobs]) as temporaries:
            for done, (job, temporary) in enumerate(zip(jobs, temporaries, strict=True)):
                if progress:
                    progress(done, len(jobs), job.label)
                _draw(job, temporary)
                if job.upload and temporary.stat().st_size > UPLOAD_LIMIT:
                    notes.append(f"{job.path.name} 超过 5 MB，在线上传前请压缩。")
    except BaseException:
        _remove_empty(made)
        raise
    if progress:
        progress(len(jobs), len(jobs), "完成")
    return notes


def write_file(path: Path, label: str, draw: Callable[[Path], object]) -> None:
    """One document written the way a set is: its folders made, leftovers of a killed run cleared,
    replaced atomically, and every OS error a WriteFailed that names the path in Chinese."""
    _write([_Job(path, label, draw)], None)


def _build(profile: Profile, evaluation: Evaluation, out_dir: Path, measures: list[str], summary: bool,
           progress: Progress | None, options: Options) -> Written:
    naming = Naming(Path(out_dir), profile.get("company_name"),
                    [evaluation.result(m) for m in measures], split=options.split)
    jobs = [job for measure in measures for job in _packet_jobs(profile, evaluation, measure, naming, options)]
    if summary:
        jobs.append(_summary_job(profile, evaluation, naming))
    jobs, notes = _place(jobs, options)
    notes = [*naming.notes, *notes, *_write(jobs, progress)]
    return Written([job.path for job in jobs], notes)


def build_packet(profile: Profile, evaluation: Evaluation, measure: str, out_dir: Path, *,
                 options: Options = Options()) -> Path:  # noqa: B008
    """<firm>_<measure><title>_申请材料.pdf in out_dir; PacketFieldsMissing if a needed field is empty."""
    require_complete(profile, gaps(profile, evaluation, [measure], options=options))
    return _build(profile, evaluation, out_dir, [measure], False, None, options)[0]


def build_summary(profile: Profile, evaluation: Evaluation, out_dir: Path) -> Path:
    """<firm>_政策评估报告.pdf: all sub-items, whatever their status."""
    require_complete(profile, identity_gaps(profile, SUMMARY_NAME))
    return _build(profile, evaluation, out_dir, [], True, None, Options())[0]


def build_all(profile: Profile, evaluation: Evaluation, out_dir: Path, *, measures: Iterable[str] | None = None,
              progress: Progress | None = None, options: Options = Options()) -> Written:  # noqa: B008
    """Every applicable packet (or those asked for) and the summary report, which is always written.

    All fields and characters are checked before the first file is written, and every gap is
    reported at once.
    """
    measures = _chosen(evaluation, measures, options)
    require_complete(profile, gaps(profile, evaluation, measures, options=options))
    return _build(profile, evaluation, out_dir, measures, True, progress, options)


def policy_end_passed(evaluation: Evaluation, policies: Iterable[Policy]) -> date | None:
    """The end date of the evaluation's policy when the evaluation date is after it, else None.

    Only then may the user choose to apply for what happened while the policy was in force
    (Options.policy_end); before a policy starts nothing can be applied for.
    """
    for policy in policies:
        if policy.id == evaluation.policy_id and policy.effective_to and evaluation.on > policy.effective_to:
            return policy.effective_to
    return None
