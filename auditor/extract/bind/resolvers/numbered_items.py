"""(1) a … (2) b …: numbered items each stating one part of the figure before item 1.

    "支出100万元。\\n(1)基本支出60万元。\\n(2)项目支出40万元。" → 100 = 60 + 40
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.standards import per_unit
from auditor.extract.bind.lists import adds_up, choose_total, family_complete, make_breakdown
from auditor.extract.numbering import NUMBERED_LINE, item_number, item_style, numbered_runs
from auditor.extract.model import Fact
from auditor.extract.readings import OPENERS, Reading, clean_label

_LOOK_BACK = 200


def item_runs(r: Reading, first_in_paragraph: bool = False) -> list[list[int]]:
    """Runs of numbered items of one style (1, 2, 3 … close together); with
    `first_in_paragraph`, only markers that open their paragraph."""
    tree = r.tree
    groups: dict[str, list[tuple[int, str, int]]] = {}
    opening: list[tuple[int, str]] = []  # (paragraph, style) of each paragraph an item opens
    for s in tree.of_kind("item"):  # (in text order, as the nodes)
        opens = s.index == 0 or tree[s.index - 1].paragraph != s.paragraph
        if opens:
            opening.append((s.paragraph, item_style(s.piece.keyword)))
        if not first_in_paragraph or opens:
            groups.setdefault(item_style(s.piece.keyword), []).append((s.index, s.piece.keyword, s.paragraph))
    # paragraphs counted as the text's own: a table read as such between two items holds no node
    present = tree.paragraphs()  # (sorted, each once: not a set of every node's)
    runs = []
    for style, markers in groups.items():
        # "(一)…543.10万元;\n1.…\n2.…\n3.…\n(二)…": paragraphs that other items open (the sub-items)
        # do not part two items of this style, nor does a table between them
        others = sorted(p for p, st in opening if st != style)
        runs.extend(numbered_runs([(i, m, bisect_left(present, p) - bisect_left(others, p)) for i, m, p in markers]))
    return runs


def resolve(r: Reading) -> Iterator[Candidate]:
    for run in item_runs(r):
        made = _item_run(r, run)
        if made:
            yield made


def _item_run(r: Reading, run: list[int]) -> Candidate | None:
    tree = r.tree
    first = run[0]
    # the total: an amount before item 1, in its paragraph or the one before — or the one before a
    # heading that stands between ("…总支出996.8182万元。\n二、…总支出情况\n(一)…")
    candidates = []
    reach = 2 if _heading_just_before(r, first) else 1
    style = item_style(tree[first].piece.keyword)
    for j in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        s = tree[j]
        if s.paragraph < tree[first].paragraph - reach \
                or (s.kind == "item" and s.paragraph != tree[first].paragraph - 1):
            break  # (the only item passed over is the heading's own marker, opening the paragraph before)
        if _opened_by_item(r, s.paragraph, style):
            break  # ("5.…高等学校生均…事业费为23536.10元。\n四、生均…公用经费\n1.…": the last item of another list)
        f = r.facts[j]
        if f is not None and s.kind in {"labelled", "total"} and f.kind == "amount" and not f.is_bound:
            candidates.append(f)
    if not candidates:
        return None
    parts = []
    every = []  # every amount each item states at its own level (before a 其中 of its own)
    missing = 0
    bounds = run[1:] + [_run_end(r, run)]
    for start, stop in zip(run, bounds):
        amounts = _item_amounts(r, start, stop)
        found = amounts[0] if amounts else None
        if found is None:
            missing += 1
        elif found.concept in r.vocab.memo_for(candidates[0].concept):
            continue
        else:
            parts.append(found)
            every.extend(a for a in amounts if a.unit == found.unit and not r.is_previous(a))
    if len(parts) < 2 or any(p.is_bound for p in parts):
        return None
    total = choose_total(r, candidates, parts)
    via: tuple[str, ...] = ()
    if len(every) > len(parts):
        # "5.再融资债券转贷收入-82万元,新增专项债券转贷收入11554万元": an item stating several amounts is
        # one part or several; the reading is the one under which a figure before the items adds up,
        # and with none, which figure the list makes is open
        firsts, whole = parts, every
        total = next((c for c in candidates if adds_up(c, whole)), None)
        parts, via = (whole, ("items stating several amounts",)) if total is not None else (firsts, ())
        if total is None:
            total = next((c for c in candidates if adds_up(c, firsts)), None)
        if total is None and _named_by_known_concepts(r, firsts, whole):
            # "1.财政拨款收入276.0605万元,在职职工工资性收入18.6973万元…": each item's first amount is
            # the one its name states, a concept of the vocabulary; the others (none such) tell of it
            total, parts, via = choose_total(r, candidates, firsts), firsts, ("each item's first amount names it",)
        if total is None:
            return None
    if total is None:
        return None
    if _units_of_another_quantity(r, total, parts):
        return None
    if _MAIN_ITEMS_INTRO.search(r.norm.text, total.span.end, tree[first].start) and not adds_up(total, parts):
        # "民生支出达到256282.73万元,占…66.16%。主要支出项目情况如下:1.…": the main items of the spending, picked out —
        # of a whole the sentence before names, not the total the items follow, unless they make it
        return None
    if total.concept and any(p.concept == total.concept and p.value == total.value for p in parts):
        # "收入、支出总计均为19350.88万元。\n(一)收入总计19350.88万元。…(二)支出总计19350.88万元。":
        # an item restating the figure is no part of it; the items are the totals told one by one
        return None
    # a list that runs to the end of the text may be cut off (an excerpt, a lost page)
    # (nothing after it, or only lines that number nothing: the last item's own sub-lines)
    last_end = max(tree[k].end for k in tree.paragraph_nodes(tree[run[-1]].paragraph))
    truncated = not NUMBERED_LINE.search(r.norm.text, last_end)
    # "2022年本级留用447.07万元。\n二、本级公益金使用情况\n(一)…": under a new top-level heading the
    # items say how the money was used, not that they make up all of it: only more than it is wrong
    sectioned = _heading_between(r, total.span.end, tree[first].start, item_style(tree[first].piece.keyword))
    # "一是…二是…三是…": points an official text picks out, not a partition of the total (重点民生支出
    # 113875万元。一是教育支出41128万元;二是…): only more than the total is wrong
    # — unless the text says the items are what the total is made of ("共计123.22万元,其组成情况如下:一是…")
    picked = item_style(tree[first].piece.keyword) == "一是" and not r.vocab.cue("composition").search(
        r.norm.text, total.span.end, tree[first].start)
    # ("1、学前教育…2、高中教育…⏎4、中职教育…": a later item of the style past a gap — the list read is not all of them)
    gapped = _gap_after(r, run)
    # "查出问题金额14.64亿元。主要问题有:1.…", "已整改58.93亿元。其中:1.…3.…⏎其余整改金额主要通过…": a list its words say
    # is a selection of the total's parts — some of it, at most all of it
    selected = _said_to_be_a_selection(r, total, first, last_end)
    # "查出违规问题金额3.58亿元、管理不规范问题金额11.06亿元。其中:1.…": a list after two figures of its sentence, adding up
    # to neither and named by neither, may tell of either or both: no more than the nearest (choose_total binds none when
    # they exceed it and make no other), some of it
    shared = not adds_up(total, parts) and _shared_by_figures_before(r, total, candidates, parts)
    whole = missing == 0 and not truncated and not sectioned and not picked and not gapped
    strict = (whole and not selected and not shared) or family_complete(r, total, parts)
    if whole and not strict:  # (what alone made the list some of the total)
        via = (*via, "said to be a selection" if selected else "after another figure of its sentence")
    if truncated:
        via = (*via, "may be cut off by the end of the text")
    return make_breakdown(r, total, parts, "items", strict, "numbered_items", via)


_INDEX = attrgetter("index")
_MAIN_ITEMS_INTRO = lazyre.compile(r"主要[\u4e00-\u9fff]{0,10}(?:情况)?如下")


def _said_to_be_a_selection(r: Reading, total: Fact, first: int, last_end: int) -> bool:
    """The words between the total and item `first` end in a selection's cue ("。主要问题有:", ",主要用于:", ",重点保障:"),
    or the paragraph after the list names the rest of the total without its figure ("其余整改金额主要通过…") — cues
    selection_intro and rest_after_list."""
    between = r.norm.text[total.span.end:r.tree[first].start]
    if r.vocab.cue("selection_intro").search(between):
        return True
    stop = r.norm.text.find("\n", last_end)
    if stop < 0:
        return False
    return bool(r.vocab.cue("rest_after_list").match(r.norm.text, stop + 1))


def _shared_by_figures_before(r: Reading, total: Fact, candidates: list[Fact], parts: list[Fact]) -> bool:
    """Another figure of the total's sentence, of its kind and unit and of this year, stands before the list as the total
    does, and the parts' names tie the list to neither (no flow of theirs the total names and the other does not), nor do
    they add up to the other."""
    rivals = [c for c in candidates if c is not total and c.sentence == total.sentence
              and (c.kind, c.unit) == (total.kind, total.unit) and not r.is_previous(c)]
    if not rivals or r.is_previous(total):
        return False
    flows = {r.vocab.flow(clean_label(p.label)) for p in parts} - {None}
    own = r.vocab.flow(clean_label(total.label))
    return any(not adds_up(c, parts) and not (flows and own in flows and r.vocab.flow(clean_label(c.label)) not in flows)
               for c in rivals)


def _gap_after(r: Reading, run: list[int]) -> bool:
    """An item of the run's style after its last, numbered past the next number (1、2、then 4、)."""
    tree = r.tree
    style = item_style(tree[run[-1]].piece.keyword)
    last = item_number(tree[run[-1]].piece.keyword)
    items = tree.of_kind("item")  # (in text order: those after the run's last found by bisection, not by a walk
    # from the text's first item for each run — quadratic in a long text)
    later = next((items[k] for k in range(bisect_right(items, run[-1], key=_INDEX), len(items))
                  if item_style(items[k].piece.keyword) == style), None)
    number = item_number(later.piece.keyword) if later is not None else None
    return last is not None and number is not None and number > last + 1


