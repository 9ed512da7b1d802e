"""Named items: a count and the names the text lists for it (直属单位10个,即 A、B、C …)."""

from __future__ import annotations

from typing import Iterator

from auditor.check import doubt
from auditor.check.context import Context, failed, finding, label_tail, outcome
from auditor.check.rulebook import Rule
from auditor.findings import Evidence, Outcome


def check_named_items(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SUM007: a count equals the number of names listed for it."""
    for e in ctx.doc.enumerations:
        count = e.count
        n = len(e.names)
        shown = "、".join(e.names)
        figures = [Evidence.of(count, "count"), Evidence.at(e.span, e.text, "names")]
        if count.value == n:
            yield outcome(rule, e, "holds", figures)
            continue
        if e.reason == "names_included" and n < count.value:
            yield outcome(rule, e, "holds", figures, note="包括 may name only some")
            continue
        listed = f"{n}{count.unit}"
        arithmetic = {"zh": f"列出 {n} 个名称（{shown}）≠ {count.text}",
                      "en": f"{n} names listed ({shown}) ≠ {count.text}"}
        yield failed(rule, e, finding(
            rule, ctx, primary=count, stated=count.text, expected=listed, arithmetic=arithmetic, evidence=figures,
            fields={"label": label_tail(count.label, 12) or count.unit, "n": str(n)},
        ), found=doubt.explain_names(ctx.doubt, count, list(e.names), e.joined))
