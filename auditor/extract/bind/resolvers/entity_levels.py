"""A whole's figure, then the levels it is made of, each opening a sentence (or a clause after 其中) of its own.

    "国有企业营业总收入448908.8亿元,同比增长7.1%。中央企业260132.6亿元,同比增长5.5%。地方国有企业188776.2亿元,
     同比增长9.2%。"                                        → 448908.8 = 260132.6 + 188776.2

(the way the monthly 国有企业经济运行 reports state each measure: the state enterprises' figure, then the central
ones', then the local ones').  The vocabulary names the whole (entity_whole: 国有企业, with the measure after it) and
its levels (entity_level: 中央企业 / 央企, 地方国有企业), which together are every enterprise of the whole.  A level
named bare ("中央企业260132.6亿元") is of the measure of the whole's figure right before it: only when that figure is
the last amount its sentence states of the whole (a second measure after it, "…税后净利润20289.9亿元,…,归属于母公司
所有者的净利润12279.8亿元。其中,中央企业13446.6亿元", leaves which one the bare level is of to the 其中 reading); a
level naming a measure ("央企累计实现利润总额3681.1亿元") is of the whole's figure of that measure.  The levels stand
in the next three sentences, each level once, in the whole's unit; no marker says they are its parts, so the reading is
the vocabulary's (a warning at most).
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.readings import Reading, clean_label

_SENTENCES_AFTER = 3  # (the levels follow in the sentences right after the whole's)


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    whole_cue, level_cue = r.vocab.cue("entity_whole"), r.vocab.cue("entity_level")
    done = r.vocab.cue("entity_measure_done")
    figures = [s for s in tree.of_kind("labelled", "total")
               if r.facts[s.index] is not None and r.facts[s.index].kind == "amount" and not r.facts[s.index].is_bound]
    for n, s in enumerate(figures):
        total = r.facts[s.index]
        m = whole_cue.match(clean_label(total.label))
        if m is None or not _measure(m.group("measure"), done):
            continue
        measure = _measure(m.group("measure"), done)
        # (the last amount its sentence states: a bare level is of it)
        last = not any(t.sentence == s.sentence for t in figures[n + 1:n + 8])
        parts: dict[str, object] = {}
        for t in figures[n + 1:]:
            if t.paragraph != s.paragraph or t.sentence > s.sentence + _SENTENCES_AFTER:
                break
            if t.sentence == s.sentence:
                continue  # (a level in the whole's own sentence is its 其中's or 分别's, read there)
            g = r.facts[t.index]
            label = clean_label(g.label)
            other = whole_cue.match(label)
            if other is not None:
                if _measure(other.group("measure"), done) == measure:
                    break  # (the whole's measure stated again: another period's or another cut's)
                last = False  # (a bare level after another measure of the whole is of that one)
                continue
            lm = level_cue.match(label)
            if lm is None or not _opens(r, t.index):
                continue
            said = _measure(lm.group("measure"), done)
            if (said and said != measure) or (not said and not last):
                continue
            level = "central" if lm.group("central") else "local"
            if level in parts or g.unit != total.unit:
                break
            parts[level] = g
            if len(parts) == 2:
                break
        if len(parts) != 2:
            continue
        made = make_breakdown(r, total, [parts["central"], parts["local"]], "items", True, "entity_levels_after_whole")
        if made:
            yield made


def _measure(said: str | None, done: re.Pattern[str]) -> str:
    """The measure a label names after its entity, without the words of having done it (累计实现利润总额: 利润总额;
    cue entity_measure_done)."""
    said = (said or "").strip()
    m = done.match(said)
    return said[m.end():] if m else said


def _opens(r: Reading, i: int) -> bool:
    """Node i is the first figure of its sentence, or of its clause right after 其中 / a ';'."""
    tree = r.tree
    for k in tree.before(i, "sentence"):
        if tree[k].separator(";；"):
            return True
        if tree[k].kind not in ("sep", "qizhong", "item"):
            return False
    return True
