"""After the policy's end date: no packet unless the user explicitly chooses, then reference amounts."""

from datetime import date

from packet_helpers import EXAMPLES, ON, example_profile, flat, page_texts

from zjtx_desktop.cli import main
from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.money import format_yuan
from zjtx_desktop.core.policy import default_policies
from zjtx_desktop.packets import Options, applicable_measures, build_all, policy_end_passed
from zjtx_desktop.packets.summary_context import summary_context

AFTER = date(2027, 1, 5)
END = date(2026, 12, 31)


def test_the_report_shows_reference_amounts_only_as_such_and_never_in_the_total():
    profile = example_profile("05")
    evaluation = evaluate(profile, AFTER)
    context = summary_context(evaluation, profile.get("company_name"), profile.get("uscc"))
    [loans] = [row for row in context.rows if row.measure == "3a"]
    assert loans.status == "不在有效期" and loans.amount == "—"
    reference = format_yuan(evaluation.result("3a").reference_amount)
    assert f"参考金额 ¥ {reference}（仅供参考，不计入合计）" in loans.lines  # the dates are said once, at the top
    assert "不在政策有效期" not in "".join(loans.lines)
    assert context.total_figures == "¥ 0.00" and "不含“不在有效期”各项的参考金额" in context.total_note


def test_by_default_nothing_but_the_report_is_printed_after_the_end(tmp_path, capsys):
    profile = example_profile("05")
    evaluation = evaluate(profile, AFTER)
    assert policy_end_passed(evaluation, default_policies()) == END
    [report] = build_all(profile, evaluation, tmp_path)
    text = flat("".join(page_texts(report)))
    assert "不在有效期" in text and "仅供参考" in text
    [path] = EXAMPLES.glob("05_*.json")
    assert main(["packets", str(path), "--out", str(tmp_path / "cli"), "--date", AFTER.isoformat()]) == 0
    assert "--allow-expired" in capsys.readouterr().out and len(list((tmp_path / "cli").iterdir())) == 1


def test_on_explicit_choice_packets_use_the_reference_amounts_and_state_the_end_date(tmp_path):
    profile = example_profile("05")
    evaluation = evaluate(profile, AFTER)
    would_apply = applicable_measures(evaluate(profile, ON))
    expected = [m for m in would_apply if evaluation.result(m).reference_amount is not None]
    assert applicable_measures(evaluation, allow_expired=True) == expected and len(expected) >= 10
    written = build_all(profile, evaluation, tmp_path, options=Options(policy_end=END))
    assert len(written) == len(expected) + 1
    for measure, path in zip(expected, written, strict=False):
        text = flat("".join(page_texts(path)))
        if measure in ("4", "7b"):  # no date of its own to check: the cover asks the firm to confirm
            assert "本项申报的事项须发生在政策有效期内，本软件无法核对其日期，请申报单位核实后再签章" in text
            assert "申报的事项发生在政策有效期内。" not in text
        else:
            assert "本政策有效期至2026-12-31；申报的事项发生在政策有效期内。" in text
        assert format_yuan(evaluation.result(measure).reference_amount) in text
        assert "不能据此申报" not in text
    assert {"4", "7b"} <= set(expected)  # (so the undated wording is seen above)


def test_before_a_policy_starts_there_is_nothing_to_choose():
    evaluation = evaluate(example_profile("05"), date(2024, 1, 1))
    assert policy_end_passed(evaluation, default_policies()) is None
    assert applicable_measures(evaluation) == []


def test_the_cover_states_the_policys_end_once(tmp_path):
    """The 政策有效期 box of the cover says it; the note under the box does not say it again."""
    profile = example_profile("05")
    evaluation = evaluate(profile, AFTER)
    written = build_all(profile, evaluation, tmp_path, measures=["3b", "4"], options=Options(policy_end=END))
    for path in written[:2]:
        cover = flat(page_texts(path)[0])
        assert cover.count("本政策有效期至2026-12-31") == 1, path.name
