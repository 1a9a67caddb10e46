"""Policy packs are hostile files until checked: a path for an id, an alias bomb, a zip bomb, a link to
a secret file, a pack that breaks every evaluation — each is refused with its reason and nothing is
written. An administrator lists, imports and removes packs (`zjtx-desktop policy …`)."""

import os
import resource
import shutil
import stat
import subprocess
import sys
import textwrap
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from store_helpers import everything_under

from zjtx_desktop.cli import main
from zjtx_desktop.core.paths import policies_dir
from zjtx_desktop.core.policy import PolicyError
from zjtx_desktop.store.policy_data import import_policy_pack, installed_policies

ROOT = Path(__file__).resolve().parents[2]
SUCCESSOR = ROOT / "tests" / "data" / "policies_successor" / "xm-srdi-2027"


def pack(tmp_path: Path, name: str = "pack", **changes) -> Path:
    """The test successor pack, copied, with policy.yaml changed as given (None removes a key)."""
    folder = tmp_path / name / "xm-srdi-2027"
    shutil.copytree(SUCCESSOR, folder)
    raw = yaml.safe_load((folder / "policy.yaml").read_text(encoding="utf-8"))
    raw.update(changes)
    (folder / "policy.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return folder


def refused(source: Path, data: Path, message: str) -> str:
    before = everything_under(data.parent)
    with pytest.raises(PolicyError) as caught:
        import_policy_pack(source=source, data_dir=data)
    assert message in str(caught.value), str(caught.value)
    assert everything_under(data.parent) == before  # nothing written anywhere
    return str(caught.value)


# -- 7: the id is a safe folder name ---------------------------------------------------------------------
@pytest.mark.parametrize("bad_id", ["../../escaped", "ABSOLUTE", ".", "..", "", "A-Policy", "ab",
                                    "x" * 65, "xm_srdi_2027", "a/b", "..\\..\\escaped"])
def test_a_pack_id_that_is_not_a_safe_name_is_refused(tmp_path, data, bad_id):
    absolute = tmp_path / "escaped-absolute"
    source = pack(tmp_path, id=str(absolute) if bad_id == "ABSOLUTE" else bad_id)
    refused(source, data, "不能作为政策编号")
    assert not (tmp_path / "escaped").exists() and not absolute.exists()


# -- 8: resource exhaustion, links, special files ------------------------------------------------------
BILLION_LAUGHS = textwrap.dedent("""
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
""")


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path, data):
    source = pack(tmp_path)
    text = (source / "policy.yaml").read_text(encoding="utf-8")
    bomb = text.replace("measures:", BILLION_LAUGHS.replace("\n", "\n") + "measures:", 1)
    bomb = bomb.replace("      subsidy_rate:", "      laughs: {value: *i, unit: 个, reference: 测试}\n      subsidy_rate:")
    (source / "policy.yaml").write_text(bomb, encoding="utf-8")

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    script = ("import sys; from pathlib import Path; from zjtx_desktop.store.policy_data import import_policy_pack\n"
              "from zjtx_desktop.core.policy import PolicyError\n"
              "try: import_policy_pack(source=Path(sys.argv[1]), data_dir=Path(sys.argv[2]))\n"
              "except PolicyError as e: print(e)\n")
    done = subprocess.run([sys.executable, "-c", script, str(source), str(data)], capture_output=True, text=True,
                          encoding="utf-8", timeout=30, cwd=ROOT, preexec_fn=limited)
    assert "别名" in done.stdout, done.stdout + done.stderr
    assert not (data / "policies").exists()


def zipped(folder: Path, archive: Path, extra: dict[str, bytes] | None = None, **infos) -> Path:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                out.write(path, f"pack/{path.relative_to(folder).as_posix()}")
        for name, content in (extra or {}).items():
            out.writestr(infos.get(name, name), content)
    return archive


def test_a_zip_bomb_is_refused_before_anything_is_written(tmp_path, data):
    archive = zipped(pack(tmp_path), tmp_path / "bomb.zip", {"pack/readme.txt": b"\0" * (64 * 1024 * 1024)})
    assert archive.stat().st_size < 1024 * 1024
    refused(archive, data, "过大")


