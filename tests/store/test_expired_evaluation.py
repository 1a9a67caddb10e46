"""An evaluation made after the policy's end keeps, once stored and read back, its 不在有效期 rows, their
reference figures (shown only as 仅供参考) and its total of 0.00, so a packet printed with
--allow-expired can still be explained from the database."""

from datetime import date
from decimal import Decimal

from store_helpers import example_raw

from zjtx_desktop.core.evaluator import evaluate
from zjtx_desktop.core.results import Status
from zjtx_desktop.store import Database

AFTER_THE_END = date(2027, 6, 1)


def test_an_evaluation_outside_validity_survives_the_store(data_dir):
    with Database.open(data_dir) as db:
        firm = db.create_company(example_raw(4))  # the 重点小巨人, which qualifies for most measures
        evaluation = evaluate(db.profile(firm), AFTER_THE_END)
        saved_id = db.save_evaluation(firm, evaluation)
    out_of_force = [r for r in evaluation.results if r.status is Status.OUT_OF_FORCE]
    assert len(out_of_force) >= 5 and evaluation.total == Decimal("0.00") and not evaluation.policy_in_force

    with Database.open(data_dir, read_only=True) as db:
        saved = db.latest_evaluation(firm)
    assert saved.id == saved_id and saved.evaluation == evaluation
    back = saved.evaluation
    assert back.total == Decimal("0.00") and back.reference_total == evaluation.reference_total > 0
    assert "【政策已失效】" in back.validity_note
    for before in out_of_force:
        after = back.result(before.measure)
        assert after.status is Status.OUT_OF_FORCE and after.amount is None
        assert after.reference_amount == before.reference_amount is not None
