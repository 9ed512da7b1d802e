"""Reading a label (auditor/extract/vocabulary.py) takes short cuts that must not change it.

`_concept` finds the longest synonym a name ends with by one match of the reversed
synonyms, and skips names no synonym or generic ending can end; here the plain
reading — every suffix of every candidate looked up — is written out, and both
must agree on names built from the vocabulary's own words.
"""

from __future__ import annotations

import random

from auditor.extract.vocabulary import _FEE_SPENT, _GENERIC_TAILS, _OTHER, _concept, default_vocabulary


def _plain_concept(core: str, vocab) -> tuple[str | None, bool]:
    """`_concept` as it reads without the short cuts."""
    if not core:
        return None, False
    best, explained = None, 0
    readings = [(core, 0), (core.replace("费用", "费"), 0)]
    readings += [(core[: -len(t)], len(t)) for t in _GENERIC_TAILS if core.endswith(t) and len(core) > len(t)]
    readings += [(c[: -len(t)], n + len(t)) for c, n in readings[2:] for t in _GENERIC_TAILS
                 if c.endswith(t) and len(c) > len(t)]
    spent = _FEE_SPENT.search(core)
    if spent:
        readings.append((core[: spent.start() + 1], len(spent.group()) - 1))
    for candidate, tail in readings:
        for start in range(len(candidate)):
            syn = candidate[start:]
            if syn in vocab.concepts:
                if candidate[:start].endswith(_OTHER):
                    break
                if len(syn) + tail > explained:
                    best, explained = syn, len(syn) + tail
                break
    if best is not None:
        return vocab.concepts[best], True
    return core[-12:], False


def test_the_concept_of_a_name_is_the_plain_readings():
    vocab = default_vocabulary()
    words = [*sorted(vocab.concepts), "其他", "其它", "年初", "预算", "2023年", "数", "合计", "费用", "经费",
             "支出", "财政拨款", "的", "支", "费", "出"]
    rng = random.Random(8)
    names = ["".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(5000)]
    for name in ["", *sorted(vocab.concepts), *names]:
        assert _concept(name, vocab) == _plain_concept(name, vocab), name
