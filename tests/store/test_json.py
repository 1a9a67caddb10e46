"""One firm to and from the JSON profile file that `zjtx-desktop evaluate` reads."""

import json

import pytest
from store_helpers import EXAMPLES, example_raw

from zjtx_desktop.core.profile import load_profile_json
from zjtx_desktop.store import StoreError


def test_an_exported_firm_is_the_profile_evaluate_reads(db, firm, tmp_path):
    db.export_json(firm, tmp_path / "out.json")
    profile, _ = load_profile_json((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert profile == db.profile(firm)


def test_every_example_imports_as_itself(db):
    for path in EXAMPLES:
        report = db.import_json(path)
        assert report.ok and len(report.created) == 1
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert db.profile(db.company_id_by_uscc(raw["uscc"])) == load_profile_json(path.read_text(encoding="utf-8"))[0]


def test_unknown_keys_are_reported_and_the_firm_is_not_imported(db, tmp_path):
    path = tmp_path / "firm.json"
    path.write_text(json.dumps({**example_raw(0), "colour": "red", "revenu": 5}, ensure_ascii=False), encoding="utf-8")
    report = db.import_json(path)
    assert {p.column for p in report.problems} == {"colour", "revenu"}
    assert "zjtx-desktop schema" in report.problems[0].message
    assert db.list_companies() == []


def test_a_firm_without_a_code_cannot_be_imported(db, tmp_path):
    path = tmp_path / "firm.json"
    path.write_text(json.dumps({"company_name": "无码企业"}, ensure_ascii=False), encoding="utf-8")
    report = db.import_json(path)
    assert report.problems[0].column == "统一社会信用代码" and "必须填写" in report.problems[0].message


@pytest.mark.parametrize(("content", "message"), [("{\"tier\": ", "第1行"), ("[1, 2]", "对象"), (b"\xff\xfe\x00", "UTF-8")])
def test_a_file_that_is_not_a_profile_says_what_to_do(db, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(StoreError, match=message):
        db.import_json(path)