def test_a_zip_that_lies_about_its_sizes_is_refused(tmp_path, data):
    import struct

    archive = zipped(pack(tmp_path), tmp_path / "liar.zip", {"pack/readme.txt": b"A" * (8 * 1024 * 1024)})
    raw = bytearray(archive.read_bytes())
    local = raw.rfind(b"PK\x03\x04")  # the last member, readme.txt: say 100 bytes where 8 MB will come out
    struct.pack_into("<I", raw, local + 22, 100)
    central = raw.rfind(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, 100)
    archive.write_bytes(bytes(raw))
    refused(archive, data, "zip")


def test_a_zip_with_too_many_files_is_refused(tmp_path, data):
    archive = zipped(pack(tmp_path), tmp_path / "many.zip", {f"pack/n{i}.txt": b"x" for i in range(500)})
    refused(archive, data, "文件过多")


@pytest.mark.parametrize("name", ["../../escaped.yaml", "/abs/escaped.yaml", "..\\..\\escaped.yaml",
                                  "C:\\escaped.yaml", "pack/../../escaped.yaml"])
def test_a_zip_member_outside_the_pack_is_refused(tmp_path, data, name):
    archive = zipped(pack(tmp_path), tmp_path / "slip.zip", {name: b"x: 1"})
    refused(archive, data, "不安全")
    assert not list(tmp_path.rglob("escaped.yaml"))


def test_a_file_name_turned_around_by_an_invisible_character_is_named_as_it_is(tmp_path, data):
    """"notes\u202etxt.exe" reads "notesexe.txt" on screen: the refusal names the hidden character."""
    archive = zipped(pack(tmp_path), tmp_path / "rlo.zip", {"pack/notes\u202etxt.exe": b"x"})
    said = refused(archive, data, "notes〔U+202E（从右向左覆盖）〕txt.exe")
    assert "\u202e" not in said


def test_a_symbolic_link_stored_in_a_zip_is_refused(tmp_path, data):
    link = zipfile.ZipInfo("pack/notes.txt")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive = zipped(pack(tmp_path), tmp_path / "link.zip", {"pack/notes.txt": b"/etc/passwd"}, **{"pack/notes.txt": link})
    refused(archive, data, "符号链接")


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="symbolic links as POSIX makes them")
@pytest.mark.parametrize("target", ["file", "folder"])
def test_a_symbolic_link_in_a_folder_pack_is_refused_and_never_followed(tmp_path, data, target):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "shadow.txt").write_text("root:$6$secret", encoding="utf-8")
    source = pack(tmp_path)
    if target == "file":
        (source / "notes.txt").symlink_to(secret / "shadow.txt")
    else:
        (source / "cases" / "more").symlink_to(secret, target_is_directory=True)
    refused(source, data, "符号链接")
    assert not any("secret" in p.read_text(errors="ignore") for p in data.rglob("*") if p.is_file())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_special_file_in_a_folder_pack_is_refused_without_reading_it(tmp_path, data):
    source = pack(tmp_path)
    os.mkfifo(source / "pipe.txt")  # opening it to copy would wait for a writer for ever
    refused(source, data, "特殊文件")


def test_a_pack_with_a_program_in_it_is_refused(tmp_path, data):
    source = pack(tmp_path)
    (source / "setup.py").write_text("print('hello')", encoding="utf-8")
    refused(source, data, "只能包含数据文件")


