"""The document's figures, indexed for the look-ups that reach beyond a sentence.

Document-wide resolvers (a rate's base stated elsewhere, the whole a share
names, the identities of the vocabulary, a quantity stated twice) ask this
index instead of scanning the facts, so their work grows with the text, not
with its square.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from decimal import Decimal
from functools import cached_property, lru_cache

from auditor import lazyre
from auditor.extract.kept import KeptOnce
from auditor.extract.model import Fact, is_previous, period_of
from auditor.extract.readings import clean_label
from auditor.extract.vocabulary import LabelInfo, Vocabulary, read_label

Key = tuple[str, str | None, str | None, tuple[str, ...]]

# the funds a figure is of, as its label says: figures of different funds are different quantities
SCOPES = ("财政拨款", "一般公共预算", "政府性基金", "国有资本经营", "财政专户", "其他资金", "自筹", "中央", "省级", "市级",
          "州级", "县级", "区级", "本级", "上级", "专项", "非税")
# (… or that says how it is stated: "歲出部分為", "歲出編列")
_DONE = lazyre.compile(r"(?:累计|实际)?(?:完成|实现)$|(?<=[\u4e00-\u9fff]{2})(?:部分|部份|编列)$")
_NEAR = 20000  # characters: how far a look-up reaches for a concept stated very often


def named_part(label: str) -> str:
    """"地方一般公共预算收入完成", "岁出编列": the name, without the verb that states the figure."""
    return _DONE.sub("", label)


@lru_cache(maxsize=8192)  # (asked for every figure, by several resolvers: a few hundred labels a report)
def scope_of(label: str, concept: str | None = None) -> tuple[str, ...]:
    """The funds a label names.  A scope word inside the concept's own name qualifies nothing
    ("财政拨款收入" is the concept, not 财政拨款 money of a concept 收入: the row 财政拨款收入 is a part of
    本年收入合计 like 事业收入)."""
    # ("部门专项项目预算": 专项项目 is project spending, a kind of spending, not money of the 专项 funds)
    label = label.replace("专项项目", "项目")
    if concept:
        label = label.replace(concept, "")
    return tuple(s for s in SCOPES if s in label)


def fact_scope(fact: Fact) -> tuple[str, ...]:
    """The funds a figure is of, as its label names them (see scope_of)."""
    return scope_of(fact.label, fact.concept)


class DocumentIndex(KeptOnce):
    def __init__(self, facts: tuple[Fact, ...], vocab: Vocabulary, report_year: str | None, text: str = "") -> None:
        self.facts = facts
        self.vocab = vocab
        self.report_year = report_year
        self.text = text  # the normalised text (the words around a figure: a bracket of another period)
        self._starts: dict[str, list[int]] = {}
        self._holding: dict[str, list[Fact]] = {}
        self._qualifiers: dict[int, tuple[str, ...]] = {}

    # ------------------------------------------------------------ identity of a quantity
    def period_of(self, fact: Fact) -> str | None:
        return period_of(fact, self.report_year)

    def key(self, fact: Fact) -> Key:
        """What makes two figures one quantity: concept, year, scenario, funds, and the
        concept the label puts it under (基本支出财政拨款收入 is not 项目支出财政拨款收入)."""
        return (fact.concept or "", self.period_of(fact), fact.scenario, fact_scope(fact) + self.qualifier(fact))

    def qualifier(self, fact: Fact) -> tuple[str, ...]:
        """Another vocabulary concept named before the figure's own in its label: "基本支出" in
        "基本支出财政拨款收入", "项目支出" in "项目支出中的商品和服务支出"."""
        cached = self._qualifiers.get(fact.id)
        if cached is None:
            cached = self._qualifiers[fact.id] = _qualifier(fact, self.vocab)
        return cached

    def narrowed(self, fact: Fact) -> bool:
        """The figure is said of a narrower scope than its name's: what it leaves out named before it in its sentence or
        in a bracket right after it (cues scope_excluded, scope_excluded_after)."""
        if fact.in_table or not self.text:
            return False
        at = fact.span.start
        start = max(self.text.rfind(c, max(0, at - 80), at) for c in "。;\n") + 1
        return bool(self.vocab.cue("scope_excluded").search(self.text, max(start, at - 80), at)
                    or self.vocab.cue("scope_excluded_after").match(self.text[fact.span.end:fact.span.end + 12]))

    @staticmethod
    def unique(facts: list[Fact]) -> Fact | None:
        """One value for a quantity, or None when the text gives several (ambiguous)."""
        if not facts:
            return None
        first = facts[0]
        if all(abs(f.value - first.value) <= f.tolerance + first.tolerance for f in facts):
            return first
        return None

    def label_concept(self, label: str) -> LabelInfo:
        return read_label(label, self.vocab)

    def is_previous(self, fact: Fact) -> bool:
        """Last year's figure (上年, or a year before the report's)."""
        return is_previous(fact, self.report_year)

    # ------------------------------------------------------------ indexes
    @cached_property
    def by_key(self) -> dict[Key, list[Fact]]:
        index: dict[Key, list[Fact]] = defaultdict(list)
        for f in self.facts:
            if f.kind == "amount" and f.concept and not f.is_bound:
                index[self.key(f)].append(f)
        return dict(index)

    @property
    def known_concepts(self) -> frozenset[str]:
        """The concepts the vocabulary names (a label it does not know is its own 'concept')."""
        return self.vocab.known_concepts

    @cached_property
    def amounts_by_concept(self) -> dict[str, list[Fact]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            if f.kind == "amount" and f.concept and not f.is_bound:
                out[f.concept].append(f)
        return dict(out)

    def amounts_of(self, concept: str | None, near: int | None = None, reach: int = _NEAR) -> list[Fact]:
        """Amounts of a concept; for a concept stated very often (a compendium of many
        units), only those within `reach` characters of offset `near`."""
        facts = self.amounts_by_concept.get(concept or "", [])
        if near is None or len(facts) <= 50:
            return facts
        starts = self._starts.get(concept or "")
        if starts is None:
            starts = self._starts[concept or ""] = [f.span.start for f in facts]
        return facts[bisect_left(starts, near - reach):bisect_right(starts, near + reach)]

    @cached_property
    def amounts_by_value(self) -> list[tuple[Decimal, Fact]]:
        """Positive exact amounts sorted by value, for "which amount gives this ratio" searches."""
        return sorted(((f.value, f) for f in self.facts if f.kind == "amount" and not f.is_bound
                       and f.value > 0), key=lambda pair: pair[0])

    @cached_property
    def widest_amount_rounding(self) -> Decimal:
        """The largest rounding of the amounts in `amounts_by_value`: how far from a sum a stated
        total may stand and still be it."""
        return max((f.tolerance for _, f in self.amounts_by_value), default=Decimal(0))

    def amounts_between(self, low: Decimal, high: Decimal) -> list[Fact]:
        values = self.amounts_by_value
        start = bisect_left(values, low, key=lambda pair: pair[0])
        end = bisect_right(values, high, key=lambda pair: pair[0])
        return [f for _, f in values[start:end]]

    @cached_property
    def _values_by_rounding(self) -> list[tuple[Decimal, list[Decimal], list[int]]]:
        """(rounding, the values of the amounts so rounded, their places in `amounts_by_value`), both
        ascending: an amount within its own rounding of a value is a bisect a rounding away."""
        groups: dict[Decimal, tuple[list[Decimal], list[int]]] = {}
        for i, (value, f) in enumerate(self.amounts_by_value):
            values, places = groups.setdefault(f.tolerance, ([], []))
            values.append(value)
            places.append(i)
        return [(rounding, values, places) for rounding, (values, places) in groups.items()]

    def amounts_near(self, value: Decimal, slack: Decimal, reach: Decimal) -> list[Fact]:
        """Those of `amounts_between(value - reach, value + reach)` within their own rounding plus
        `slack` of `value` — and perhaps a few more (the test is the caller's) —, in that order: one
        bisect a rounding, not a walk through every amount `reach` takes (a wide rounding, 亿元, takes
        in thousands of a long text's amounts)."""
        places: list[int] = []
        for rounding, values, where in self._values_by_rounding:
            margin = min(reach, rounding + slack)
            places.extend(where[bisect_left(values, value - margin):bisect_right(values, value + margin)])
        places.sort()
        pairs = self.amounts_by_value
        return [pairs[i][1] for i in places]

    @cached_property
    def budget_amounts(self) -> list[Fact]:
        """Amounts whose label makes them a budget or the money received: a rate's possible base."""
        return [f for _, f in self.amounts_by_value
                if f.scenario in {"budget_initial", "budget_adjusted", "budget", "available"}]

    @cached_property
    def one_bare_budget(self) -> bool:
        """The document states one budget naming no subject ("年初预算1086.95万元"), perhaps more than
        once: a project report's budget, any named numerator's base (worked out once, not per rate)."""
        return len({f.value for f in self.budget_amounts if self.label_concept(f.label).concept is None}) == 1

    @cached_property
    def budgets_by_concept(self) -> dict[str | None, list[Fact]]:
        """`budget_amounts` of each concept, in that order (the budgets of a numerator's subject)."""
        out: dict[str | None, list[Fact]] = defaultdict(list)
        for f in self.budget_amounts:
            out[f.concept].append(f)
        return dict(out)

    @cached_property
    def budget_places(self) -> tuple[dict[str | None, list[int]], list[int], dict[int, list[int]]]:
        """Where in `budget_amounts` (ascending places) the budgets of each concept stand, those whose
        label names no subject, and those of each paragraph: a rate's base looked up among its own
        kind, not among every budget of the document."""
        by_concept: dict[str | None, list[int]] = defaultdict(list)
        bare: list[int] = []
        bare_by_window: dict[int, list[int]] = defaultdict(list)
        for i, f in enumerate(self.budget_amounts):
            by_concept[f.concept].append(i)
            if self.label_concept(f.label).concept is None:
                bare.append(i)
                bare_by_window[f.window].append(i)
        return dict(by_concept), bare, dict(bare_by_window)

    @cached_property
    def facts_by_sentence(self) -> dict[int, list[Fact]]:
        out: dict[int, list[Fact]] = defaultdict(list)
        for f in self.facts:
            out[f.sentence].append(f)
        return dict(out)

    @cached_property
    def amounts_by_label_end(self) -> dict[str, list[tuple[str, Fact]]]:
        """(name, amount) by the last two characters of the name (names are matched by ending),
        in text order."""
        out: dict[str, list[tuple[str, Fact]]] = defaultdict(list)
        for f in self.facts:
            if f.kind != "amount" or f.is_bound:
                continue
            name = named_part(f.label)
            if len(name) >= 2:
                out[name[-2:]].append((name, f))
        return dict(out)

    def amounts_holding(self, words: str) -> list[Fact]:
        """The amounts whose label holds `words` ("总预算岁出" in "114年度中央政府总预算岁出编列"), found once a
        document for each name (a share looks its whole up by name; many shares name one whole)."""
        found = self._holding.get(words)
        if found is None:
            # (the amounts' places by label, each label looked at once: a long text says the same names again)
            places = [at for label, where in self._amount_places_by_label.items() if words in label for at in where]
            places.sort()
            found = self._holding[words] = [self.facts[i] for i in places]
        return found

    @cached_property
    def _amount_places_by_label(self) -> dict[str, list[int]]:
        """Cleaned label → the places in `facts` of the amounts that bear it."""
        out: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(self.facts):
            if f.kind == "amount":
                out[clean_label(f.label)].append(i)
        return dict(out)

    def amounts_named(self, ending: str, near: int, reach: int = _NEAR) -> list[tuple[str, Fact]]:
        """(name, amount) whose name ends in `ending`'s last two characters, within `reach`
        characters of `near` when the name is very common."""
        pairs = self.amounts_by_label_end.get(ending[-2:], [])
        if len(pairs) <= 50:
            return pairs
        starts = self._starts.get("label-end:" + ending[-2:])
        if starts is None:
            starts = self._starts["label-end:" + ending[-2:]] = [f.span.start for _, f in pairs]
        return pairs[bisect_left(starts, near - reach):bisect_right(starts, near + reach)]


_LABEL_NOISE = lazyre.compile(r"[\s\"'“”‘’()（）:,、]")


def _qualifier(fact: Fact, vocab: Vocabulary) -> tuple[str, ...]:
    if not fact.concept or fact.concept not in vocab.synonyms_of:
        return ()
    return _label_qualifier(fact.label, fact.concept, vocab)


@lru_cache(maxsize=4096)  # (the binder's index and the checks' ask of every amount: read once a label)
def _label_qualifier(label: str, concept: str, vocab: Vocabulary) -> tuple[str, ...]:
    label = _LABEL_NOISE.sub("", label)
    # the label up to where its own concept's name begins
    own = [syn for syn in vocab.synonyms_of[concept] if syn in label]
    if not own:
        return ()
    head = label[:max(label.rfind(syn) for syn in own)]
    if len(head) < 4:  # (most labels start with their concept's name: nothing of four characters before it)
        return ()
    for syn in vocab._synonyms_longest_first:
        if len(syn) < 4:  # longest first: no name of four characters or more follows
            break
        if syn in head and vocab.concepts[syn] != concept:
            return (vocab.concepts[syn],)
    return ()
