"""Sums: a stated total against its parts, and the domain's known identities."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditor.check import diagnose, doubt
from auditor.check.arithmetic import (Comparison, Value, compare, decimals_for, ratio_percent, show, sum_equation,
                                      total, unit_of, written)
from auditor.check.context import Context, diff_text, failed, finding, label_tail, outcome
from auditor.check.rulebook import Rule
from auditor.extract.bind.reasons import EXPLICIT
from auditor.extract.bind.resolvers import balance
from auditor.extract.model import Breakdown, Fact
from auditor.findings import Evidence, Outcome



def total_name(ctx: Context, total: Fact) -> str:
    """What a sum's message calls its total: the noun its label names, without the words pointing back to it
    ("这五个省市的中奖总额" → 中奖总额, "…总额高的" → …总额; cue total_name_pointer) — a total with none
    ("共26人", "在这395亿元当中": cue generic_total_name) by the figure of its value it restates earlier in the
    paragraph ("社署的实际开支总额为395亿元。在这395亿元当中"), else 总额."""
    generic, pointer = ctx.vocab.cue("generic_total_name"), ctx.vocab.cue("total_name_pointer")

    def noun(name: str) -> str:
        name = pointer.sub("", name or "")
        return "" if not name or generic.fullmatch(name) else name

    named = noun(total.concept or "") or noun(label_tail(total.label, 12))
    if named:
        return named
    restated = [f for f in ctx.doc.facts if f.kind == total.kind and f.value == total.value and f.id != total.id
                and f.span.end <= total.span.start and total.span.line - f.span.line <= 1]
    return next((x for f in reversed(restated) if (x := noun(f.concept or "") or noun(label_tail(f.label, 12)))),
                "总额")


def sum_arithmetic(total_fact: Fact, parts: list[Fact], subtracted: list[Fact], computed: Value,
                   comparison, partial: bool = False) -> dict[str, str]:
    terms = added(parts, total_fact)
    if subtracted:
        terms += "".join(f" − {written(p, total_fact)}" for p in subtracted)
    shown = show(computed.value, total_fact, decimals_for([*parts, *subtracted], total_fact) - total_fact.decimals)
    relation = ">" if partial else "≠"
    unit = unit_of(total_fact)
    out = {}
    for lang in ("zh", "en"):
        out[lang] = f"{terms} = {shown}{unit} {relation} {written(total_fact)}{unit} {diff_text(comparison.difference, total_fact, lang, decimals_for([*parts, *subtracted], total_fact))}"
    return out


def added(parts: list[Fact], like: Fact) -> str:
    """"a + b − c": a part below zero after the first (a loss in a statement, "(591)") is taken away, not added as
    "+ -591"."""
    out = ""
    for n, p in enumerate(parts):
        text = written(p, like)
        if n and text.startswith("-"):
            out += " − " + text[1:]
        else:
            out += (" + " if n else "") + text
    return out


def _figures(b: Breakdown) -> list[Evidence]:
    return [Evidence.of(b.total, "total"), *(Evidence.of(p, "part") for p in b.parts),
            *(Evidence.of(p, "subtracted") for p in b.subtracted)]


def check_breakdown(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SUM001: parts listed under a total add up to it (a partial list: do not exceed it).

    `reasons` / `exclude_reasons` (rule parameters) give a rule the lists of some
    readings only: TAB001 the 自评表's sources, TAB002 its 结余."""
    min_parts = int(rule.params.get("min_parts", 1))
    only, skip = set(rule.params.get("reasons", ())), set(rule.params.get("exclude_reasons", ()))
    share_of = {s.part.id: s.percent for s in ctx.doc.shares if s.part is not None}
    for b in ctx.doc.breakdowns:
        if len(b.parts) + len(b.subtracted) < min_parts or (only and b.reason not in only) or b.reason in skip:
            continue
        computed = total([Value.of(p) for p in b.parts]) - total([Value.of(p) for p in b.subtracted])
        cmp = compare(b.total, computed)
        equation = sum_equation(b.total, b.parts, b.subtracted)
        if cmp.verdict == "ok":
            exact = _whole_parts_exact(b)
            slipped = compare(b.total, exact) if exact is not None else None
            if slipped is None or slipped.verdict == "ok":
                yield outcome(rule, b, "holds", _figures(b), equation=equation)
                continue
            # "…4万元、4万元、门球场维修费4.76万元。9个项目共计36.97万元": a whole 4万元 beside 4.76万元 is
            # 4.00, not anything from 3.5 to 4.5 — read so, the parts miss; read as rounded, they do not
            yield failed(rule, b, finding(
                rule, ctx, primary=b.total, stated=b.total.text,
                expected=f"{show(exact.value, b.total, 0)}{b.total.written_unit}",
                arithmetic=sum_arithmetic(b.total, list(b.parts), list(b.subtracted), exact,
                                          Comparison("minor", slipped.difference, slipped.slack), False),
                evidence=_figures(b), comparison=Comparison("minor", slipped.difference, slipped.slack),
                fields={"label": total_name(ctx, b.total), "marker": b.marker,
                        "partial": "", "slip_zh": "（整数写出的分项按准确值计）",
                        "slip_en": " (the parts written as whole numbers taken as exact)"}))
            continue
        by_shares = not b.complete and _shares_make_whole(share_of, b)
        partial = not b.complete and not by_shares
        if partial and computed.value <= b.total.value:
            # (… unless the parts make the total exactly once one figure's unit is undone: "全年执行数3458000万元,
            # 其中设备购置1800000元,人员培训1658000元" names all of it, in 元)
            if diagnose.find_slip([b.total, *b.parts, *b.subtracted], diagnose.sum_holds(0, 1 + len(b.parts))) is None:
                yield outcome(rule, b, "holds", _figures(b), note="a list naming only some parts")
                continue
            partial = False
        as_read = equation  # (what the miss is weighed on, ALT008)
        if partial:
            equation = None  # a list naming only some parts: its total is not their sum
        expected = show(computed.value, b.total, decimals_for([*b.parts, *b.subtracted], b.total) - b.total.decimals)
        fields = {"label": total_name(ctx, b.total), "marker": b.marker,
                  "partial": "（分项之和超过总额）" if partial else "", "slip_zh": "", "slip_en": ""}
        primary, stated, expected = b.total, b.total.text, f"{expected}{b.total.written_unit}"
        slip = diagnose.find_slip([b.total, *b.parts, *b.subtracted], diagnose.sum_holds(0, 1 + len(b.parts)))
        if slip is not None:  # "471.23元" among 万元: a unit slip, said as such (a warning)
            cmp = Comparison("minor", cmp.difference, cmp.slack)
            primary, stated, expected = slip.figure, slip.figure.text, slip.should_be
            fields.update(slip.fields, partial="")
        yield failed(rule, b, finding(
            rule, ctx, primary=primary, stated=stated, expected=expected,
            arithmetic=sum_arithmetic(b.total, list(b.parts), list(b.subtracted), computed, cmp, partial),
            evidence=_figures(b), comparison=cmp, fields=fields,
        ), found=None if slip else (_nested_by_share(ctx, b, partial)
                                    or doubt.explain_sum(ctx.doubt, b.total, list(b.parts), list(b.subtracted), b,
                                                         ctx.vocab)), equation=None if slip else equation,
            weigh=as_read, accuse_from=EXPLICIT + 1 if by_shares and not _shares_of_total(share_of, b) else None,
            # (the members of a closed family — “三公” = 出国 + 公车 + 接待 — are named, not run into; a
            # table's rows and columns are laid out, and the row that breaks what the others agree on is
            # how a report's own slip shows)
            wide_dismissed=not doubt.closed_family(b.total, list(b.parts), ctx.vocab)
            and not any(f.in_table for f in (b.total, *b.parts)))