# -- 9: a pack must evaluate the examples and pass its own cases ----------------------------------------
def bundled_successor(tmp_path: Path, drop: tuple[str, str] | None = None) -> Path:
    """The bundled policy as a 2027 successor, with its own case; `drop` removes (measure, parameter)."""
    folder = tmp_path / "bundled" / "xm-srdi-2027b"
    shutil.copytree(policies_dir() / "xm-srdi-2024", folder)
    raw = yaml.safe_load((folder / "policy.yaml").read_text(encoding="utf-8"))
    raw.update({"id": "xm-srdi-2027b", "effective_from": date(2027, 1, 1), "effective_to": date(2029, 12, 31),
                "issued": date(2026, 12, 20)})
    if drop:
        del raw["measures"][drop[0]]["parameters"][drop[1]]
    (folder / "policy.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    (folder / "cases").mkdir()
    (folder / "cases" / "m03.yaml").write_text(
        "cases:\n  - name: 设备投入200万元补助20万元\n    date: 2027-06-01\n"
        "    input: {tier: srdi, equipment_investment_last_year: 2000000}\n"
        "    output: {\"3b\": {status: 符合, amount: \"200000.00\"}}\n", encoding="utf-8")
    return folder


def test_a_pack_that_passes_the_loader_but_breaks_evaluation_is_refused(tmp_path, data):
    message = refused(bundled_successor(tmp_path, drop=("2a", "max_award")), data, "试算未通过")
    assert "max_award" in message and "示例企业" in message
    assert installed_policies(data_dir=data)[-1].id == "xm-srdi-2024"


def test_a_pack_whose_own_case_fails_is_refused(tmp_path, data):
    source = pack(tmp_path)
    case = source / "cases" / "m03_equipment.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace('"900000.00"', '"800000.00"'), encoding="utf-8")
    message = refused(source, data, "试算未通过")
    assert "设备投入600万元" in message and "800000" in message


def test_a_pack_without_cases_is_refused(tmp_path, data):
    source = pack(tmp_path)
    shutil.rmtree(source / "cases")
    refused(source, data, "测试用例")


def test_a_good_pack_is_installed_with_its_cases(tmp_path, data):
    policy = import_policy_pack(source=bundled_successor(tmp_path), data_dir=data)
    assert policy.id == "xm-srdi-2027b"
    assert (data / "policies" / "xm-srdi-2027b" / "cases" / "m03.yaml").is_file()
    assert [p.id for p in installed_policies(data_dir=data)] == ["xm-srdi-2024", "xm-srdi-2027b"]


def test_the_administrator_lists_imports_and_removes_packs_from_the_command_line(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["policy", "import", str(pack(tmp_path)), "--data-dir", data]) == 0
    assert "xm-srdi-2027-test" in capsys.readouterr().out
    assert main(["policy", "list", "--data-dir", data]) == 0
    listing = capsys.readouterr().out
    assert "xm-srdi-2024" in listing and "内置" in listing and "xm-srdi-2027-test" in listing
    assert main(["policy", "import", str(pack(tmp_path, "again")), "--data-dir", data]) == 2
    assert "已经安装" in capsys.readouterr().err
    assert main(["policy", "remove", "xm-srdi-2024", "--data-dir", data]) == 2
    assert "程序自带" in capsys.readouterr().err
    assert main(["policy", "remove", "xm-srdi-2027-test", "--data-dir", data]) == 0
    capsys.readouterr()
    assert main(["policy", "list", "--data-dir", data]) == 0
    assert "xm-srdi-2027-test" not in capsys.readouterr().out
    assert main(["policy", "remove", "../data", "--data-dir", data]) == 2
    assert (tmp_path / "data").is_dir()


def test_a_broken_installed_pack_is_named_with_how_to_remove_it(tmp_path, capsys, examples_dir):
    """A pack put in place by hand (or by an older version) that no longer loads: evaluation says
    which one and how to remove it, the list shows it, and removing it works."""
    data = tmp_path / "data"
    broken = data / "policies" / "xm-srdi-2030"
    shutil.copytree(SUCCESSOR, broken)
    (broken / "policy.yaml").write_text("id: [", encoding="utf-8")
    firm = str(next(examples_dir.glob("01_*.json")))
    assert main(["evaluate", firm, "--data-dir", str(data)]) == 2
    assert "zjtx-desktop policy remove xm-srdi-2030" in capsys.readouterr().err
    assert main(["policy", "list", "--data-dir", str(data)]) == 0
    assert "无法读取" in capsys.readouterr().out
    assert main(["policy", "remove", "xm-srdi-2030", "--data-dir", str(data)]) == 0
    assert main(["evaluate", firm, "--data-dir", str(data)]) == 0
