"""完成目标任务数 X 的 p%, 超任务 p%: a physical target, what was done, and the percentage.

    "计划完成造林面积1000亩,实际完成1200亩,超任务20%。"       → 20 % = (1200 − 1000) / 1000
    "培训2399人,完成市目标任务数2000人的120%。"               → 120 % = 2399 / 2000
    "目标任务新增就业1000人,实际新增就业1150人,完成率115%。" → 115 % = 1150 / 1000

The percentage names the measure (超任务, 超额完成 …: excess; 完成率, 完成目标的 …:
completion — cues of rules/vocabulary.toml); the target and the figure done are
the nearest counts before it in its sentence, of one unit, whose labels say which
is which (目标/计划/任务; 实际/已/完成).  "X人,完成目标Y人的p%" names its target
right before the percentage and what was done right before that.  A role
claimed twice before both are found binds nothing.  Rates of amounts (完成预算的
p%) are RAT001's; an excess of amounts is read here, as no other reading states it.

A target that is a ceiling (a cost, a time limit) is met by any figure under it, and
its completion is then 100 %, whatever the two figures' ratio (completion_under_ceiling):

    "成本指标:年度指标值为不高于每亩1800元,实际为每亩1523元,完成率100%。" → met: 100 %
    "…年度指标值为≤15个工作日,实际平均9个工作日,完成率100%。"          → met: 100 %

amounts as well as counts (a ceiling's completion is no rate of money); RAT001 leaves
such a rate alone (`under_ceiling`).
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Fact, Target, period_of
from auditor.extract.readings import OPENERS, Reading, clean_label

_LOOK = 64


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    excess, completion = r.vocab.cue("target_excess"), r.vocab.cue("target_completion")
    for s in tree.of_kind("labelled"):
        p = r.facts[s.index]
        if p is None or s.kind != "labelled" or p.kind != "percent" or p.is_bound:
            continue
        label = clean_label(p.label)
        if excess.search(label):
            measure = "excess"
        elif completion.search(label) or (label in {"", "的"} and _names_target_before(r, s.index)) \
                or (r.vocab.cue("target_done_bare").match(label) and _done_right_before(r, s.index)):
            measure = "completion"
        else:
            continue
        stated = _stated_target(r, s.index) if measure == "completion" else None
        capped = under_ceiling(r, s.index) if measure == "completion" and stated is None else None
        if capped is not None:
            target, actual = capped
            reason = "completion_under_ceiling"
        elif stated is not None:
            target, actual = stated
            reason = "completion_of_stated_target"
        else:
            pair = _target_and_done(r, s.index, allow_amounts=measure == "excess")
            if pair is None:
                continue
            target, actual = pair
            if r.vocab.cue("combined_rate").search(label) and _percent_between(r, max(target, actual, key=_start), s.index):
                continue  # ("计划培训1300人次、实际培训1260人次,计划完成率96.92%;…,两项指标平均完成率95.71%": a rate
                # named as the items' together is not of the figures of one item, whose own rate stands between)
            reason = "target_in_sentence"
        yield Candidate(Target.model_construct(percent=p, target=target, actual=actual, measure=measure,
                                               ceiling=capped is not None, reason=reason, via=(), rejected=()))




def _done_right_before(r: Reading, i: int) -> bool:
    """"目标5个,实际建成4个,完成80.00%": a percentage said "完成" alone is a completion where its own part of the sentence
    pairs a target with what was done, the figure done right before it — nothing else between."""
    pair = _pair_within(r, i, False, "sub")
    if pair is None:
        return False
    before = next((r.facts[k] for k in r.tree.before(i, "sub", limit=_LOOK) if r.facts[k] is not None), None)
    # (…or the bare target right after the figure done, itself named by nothing else: "建成田间道路37.2公里,全年目标50公里,
    # 完成74.40%" — not "新建26座,其中已投入运行18座,全年目标40座,完成65.00%", where which of the two is meant is open)
    return before is pair[1] or (before is pair[0] and _role(r, pair[1]) is None
                                 and _nothing_between(r, pair[1], pair[0]) and _first_of_its_part(r, pair[1])
                                 and r.vocab.cue("target_named_bare").fullmatch(clean_label(pair[0].label)) is not None)


def _nothing_between(r: Reading, first: Fact, then: Fact) -> bool:
    """No other figure and no 其中 between two figures (first before then)."""
    between = r.norm.text[first.span.end:then.span.start]
    return first.span.end <= then.span.start and not any(c.isdigit() for c in between) and "其中" not in between


def _first_of_its_part(r: Reading, f: Fact) -> bool:
    """No figure before `f` in its part of the sentence (from the last '。', ';' or line start; a numbering "3." or "(二)"
    opening it aside): the subject of its item, not a part of a figure before it ("新建26座,其中18座已投入运行")."""
    text = r.norm.text
    start = max(text.rfind(c, 0, f.span.start) for c in "。;；\n") + 1
    head = _NUMBERING.sub("", text[start:f.span.start], count=1)
    return not any(c.isdigit() for c in head)


_NUMBERING = lazyre.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")


def _start(f: Fact) -> int:
    return f.span.start


def _percent_between(r: Reading, figure: Fact, i: int) -> bool:
    """Another percentage stands between a figure and the rate at node i, in the rate's sentence."""
    return any(r.facts[k] is not None and r.facts[k].kind == "percent" and r.facts[k].span.start >= figure.span.end
               for k in r.tree.before(i, "sentence", limit=_LOOK))


