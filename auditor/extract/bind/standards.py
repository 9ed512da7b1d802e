"""Amounts per unit (每人600元, 人均200元, 500元/户) and counts per unit (每个劳动力2个工日): standards, never totals
or parts of lists."""

from __future__ import annotations

from auditor.extract.figures import count_unit
from auditor.extract.model import Fact
from auditor.extract.readings import OPENERS, Reading, clean_label, said_before


def listed_per_unit(r: Reading, fact: Fact) -> bool:
    """fact stands in a 分别 list whose words name an amount per unit ("户均补助分别为1.2万元和3.5万元", "人均资助分别为
    3,000元和5,000元", "亩均补贴分别为200元和350元"): rates paid, none a part of the money they come to."""
    k = r.node_of(fact)
    if k is None:
        return False
    tree = r.tree
    for j in tree.before(k, "sentence"):
        t = tree[j]
        if t.kind == "fenbie":
            return bool(r.vocab.cue("per_unit").search(said_before(tree, j)))
        if t.kind in OPENERS or t.kind == "total":
            return False
        f = r.facts[j]
        if f is not None and (f.kind != fact.kind or f.unit != fact.unit):
            return False
    return False


def per_unit(r: Reading, fact: Fact) -> str | None:
    """The unit an amount or a count is per (每人600元 → 人, 500元/户 → 户, 每个劳动力2个工日 → 个), or None."""
    text, span = r.norm.text, fact.span
    if fact.kind == "amount" and text[max(0, span.start - 2):span.start].rstrip().endswith(("×", "*")):
        return "unit"  # "1,286人×1,500元=192.90万元": the factor a count is multiplied by
    end = span.end
    if text.find("/", end, end + 8) < 0 and "每" not in fact.label and "均" not in fact.label:
        return None  # (the cheap test first: most figures are no standard)
    # (the rest asked once a reading for each figure: the list and product resolvers ask it of the same figures again
    # and again — keyed by all it reads of the figure, the text and vocabulary being the reading's)
    memo = r.__dict__.get("_per_unit")
    if memo is None:
        memo = r.__dict__["_per_unit"] = {}  # (no field: the record's equality and repr stay its fields')
    key = (span.start, end, fact.kind, fact.label)
    found = memo.get(key, memo)
    if found is memo:
        found = memo[key] = _per_unit(r, fact, text[end:end + 8])
    return found


def _per_unit(r: Reading, fact: Fact, after: str) -> str | None:
    if fact.kind == "number":  # "500元/户": the figure read bare, its 元 written before the slash
        m = r.vocab.cue("per_unit_after").match(after)
        return count_unit(m.group(1)) if m and "元" in m.group() else None
    if fact.kind not in ("amount", "count"):
        return None
    m = r.vocab.cue("per_unit_after").match(after)
    if m and fact.kind == "amount":
        return count_unit(m.group(1))
    label = clean_label(fact.label)
    m = r.vocab.cue("per_unit").search(label)
    if m is None:
        return None
    unit = count_unit(next(g for g in m.groups() if g))
    again = r.vocab.cue("per_unit").search(label, m.end())
    # ("每人每次评审费800元": per head and per sitting — a standard no one count multiplies)
    return f"{unit}/{next(g for g in again.groups() if g)}" if again else unit
