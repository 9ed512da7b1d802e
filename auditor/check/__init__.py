"""Stage 4: run the rule set over a document's relations: an outcome for every relation
checked, and a finding for every contradiction."""

from __future__ import annotations

import decimal
from functools import lru_cache

from auditor.check import diagnose
from auditor.check.context import Context, cut_not_rounded, doubt_cut_figures, tail_noted
from auditor.check.kinds import KINDS
from auditor.check.rulebook import Rule, load_rules
from auditor.extract import digit_names_restored
from auditor.extract.model import Extraction
from auditor.extract.vocabulary import Vocabulary, default_vocabulary
from auditor.findings import Finding, Outcome
from auditor.nogc import without_cycle_collection


def default_rules() -> list[Rule]:
    """The built-in rule set (read once per process; rules are frozen records)."""
    return list(_builtin_rules())


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    return tuple(load_rules(known_kinds=set(KINDS)))


def check(doc: Extraction, rules: list[Rule], vocab: Vocabulary | None = None, text: str = "") -> list[Finding]:
    """All findings of `rules` on `doc`, each contradiction once, in text order."""
    return evaluate(doc, rules, vocab, text)[0]


def evaluate(doc: Extraction, rules: list[Rule], vocab: Vocabulary | None = None, text: str = "",
             explained: bool = False) -> tuple[list[Finding], list[Outcome]]:
    """The findings, and the outcome of every relation each rule checked.

    `text` (the normalised text) lets doubt look at a figure's surroundings;
    with `explained`, relations another reading explains are findings too (info).
    """
    vocab = vocab or default_vocabulary()
    with without_cycle_collection():
        try:
            return _evaluate(doc, rules, vocab, text, explained)
        except decimal.InvalidOperation:
            # figures far apart in size and precision (51亿 beside 0.0000000000000000001元, a
            # hostile or garbled file): a result written to the finest one's precision has more
            # digits than the default context's 28.  Checked again with as many as they need;
            # a document that does not need them keeps the default arithmetic exactly.
            with decimal.localcontext() as context:
                context.prec = max(context.prec, _digits_needed(doc))
                return _evaluate(doc, rules, vocab, text, explained)


def _digits_needed(doc: Extraction) -> int:
    """Digits that sums, ratios and results written to the figures' precision may need: the
    span from the largest figure to the smallest (a ratio of the two), the most decimals, a
    margin for percentages and for sums of many figures."""
    figures = list(doc.facts)
    stack = [side for c in doc.calculations for side in c.sides]
    while stack:
        op = stack.pop()
        if op is not None:
            if op.figure is not None:
                figures.append(op.figure)
            stack.extend((op.left, op.right))
    sizes = [f.value.adjusted() for f in figures if f.value.is_finite() and f.value]
    span = max(sizes, default=0) - min(0, *sizes)
    decimals = max((f.decimals for f in figures), default=0)
    return max(60, span + decimals + 16)


_SHOWN = {"error", "warning"}  # (a finding shown wins over a note: between two shown, the first speaks as before)


def _evaluate(doc: Extraction, rules: list[Rule], vocab: Vocabulary, text: str,
              explained: bool) -> tuple[list[Finding], list[Outcome]]:
    ctx = Context(doc, vocab, text=text)
    try:
        checked = cut_not_rounded([doubt_cut_figures(ctx, o) for rule in rules for o in KINDS[rule.kind](rule, ctx)])
        checked = tail_noted(checked, {rule.id: rule.kind for rule in rules}, ctx)
    finally:
        # (a change's growth figures, kept in the memo, write their terms with closures over the context: a cycle
        # that held the whole document until the cycle collector came — emptied, it all goes when the checks end)
        ctx.memo.clear()
    checked = diagnose.assign(checked)  # which figure of a failing relation is likely wrong
    checked = [_names_restored(o, vocab) for o in checked]
    findings: list[Finding] = []
    outcomes: list[Outcome] = []
    # (two relations reaching one conclusion about a figure: a shown one over a note — a roll-forward that counts the
    # opening balance, failing, over the difference of the same sentence that leaves it out, which doubt made a note of:
    # "西城分会:年初余额12.74万元,本年收入87.20万元,本年支出93.16万元,年末余额66.78万元")
    first: dict[tuple, int] = {}
    for n, o in enumerate(checked):
        f = o.finding
        if f is not None and not (o.verdict == "explained" and not explained):
            key = (f.start, f.end, f.stated, f.expected)
            if key not in first or (f.severity in _SHOWN and checked[first[key]].finding.severity not in _SHOWN):
                first[key] = n
    for n, o in enumerate(checked):
        f = o.finding
        if f is not None and o.verdict == "explained" and not explained:
            pass  # kept with its outcome, shown only on request
        elif f is not None:
            keeper = first[(f.start, f.end, f.stated, f.expected)]
            if keeper != n:  # two rules reaching the same conclusion about one figure
                o = o.model_copy(update={"finding": None, "note": f"= {checked[keeper].rule}"})
            else:
                findings.append(f)
        outcomes.append(o)
    findings.sort(key=lambda f: (f.start, -f.rank, f.rule))
    outcomes.sort(key=lambda o: (o.figures[0].start if o.figures else -1, o.rule))
    return findings, outcomes


def _names_restored(o: Outcome, vocab: Vocabulary) -> Outcome:
    """The outcome with its finding's messages naming lottery games as the report writes them (快乐8, not the 快乐捌
    extraction reads: auditor/extract/__init__.py, _digit_names)."""
    f = o.finding
    if f is None:
        return o
    messages = {lang: digit_names_restored(m, vocab) for lang, m in f.messages.items()}
    if messages == f.messages:
        return o
    return o.model_copy(update={"finding": f.model_copy(update={"messages": messages})})