def under_ceiling(r: Reading, i: int) -> tuple[Fact, Fact] | None:
    """(ceiling, done) of the percentage at node i: "年度指标值为不高于每亩1800元,实际为每亩1523元,完成率100%" — right
    before it in its part of the sentence a figure done (实际, 已 …), and right before that a bound figure of the same
    unit whose words make it a ceiling (cues ceiling_before / ceiling_after: 不高于, 不超过, ≤, 低于, 以内).  Any other
    figure between them, or a percentage, and there is none — but how far above the ceiling it went, written after
    the figure done (cue ceiling_overrun: "不超过286万元,实际支出301.6万元,超出控制数15.6万元,…完成率94.83%"), when it is
    done − ceiling: an exceeded ceiling, whose completion RAT001 would pair with the overrun (301.6 / 15.6)."""
    tree, text = r.tree, r.norm.text
    done = over = None
    for k in tree.before(i, "sub", limit=_LOOK):
        f = r.facts[k]
        if f is None or tree[k].kind not in {"labelled", "total"}:
            continue
        if f.kind not in {"amount", "count"}:
            return None  # ("…≤5%,实际3.2%,完成率100%": a ceiling of a percentage is not read)
        if done is None and over is None and r.vocab.cue("ceiling_overrun").search(clean_label(f.label)):
            over = f
            continue
        if done is None:
            if f.is_bound or _role(r, f) != "done":
                return None
            done = f
            continue
        if (f.kind, f.unit) != (done.kind, done.unit) or not f.is_bound:
            return None
        ceiling = r.vocab.cue("ceiling_before").search(text, max(0, f.span.start - 10), f.span.start) \
            or r.vocab.cue("ceiling_after").match(text[f.span.end:f.span.end + 8])
        if over is not None and ((over.kind, over.unit) != (done.kind, done.unit) or abs(
                done.value - f.value - over.value) > done.tolerance + f.tolerance + over.tolerance):
            return None  # (an overrun that is not done − ceiling: no reading of the three)
        return (f, done) if ceiling else None
    return None


