"""A change against a point of the year its words name ("比6月末增加", "较年初增长", "比上年末减少"), whose sentence
states the figure now but not the one at that point: the same stock stated at that point before it in the document.

    "截至2023年6月末,全市政府债务余额2846.37亿元,…。截至2023年末,全市政府债务余额2956.25亿元,其中一般债务
     1027.03亿元、专项债务1929.22亿元,比6月末增加109.88亿元。"  → 2956.25 − 2846.37

The point a stock is stated at is the one its sentence names (repeat.point_of: 年初, 6月末, 年末 …).  After a 其中
list the change may be the list's total's or its last part's (ALT001's two readings): the one whose stock at the
point gives the change, else the total.  Found by looking through the document: at most a warning.
"""

from __future__ import annotations

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.resolvers.repeat import point_of
from auditor.extract.readings import clean_label
from auditor.extract.model import Breakdown, Change, Fact


def resolve(index: DocumentIndex, changes: list[Change], lists: list[Breakdown], text: str) -> list[Change]:
    named_point = index.vocab.cue("compared_point")
    out = []
    for c in changes:
        m = None
        if c.reference == "previous" and c.current is not None and c.previous is None and c.delta is not None \
                and not c.delta.is_bound:
            m = named_point.search(text, max(0, c.keyword_span.start - 16), c.keyword_span.start)
            # (or in the keyword itself, before its direction: "比年初减少")
            cut = c.keyword_span.start + 2
            while m is None and cut < c.keyword_span.end:
                m = named_point.search(text, max(0, c.keyword_span.start - 16), cut)
                cut += 1
        if m is None:
            out.append(c)
            continue
        point = _point_named(m.group("point"))
        totals = [b.total for b in lists if any(p.id == c.current.id for p in b.parts)]
        pairs = [(now, then) for now in (*totals, c.current) if (then := _at_point(index, text, now, point)) is not None]
        if not pairs and point == "opening":
            # ("年初财政拨款结转和结余266.40万元,…。年末财政拨款结转和结余190.50万元,其中…3.08万元。年末比年初减少75.90万元":
            # an account named by the point it is stated at, 年初… and 年末…, the same name after it — when the change's words
            # name the year's end too, or the pair gives the change)
            both = bool(index.vocab.cue("closing_point_said").search(text, max(0, m.start() - 4), m.start()))
            pairs = [(now, then) for now in (*totals, c.current) if (then := _named_at_opening(index, text, now)) is not None
                     and (both or _gives(c, now, then))]
        if not pairs:
            out.append(c)
            continue
        signed = c.delta.value * c.direction
        fits = [(now, then) for now, then in pairs
                if abs(now.value - then.value - signed) <= now.tolerance + then.tolerance + c.delta.tolerance]
        now, then = (fits or pairs)[0]
        out.append(c.model_copy(update={"current": now, "previous": then, "compared_name": m.group("point"),
                                        "subject_label": c.subject_label if now is c.current else now.label,
                                        "reason": "change_since_stated_point",
                                        "via": (*c.via, "the stock at the point it names, stated before")}))
    return out


def _gives(c: Change, now: Fact, then: Fact) -> bool:
    return abs(now.value - then.value - c.delta.value * c.direction) <= now.tolerance + then.tolerance + c.delta.tolerance


def _named_at_opening(index: DocumentIndex, text: str, now: Fact) -> Fact | None:
    """The one amount before `now` in its paragraph named as `now` is with 年初 (期初) where `now`'s name opens with 年末
    (期末): "年初财政拨款结转和结余" for "年末财政拨款结转和结余"."""
    named = index.vocab.cue("point_named_account")
    label = clean_label(now.label)
    m = named.match(label)
    if m is None or not m.group("closing") or len(label) == m.end():
        return None
    start = text.rfind("\n", 0, now.span.start) + 1
    found = [f for f in index.facts if start <= f.span.start < now.span.start and f.kind == "amount" and f.unit == now.unit
             and not f.is_bound and (k := named.match(clean_label(f.label))) is not None and k.group("opening")
             and clean_label(f.label)[k.end():] == label[m.end():]]
    return index.unique(found)


def _point_named(words: str) -> str | None:
    """"6月末" → "6", "年初" / "上年末" → "opening", "12月末" → None (the year's end)."""
    month = words.split("月")[0]
    if month.isdigit():
        return None if int(month) == 12 else str(int(month))
    return "opening"


def _at_point(index: DocumentIndex, text: str, now: Fact, point: str | None) -> Fact | None:
    """The one value stated before `now` of its quantity (concept, scenario, funds) at `point`, `now` being of another."""
    if now.concept not in index.known_concepts or point_of(index, text, now) == point:
        return None
    key = index.key(now)
    return index.unique([f for f in index.amounts_of(now.concept, near=now.span.start)
                         if f.span.start < now.span.start and f.unit == now.unit and not f.in_table
                         and (k := index.key(f))[0] == key[0] and k[2:4] == key[2:4]
                         and point_of(index, text, f) == point])
