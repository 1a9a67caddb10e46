"""Files written safely: a whole set or none, a PDF open in a viewer said so, paths Windows accepts."""

import json
import random
import signal
import subprocess
import sys
import time
from datetime import date

import pytest
from packet_helpers import EXAMPLES, ON, ROOT, example_profile, example_raw

from zjtx_desktop.cli import main
from zjtx_desktop.core import atomic
from zjtx_desktop.core.assessment import assess
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.packets import Options, build_all
from zjtx_desktop.packets import build as packets_build
from zjtx_desktop.packets.assessment_report import build_assessment_report
from zjtx_desktop.packets.naming import MAX_PATH, path_length

LONG_NAME = ("厦门" + "鹭航低空飞行器动力系统与智能装备研究制造" * 3)[:56] + "有限公司"


def _snapshot(folder):
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def old_set(tmp_path):
    profile = example_profile("02")
    out = tmp_path / "材料"
    build_all(profile, evaluate(profile, ON), out)
    return profile, out, _snapshot(out)


def test_a_failure_half_way_leaves_every_old_file_and_no_temporary_one(old_set, monkeypatch):
    profile, out, before = old_set
    calls = []
    real = packets_build.render_packet

    def failing(context, path, **kwargs):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(context, path, **kwargs)

    monkeypatch.setattr(packets_build, "render_packet", failing)
    with pytest.raises(OSError):
        build_all(profile, evaluate(profile, ON.replace(day=21)), out)
    assert _snapshot(out) == before and len(calls) == 3


def test_a_pdf_open_in_a_viewer_stops_the_set_before_anything_is_replaced(old_set, monkeypatch):
    profile, out, before = old_set
    held = next(path for path in out.iterdir() if "_7b" in path.name)
    monkeypatch.setattr(atomic, "in_use", lambda path: path == held)
    with pytest.raises(atomic.WriteFailed) as failed:
        build_all(profile, evaluate(profile, ON.replace(day=21)), out)
    assert failed.value.in_use and failed.value.path == held
    assert str(failed.value) == f"无法写入 {held}：文件正被其他程序打开，请关闭后重试"
    assert _snapshot(out) == before


def _opened_after_the_check(monkeypatch, held, also=None):
    """A viewer opens `held` between the check and the replace (Windows then refuses to replace it);
    with `also`, a second file is opened right after it became new, so it cannot be put back."""
    real, calls = atomic.replace, []

    def replace(source, target):
        calls.append(target)
        if target == held or (target == also and calls.count(also) > 1):
            raise atomic.WriteFailed(target, "文件正被其他程序打开，请关闭后重试", in_use=True)
        return real(source, target)

    monkeypatch.setattr(atomic, "replace", replace)
    return calls


def test_a_viewer_opening_a_file_during_the_replace_leaves_the_whole_old_set(old_set, monkeypatch):
    profile, out, before = old_set
    held = next(path for path in out.iterdir() if "_7c" in path.name)  # the third of five files
    calls = _opened_after_the_check(monkeypatch, held)
    with pytest.raises(atomic.WriteFailed) as failed:
        build_all(profile, evaluate(profile, ON.replace(day=21)), out, options=Options(split=True))
    assert failed.value.in_use and failed.value.path == held and failed.value.unchanged
    assert str(failed.value) == f"无法写入 {held}：文件正被其他程序打开，请关闭后重试"
    assert calls.index(held) > 4  # files (uploads among them) were new before the refusal: all were put back
    assert _snapshot(out) == before  # the old files as they were, the new upload files gone, no temporary left
    assert all(path.is_file() for path in out.iterdir())  # nor the new, now empty, upload folders


def test_a_file_that_cannot_be_put_back_is_named_as_new_and_the_rest_as_old(old_set, monkeypatch, capsys):
    _, out, before = old_set
    held = next(path for path in out.iterdir() if "_7c" in path.name)
    stuck = next(path for path in out.iterdir() if "_3b" in path.name)
    _opened_after_the_check(monkeypatch, held, also=stuck)
    profile = next(EXAMPLES.glob("02_*.json"))
    assert main(["packets", str(profile), "--out", str(out), "--date", "2025-11-21"]) == 2
    error = capsys.readouterr().err
    after = _snapshot(out)
    changed = sorted(name.name for name in after if after[name] != before.get(name))
    assert changed == [stuck.name] and set(after) == set(before)
    assert f"无法写入 {held}：文件正被其他程序打开" in error, error
    assert f"已换成新版本、未能换回：{stuck.name}" in error and "其余文件仍是原来的版本" in error, error
    assert "都没有改动" not in error


