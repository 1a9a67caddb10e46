"""The criteria as data: every file checked on load, one broken file per loader error with its
message, and the shipped sets complete (all 16 lines of the 划型 standard, a clause on everything)."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from zjtx_desktop.core.assessment.loader import CriteriaError, check_library, default_library, load_set

DATA = Path(__file__).resolve().parents[1] / "data"
BROKEN = sorted((DATA / "broken_criteria").iterdir())


@pytest.mark.parametrize("folder", BROKEN, ids=[f.name for f in BROKEN])
def test_each_broken_criteria_set_is_refused_with_its_message(folder):
    expected = (folder / "set.yaml").read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    with pytest.raises(CriteriaError) as caught:
        load_set(folder)
    assert folder.name in str(caught.value)
    assert expected in str(caught.value)


def test_a_set_borrowing_a_tier_from_a_set_that_is_not_there_is_refused():
    library = default_library()
    successor = library.get("miit-2026-2")
    with pytest.raises(CriteriaError, match="借用的标准 miit-2022-63 中没有 innovative"):
        check_library(tuple(s for s in library.sets if s.id != "miit-2022-63"))
    with pytest.raises(CriteriaError, match="标准编号重复"):
        check_library((*library.sets, successor))


def test_the_shipped_sets_and_their_dates():
    library = default_library()
    assert {s.id for s in library.sets} == {"miit-2022-63", "miit-2026-2", "most-2017-115", "sme-size-2011-300"}
    assert library.set_for("tiers", date(2026, 3, 31)).id == "miit-2022-63"
    assert library.set_for("tiers", date(2026, 4, 1)).id == "miit-2026-2"
    assert library.set_for("tech_sme", date(2026, 4, 1)).id == "most-2017-115"
    assert library.set_for("sme_size", date(2020, 1, 1)).id == "sme-size-2011-300"


def test_the_2026_set_borrows_the_innovative_tier_until_its_own_standard_is_published():
    library = default_library()
    tier, reason = library.tier(library.get("miit-2026-2"), "innovative")
    assert tier.set_id == "miit-2022-63" and "尚未公布" in reason


def test_the_little_giant_review_in_2026_uses_the_2022_annex():
    library = default_library()
    assert library.review_set_for("little_giant", date(2026, 6, 30))[0].id == "miit-2022-63"
    assert library.review_set_for("little_giant", date(2027, 6, 30))[0].id == "miit-2026-2"


def test_the_size_standard_encodes_all_sixteen_industry_groups_of_article_four():
    size = default_library().get("sme-size-2011-300").size
    refs = {line.clause_ref for line in size.lines}
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"]
    assert refs == {f"第四条（{n}）" for n in numerals}
    for line in size.lines:
        assert line.clause.startswith(line.title.split("（")[0]), line.id


def _leaves(nodes):
    for node in nodes:
        yield node
        yield from _leaves(node.children)


def test_every_criterion_names_its_clause_and_confidence():
    for criteria_set in default_library().sets:
        for tier in criteria_set.tiers.values():
            for node in _leaves(tier.criteria):
                assert node.clause and node.confidence in ("confirmed", "uncertain"), (criteria_set.id, node.id)


def test_the_2022_little_giant_annex_is_uncertain_throughout():
    """Two mirrors, no primary text (TIERS.md): nothing of it may be judged as a hard 符合/不符合."""
    tier = default_library().get("miit-2022-63").tiers["little_giant"]
    assert {n.confidence for n in _leaves(tier.criteria) if n.rule and n.rule != "sme"} == {"uncertain"}


def test_the_thresholds_the_issue_names_are_in_the_data():
    srdi = default_library().get("miit-2026-2").tiers["srdi"]
    thresholds = {node.id: node.param("threshold") for node in _leaves(srdi.criteria) if node.param("threshold")}
    assert thresholds["revenue"] == Decimal(15000000)
    assert thresholds["main_share"] == Decimal(80)
    assert thresholds["rd_ratio"] == Decimal(3)