def _shares_of_total(share_of: dict[int, Fact], b: Breakdown) -> bool:
    """The first part's stated share is its share of the total: the shares that make the list whole
    are the total's.  When they fit only the parts' own sum ("上级补助资金50000万元…中央和省级资金分别为
    30000万元和15000万元,分别占66.7%和33.3%"), the parts may be all of something else than the total,
    and their sum missing it is at most a warning."""
    computed = ratio_percent(Value.of(b.parts[0]), Value.of(b.total))
    return computed is not None and compare(share_of[b.parts[0].id], computed).verdict == "ok"


def _whole_parts_exact(b: Breakdown) -> Value | None:
    """The parts' sum with the parts written as whole numbers taken as exact to the total's
    decimals — when the total and another part of the list, in the same unit, write decimals
    (a list that writes 4.76万元 writes 4万元 for 4.00, not for 3.5 to 4.5); else None."""
    if not b.complete or b.total.decimals == 0:
        return None
    unit = b.total.written_unit
    same = [p for p in (*b.parts, *b.subtracted) if p.written_unit == unit]
    whole = [p for p in same if p.decimals == 0 and p.value != 0]
    if not whole or not any(p.decimals > 0 for p in same):
        return None
    def value(p: Fact) -> Value:
        return Value(p.value, min(p.tolerance, b.total.tolerance)) if p in whole else Value.of(p)
    return total([value(p) for p in b.parts]) - total([value(p) for p in b.subtracted])