def test_beside_writes_a_new_file_next_to_the_one_held_open(old_set, monkeypatch):
    profile, out, before = old_set
    held = next(path for path in out.iterdir() if "_7b" in path.name)
    monkeypatch.setattr(atomic, "in_use", lambda path: path == held)
    written = build_all(profile, evaluate(profile, ON.replace(day=21)), out, options=Options(beside=True))
    new = held.with_name(held.stem + "（新）.pdf")
    assert new in written and held not in written and held.read_bytes() == before[held.relative_to(out)]
    assert written.notes == [f"{held.name} 正被其他程序打开，新文件另存为 {new.name}（原文件未改动）。"]
    assert all(path.read_bytes() != before.get(path.relative_to(out)) for path in written)


def test_the_cli_says_which_file_is_open_and_how_to_go_on(old_set, monkeypatch, capsys):
    _, out, before = old_set
    held = next(path for path in out.iterdir() if "_7b" in path.name)
    monkeypatch.setattr(atomic, "in_use", lambda path: path == held)
    profile = next(EXAMPLES.glob("02_*.json"))
    assert main(["packets", str(profile), "--out", str(out), "--date", "2025-11-21"]) == 2
    error = capsys.readouterr().err
    assert "文件正被其他程序打开，请关闭后重试" in error and held.name in error and "--beside" in error
    assert _snapshot(out) == before
    assert main(["packets", str(profile), "--out", str(out), "--date", "2025-11-21", "--beside"]) == 0
    assert "另存为" in capsys.readouterr().out


def test_long_firm_names_are_shortened_so_every_path_fits_windows(tmp_path):
    profile = example_profile("05", company_name=LONG_NAME)
    deep = tmp_path / ("文档" * 20) / "专精特新申报材料" / LONG_NAME[:40] / "2025-11-20"
    written = build_all(profile, evaluate(profile, ON), deep, options=Options(split=True))
    longest = max(path_length(path) for path in written)
    assert len(written) == 13 + 12 * 4 and longest < MAX_PATH
    [note] = written.notes
    short = note.split("“")[1].split("”")[0]
    assert "已缩短" in note and LONG_NAME.startswith(short) and len(short) < len(LONG_NAME)
    assert all(path.name.startswith(short) or path.stem.endswith(f"_{short}") for path in written)


HUNDRED_CHARACTERS = ("厦门" + "鹭航低空飞行器动力系统与智能装备研究制造" * 5)[:96] + "有限公司"


@pytest.mark.parametrize("split", [False, True], ids=["print", "split"])
def test_a_hundred_character_firm_name_is_shortened_to_fit_a_file_name_of_255_bytes(tmp_path, split):
    """ext4 (and most Linux file systems) take at most 255 bytes of UTF-8 in one name: 85 Chinese
    characters. The path is short, so only the byte limit of a single name forces the shortening."""
    profile = example_profile("05", company_name=HUNDRED_CHARACTERS)
    out = tmp_path / "材料"
    written = build_all(profile, evaluate(profile, ON), out, options=Options(split=split))
    assert len(written) == (13 + 12 * 4 if split else 13)
    names = {part for path in written for part in path.relative_to(out).parts}
    assert max(len(name.encode("utf-8")) for name in names) <= 255 - len(".x.12345678.tmp")
    [note] = written.notes
    short = note.split("“")[1].split("”")[0]
    assert "已缩短" in note and HUNDRED_CHARACTERS.startswith(short) and len(short) < len(HUNDRED_CHARACTERS)
    assert len(short) > 40  # shortened to fit, not cut to the bone
    assert all(path.name.startswith(short) or path.stem.endswith(f"_{short}") for path in written)
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == sorted(p.name for p in written)



def test_the_assessment_report_of_a_hundred_character_firm_name_is_shortened_the_same_way(tmp_path):
    profile = example_profile("05", company_name=HUNDRED_CHARACTERS)
    path = build_assessment_report(profile, assess(profile, ON), tmp_path)
    assert path.is_file() and len(path.name.encode("utf-8")) <= 255 - len(".x.12345678.tmp")
    assert path.name.endswith("_梯度培育自评报告.pdf") and HUNDRED_CHARACTERS.startswith(path.name.split("_")[0])
    assert [p.name for p in tmp_path.iterdir()] == [path.name]

def _cli_error(args, capsys) -> str:
    profile = next(EXAMPLES.glob("02_*.json"))
    assert main(["packets", str(profile), "--date", "2025-11-20", *args]) == 2
    return capsys.readouterr().err


