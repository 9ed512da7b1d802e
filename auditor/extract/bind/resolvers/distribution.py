"""A whole the rules divide in full, and the shares it is divided into, written after its 分配 lead:

    "(三)增值收益。2023年,增值收益17.4262亿元…"
    "(四)增值收益分配。2023年,提取贷款风险准备金2.3917亿元,提取管理费用1.8504亿元,提取城市廉租住房(公共租赁住房)
     建设补充资金13.1841亿元。"                      → 增值收益 = 2.3917 + 1.8504 + 13.1841

Only a whole the vocabulary names (cue distributed_whole: a 住房公积金 增值收益 goes in full to 风险准备金, 管理费用 and
廉租住房 funds, 住房公积金管理条例 第二十九条 — not a 利润分配, whose rest stays undistributed), stated once in the
document with one value for the year; the shares are every amount of the sentence after the lead, on its line, each
said as a 提取 (cue distribution_share), two at least, or named together and said 分别为, one amount for each name
(cue distribution_share_list).  A sentence ended by ； goes on into the next when every amount of that one is a 提取
too ("提取…0.8125亿元,提取管理费用0.6342亿元；提取城市廉租住房…3.8349亿元").  The whole stands elsewhere: the
reading is the vocabulary's (it warns, never accuses).
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
        if len(sentence) < 2 or not _all_shares(index, sentence):
            continue  # (an amount of the sentence said otherwise: what the sentence divides is open)
        while end is not None and end.group() in ";；":  # (the 提取 go on past a ；)
            nxt = _SENTENCE_END.search(text, end.end(), line_end)
            more = [f for f in after if end.end() <= f.span.start and (nxt is None or f.span.start < nxt.start())]
            if not more or not _all_shares(index, more):
                break
            sentence, end = sentence + more, nxt
        period = index.period_of(sentence[0])
        if any(index.period_of(f) != period or f.unit != sentence[0].unit for f in sentence):
            continue
        whole = _whole(index, amounts, whole_name, period, sentence)
        if whole is None:
            continue
        yield Breakdown.model_construct(total=whole, parts=tuple(sentence), subtracted=(), marker="identity",
                                        complete=True, family=None, core=None, reason="distribution_of_named_whole",
                                        via=(), rejected=())


def _all_shares(index: DocumentIndex, facts: list[Fact]) -> bool:
    """Every figure is said as a share, and a 分别为 list gives one amount for each name it lists."""
    lists: dict[int, list[int]] = {}
    for f in facts:
        said = _said_as_share(index, f)
        if f.is_bound or said is None:
            return False
        start, names = said
        lists.setdefault(start, [names, 0])[1] += 1
    return all(names == count for names, count in lists.values())


def _said_as_share(index: DocumentIndex, f: Fact) -> tuple[int, int] | None:
    """The words of the figure's clause say it is a share taken out ("提取管理费用", "2023年,提取…"): brackets inside
    the name are part of it ("提取城市廉租住房(公共租赁住房)建设补充资金"); or its clause names several shares and says
    their amounts 分别为, the figure one of them.  (Where the clause starts, how many names it gives), or None."""
    window = max(0, f.span.start - 160)
    m = _CLAUSE_START.search(index.text, window, f.span.start)
    start = m.start() + 1 if m else window
    words = index.text[start:f.span.start].strip()
    if index.vocab.cue("distribution_share").match(words) and "分别" not in words and "依次" not in words:
        return start, 1
    listed = index.vocab.cue("distribution_share_list").match(words)
    if listed is None:
        return None
    return start, len(index.vocab.cue("distribution_share_names").split(listed.group("names")))


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