def _nested_by_share(ctx: Context, b, partial: bool) -> doubt.Found | None:
    """ALT002: a part whose stated share is of another part ("授予中小企业合同金额473.86万元,占比71.98%;授予小微
    企业合同金额329.24万元,占比69.48%" — 329.24 / 473.86): a share of that part, so within it, no sibling; the
    list without it holds."""
    for p in b.parts:
        share = ctx.first_share_of.get(p.id)
        if share is None:
            continue
        for q in b.parts:
            computed = ratio_percent(Value.of(p), Value.of(q)) if q is not p and q.value > p.value else None
            if computed is None or compare(share, computed).verdict != "ok":
                continue
            rest = [x for x in b.parts if x is not p]
            made = total([Value.of(x) for x in rest]) - total([Value.of(x) for x in b.subtracted])
            if compare(b.total, made).verdict == "ok" or (partial and made.value <= b.total.value):
                terms = " + ".join(written(x) for x in rest)
                return doubt.Found("ALT002", {
                    "zh": f"{terms}（{p.text} 占 {q.text} 的 {written(share)}%，是其中一部分，不另计）",
                    "en": f"{terms} ({p.text} is {written(share)}% of {q.text}: within it, not counted again)"})
    return None


def _shares_make_whole(share_of: dict[int, Fact], b: Breakdown) -> bool:
    """Every part states its share and the shares add to 100 %: the list is complete
    ("主要用于以下方面:A 67.64万元,占5.35%;B 1196.48万元,占94.59%;C 0.8万元,占0.06%")."""
    shares = [share_of.get(p.id) for p in b.parts]
    if len(shares) < 2 or any(x is None for x in shares):
        return False
    total_share = sum((x.value for x in shares), Decimal(0))
    # the shares' own rounding, plus one unit of their last digit (a share nudged to make 100 %)
    slack = sum((x.tolerance for x in shares), Decimal(0)) + Decimal(1).scaleb(-max(x.decimals for x in shares))
    if abs(total_share - 100) > slack:
        return False
    # shares in the total's own paragraph are of it; elsewhere ("本级留用447.07万元。二、…(一)…占总数的
    # 58.09%", of the parts' sum 224.14) they make the parts whole, not the total, unless they are its shares
    if shares[0].window == b.total.window:
        return True
    computed = ratio_percent(Value.of(b.parts[0]), Value.of(b.total))
    return computed is not None and compare(shares[0], computed).verdict == "ok"