def _units_of_another_quantity(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """"…本年支出合计9,176.44万元…\n(一)区民政局机关:本年收入合计8,173.44万元…\n(二)…": items each
    stating one unit's figure of one concept are parts of that concept's total, not of a figure
    the vocabulary names otherwise (and holds no part of theirs)."""
    concepts = {p.concept for p in parts}
    if len(concepts) != 1 or None in concepts or not total.concept:
        return False
    (concept,) = concepts
    known = r.vocab.known_concepts
    if concept == total.concept or concept not in known or total.concept not in known:
        return False
    return not any(concept in fam.members for fam in r.vocab.families_of_total(total.concept))


def _named_by_known_concepts(r: Reading, firsts: list[Fact], every: list[Fact]) -> bool:
    """Every item's first amount is a concept of the vocabulary (财政拨款收入, 事业收入…) and no other
    amount of the items is one."""
    known = r.vocab.known_concepts
    first_ids = {f.id for f in firsts}
    return all(f.concept in known for f in firsts) and \
        not any(f.concept in known for f in every if f.id not in first_ids)


def _opened_by_item(r: Reading, paragraph: int, style: str) -> bool:
    """The paragraph opens with a numbered item's marker of `style`: an item of another run."""
    nodes = r.tree.paragraph_nodes(paragraph)
    return bool(nodes) and r.tree[nodes[0]].kind == "item" and item_style(r.tree[nodes[0]].piece.keyword) == style


def _heading_just_before(r: Reading, first: int) -> bool:
    """The paragraph right before item `first` is a heading of its own: a numbered line of
    another style with no figure ("二、2022年体育彩票公益金总支出情况")."""
    tree = r.tree
    paragraph = tree[first].paragraph - 1
    nodes = [k for k in range(first - 1, max(-1, first - 1 - 12), -1) if tree[k].paragraph == paragraph]
    if not nodes:
        return False
    opening = tree[min(nodes)]
    return opening.kind == "item" and item_style(opening.piece.keyword) != item_style(tree[first].piece.keyword) \
        and all(r.facts[k] is None for k in nodes) and min(nodes) > 0 and tree[min(nodes) - 1].paragraph < paragraph


def _item_amounts(r: Reading, start: int, stop: int) -> list[Fact]:
    """The labelled amounts of the item at node `start`, at its own level, in its paragraph,
    up to a list opener of its own ("1.收入45034万元,其中税收21043万元…": the 其中 parts are not the item's)."""
    tree = r.tree
    out = []
    compared = r.vocab.cue("compared_end")
    for k in range(start + 1, stop):
        t = tree[k]
        if t.paragraph != tree[start].paragraph:
            continue
        if r.facts[k] is not None and compared.search(clean_label(r.facts[k].label)):
            continue  # what a change starts from ("支出由上年的702,000.00元增加到720,000.00元"): not the item's figure
        if t.kind in OPENERS and t.depth <= tree[start].depth:
            break
        f = r.facts[k]
        # (an item may state its amount as its own total: "三是…经费共计4.5万元")
        if f is not None and t.kind in {"labelled", "total"} and f.kind == "amount" and t.depth == tree[start].depth \
                and per_unit(r, f) is None:  # ("资助学生1846人,每生每年2000元,共369.2万元": a standard, not the item's amount)
            out.append(f)
    return out


_TOP_STYLES = {"一、", "一章"}  # the top level of a report's outline: 一、 二、 …, 第一章/部分


def _heading_between(r: Reading, start: int, end: int, style: str) -> bool:
    """A top-level heading (二、) between two offsets, when the items are of another style:
    a new section.  (A sub-heading "(三)项目预算投入" between a 共需资金 and its items
    does not part them.)"""
    headings = (item_style(m.group().strip(" \t|")) for m in NUMBERED_LINE.finditer(r.norm.text, start, end))
    return any(h != style and h in _TOP_STYLES for h in headings)


def _run_end(r: Reading, run: list[int]) -> int:
    """The last item of a list ends with its paragraph."""
    tree = r.tree
    last = tree[run[-1]]
    k = run[-1] + 1
    while k < len(tree) and tree[k].paragraph == last.paragraph and tree[k].kind != "item":
        k += 1
    return k
