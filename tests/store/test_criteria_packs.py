"""A successor criteria set (认定标准包) is a new folder an administrator imports like a policy pack:
checked as a hostile file, its own cases passed, then picked by the assessment date
(`zjtx-desktop criteria list | import | remove`, and every `assess` of that data folder)."""

import json
import os
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from store_helpers import everything_under

from zjtx_desktop.cli import main
from zjtx_desktop.core.assessment.loader import CriteriaError
from zjtx_desktop.core.paths import resources_dir
from zjtx_desktop.store.criteria_packs import import_criteria_pack, installed_library

ROOT = Path(__file__).resolve().parents[2]
FIRM = next((ROOT / "examples").glob("06_*.json"))
BUNDLED = resources_dir() / "criteria" / "miit-2026-2"


def successor(tmp_path: Path, **changes) -> Path:
    """The 2号文 set, copied as a set in force from 2027-01-01 under a new id, set.yaml changed as given."""
    folder = tmp_path / "pack" / "miit-2027-1"
    shutil.copytree(BUNDLED, folder)
    raw = yaml.safe_load((folder / "set.yaml").read_text(encoding="utf-8"))
    raw.update({"id": "miit-2027-1", "document_number": "工信部企业〔2027〕1号", "effective_from": date(2027, 1, 1),
                **changes})
    (folder / "set.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    for cases in (folder / "cases").glob("*.yaml"):  # cases dated 2027 expect the set they were written for
        raw = yaml.safe_load(cases.read_text(encoding="utf-8"))
        raw["cases"] = [case for case in raw["cases"] if str(case.get("date", "")) < "2027"]
        cases.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return folder


def assessed_set(capsys, data: Path, day: str) -> str:
    assert main(["assess", str(FIRM), "--date", day, "--format", "json", "--data-dir", str(data)]) == 0
    return json.loads(capsys.readouterr().out)["criteria_set"]["id"]


def test_an_imported_set_is_used_from_its_first_day_and_can_be_removed(tmp_path, data, capsys):
    assert main(["criteria", "import", str(successor(tmp_path)), "--data-dir", str(data)]) == 0
    assert "miit-2027-1" in capsys.readouterr().out
    assert assessed_set(capsys, data, "2026-12-31") == "miit-2026-2"
    assert assessed_set(capsys, data, "2027-01-01") == "miit-2027-1"
    assert main(["criteria", "list", "--data-dir", str(data)]) == 0
    listed = capsys.readouterr().out
    assert "miit-2027-1" in listed and "导入" in listed and "miit-2026-2" in listed
    assert main(["criteria", "remove", "miit-2027-1", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert assessed_set(capsys, data, "2027-01-01") == "miit-2026-2"


def test_a_zipped_set_is_imported_too(tmp_path, data):
    folder = successor(tmp_path)
    archive = shutil.make_archive(str(tmp_path / "标准包"), "zip", folder.parent)
    assert import_criteria_pack(source=Path(archive), data_dir=data).id == "miit-2027-1"
    assert "miit-2027-1" in {s.id for s in installed_library(data_dir=data).sets}


def refused(source: Path, data: Path, message: str) -> None:
    before = everything_under(data.parent)
    with pytest.raises(CriteriaError) as caught:
        import_criteria_pack(source=source, data_dir=data)
    assert message in str(caught.value), str(caught.value)
    assert everything_under(data.parent) == before


def test_a_set_whose_own_case_fails_is_refused_and_nothing_is_written(tmp_path, data):
    folder = successor(tmp_path)
    cases = folder / "cases" / "srdi.yaml"
    raw = yaml.safe_load(cases.read_text(encoding="utf-8"))
    raw["date"] = date(2027, 6, 30)  # judged under the new set
    expected = raw["cases"][0]["output"]
    assert expected["tiers"]["srdi"]["overall"] == "可申请"
    expected.update(criteria_set="miit-2027-1", tiers={"srdi": {"overall": "暂不具备"}})
    cases.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    refused(folder, data, "案例未通过")


def test_a_set_without_cases_is_refused(tmp_path, data):
    folder = successor(tmp_path)
    shutil.rmtree(folder / "cases")
    refused(folder, data, "须附带自己的案例")


@pytest.mark.parametrize("bad_id", ["../../escaped", "A-Set", "ab", "miit_2027"])
def test_an_id_that_is_not_a_safe_folder_name_is_refused(tmp_path, data, bad_id):
    refused(successor(tmp_path, id=bad_id), data, "标准编号只能由小写字母、数字和连字符组成")


def test_a_bundled_id_cannot_be_imported_over(tmp_path, data):
    refused(successor(tmp_path, id="miit-2026-2"), data, "已经安装或为程序自带")


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path, data):
    folder = successor(tmp_path)
    (folder / "set.yaml").write_text('a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nid: miit-2027-1\n',
                                     encoding="utf-8")
    refused(folder, data, "别名")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_inside_a_folder_set_is_refused_not_followed(tmp_path, data):
    folder = successor(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    os.symlink(secret, folder / "extra.yaml")
    refused(folder, data, "不能有符号链接")


def test_a_zip_with_a_path_outside_is_refused(tmp_path, data):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as pack:
        pack.writestr("../../escaped/set.yaml", "id: x\n")
    refused(archive, data, "不安全")


def test_a_bundled_set_cannot_be_removed(data, capsys):
    assert main(["criteria", "remove", "miit-2026-2", "--data-dir", str(data)]) == 2
    assert "程序自带" in capsys.readouterr().err