def check_identity(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SUM002…: a known identity (支出 = 基本支出 + 项目支出) across the document
    (the identities the binder found for the rule's family)."""
    family = rule.params.get("family", "")
    for b in ctx.doc.identities:
        if b.family != family:
            continue
        parts = list(b.parts)
        computed = total([Value.of(p) for p in parts])
        cmp = compare(b.total, computed)
        equation = sum_equation(b.total, parts)
        if cmp.verdict == "ok":
            yield outcome(rule, b, "holds", _figures(b), equation=equation)
            continue
        expected = show(computed.value, b.total, decimals_for(parts, b.total) - b.total.decimals)
        yield failed(rule, b, finding(
            rule, ctx, primary=b.total, stated=b.total.text, expected=f"{expected}{b.total.written_unit}",
            arithmetic=sum_arithmetic(b.total, parts, [], computed, cmp), evidence=_figures(b), comparison=cmp,
            fields={"label": b.total.concept or "", "parts": "、".join(p.concept or "" for p in parts)},
        ), found=doubt.explain_identity(ctx.doubt, b.total, parts), equation=equation, weigh=equation)


_OFFSET_REACH = 4  # lines after the later total where the text may offset the two


def _offset_stop(text: str, after: int) -> int:
    """Where the lines after the later total that may offset the two end."""
    stop = after
    for _ in range(_OFFSET_REACH + 1):
        stop = text.find("\n", stop + 1)
        if stop < 0:
            return len(text)
    return stop


def _offset_said(ctx: Context, left: Fact, right: Fact) -> bool:
    """A sentence within a few lines after the two totals offsets them (收支相抵, cue offset): what it says of them is
    the text's own word ("收支相抵,无结余": they are equal)."""
    after = max(left.span.end, right.span.end)
    return ctx.vocab.cue("offset").search(ctx.doubt.text, ctx.doubt.sentence_start(after),
                                          _offset_stop(ctx.doubt.text, after)) is not None


def _offset_leaves_balance(ctx: Context, left: Fact, right: Fact) -> bool:
    """A sentence within a few lines after the two totals offsets them (收支相抵, cue offset) and names a balance left
    (cue offset_left: 结余, 结转, 滚存, 余额 — not "无结余", which says they are equal) without its figure."""
    text = ctx.doubt.text
    after = max(left.span.end, right.span.end)
    offset, left_over = ctx.vocab.cue("offset"), ctx.vocab.cue("offset_left")
    for m in offset.finditer(text, ctx.doubt.sentence_start(after), _offset_stop(text, after)):
        begin = ctx.doubt.sentence_start(m.start())
        end = min((i for i in (text.find(c, m.end()) for c in "。!?\n") if i >= 0), default=len(text))
        if left_over.search(text, begin, end) and not any(f.kind == left.kind and begin <= f.span.start < end
                                                          for f in ctx.doc.facts):
            return True  # (with its figure, "收支相抵,结转下年14263万元", the balance is checked against the totals instead)
    return False


def _sums_government_fund(ctx: Context, total) -> bool:
    """The total is stated as a sum over a government fund's figure ("全县一般公共预算收入38.26亿元…。加上上级补助收入…,
    收入总计93.60亿元"): a government's total, whatever its own label says."""
    return any(b.total.id == total.id and any(balance.of_government_fund(p) for p in b.parts)
               for b in ctx.doc.breakdowns)


def _fund_flows(ctx: Context, left: Fact, right: Fact, left_words, right_words) -> bool:
    """The two totals are a fund's income and spending (cue fund_flows), not the two sides of a unit's 收入支出决算总表:
    their labels name the fund before the totals' words ("四项基金收入总计…,支出总计…"), or the text's title does
    ("某县2023年社会保险基金决算") — in a text that names no unit's account (cue unit_account) and not as two rows of
    one table."""
    text = ctx.doubt.text
    if (left.in_table and right.in_table) or ctx.vocab.cue("unit_account").search(text):
        return False
    flows = ctx.vocab.cue("fund_flows")
    for f, words in ((left, left_words), (right, right_words)):
        word = next((w for w in words if w in f.label), None)
        if word is not None and flows.search(f.label[:f.label.index(word)]):
            return True
    title = next((line.strip() for line in text.split("\n", 3)[:3] if line.strip()), "")
    return len(title) <= 40 and "。" not in title and bool(flows.search(title))


def check_balance(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SUM006: two totals the accounts make equal (收入总计 = 支出总计 in 决算)."""
    found = list(balance.pairs(ctx.index, rule.params.get("left", ()), rule.params.get("right", ())))
    # (the totals apart in every year the text states both — "2023年度收入总计2,510.22万元、支出总计2,503.64万元。…上年收入
    # 总计、支出总计分别为2,474.27万元和2,474.92万元" —: the report's totals are not a balanced account's, no slip)
    apart = len(found) >= 2 and all(compare(right, Value.of(left)).verdict != "ok" for left, right in found)
    for left, right in found:
        figures = [Evidence.of(right, "right"), Evidence.of(left, "left")]
        reason = balance.reason(left, right)
        cmp = compare(right, Value.of(left))
        if cmp.verdict == "ok":
            yield outcome(rule, None, "holds", figures, reason=reason)
            continue
        if any({left.id, right.id} <= {f.id for f in (*d.minuends, *d.subtrahends)} for d in ctx.doc.differences):
            # ("收入总计481342万元,减支出总计473796万元,财政滚存结余7546万元": the text states their difference, a balance
            # left, and says nothing of their being equal — DIF001 checks what it says)
            yield outcome(rule, None, "undecided", figures, reason=reason,
                          note="the text states the totals' difference")
            continue
        if _offset_leaves_balance(ctx, left, right):
            # ("收支相抵,年终结余全部为按规定结转下年继续使用的项目资金": the text offsets the totals and says a balance is
            # left, without its figure — it does not say they are equal)
            yield outcome(rule, None, "undecided", figures, reason=reason,
                          note="the text offsets the totals and says a balance is left")
            continue
        if balance.of_government_fund(left) or balance.of_government_fund(right) \
                or (_sums_government_fund(ctx, left) or _sums_government_fund(ctx, right)) \
                and not _offset_said(ctx, left, right):
            # (a government fund's 支出总计 may leave its 年终结余 out: unequal totals are no contradiction)
            yield outcome(rule, None, "undecided", figures, reason=reason,
                          note="a government fund's totals need not balance")
            continue
        if _fund_flows(ctx, left, right, rule.params.get("left", ()), rule.params.get("right", ())):
            # ("四项基金收入总计26498.21万元,支出总计25018.09万元": a fund's income and spending, apart by its 结余)
            yield outcome(rule, None, "undecided", figures, reason=reason,
                          note="a fund's income and spending, not a unit's balanced account")
            continue
        explained = doubt.explain_balance(ctx.doubt, left, right, ctx.vocab)
        if explained is None and apart:
            yield outcome(rule, None, "undecided", figures, reason=reason,
                          note="the totals differ in every year the text states them")
            continue
        arithmetic = {lang: f"{written(left)}{unit_of(left)} ≠ {written(right, left)}{unit_of(left)} "
                            f"{diff_text(cmp.difference, right, lang)}" for lang in ("zh", "en")}
        yield failed(rule, None, finding(rule, ctx, primary=right, stated=right.text, expected=left.text,
                                         arithmetic=arithmetic, evidence=figures, comparison=cmp),
                     reason=reason, found=explained, weigh=sum_equation(right, [left]))
