"""信用承诺书: the firm's promise that its data are true, to be signed and sealed.

The wording is this software's own, covering what such pledges promise (PACKETS.md): true and
consistent data, a clean record, no double funding, acceptance of checks, refunds and publicity.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from zjtx_desktop.packets.context import PacketContext
from zjtx_desktop.packets.sections.common import signature_block
from zjtx_desktop.packets.styles import para

PROMISES = (
    "本单位为本次申请提交的全部材料和数据合法、真实、准确、完整，与本单位向统计、税务等部门报送的数据一致；"
    "如有不实，本单位承担由此产生的一切法律责任。",
    "本单位近三年内没有严重违法违规行为，没有重大税收违法行为，没有发生较大及以上安全生产事故，"
    "未被列入严重失信主体名单或其他失信惩戒名单。",
    "本次申请的同一事项、同一笔支出，没有、也不会再以其他名义重复申请财政资金支持。",
    "本单位接受主管部门及其委托机构的核查、审计和监督；如违反上述承诺，本单位同意退回已获得的资金，"
    "并接受有关部门依法依规作出的处理。",
    "本单位同意本次申请的有关信息在评审、公示过程中依法公开。",
)
NUMERALS = "一二三四五六七八九十"


def build(context: PacketContext) -> list:
    story = [
        para("信用承诺书", "title"),
        para(f"{context.addressees}：", "body"),
        para(f"本单位{context.firm_name}（统一社会信用代码：{context.uscc}）依据{context.policy_basis}，"
             f"申请{context.measure_title}，现郑重承诺如下：", "pledge"),
        *(para(f"{NUMERALS[n]}、{promise}", "pledge") for n, promise in enumerate(PROMISES[:-1])),
        KeepTogether([para(f"{NUMERALS[len(PROMISES) - 1]}、{PROMISES[-1]}", "pledge"),
                      para("本承诺书自签字盖章之日起生效。", "pledge"), Spacer(1, 8 * mm),
                      signature_block(context.pledge_signature)]),
    ]
    return story
