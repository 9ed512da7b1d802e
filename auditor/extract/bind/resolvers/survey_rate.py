"""A satisfaction rate of a survey: the satisfied answers over the valid ones, both stated with it.

    "收回有效问卷298份,其中“满意”及“基本满意”290份,满意度为97.32%"   → 97.32 % = 290 / 298
    "回收820份,其中满意712份、基本满意84份、不满意24份,满意及基本满意率97.07%"
                                                                    → 97.07 % = (712 + 84) / 820
    "…其中有效问卷380份…。有效问卷中,表示“满意”的301份、“基本满意”的58份,综合满意度为94.47%"
                                                                    → 94.47 % = (301 + 58) / 380
    "本次共发放问卷600份,回收573份,回收率95.50%"                    → 95.50 % = 573 / 600 (survey_return_rate)

Only a sentence with one 满意度 (满意率), one count of valid answers (有效问卷, 有效样本, 收回问卷)
and the counts of satisfied ones (not 不满意) before it is read.  Two counts of satisfied answers, 满意 and
基本满意 (比较满意), make the part together: stated so when the rate names both (满意及基本满意率:
survey_satisfaction), by the surveys' convention when it does not (综合满意度: survey_satisfaction_summed, which
warns, and holds too when 满意 alone gives the rate).  More kinds (非常满意, 满意, 基本满意) leave which of them the
rate counts open.  A sentence that names the valid answers it counts without their figure ("有效问卷中,…") takes it from
the sentence right before; the answers it says the rate is computed on ("…不纳入满意度计算,计算样本374份") come
before the valid ones, the valid ones (有效) before those returned.
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.reasons import SAMPLE_IN_PARAGRAPH_BEFORE
from auditor.extract.model import Fact, Share
from auditor.extract.readings import Reading, clean_label, sentence_start

_RATE = lazyre.compile(r"满意(?:度|率)$")
_SAMPLE = lazyre.compile(r"有效(?:问卷|样本|答卷|调查表)|(?:回收|收回)(?:有效)?(?:问卷|答卷|调查表)?$|"
                         r"调查(?:受益|服务)?(?:群众|对象|农户|居民|学生|家长|人员|人数|户数|样本)$|受访|"
                         r"(?:^|随机)抽(?:样|取|查)(?:调查)?(?:样本)?(?:人数|户数|数|量)?$")  # ("抽样500人,满意471人")
_HANDED_OUT = lazyre.compile(r"发放|发出")  # (questionnaires handed out are not the answers counted)
_SATISFIED = lazyre.compile(r"满意")
_NOT = lazyre.compile(r"不满意|满意度")
_LESS_SATISFIED = lazyre.compile(r"(?:基本|比较|较为|较)满意")  # (the answers a little short of 满意)
_MORE_KINDS = lazyre.compile(r"非常|很|十分")
_VALID = lazyre.compile(r"有效")
# the answers the rate is computed on, said so ("…的12份不纳入满意度计算,计算样本374份"): before the valid ones
_COMPUTED_ON = lazyre.compile(r"(?:计算|统计)样本(?:数|量)?$")
_NAMED_SAMPLE = lazyre.compile(r"(?:有效|回收|收回)(?:问卷|样本|答卷|调查表)中")  # ("有效问卷中,表示满意的…")


def _counts_answers(f: Fact) -> bool:
    """A count of the answers returned (有效问卷, 回收…): none handed out, none some of them ("有效问卷中满意231份")."""
    label = clean_label(f.label)
    return bool(_SAMPLE.search(label)) and not _HANDED_OUT.search(f.label) and not _NAMED_SAMPLE.search(label)


def resolve(r: Reading) -> Iterator[Candidate]:
    by_sentence = r.facts_by_sentence(prose_only=True)
    yield from _return_rates(r, by_sentence)
    for n, facts in enumerate(by_sentence):
        rates = [f for f in facts if f.kind == "percent" and _RATE.search(clean_label(f.label)) and not f.is_bound]
        if len(rates) != 1:
            continue
        rate = rates[0]
        counts = [f for f in facts if f.kind == "count" and f.span.end <= rate.span.start and not f.is_bound]
        if not counts and n > 0:
            # (the rate the sentence's first figure: "非常满意和满意合计占86.51%,含基本满意在内的总体满意度为97.79%" names
            # the kinds of the share before it, not of the rate)
            if facts[0] is rate:
                yield from _kinds_named_before(r, rate, by_sentence[n - 1], by_sentence[n - 2] if n > 1 else [])
            continue
        # (answers "有效问卷中满意231份" are some of the valid ones, not all of them)
        samples = [f for f in counts if _counts_answers(f)]
        satisfied = [f for f in counts if f not in samples and _SATISFIED.search(clean_label(f.label))
                     and not _NOT.search(clean_label(f.label))]
        computed_on = [f for f in counts if _COMPUTED_ON.search(clean_label(f.label))]
        if len(satisfied) == 1:
            if len(samples) != 1 or samples[0].unit != satisfied[0].unit:
                continue
            yield _share(rate, satisfied[0], samples[0], (), "survey_satisfaction")
            continue
        kinds = _kinds(satisfied)
        if kinds is None:
            continue
        if not samples and n > 0 and _names_its_sample(r, satisfied[0]) \
                and by_sentence[n - 1] and _one_paragraph(r, by_sentence[n - 1][-1], satisfied[0]):
            samples = [f for f in by_sentence[n - 1] if f.kind == "count" and not f.is_bound
                       and _SAMPLE.search(clean_label(f.label)) and not _HANDED_OUT.search(f.label)]
        if computed_on:
            samples = computed_on
        elif len(samples) > 1:
            samples = [f for f in samples if _VALID.search(clean_label(f.label))]  # (the valid answers of those returned)
        if len(samples) != 1 or any(f.unit != samples[0].unit for f in kinds):
            continue
        said = _LESS_SATISFIED.search(clean_label(rate.label))  # ("满意及基本满意率": both named)
        yield _share(rate, kinds[0], samples[0], tuple(kinds),
                     "survey_satisfaction" if said else "survey_satisfaction_summed")


_RETURNED = lazyre.compile(r"(?:回收|收回)(?:问卷|答卷|调查表)?$")


def _return_rates(r: Reading, by_sentence) -> Iterator[Candidate]:
    """"本次共发放问卷600份,回收573份,回收率95.50%": a return rate (cue survey_return_rate) is the answers returned
    over the questionnaires handed out — one count of each before it in its sentence, in one unit (回收有效问卷, the
    valid ones of those returned, are some of them: not read)."""
    named = r.vocab.cue("survey_return_rate")
    for facts in by_sentence:
        rates = [f for f in facts if f.kind == "percent" and named.search(clean_label(f.label)) and not f.is_bound]
        if len(rates) != 1:
            continue
        rate = rates[0]
        counts = [f for f in facts if f.kind == "count" and f.span.end <= rate.span.start and not f.is_bound]
        handed = [f for f in counts if _HANDED_OUT.search(clean_label(f.label))]
        returned = [f for f in counts if _RETURNED.search(clean_label(f.label)) and not _VALID.search(clean_label(f.label))]
        if len(handed) == 1 and len(returned) == 1 and handed[0].unit == returned[0].unit \
                and handed[0].span.start < returned[0].span.start:
            # ("向受益群众、基层工作人员分别发放问卷320份、180份,分别回收301份、166份,…总体回收率93.4%": each count
            # followed by the bare counts of its list, one an item's; a rate named as the items' together is of their
            # sums, any other rate of which item is open)
            handed_all, returned_all = _with_bare_siblings(counts, handed[0]), _with_bare_siblings(counts, returned[0])
            if len(handed_all) == 1 and len(returned_all) == 1:
                yield _share(rate, returned[0], handed[0], (), "survey_return_rate")
            elif len(handed_all) == len(returned_all) and r.vocab.cue("combined_rate").search(clean_label(rate.label)) \
                    and len({f.unit for f in (*handed_all, *returned_all)}) == 1:
                yield Candidate(Share.model_construct(
                    percent=rate, part=returned[0], whole=None, whole_label=clean_label(handed[0].label), part_of_parts=tuple(returned_all),
                    whole_of_parts=tuple(handed_all), reason="survey_return_rate", via=(), rejected=()))


_ANOTHER_KIND = lazyre.compile(r"[”\"]?\s*(?:\+|加|和|与|及|、)\s*[“\"]?[\u4e00-\u9fff]{0,3}满意")  # (a third kind after the two)
_ANSWER_UNITS = frozenset({"人", "份", "人次", "户"})  # (one answer a questionnaire: 人 and 份 count the same answers)


def _kinds_named_before(r: Reading, rate: Fact, before: list[Fact], earlier: list[Fact]) -> Iterator[Candidate]:
    """"回收574份,…。调查结果显示:很满意402人、比较满意131人、一般28人、不满意13人。按“很满意+比较满意”口径计算,满意度为
    92.86%": a rate whose sentence counts nothing but whose words name the two kinds it sums (cue survey_kinds_named) is
    of the counts of those kinds in the sentence right before (each named so exactly, once) over the answers returned
    (有效, else 回收) counted there or in the sentence before it — all in the paragraph, one answer a person."""
    text = r.norm.text
    start = sentence_start(text, rate.span.start)
    said = r.vocab.cue("survey_kinds_named").search(text, start, rate.span.start)
    # (the counts on the line right before the rate's, each sentence a line, are the sentence before still)
    if said is None or not before or text.count("\n", before[-1].span.end, rate.span.start) > 1:
        return
    if _ANOTHER_KIND.match(text, said.end()):
        return  # ("按照“非常满意、满意、基本满意”合计计算": three kinds named, not the two the pair reads)
    counts = [f for f in before if f.kind == "count" and not f.is_bound]
    kinds = []
    for name in (said.group("a"), said.group("b")):
        # (a kind said as an answer: "表示“满意”的498份" counts 满意)
        named = [f for f in counts if _SAID_AS.sub("", clean_label(f.label)) == name]
        if len(named) != 1:
            return
        kinds.append(named[0])
    if kinds[0] is kinds[1] or len({f.unit for f in kinds}) != 1:
        return
    via = ("the kinds its words name, counted in the sentence before",)
    for pool in (before, earlier):
        if pool and "\n" in text[pool[-1].span.end:kinds[0].span.start]:
            if text.count("\n", pool[-1].span.end, kinds[0].span.start) > 1:
                return
            if pool is earlier and _opens_paragraph_after(text, pool[-1], kinds[0]):
                # (the answers returned in the paragraph right before one that opens with the kinds' counts, "…回收有效问卷
                # 320份。⏎调查结果显示：非常满意186份…": the survey the counts go on with, read so, it warns at most)
                via = (*via, SAMPLE_IN_PARAGRAPH_BEFORE)
        returned = [f for f in pool if f.kind == "count" and not f.is_bound and _counts_answers(f)]
        if len(returned) > 1:
            returned = [f for f in returned if _VALID.search(clean_label(f.label))]
        allotted = _allotted(pool)
        if len(returned) == 1 and pool is earlier and any(
                f.kind == "count" and f is not returned[0] and f.unit in _ANSWER_UNITS and not _HANDED_OUT.search(f.label)
                and not _valid_of_returned(returned[0], f) and f not in allotted for f in pool):
            # ("回收有效问卷574份,另有受益学生家长问卷120份。家长问卷中:很满意80人、…": the sentence before the counts
            # counts another group's answers too — whose the counts are, it does not say: undecided)
            return
        if len(returned) == 1:
            sample = returned[0]
            if sample.unit != kinds[0].unit and not {sample.unit, kinds[0].unit} <= _ANSWER_UNITS - {"人次", "户"}:
                return
            yield Candidate(Share.model_construct(
                percent=rate, part=kinds[0], whole=sample, whole_label=clean_label(sample.label),
                part_of_parts=tuple(kinds), reason="survey_satisfaction", via=via, rejected=()))
            return
        if returned:
            return


_SAID_AS = lazyre.compile(r"^(?:表示|选择|认为|回答|评价为?|评为)")


def _allotted(pool: list[Fact]) -> list[Fact]:
    """The counts right before the questionnaires handed out that add up to them: how they were shared out ("按乡镇分配
    样本:城关镇180份、石桥镇150份、双河乡140份、柳林乡130份,共发放问卷600份"), no other group's answers."""
    for at, f in enumerate(pool):
        if f.kind != "count" or not _HANDED_OUT.search(f.label):
            continue
        run: list[Fact] = []
        for g in reversed(pool[:at]):
            if g.kind != "count" or g.unit != f.unit:
                break
            run.append(g)
            if len(run) >= 2 and sum(p.value for p in run) == f.value:
                return run
    return []


def _opens_paragraph_after(text: str, last: Fact, first: Fact) -> bool:
    """`first`'s sentence opens the paragraph right after the one `last` ends: one line break between them, after the
    end of `last`'s sentence, and no sentence end between that break and `first`."""
    between = text[last.span.end:first.span.start]
    if between.count("\n") != 1:
        return False
    before, after = between.split("\n")
    return before.rstrip().endswith(("。", "；", ";")) and not any(c in after for c in "。；;")


def _valid_of_returned(valid: Fact, f: Fact) -> bool:
    """`f` counts the answers returned of which `valid` are the valid ones ("回收285份,其中有效问卷280份"): the same
    group's answers, no other group's."""
    return bool(_VALID.search(clean_label(valid.label))) and bool(_RETURNED.search(clean_label(f.label))) \
        and not _VALID.search(clean_label(f.label)) and f.unit == valid.unit and f.value >= valid.value


def _with_bare_siblings(counts: list[Fact], first: Fact) -> list[Fact]:
    """A count and the counts right after it that name nothing, of its unit (a list's other items: "320份、180份")."""
    at = counts.index(first)
    out = [first]
    for f in counts[at + 1:]:
        if clean_label(f.label) or f.unit != first.unit:
            break
        out.append(f)
    return out


def _kinds(satisfied: list[Fact]) -> list[Fact] | None:
    """满意 and 基本满意 (比较满意), the satisfied first, or 非常满意 and 满意 (很满意 and 比较满意), the stronger first:
    the two kinds of answers a satisfaction rate counts; None for other counts (three kinds, 非常满意 among them: which
    the rate counts is open)."""
    if len(satisfied) != 2:
        return None
    labels = [clean_label(f.label) for f in satisfied]
    more = [f for f, x in zip(satisfied, labels) if _MORE_KINDS.search(x)]
    less = [f for f, x in zip(satisfied, labels) if _LESS_SATISFIED.search(x)]
    if len(more) == 1 and len(less) != 2:
        # ("其中“非常满意”812份、“满意”304份,满意率为95.88%": the two top kinds of a scale that goes on below them —
        # 非常满意 with 满意, 很满意 with 比较满意 — are the satisfied answers together, the stronger first)
        return [more[0], next(f for f in satisfied if f is not more[0])]
    if more or len(less) != 1:
        return None
    return [next(f for f in satisfied if f is not less[0]), less[0]]


def _names_its_sample(r: Reading, first: Fact) -> bool:
    """The words of the sentence before its first count name the answers it counts ("有效问卷中,…")."""
    text = r.norm.text
    start = sentence_start(text, first.span.start)
    return bool(_NAMED_SAMPLE.search(text, start, first.span.start))


def _one_paragraph(r: Reading, a: Fact, b: Fact) -> bool:
    """No line break between a and b — or one only, the sentence that names its answers ("回收问卷中,…") opening the
    line right after the one that counts them ("本次共发放问卷600份,回收573份,…。⏎回收问卷中,“满意”412份、…")."""
    return r.norm.text.count("\n", a.span.end, b.span.start) <= 1


def _share(rate: Fact, part: Fact, whole: Fact, parts: tuple[Fact, ...], reason: str) -> Candidate:
    return Candidate(Share.model_construct(
        percent=rate, part=part, whole=whole, whole_label=clean_label(whole.label), part_of_parts=parts,
        reason=reason, via=(), rejected=()))