def _names_target_before(r: Reading, i: int) -> bool:
    """"完成市目标任务数2000人的120%": the figure right before names a target it completes."""
    tree = r.tree
    k = i - 1
    while k >= 0 and tree[k].kind in {"words", "sep"} and tree[k].clause == tree[i].clause:
        k -= 1
    f = r.facts[k] if k >= 0 else None
    return f is not None and tree[k].clause == tree[i].clause and f.kind == "count" \
        and r.vocab.cue("target_goal").search(clean_label(f.label)) is not None \
        and "完成" in clean_label(f.label)


def _stated_target(r: Reading, i: int) -> tuple[Fact, Fact] | None:
    """"培训2399人,完成市目标任务数2000人的120%": the target right before the percentage,
    what was done the nearest count of its unit before that, in the sentence."""
    if not _names_target_before(r, i):
        return None
    tree = r.tree
    k = next(k for k in tree.before(i, "sentence") if r.facts[k] is not None)
    target = r.facts[k]
    done = None
    aim = clean_label(target.label)
    for j in tree.before(k, "sentence", limit=_LOOK):
        if tree[j].kind in OPENERS:
            if done is not None and _names_part(aim, clean_label(done.label)):
                break  # "…,其中新增参保300人,完成年度新增参保目标250人的120%": the target names the part
            done = None  # "652人次,其中线上200人次、线下452人次,完成年度目标600人次的108.67%": the list's total
            continue
        f = r.facts[j]
        if f is None or tree[j].kind not in {"labelled", "total"}:
            continue
        if f.kind == "percent":
            if done is None:
                return None  # a percentage between them: the figure belongs to another statement
            break
        if f.kind == "count" and f.unit == target.unit and not f.is_bound and done is None:
            done = f
            if tree[j].kind == "total" or not any(tree[m].kind in OPENERS for m in tree.before(j, "sentence", limit=_LOOK)):
                break  # (a 合计 closing a list is no part of it: "分别完成86.5公里、40公里,合计126.5公里,完成…")
    return (target, done) if done is not None else None


def _names_part(aim: str, part: str) -> bool:
    """The target's name holds the part's own words ("年度新增参保目标" and "新增参保")."""
    words = _GENERIC.sub("", part)
    return len(words) >= 2 and words in aim


_GENERIC = lazyre.compile(r"^(?:其中|实际|全年|累计|共)|(?:人数|数量|人次)$")


def _role(r: Reading, f: Fact) -> str | None:
    label = clean_label(f.label)
    if r.vocab.cue("target_excess_figure").search(label):
        return "excess"
    if r.vocab.cue("target_done_first").search(label):
        return "done"
    if r.vocab.cue("target_goal").search(label):
        return "target"
    if r.vocab.cue("target_done").search(label) or f.scenario == "actual":
        return "done"
    return None


def _target_and_done(r: Reading, i: int, allow_amounts: bool) -> tuple[Fact, Fact] | None:
    # ("计划…1500人次,实际…1620人次,完成率108%;计划举办培训班30期,实际举办28期,完成率93.33%": the pair of
    # the rate's own part of the sentence, after ';', when it states one)
    pair = _pair_within(r, i, allow_amounts, "sub")
    if pair is None:
        # ("…完成率105.00%;其中农药残留检测840份(目标800份),完成率105.00%": a target in the rate's own part is its
        # target, and what was done is of that part too — not a figure of the part before)
        kinds = {"count", "amount"} if allow_amounts else {"count"}
        if any(r.facts[k] is not None and r.facts[k].kind in kinds and _role(r, r.facts[k]) == "target"
               for k in r.tree.before(i, "sub", limit=_LOOK)):
            return None
        pair = _pair_within(r, i, allow_amounts, "sentence")
    if pair is not None and _measures_another(r, i, pair):
        return None
    return pair


def _floor_target(r: Reading, f: Fact) -> bool:
    """"年度指标值≥500人": a bound figure named a target whose bound is a floor (cue target_floor) is the target itself —
    what was done is measured against it (523 / 500), as a ceiling's is not."""
    text = r.norm.text
    return _role(r, f) == "target" and bool(r.vocab.cue("target_floor").search(text, max(0, f.span.start - 8),
                                                                                 f.span.start))


