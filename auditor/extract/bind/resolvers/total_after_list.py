"""A total stated after the list it sums: numbered items then 以上共计, or 分别为 … 共计(发放).

    "1.设备购置50万元;\\n2.人员培训40万元;\\n3.宣传印刷20万元。\\n以上共计120万元。"
        → 120 = 50 + 40 + 20  (total_after_items)
    "培训分别为:农民200人、干部50人、技术员30人,共计培训300人。"
        → 300 = 200 + 50 + 30  (total_after_respectively: the total may name itself)
    "中央资金125.5万元\n省级资金91.2万元\n市级资金24.6万元\n以上资金合计241.3万元。"
        → 241.3 = 125.5 + 91.2 + 24.6  (total_after_lines: a line per item, no numbers)
    "…天津,为1002万元;…还有广东、江苏、山东和浙江,分别中奖2110万元、1581万元、1499万元和1398万元。这五个省市的中奖
     总额高达8499万元" → 8499 = 1002 + 2110 + 1581 + 1499 + 1398  (total_of_counted_names: the total opens its
        sentence counting what it is of, 这五个…总额, and the sentence before states exactly that many figures of its kind)

A 共计/合计 that opens its sentence (with nothing before it but 以上, 上述, N项 …)
right after a run of numbered items sums the items, one figure each (an item
without a figure of the total's kind leaves the list open: nothing is bound).
After 分别为 with no figure before it in its sentence, the parts are the figures
up to the 共计 that closes them.  Lines that each state one figure and nothing
else, set apart from what comes before them by a line without figures (a
heading), are the items of the 合计 line right after them.
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import adds_up, make_breakdown, other_measures
from auditor.extract.bind.resolvers.numbered_items import item_runs
from auditor.extract.bind.standards import listed_per_unit, per_unit
from auditor.extract.model import Fact
from auditor.extract.numbering import NUMBERED_LINE, counted, item_number, item_style
from auditor.extract.readings import OPENERS, Reading, clean_label, said_before
from auditor.textsearch import last_of

_LOOK = 200


def resolve(r: Reading) -> Iterator[Candidate]:
    yield from _after_batches(r)
    yield from _after_items(r)
    yield from _after_numbered_lines(r)
    yield from _after_respectively(r)
    yield from _after_lines(r)
    yield from _of_counted_names(r)


def _of_counted_names(r: Reading) -> Iterator[Candidate]:
    """"这五个省市的中奖总额高达8499万元": a figure opening its sentence whose name counts what it totals (这 / 以上 /
    上述 + N个… + 总额 / 合计: cue counted_names_total), after a sentence of its paragraph stating exactly N figures of
    its kind and unit (this year's), none before them in the total's own sentence: their sum.  Nothing marks the list
    but the count, and a 总额 of those names may hold more than the figures said of them (a prize besides the big ones):
    the reading may only warn (total_of_counted_names is a vocabulary reading)."""
    tree = r.tree
    cue = r.vocab.cue("counted_names_total")
    # (its 合计 a total's own word: "这三个市的销量合计110.1亿元")
    for s in sorted((*tree.of_kind("labelled"), *tree.of_kind("total")), key=lambda s: s.index):
        total = r.facts[s.index]
        if total is None or total.kind not in {"amount", "count"} or total.is_bound or r.is_previous(total):
            continue
        m = cue.match(clean_label(s.piece.label or total.label))
        # (a 合计's name a words node before it, which opens the sentence)
        opens = tree.opens_sentence(s.index) or s.kind == "total" and s.index > 0 and tree[s.index - 1].kind == "words" \
            and tree.opens_sentence(s.index - 1)
        if m is None or not opens:
            continue
        word = m.group("count")
        count = int(word) if word.isdigit() else _NUMERALS.get(word)
        first = tree.unit("sentence", s.index).start
        if not count or count < 2 or first == 0 or tree[first - 1].paragraph != s.paragraph:
            continue
        before = [r.facts[k] for k in tree.unit("sentence", first - 1) if r.facts[k] is not None]
        alike = [f for f in before if (f.kind, f.unit) == (total.kind, total.unit)]
        if len(alike) != count or any(r.is_previous(f) or f.approximate for f in alike):
            continue
        # ("上年两区投资分别为28亿元、23亿元。这两个区的本年投资合计60亿元": last year's figures, said so before them in
        # their sentence — no parts of this year's total)
        said_from = r.facts[next(k for k in tree.unit("sentence", first - 1) if r.facts[k] is not None)]
        opening = r.norm.text[_sentence_start(r.norm.text, said_from.span.start):min(f.span.start for f in alike)]
        if r.vocab.cue("last_years_figure").search(opening):
            continue
        made = make_breakdown(r, total, alike, "合计", True, "total_of_counted_names", ("the figures it counts",))
        if made:
            yield made


# a part named by its place in a sequence of batches or rounds: "第一批于1月下达300万元", "第二次拨付150万元"
_BATCH = lazyre.compile(r"^[,;:、]?\s*第([一二三四五六七八九十])(批|次|期|笔)")
# … and the total right after the last one, that says it sums them: "累计到位530万元", "共计下达", "三批合计"
_BATCHES_TOTAL = lazyre.compile(r"^[,;:、]?\s*(?:[一二三四五六七八九十两]\s*(?:批|次|期|笔)\s*)?(?:累计|共计|合计|总计)")


def _after_batches(r: Reading) -> Iterator[Candidate]:
    """"资金分三批下达:第一批于1月下达300万元,第二批于6月下达150万元,第三批于11月下达80万元,累计到位530万元":
    the parts a sentence names by their place in a sequence (第一批, 第二批 … 第N批, each once, in order, from the first),
    then the figure right after the last that says it adds them up (累计 / 共计 / 合计): their sum.  Read only where no
    other figure stands between them, in one unit; where the sentence says how many (分三批) it is that many."""
    for facts in r.facts_by_sentence(prose_only=True):
        run: list[Fact] = []
        for f in facts:
            label = clean_label(f.label)
            m = _BATCH.match(label)
            if m is not None and _NUMERALS.get(m.group(1)) == len(run) + 1 \
                    and (not run or (f.kind, f.unit) == (run[0].kind, run[0].unit)
                         and _BATCH.match(clean_label(run[0].label)).group(2) == m.group(2)):
                run.append(f)
                continue
            if len(run) >= 2 and _BATCHES_TOTAL.match(label) and (f.kind, f.unit) == (run[0].kind, run[0].unit) \
                    and f.kind in {"amount", "count"} and not any(p.is_bound for p in (*run, f)):
                said = re.search(r"分([一二三四五六七八九十两])(?:批|次|期|笔)",
                                 r.norm.text[_sentence_start(r.norm.text, run[0].span.start):run[0].span.start])
                if said is None or _NUMERALS.get(said.group(1)) == len(run):
                    made = make_breakdown(r, f, list(run), "累计", True, "total_after_batches")
                    if made:
                        yield made
            run = [f] if m is not None and _NUMERALS.get(m.group(1)) == 1 else []


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding offset `at` begins (after the last 。！？ or line break before it)."""
    return last_of(text, "。！？!?\n", at) + 1


def _opens_with_total(r: Reading, i: int) -> bool:
    """The total at node i opens its sentence, or only generic words (以上, 上述 …) stand before it."""
    tree = r.tree
    generic = r.vocab.cue("generic_total_name")
    for j in tree.before(i, "sentence"):
        t = tree[j]
        if t.kind == "item" or t.is_separator:
            continue
        if t.kind == "words" and generic.fullmatch(clean_label(t.piece.label)):
            continue
        return False
    return True


def _after_items(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    last_of = None
    named = r.vocab.cue("items_total_named")
    for s in tree.of_kind("total", "labelled"):
        total = r.facts[s.index]
        if total is None or total.kind not in {"amount", "count"} or total.is_bound:
            continue
        said = named.fullmatch(clean_label(s.piece.label)) if s.kind == "labelled" else None
        if s.kind == "labelled" and said is None:
            continue  # ("以上合计支出180万元": a total named so, the 合计 inside its label)
        verb = said.group("verb") if said is not None else None
        if not _opens_with_total(r, s.index):
            continue
        if last_of is None:  # the runs of numbered items, once, when a total could follow one
            last_of = {run[-1]: run for run in item_runs(r)}
        # the nearest item marker before the total, with no other total between
        k = s.index - 1
        while k >= 0 and s.index - k < _LOOK and tree[k].kind != "item" and tree[k].kind != "total":
            k -= 1
        run = last_of.get(k) if k >= 0 and tree[k].kind == "item" else None
        if run is None or tree[k].depth != s.depth or s.paragraph - tree[k].paragraph > 1:
            continue
        parts = _item_parts(r, run, s.index, total, verb)
        if len(parts) >= 2 and not adds_up(total, parts) and verb is None:
            # "1.基本支出2,130.85万元 (1)… (2)… 2.项目支出927.16万元 (1)… (2)… (3)… 以上共计3,058.01万元": the
            # run just before 以上 are the last item's own sub-items; the items above them may be what it sums
            # (they are when the sub-items make their item's figure: then they are its breakdown, told already)
            outer = _outer_run(r, run, last_of)
            above = _item_parts(r, outer, s.index, total) if outer is not None else []
            if len(above) >= 2 and (adds_up(total, above) or adds_up(above[-1], parts)):
                parts = above
        if len(parts) >= 2:
            made = make_breakdown(r, total, parts, "合计", True, "total_after_items")
            if made:
                yield made


def _after_numbered_lines(r: Reading) -> Iterator[Candidate]:
    """"(一)城乡低保。项目资金4,260.00万元,…\n(二)…\n(三)…\n(四)孤儿基本生活保障。项目资金96.00万元,…\n以上四项资金
    合计6,466.00万元": a total that opens its line and counts its items (以上四项: cue counted_total) after as many lines
    numbered 1 to N in one style right before it (lines whose markers, in a sentence of words alone, the parse keeps no
    item of) sums each line's first figure of its kind — all of one name, or the reading is left."""
    tree, text = r.tree, r.norm.text
    counted = r.vocab.cue("counted_total")
    for s in tree.of_kind("total"):
        total = r.facts[s.index]
        if total is None or total.kind not in {"amount", "count"} or total.is_bound or not _opens_with_total(r, s.index):
            continue
        m = counted.match(clean_label(total.label))
        count = (int(m.group("count")) if m.group("count").isdigit() else _NUMERALS.get(m.group("count"))) if m else None
        line_start = text.rfind("\n", 0, tree[tree.unit("sentence", s.index).start].start) + 1
        if not count or count < 2 or text[line_start:tree[tree.unit("sentence", s.index).start].start].strip():
            continue
        lines: list[tuple[int, int]] = []  # (start, end) of the lines before, nearest first
        end = line_start - 1
        while len(lines) < count and end > 0:
            start = text.rfind("\n", 0, end) + 1
            lines.append((start, end))
            end = start - 1
        if len(lines) < count:
            continue
        lines.reverse()
        markers = [NUMBERED_LINE.match(text, start) for start, _ in lines]
        if any(x is None for x in markers) or len({item_style(x.group().strip(" \t|")) for x in markers}) != 1 \
                or [item_number(x.group().strip(" \t|")) for x in markers] != list(range(1, count + 1)):
            continue
        if lines[0][0] > 0 and NUMBERED_LINE.match(text, text.rfind("\n", 0, lines[0][0] - 1) + 1) is not None \
                and item_style(NUMBERED_LINE.match(text, text.rfind("\n", 0, lines[0][0] - 1) + 1).group()
                               .strip(" \t|")) == item_style(markers[0].group().strip(" \t|")):
            continue  # (a line of the same style before the first: more items than it counts)
        parts = []
        for start, stop in lines:
            found = next((f for f in r.facts if f is not None and start <= f.span.start < stop and not f.in_table
                          and (f.kind, f.unit) == (total.kind, total.unit)), None)
            if found is None or found.is_bound or r.is_previous(found):
                break
            parts.append(found)
        if len(parts) != count or len({clean_label(p.label) for p in parts}) != 1:
            continue
        made = make_breakdown(r, total, parts, "合计", True, "total_after_items", ("the numbered lines it counts",))
        if made:
            yield made


_NUMERALS = {c: n for n, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def _item_parts(r: Reading, run: list[int], end: int, total: Fact, verb: str | None = None) -> list[Fact]:
    """One figure of each item of the run (the items ending at node `end`), or none when an item has none — named by
    the `verb` the total names, when it names one ("以上合计支出": each item's 已支出, not its 安排资金)."""
    tree = r.tree
    depth = tree[end].depth
    compared = r.vocab.cue("compared_end")
    parts = []
    for start, stop in zip(run, [*run[1:], end]):
        # (each item's figure of this year: not last year's, nor what a change starts from — "1.…支出由上年的
        # 702,000.00元增加到720,000.00元", "上年发放158.95万元,本年发放161.20万元")
        found = [r.facts[m] for m in range(start + 1, stop)
                 if r.facts[m] is not None and tree[m].kind == "labelled" and tree[m].depth == depth
                 and r.facts[m].kind == total.kind and r.facts[m].unit == total.unit
                 and (r.is_previous(total) or not r.is_previous(r.facts[m]))
                 and not compared.search(clean_label(r.facts[m].label))
                 # ("(一)…按每人每月500元标准发放…,支出720,000.00元": a standard is no item's amount)
                 and per_unit(r, r.facts[m]) is None
                 # (the measure is the total's verb, words before it only: "已支出", not "支出进度")
                 and (verb is None or clean_label(r.facts[m].label).endswith(verb))]
        if verb is not None and len(found) > 1:
            # ("计划支出60万元,实际支出55万元": two figures of the verb; the total names no qualifier, so only the
            # verb said alone is its item's — else the item's figure is undecided, and so is the list)
            found = [f for f in found if clean_label(f.label) == verb]
            if len(found) != 1:
                return []
        found = found[0] if found else None
        if found is None or found.is_bound:
            return []
        parts.append(found)
    return parts


def _outer_run(r: Reading, run: list[int], last_of: dict[int, list[int]]) -> list[int] | None:
    """The run of items of another style whose last item holds this run (its sub-items), if any."""
    tree = r.tree
    k = run[0] - 1
    while k >= 0 and tree[k].kind != "item":
        k -= 1
    outer = last_of.get(k) if k >= 0 else None
    return outer if outer is not None and tree[k].depth == tree[run[0]].depth else None


# a new clause naming members of its own before its total: "…;三台县、盐亭县、梓潼县五县合计"
_OTHERS_NAMED = lazyre.compile(r";[^;。]*?[\u4e00-\u9fff]{2,10}、[\u4e00-\u9fff]{2,10}")
# (… or after the count of what it sums, "三年累计审减", "两项合计": that count must be the parts', and what it names the
# sentence said of them before — "分别审减资金…,三年累计审减", not "支出决算分别为…,三年累计压减": the fall over the years)
_NAMED_TOTAL = lazyre.compile(r"^(?:(\d{1,2}|[两二三四五六七八九十])\s*(?:个|项|类|年)?)?(?:共计|合计|总计|累计|共)([\u4e00-\u9fff]{0,4})$")


def _after_respectively(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for s in tree.of_kind("total", "labelled"):
        total = r.facts[s.index]
        if total is None or total.kind not in {"amount", "count"} or total.is_bound:
            continue
        # "共计100万元", or "共计发放120万元": a total that names what it sums
        named = _NAMED_TOTAL.match(clean_label(s.piece.label)) if s.kind == "labelled" else None
        if s.kind != "total" and named is None:
            continue
        opener = None
        parts = []
        for j in tree.before(s.index, "sentence", limit=_LOOK):
            t = tree[j]
            if t.kind in OPENERS:
                opener = t
                break
            if t.kind == "total":
                break
            f = r.facts[j]
            if f is not None and t.kind == "labelled" and t.depth == s.depth and f.kind == total.kind \
                    and f.unit == total.unit:
                parts.append(f)
        if opener is None or opener.kind != "fenbie" or len(parts) < 2 or any(p.is_bound for p in parts):
            continue
        if named is not None and named.group(1) and (
                counted(named.group(1)) != len(parts)
                or named.group(2) not in r.norm.text[tree[tree.unit("sentence", s.index)[0]].start:parts[-1].span.start]):
            continue  # ("…分别为a、b、c,两项合计…": the count the total names is not the parts'; "三年累计压减": not said of them)
        if other_measures(r, said_before(tree, opener.index) + clean_label(parts[-1].label), clean_label(total.label)):
            continue  # ("送审金额分别为a、b、c,审定金额合计…": the total of another measure than the list's, no sum of it)
        if any(per_unit(r, p) is not None for p in parts):
            continue  # ("单位造价分别为每座120万元、每眼4.5万元、每公里48万元,共需投资852万元": standards, no parts)
        if listed_per_unit(r, parts[-1]):
            # ("户均补助分别为1.2万元和3.5万元,补助资金共计485.6万元", "亩均补贴分别为200元和350元,补贴资金共计52万元": the
            # 分别 list names amounts per unit — rates paid, no parts of the money they come to)
            continue
        if _OTHERS_NAMED.search(r.norm.text, parts[0].span.end, total.span.start):
            continue  # ("…分别为8.46亿元、…4.18亿元;三台县、盐亭县…五县合计25.31亿元": a total of other members, named)
        if _other_scope(r, opener, parts, total):
            continue
        # a figure before 分别为 in its sentence is the list's own total (opener_list's reading) — unless every such
        # figure is a whole larger than the 共计 that the parts do not make, what the listed money was drawn from
        # ("准备金8,000萬元,…分别动支1,850萬元、2,320萬元、960萬元,合计5,130萬元"; not "累计安排5985.39万元,分年度分别为…;
        # 累计支出4987.32万元", whose parts make the figure before)
        before = [r.facts[j] for j in tree.before(opener.index, "sentence", limit=_LOOK)
                  if r.facts[j] is not None and r.facts[j].kind == total.kind and r.facts[j].unit == total.unit]
        # — nor when the total counts the parts it sums, the 分别 run's own verb after its count ("2018—2022年分别完成a、…、e,
        # 五年累计完成S": the five years', whatever came before), and no figure before makes them
        claims = named is not None and bool(named.group(1)) and bool(named.group(2))
        if any(adds_up(f, parts) or (not claims and f.value <= total.value + f.tolerance + total.tolerance)
               for f in before):
            continue
        made = make_breakdown(r, total, list(reversed(parts)), "分别为", True, "total_after_respectively")
        if made:
            yield made


def _other_scope(r: Reading, opener, parts: list[Fact], total: Fact) -> bool:
    """The words between the 分别 list (`parts`, nearest first) and its 合计 name a whole of another scope: the others'
    (cue total_of_others: "…分别为a、b、c,其余机构合计95.75亿元" — never their sum), or a wider one — the city's, every
    level's, the level's own fund (total_wider_scope: "三个分中心缴存额分别为a、b、c,全市合计156.78亿元"), a running total
    after a list of years (running_total_uncounted after years_span_listed: "2021—2023年,分别发放a、b、c,累计发放
    1,086.44亿元") — which holds the parts and may hold more: no sum of them where it is larger than they make."""
    between = r.norm.text[parts[0].span.end:total.span.start]
    if _members_counted(r, parts, total):
        return False  # ("全市共辖东湖、西城、南岭3个区,…分别为a、b、c,全市合计…": the scope's members, all listed)
    if r.vocab.cue("total_of_others").search(between):
        return True
    wider = r.vocab.cue("total_wider_scope").search(between)
    if not wider and r.vocab.cue("running_total_uncounted").search(between):
        lead = r.norm.text[_sentence_start(r.norm.text, r.tree[opener.index].start):r.tree[opener.index].start]
        wider = r.vocab.cue("years_span_listed").search(lead)
    return bool(wider) and not adds_up(total, parts) and total.value > sum(p.value for p in parts)


def _members_counted(r: Reading, parts: list[Fact], total: Fact) -> bool:
    """The list's sentence, before its first part, states how many members the scope has (cue scope_members_counted:
    "全市共辖…3个区", "全市4个县区", "本市下辖3个县", "其余4个县") and the list names exactly that many — the scope's
    whole is their sum — unless a bracket right after the total says it holds more ("(含市本级)")."""
    text = r.norm.text
    lead = text[_sentence_start(text, parts[-1].span.start):parts[-1].span.start]
    said = [counted(m.group("count")) for m in r.vocab.cue("scope_members_counted").finditer(lead)]
    if not said or said[-1] != len(parts):
        return False
    after = text[total.span.end:total.span.end + 12]
    return not re.match(r"\s*[(（][^)）]*(?<!不)(?:含|包括)", after)


def _after_lines(r: Reading) -> Iterator[Candidate]:
    """"中央资金125.5万元\n省级资金91.2万元\n以上资金合计216.7万元": a 合计 line right after lines of
    one figure each sums them — only when a heading bounds them above (a line of words without
    figures, right above them, itself under no other one-figure lines, and not the second or a later
    numbered heading), or they start the text, so that every item is in view.  A line above them that
    states figures (a total, a sentence), a blank line (a page break may fall inside the list), or a
    heading such as 二、地方资金 (the 合计 may close every section) leaves the list's extent open, and
    nothing is bound."""
    tree = r.tree
    lines: list[str] | None = None
    for s in tree.of_kind("total"):
        total = r.facts[s.index]
        if total is None or total.kind not in {"amount", "count"} or total.is_bound:
            continue
        if not _opens_with_total(r, s.index) or _figures_on_line(r, s.paragraph) != [s.index]:
            continue
        parts: list[Fact] = []
        line = tree.paragraph_lines[s.paragraph][0]
        p = _paragraph_before(tree, s.paragraph)
        while p is not None and tree.paragraph_lines[p][1] == line - 1:
            figures = _figures_on_line(r, p)
            first, last = tree.paragraph_lines[p]
            if first != last or len(figures) != 1:
                break  # a line of several figures (or wrapped over lines) above: the run's extent is open
            if any(tree[k].kind not in {"labelled", "sep"} for k in tree.paragraph_nodes(p)):
                break  # numbered items (_after_items reads them), a 其中 line, words after the figure: no plain item
            k = figures[0]
            f = r.facts[k]
            if tree[k].kind != "labelled" or tree[k].depth != 0 or f.kind != total.kind or f.unit != total.unit \
                    or f.is_bound or _SUBTOTAL.search(clean_label(f.label)):
                break
            parts.append(f)
            line, p = first, _paragraph_before(tree, p)
        else:
            if len(parts) < 2:
                continue
            if lines is None:
                lines = r.norm.text.split("\n")
            item_above = p is not None and _one_figure_line(r, p, total)
            if not _heads_the_run(lines, line, tree.paragraph_lines[p][1] if item_above else 0):
                continue
            made = make_breakdown(r, total, list(reversed(parts)), "合计", True, "total_after_lines")
            if made:
                yield made


def _one_figure_line(r: Reading, p: int, total: Fact) -> bool:
    """Paragraph p is one line stating one figure of the total's kind and nothing else: an item of a
    list like the run (a sentence stating one figure, "…下达扶贫资金241.3万元,…公示如下:", is none)."""
    first, last = r.tree.paragraph_lines[p]
    figures = _figures_on_line(r, p)
    return first == last and len(figures) == 1 and r.facts[figures[0]].kind == total.kind \
        and r.facts[figures[0]].unit == total.unit \
        and all(r.tree[k].kind in {"labelled", "sep"} for k in r.tree.paragraph_nodes(p))


def _paragraph_before(tree, paragraph: int) -> int | None:
    """The paragraph (with figures) before this one, or None."""
    first = tree.paragraph_nodes(paragraph).start
    return tree[first - 1].paragraph if first > 0 else None


def _heads_the_run(lines: list[str], first: int, item_above: int) -> bool:
    """The run of one-figure lines starting at line `first` (1-based) is bounded above: it starts the
    text, or the line above is a heading — words, no blank line, not a later numbered heading
    (二、, (二), 2.) — over no line that is an item like them (`item_above`: the line of the nearest
    one above, 0 if none): "地方资金:" under "…200万元" heads only a second section of the list."""
    if first == 1:
        return True
    heading = lines[first - 2].strip()
    if not heading:
        return False
    marker = NUMBERED_LINE.match(heading)
    if marker and (item_number(marker.group().strip(" \t|")) or 0) > 1:
        return False
    above = first - 2
    while above >= 1 and not lines[above - 1].strip():
        above -= 1
    return above < 1 or above != item_above


_SUBTOTAL = lazyre.compile(r"其中|小计|合计|总计|共计|总额")


def _figures_on_line(r: Reading, paragraph: int) -> list[int]:
    """The nodes of a paragraph that state a figure."""
    return [k for k in r.tree.paragraph_nodes(paragraph) if r.facts[k] is not None]