ENGLISH_CAUSES = ("File name too long", "Not a directory", "File exists", "Input/output error", "Errno")


def test_a_folder_name_too_long_for_the_file_system_is_told_in_chinese_with_its_path(tmp_path, capsys):
    out = tmp_path / ("申报材料文件夹名称很长" * 10)  # 300 bytes: no file system takes it
    for split in ([], ["--split"]):
        error = _cli_error(["--out", str(out), *split], capsys)
        assert f"无法写入 {out}" in error and "路径太长" in error, error
        assert not any(cause in error for cause in ENGLISH_CAUSES), error


def test_a_file_where_a_folder_should_be_is_told_in_chinese_with_its_path(tmp_path, capsys):
    (tmp_path / "材料").write_bytes(b"not a folder")
    error = _cli_error(["--out", str(tmp_path / "材料" / "2025")], capsys)
    assert f"无法写入 {tmp_path / '材料' / '2025'}：" in error and "不是文件夹" in error, error
    assert not any(cause in error for cause in ENGLISH_CAUSES), error



def test_the_assessment_report_too_says_in_chinese_that_a_file_stands_where_its_folder_should_be(tmp_path, capsys):
    (tmp_path / "材料").write_bytes(b"not a folder")
    out = tmp_path / "材料" / "2025"
    assert main(["assess", str(next(EXAMPLES.glob("05*.json"))), "--date", ON.isoformat(), "--pdf", str(out)]) == 2
    error = capsys.readouterr().err
    assert f"无法写入 {out}：" in error and "不是文件夹" in error, error
    assert not any(cause in error for cause in ENGLISH_CAUSES), error

def test_a_disk_error_while_writing_is_told_in_chinese_with_the_file(old_set, monkeypatch, capsys):
    _, out, before = old_set

    def broken(context, path, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(packets_build, "render_packet", broken)
    error = _cli_error(["--out", str(out)], capsys)
    assert f"无法写入 {out}" in error and "_申请材料.pdf：" in error and "磁盘" in error, error
    assert not any(cause in error for cause in ENGLISH_CAUSES), error
    assert _snapshot(out) == before


def test_a_folder_too_deep_for_any_name_is_refused_in_chinese(tmp_path, capsys):
    deep = tmp_path.joinpath(*["很深的文件夹"] * 40)
    profile = next(EXAMPLES.glob("02_*.json"))
    assert main(["packets", str(profile), "--out", str(deep), "--date", "2025-11-20"]) == 2
    assert "路径太长" in capsys.readouterr().err and not deep.exists()


def test_leftovers_of_a_killed_run_are_cleared_by_the_next(old_set):
    profile, out, _ = old_set
    report = next(path for path in out.iterdir() if "政策评估报告" in path.name)
    stale = out / f".{report.name}.k1llz.tmp"
    stale.write_bytes(b"%PDF-1.4 half")
    build_all(profile, evaluate(profile, ON), out)
    assert not stale.exists() and not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_killing_packets_at_any_moment_leaves_each_pdf_old_or_whole_new(tmp_path):
    """SIGKILL the CLI 24 times at random moments; each PDF must be one of the two complete versions."""
    profile = tmp_path / "企业.json"
    profile.write_text(json.dumps(example_raw("05"), ensure_ascii=False), encoding="utf-8")
    days = (date(2025, 11, 20), date(2025, 11, 21))

    def run(out, day):
        return subprocess.Popen([sys.executable, "-m", "zjtx_desktop.cli", "packets", str(profile), "--out", str(out),
                                 "--date", day.isoformat(), "--split"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    versions = {}
    for day in days:
        reference = tmp_path / day.isoformat()
        start = time.monotonic()
        assert run(reference, day).wait(timeout=120) == 0
        duration = time.monotonic() - start
        for name, data in _snapshot(reference).items():
            versions.setdefault(name, set()).add(data)
    out = tmp_path / "材料"
    assert run(out, days[0]).wait(timeout=120) == 0
    chance = random.Random(10)
    for attempt in range(24):
        process = run(out, days[(attempt + 1) % 2])
        time.sleep(chance.uniform(0.2, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        found = _snapshot(out)
        pdfs = {name: data for name, data in found.items() if not name.name.startswith(".")}
        assert set(pdfs) == set(versions), attempt
        for name, data in pdfs.items():
            assert data in versions[name], (attempt, name, len(data))
    assert run(out, days[1]).wait(timeout=120) == 0
    assert _snapshot(out) == _snapshot(tmp_path / days[1].isoformat())  # and no temporary file is left