def _after_a_percent(r: Reading, k: int) -> bool:
    """The figure at node k stands in a bracket that opens right after a percentage (another rate's own bracket)."""
    j = r.tree.before_bracket(k)
    return j >= 0 and r.facts[j] is not None and r.facts[j].kind == "percent"


def _measures_another(r: Reading, i: int, pair: tuple[Fact, Fact]) -> bool:
    """The rate names what it measures ("居民完成率"), counts of its sentence are named so ("惠及居民3209户"), and the
    pair found is not: "计划17个(惠及居民4558户),实际完成12个(惠及居民3209户),个数完成率70.59%,居民完成率70.40%"."""
    name = _RATE_WORD.sub("", clean_label(r.facts[i].label))
    if len(name) < 2:
        return False
    def names_it(f: Fact) -> bool:  # (by its name, or by its unit: 户数完成率 and 2904户)
        return name in clean_label(f.label) or (len(f.unit) == 1 and f.unit in name)

    named = [r.facts[k] for k in r.tree.before(i, "sentence", limit=_LOOK) if r.facts[k] is not None
             and r.facts[k].kind == "count" and names_it(r.facts[k])]
    return bool(named) and not any(names_it(f) for f in pair)


_RATE_WORD = lazyre.compile(r"(?:任务)?(?:完成率|完成比例|完成比率|完成进度)$")


def _pair_within(r: Reading, i: int, allow_amounts: bool, unit: str) -> tuple[Fact, Fact] | None:
    tree = r.tree
    target = done = None
    kinds = {"count", "amount"} if allow_amounts else {"count"}
    year = period_of(r.facts[i], r.report_year)
    clash = False
    last = None
    for k in tree.before(i, unit, limit=_LOOK):
        if tree[k].kind in OPENERS and target is None and clash:
            # ("实际完成523人,其中一级、二级残疾人312人,三级、四级残疾人211人,完成率114.6%": the figures done twice over
            # since the opener are the parts of what was done, before it)
            done, clash = None, False
            continue
        f = r.facts[k]
        if f is None or tree[k].kind not in {"labelled", "total"}:
            continue
        if f.kind == "percent":
            continue  # "完成率124%,超额完成任务24%": percentages of the same figures
        if f.kind not in kinds or (f.is_bound and not _floor_target(r, f)):
            continue
        if f.period and period_of(f, r.report_year) != year and (year or f.period == "previous"):
            continue  # ("年度指标值≥2.2万人(上年指标值2.0万人)", "上年实际完成480户,本年…": another year's figure)
        if tree[k].depth > tree[i].depth and _after_a_percent(r, k):
            continue  # ("…126个,完成率105.00%(年度目标120个),其中示范村18个,完成率90.00%": that rate's target)
        like = target or done
        if like is not None and (f.kind, f.unit) != (like.kind, like.unit):
            continue
        role = _role(r, f)
        if role is None and target is not None and done is None and not clash and last is target \
                and _nothing_between(r, f, target) and _first_of_its_part(r, f) \
                and r.vocab.cue("target_named_bare").fullmatch(clean_label(target.label)):
            # "建成田间道路37.2公里,全年目标50公里,完成74.40%": the figure right before a bare target, of its unit and
            # named by nothing else, is what was done towards it — the subject the target is of
            return target, f
        last = f
        if role == "excess":
            continue  # ("超出调整后目标60人,超额完成5.00%": the excess itself, stated beside its rate)
        if clash and role is not None:
            return None  # a role claimed twice before both are found, no 其中 list between: which one is open
        if role == "target" and target is None:
            target = f
        elif role == "done" and done is None:
            done = f
        elif role is not None:
            clash = True  # (unless the figures so far are the parts of a 其中 list, an opener next)
            continue
        if target is not None and done is not None and not clash:
            return target, done
    return None
