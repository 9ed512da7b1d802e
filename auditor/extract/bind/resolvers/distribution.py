"""A whole the rules divide in full, and the shares it is divided into, written after its 分配 lead:

    "(三)增值收益。2023年,增值收益17.4262亿元…"
    "(四)增值收益分配。2023年,提取贷款风险准备金2.3917亿元,提取管理费用1.8504亿元,提取城市廉租住房(公共租赁住房)
     建设补充资金13.1841亿元。"                      → 增值收益 = 2.3917 + 1.8504 + 13.1841

Only a whole the vocabulary names (cue distributed_whole: a 住房公积金 增值收益 goes in full to 风险准备金, 管理费用 and
廉租住房 funds, 住房公积金管理条例 第二十九条 — not a 利润分配, whose rest stays undistributed), stated once in the
document with one value for the year; the shares are every amount of the sentence after the lead, on its line, each
said as a 提取 (cue distribution_share), two at least.  The whole stands elsewhere: the reading is the vocabulary's
(it warns, never accuses).
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Breakdown, Fact

_CLAUSE_START = lazyre.compile(r"[,;。:，；：\n][^,;。:，；：\n]*$")
_SENTENCE_END = lazyre.compile(r"[。;；\n]")


def resolve(index: DocumentIndex) -> Iterator[Breakdown]:
    text, vocab = index.text, index.vocab
    amounts = [f for f in index.facts if f.kind == "amount" and not f.in_table]
    for lead in vocab.cue("distributed_whole").finditer(text):
        whole_name = lead.group("whole")
        line_end = text.find("\n", lead.end())
        line_end = len(text) if line_end < 0 else line_end
        after = [f for f in amounts if lead.end() <= f.span.start < line_end]
        if not after:
            continue
        end = _SENTENCE_END.search(text, after[0].span.end, line_end)
        sentence = [f for f in after if end is None or f.span.start < end.start()]
        if len(sentence) < 2 or any(f.is_bound or not _said_as_share(index, f) for f in sentence):
            continue  # (an amount of the sentence said otherwise: what the sentence divides is open)
        period = index.period_of(sentence[0])
        if any(index.period_of(f) != period or f.unit != sentence[0].unit for f in sentence):
            continue
        whole = _whole(index, amounts, whole_name, period, sentence)
        if whole is None:
            continue
        yield Breakdown.model_construct(total=whole, parts=tuple(sentence), subtracted=(), marker="identity",
                                        complete=True, family=None, core=None, reason="distribution_of_named_whole",
                                        via=(), rejected=())


def _said_as_share(index: DocumentIndex, f: Fact) -> bool:
    """The words of the figure's clause say it is a share taken out ("提取管理费用", "2023年,提取…"): brackets inside
    the name are part of it ("提取城市廉租住房(公共租赁住房)建设补充资金")."""
    m = _CLAUSE_START.search(index.text, max(0, f.span.start - 40), f.span.start)
    words = index.text[m.start() + 1 if m else max(0, f.span.start - 40):f.span.start]
    return bool(index.vocab.cue("distribution_share").match(words.strip()))


def _whole(index: DocumentIndex, amounts: list[Fact], name: str, period, shares: list[Fact]) -> Fact | None:
    """The one amount of the year named as the whole ("增值收益17.4262亿元", "全年实现增值收益3.86亿元"), stated once
    or with one value; None when the text gives none or several."""
    ids = {f.id for f in shares}
    named = [f for f in amounts if f.id not in ids and not f.is_bound and index.period_of(f) == period
             and _ends_with(f.label, name) and f.unit == shares[0].unit]
    return index.unique(named)


def _ends_with(label: str, name: str) -> bool:
    label = label.strip().rstrip("为是:：")
    return label.endswith(name) and not label.endswith(("累计" + name, "历年" + name))
