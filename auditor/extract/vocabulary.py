"""Read labels with the domain vocabulary in rules/vocabulary.toml.

A label is the prose right before a figure ("项目支出年初预算", "2019年总收入支出为").
`read_label` tells what it names: the concept (canonical name when the label
ends with a known synonym, else the cleaned label itself), the scenario
(年初预算 / 调整后预算 / 执行 / 到位 / 决算), a relative period (上年 / 本年) and,
for percentages, the rate name (执行率 …).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from functools import cached_property, lru_cache

from auditor import lazyre
from auditor.records import dataclass
from auditor.resources import builtin_toml, data_dir

_PUNCT = lazyre.compile(r"[\s\"'“”‘’《》<>〈〉「」『』*#|·…~—\-:,]+")


@dataclass(frozen=True)
class Family:
    """Concepts that make up a total (支出 = 基本支出 + 项目支出)."""

    name: str
    totals: tuple[str, ...]
    parts: tuple[str, ...]
    optional: tuple[str, ...] = ()
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    open: bool = False  # reports may list only some of the parts

    @cached_property
    def members(self) -> set[str]:
        """Parts, optional parts and their alternatives: worked out once (checks ask for them
        thousands of times a report); read it, do not change it."""
        alts = {a for group in self.alternatives.values() for a in group}
        return {*self.parts, *self.optional, *alts}

    def covers(self, concepts: list[str]) -> bool:
        """The concepts are all members and, for a closed family, every part is there."""
        if not concepts or len(set(concepts)) != len(concepts):
            return False
        if not set(concepts) <= self.members:
            return False
        if self.open:
            return len(concepts) >= 2
        for part in self.parts:
            if part in concepts:
                continue
            alts = self.alternatives.get(part, ())
            if not any(a in concepts for a in alts):
                return False
        return True


@dataclass(frozen=True, eq=False)  # hashed by identity: it keys label caches
class Vocabulary:
    """rules/vocabulary.toml, read: concepts and their synonyms, scenario and period words, rates, families, cues."""

    concepts: dict[str, str]  # synonym → canonical
    scenarios: tuple[tuple[str, tuple[str, ...]], ...]
    periods: tuple[tuple[str, tuple[str, ...]], ...]
    rates: dict[str, dict[str, tuple[str, ...]]]
    bounded: tuple[str, ...]
    leading: tuple[str, ...]
    families: dict[str, "Family"] = field(default_factory=dict)
    # a 决算's balance identities (收入总计 = 本年收入合计 + 年初结转和结余 …): read as identities only — their totals and
    # members are no breakdown the list readings know (a 收入总计 list of 上级补助, 调入 … stays open)
    balances: dict[str, "Family"] = field(default_factory=dict)
    memo: frozenset[str] = frozenset()
    cues: dict[str, re.Pattern[str]] = field(default_factory=dict, hash=False)  # compiled when first used
    _synonyms_longest_first: tuple[str, ...] = field(default=(), repr=False)
    qualifier_words: tuple[str, ...] = field(default=(), repr=False)
    score_levels: tuple[tuple[re.Pattern[str], ...], ...] = ()  # the levels of each score framework

    def names_every_score_level(self, text: str) -> bool:
        """Does the text name every level of one score framework (预算执行, 产出, 效益, 满意度)?"""
        return any(all(level.search(text) for level in levels) for levels in self.score_levels)

    def score_levels_named(self, text: str) -> frozenset[str]:
        """The levels of the score frameworks the text names (their patterns)."""
        return frozenset(level.pattern for levels in self.score_levels for level in levels if level.search(text))

    @cached_property
    def known_concepts(self) -> frozenset[str]:
        """The canonical concepts (a figure's concept may otherwise be its own label)."""
        return frozenset(self.concepts.values())

    @cached_property
    def _families_by_total(self) -> dict[str, tuple["Family", ...]]:
        by_total: dict[str, list[Family]] = {}
        for fam in self.families.values():
            for total in dict.fromkeys(fam.totals):
                by_total.setdefault(total, []).append(fam)
        return {total: tuple(fams) for total, fams in by_total.items()}

    def families_of_total(self, concept: str | None) -> tuple["Family", ...]:
        """The families `concept` is a total of, in the vocabulary's order — those `fam.totals` holds it (looked up
        by the concept, not by a walk of every family: the list resolvers ask it for each figure)."""
        return self._families_by_total.get(concept, ()) if concept is not None else ()

    def family_of(self, concepts: list[str]) -> "Family | None":
        return next((f for f in self.families.values() if f.covers(concepts)), None)

    def siblings(self, concept: str | None) -> set[str]:
        """Concepts that share a family with `concept`."""
        if not concept:
            return set()
        out: set[str] = set()
        for fam in self.families.values():
            if concept in fam.members:
                out |= fam.members
        return out - {concept}

    @cached_property
    def cue(self) -> Callable[[str], re.Pattern[str]]:
        """`cue(name)`: the compiled cue pattern `name` of vocabulary.toml [cues] — the cues' own
        look-up, a call in C (the code asks for a cue ~2,000 times a report: a method of its own was a
        Python call each time)."""
        return self.cues.__getitem__

    def flow(self, label: str) -> str | None:
        """Does a label name money coming in ("in"), going out ("out"), or both (收支)?"""
        if self.cue("flow_both").search(label):
            return "both"
        inflow, outflow = self.cue("flow_in").search(label), self.cue("flow_out").search(label)
        if inflow and outflow:
            return "both"
        return "in" if inflow else "out" if outflow else None

    def memo_for(self, total_concept: str | None) -> frozenset[str]:
        """Memo concepts to keep out of a breakdown of `total_concept`."""
        # a memo family's own total, also when named with more words ("鄂城区的三公经费数合计")
        if total_concept and (total_concept in self.memo or any(t in total_concept for t in self._memo_totals)):
            return frozenset()
        return self.memo

    @cached_property
    def _any_word(self) -> dict[str, re.Pattern[str]]:
        """One pattern per word list a label is read against (scenario, period and qualifier
        words): where none of a list's words occurs, reading the label skips trying each."""
        def any_of(words) -> re.Pattern[str]:
            return lazyre.compile("|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))))

        return {"scenario": any_of(w for _, ws in self.scenarios for w in ws),
                "period": any_of(w for _, ws in self.periods for w in ws),
                "qualifier": any_of(self.qualifier_words)}

    @property
    def scenario_words(self) -> re.Pattern[str]:
        """Every scenario word (下达, 执行, 结余 …), longest first: what a label says of its figure's scenario."""
        return self._any_word["scenario"]

    @property
    def period_words(self) -> re.Pattern[str]:
        """Every period word (上年度, 去年, 本年 …), longest first."""
        return self._any_word["period"]

    @cached_property
    def _rate_phrases(self) -> tuple[str, ...]:
        """Every rate's phrases together: a label ending in none of them names no rate by them."""
        return tuple(p for spec in self.rates.values() for p in spec["phrases"])

    @cached_property
    def _synonym_ends(self) -> frozenset[str]:
        """The last characters of the synonyms: a name ending otherwise is no synonym's."""
        return frozenset(syn[-1] for syn in self.concepts if syn)

    @cached_property
    def _longest_synonym_suffix(self) -> re.Pattern[str]:
        """Matched at the start of a reversed name: the longest synonym the name ends with
        (reversed synonyms, longest first: one match instead of a look-up per suffix)."""
        reversed_synonyms = sorted((syn[::-1] for syn in self.concepts if syn), key=lambda w: (-len(w), w))
        return lazyre.compile("|".join(re.escape(w) for w in reversed_synonyms) or "(?!)")

    @cached_property
    def synonyms_of(self) -> dict[str, tuple[str, ...]]:
        """Canonical concept → its synonyms, in the vocabulary's order (looked up once, not
        by a pass over every synonym for each figure)."""
        out: dict[str, list[str]] = {}
        for syn, canonical in self.concepts.items():
            out.setdefault(canonical, []).append(syn)
        return {canonical: tuple(syns) for canonical, syns in out.items()}

    @cached_property
    def _memo_totals(self) -> tuple[str, ...]:
        """The totals of the families that have memo members (“三公”经费 …)."""
        return tuple(t for f in self.families.values() if set(f.members) & self.memo for t in f.totals)

    @classmethod
    def from_toml(cls, data: dict, extra_concepts: dict[str, list[str]] | None = None) -> "Vocabulary":
        concepts: dict[str, str] = {}
        merged = {k: list(v) for k, v in data.get("concepts", {}).items()}
        for name, syns in (extra_concepts or {}).items():
            merged.setdefault(name, []).extend(syns)
        for canonical, synonyms in merged.items():
            for syn in [canonical, *synonyms]:
                concepts[_clean(syn)] = canonical
        scen = tuple((k, tuple(v)) for k, v in data.get("scenarios", {}).items())
        per = tuple((k, tuple(v)) for k, v in data.get("periods", {}).items())
        rates = {
            name: {"numerator": tuple(v["numerator"]), "denominator": tuple(v["denominator"]),
                   "phrases": tuple(v.get("phrases", ())),
                   # may an amount of no listed scenario stand in for the base?
                   "unnamed_base": bool(v.get("unnamed_base", True)),
                   # is a bare 支出 what was spent ("…,支出19.28亿元,支付率39.62%")?
                   "spent_unnamed": bool(v.get("spent_unnamed", False)),
                   # is a bare 完成 what was done (cue label_done_bare: "…调整预算512.80万元,完成509.37万元,完成调整预算的99.33%")?
                   "done_unnamed": bool(v.get("done_unnamed", False)),
                   # is the rate, its name naming no flow, of the flow its amounts name ("業務總收入決算數…,較預算數…,達成率":
                   # the income realised on its budget — a 收入 决算 its numerator, not money received as a base)?
                   "subject_of_amounts": bool(v.get("subject_of_amounts", False)),
                   # the rate's own verb, said bare, naming what was done — its numerator ("已到位672.44万元,使用672.44万元,
                   # 使用率100%": the 使用 of a 使用率)
                   "done_words": tuple(v.get("done_words", ())),
                   # words naming an amount this rate is of, whatever its scenario ("拨付" of a 使用率)
                   "base_words": tuple(v.get("base_words", ())),
                   # is the base, when the rate's sentence states none, the amount spent there plus the numerator
                   # (节约率: "采购额4303.58万元,节约资金480.62万元,节约率10.05%" — the budget was spent + saved)?
                   "base_spent_plus_numerator": bool(v.get("base_spent_plus_numerator", False))}
            for name, v in data.get("rates", {}).items()
        }
        labels = data.get("labels", {})
        families, balances = ({
            name: Family(
                name=name,
                totals=tuple(spec.get("totals", ())),
                parts=tuple(spec.get("parts", ())),
                optional=tuple(spec.get("optional", ())),
                alternatives={k: tuple(v) for k, v in spec.get("alternatives", {}).items()},
                open=bool(spec.get("open", False)),
            )
            for name, spec in data.get(table, {}).items()
        } for table in ("families", "balances"))
        return cls(
            families=families,
            balances=balances,
            # a report needs only some of the cues: each is compiled when first asked for
            cues={name: lazyre.compile(pattern) for name, pattern in data.get("cues", {}).items()},
            memo=frozenset(data.get("memo", {}).get("concepts", ())),
            concepts=concepts,
            scenarios=scen,
            periods=per,
            rates=rates,
            bounded=tuple(data.get("bounded", {}).get("words", ())),
            leading=tuple(sorted(labels.get("leading", ()), key=lambda w: (-len(w), w))),
            # longest first, ties in a fixed order: the same reading under any PYTHONHASHSEED
            _synonyms_longest_first=tuple(sorted(concepts, key=lambda w: (-len(w), w))),
            score_levels=tuple(tuple(lazyre.compile(level) for level in levels)
                               for levels in data.get("score_levels", {}).values()),
            qualifier_words=tuple(sorted({w for _, ws in (*scen, *per) for w in ws}, key=lambda w: (-len(w), w))),
        )


@lru_cache(maxsize=None)
def default_vocabulary() -> Vocabulary:
    return Vocabulary.from_toml(vocabulary_data())


def vocabulary_data() -> dict:
    """rules/vocabulary.toml, parsed (new objects on every call)."""
    data = builtin_toml("vocabulary.toml")
    if data is None:
        import tomllib

        with open(data_dir("rules") / "vocabulary.toml", "rb") as fh:
            data = tomllib.load(fh)
    return data


_PINYIN_GLOSS = lazyre.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
# The strict form, safe to drop from text before parsing: right after a Chinese character,
# with a tone mark ("预(yù)算"), so "(a)" or "(一)" never matches.  (The character before the bracket is
# looked at from the bracket: a pattern that opens with a lookbehind is tried at every position of the text.)
PINYIN_GLOSS_AFTER_HAN = lazyre.compile(r"\((?<=[\u4e00-\u9fff]\()[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def strip_glosses(text: str) -> str:
    """"预(yù)算数(shù)" → "预算数": the pinyin a converted mirror page prints after characters."""
    return _PINYIN_GLOSS.sub("", text) if "(" in text else text


def _clean(text: str) -> str:
    """Drop punctuation, quotes and pinyin glosses ("預(yù)算" on converted mirror pages)."""
    return _PUNCT.sub("", _PINYIN_GLOSS.sub("", text))


@dataclass(slots=True)
class LabelInfo:
    """What a label names, as `read_label` reads it.

    Never changed once made, but not a frozen dataclass (the reading makes one or more
    a figure: a frozen one sets each slot through its descriptor); compared and hashed
    by its fields, as the frozen one was."""

    text: str  # cleaned label
    concept: str | None
    known: bool  # concept comes from the vocabulary
    scenario: str | None
    period: str | None
    rate: str | None  # 执行率 / 完成率 … for percentages

    def __hash__(self) -> int:
        return hash((self.text, self.concept, self.known, self.scenario, self.period, self.rate))


_YEAR_IN_LABEL = lazyre.compile(r"((?:19|20)\d{2})\s*年(?:度)?")
_TRAILING = lazyre.compile(r"(?:的|为|是|达|达到|约|分别|:|新台币|人民币)+$")  # (a currency named before the figure: "資產總額新臺幣38,462,518千元")


def compatible_scenarios(a: str | None, b: str | None) -> bool:
    """A generic 预算 goes with a specific budget; 决算 goes with 执行, and with 實現數 (a part of it: "審定決算數…,包括實現數…、
    應付數…及保留數…")."""
    pair = {a, b}
    return pair <= {"budget", "budget_initial", "budget_adjusted"} and "budget" in pair \
        or pair == {"actual", "final"} or pair == {"realized", "final"}


def read_label(text: str, vocab: Vocabulary | None = None) -> LabelInfo:
    return _read_label(text, vocab or default_vocabulary())


# Rows/lines naming where money comes from: together they are all the money there is
# (自评表 "其中:财政拨款 | 上年结转 | 其他资金", "其中:中央补助 / 市级资金 / 本级资金").
FUNDING_SOURCE = lazyre.compile(
    r"财政拨款|财政资金|上年结转|结转资金|其他资金|财政专户|单位资金|中央补助|中央资金|中央财政|"
    r"省级|市级|县级|州级|区级|本级|地方资金|地方财政|自筹|社会投入|银行贷款|"
    r"^(?:其中)?(?:中央|地方|省|市|县|区|乡镇)(?:安排|下达|补助|配套|级)|"
    r"(?:中央|省|市|县|区|州|县市区|县\(市\)|乡镇|本级)财政$")

_CARRIED_OVER = lazyre.compile(r"(?:上年度?|去年|以前年度)(?=结转|结余|未完成|未使用)")
# words that hold a period word and name none ("以前年度" all the years before, "当前年度" this one, "目前年度"): 前年度
# inside them is not the year before last
_NO_PERIOD = lazyre.compile(r"[以当目提]前年度")

# Fund names that contain 预算 but say nothing about budget versus execution.
# The budget funds a paragraph may speak of ("政府性基金预算收入…收入合计"): they tell apart
# quantities with one name.
# (… and their short names, each read as the fund it names: "一、一般预算", "二、基金预算", "2.国资收支。", "(三)社保基金";
# not a 基金收支 of an insurance fund, "养老保险基金收支": told after 基金, so that every branch opens with its own
# character and the engine looks only where one of them stands — a lookbehind first had it try every position)
FUND_NAME = lazyre.compile(r"一般公共预算|政府性基金|国有资本经营|社会保险基金|一般预算|公共财政预算|"
                           r"基金(?<![险保]基金)(?:预算|收支)|国资(?:预算|收支)|国有资本预算|社保基金")
_FUND_SHORT = {"一般预算": "一般公共预算", "公共财政预算": "一般公共预算", "基金预算": "政府性基金", "基金收支": "政府性基金",
               "国资预算": "国有资本经营", "国资收支": "国有资本经营", "国有资本预算": "国有资本经营", "社保基金": "社会保险基金"}


def fund_called(name: str) -> str:
    """The fund a FUND_NAME match names, by its full name ("基金预算" → 政府性基金)."""
    return _FUND_SHORT.get(name, name)


# (Taiwan's budgets by kind: 公务预算 the government's own, 特别预算, 附属单位预算, 基金预算 of its funds)
_FUNDS = lazyre.compile(r"一般公共预算|公共财政预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算内|预算外|预算稳定调节基金|"
                        r"公务预算|特别预算|附属单位预算|基金预算|"
                        # (kinds of money whose names hold a scenario's word: "一般转移支付收入" is a
                        # kind of income, not money paid out; "国库集中支付" a way of paying)
                        r"转移支付|集中支付")


# "出国(境)经费、车辆购置及运行费、公务接待费(简称三公经费)支出合计": the figure is of what the
# abbreviation names, not of the last item listed before it
_ABBREVIATION = lazyre.compile(r"^.*\((?:以下)?简称([^()]{2,12})\)")


# a bracket opened right before a deduction word: a remark on the figure ("税收收入(扣除出口退税)"), not what it is
_REMARK_OPENS = lazyre.compile(r"[(（]\s*$")


# the last 较 / 比 of a label before a scenario's word (not 比例, 比重, 比率)
_COMPARED_WITH = lazyre.compile(r"(?:较|比)(?![例重率较])(?=[^较比]*(?:预算|决算|执行|计划|实际|到位)[^较比]*$)")


@lru_cache(maxsize=65536)
def _read_label(text: str, vocab: Vocabulary) -> LabelInfo:
    cleaned = _TRAILING.sub("", _clean(text))
    if "简称" in cleaned:
        cleaned = _ABBREVIATION.sub(r"\1", cleaned)
    taken = vocab.cue("deduction_said").search(cleaned, 2)
    if taken and "后" not in cleaned[taken.end():] and len(cleaned) - taken.end() >= 2 \
            and not _REMARK_OPENS.search(text.split(taken.group(), 1)[0]):  # (not "税收收入(扣除出口退税)": a remark)
        cleaned = cleaned[taken.end():]  # "支出总计扣除年末结转和结余": the figure is what is taken away
    unfunded = _FUNDS.sub("", cleaned)
    compared = _COMPARED_WITH.search(unfunded)
    if compared:  # "调整后预算较年初预算426.00万元": the figure is what the words after 较 name
        unfunded = unfunded[compared.end():]
    any_word = vocab._any_word
    scenario = _scenario(unfunded, vocab) if any_word["scenario"].search(unfunded) else None
    # "上年结转和结余" names a kind of money, not last year's figure
    dated = _NO_PERIOD.sub("", _CARRIED_OVER.sub("", cleaned))
    period = next((name for name, words in vocab.periods if any(w in dated for w in words)), None) \
        if any_word["period"].search(dated) else None
    year = _YEAR_IN_LABEL.search(cleaned)
    if year:
        period = year.group(1)
    rate = None
    if cleaned.endswith("率") or "率" in cleaned[-6:]:
        rate = next((name for name in vocab.rates if name in cleaned), None)
    # "支出决算为25.7万元,完成预算的83.44%": the rate without the word 率
    if rate is None and cleaned.endswith(vocab._rate_phrases):
        rate = next((name for name, spec in vocab.rates.items()
                     if any(cleaned.endswith(p) for p in spec["phrases"])), None)
    concept, known = _concept(_PAREN_TAIL.sub("", _YEAR_IN_LABEL.sub("", cleaned)), vocab)
    if not known:
        concept, known = _concept(_trim(cleaned, vocab), vocab)
    if not known:
        concept, known = _concept(_core(cleaned, vocab), vocab)
    if not known and _DONE_TAIL.search(cleaned):
        # ("全区一般公共预算总收入完成": the figure named, then the verb of what was done with it — the name's concept,
        # when it has one; the verb stays the label's scenario)
        done, done_known = _concept(_core(_DONE_TAIL.sub("", cleaned), vocab), vocab)
        if done_known:
            concept, known = done, done_known
    return LabelInfo(cleaned, concept, known, scenario, period, rate)


# the verb of what was done, after a figure's name ("税收收入完成", "一般公共预算收入累计完成", "地方财政收入实现"): the
# one cue the readings that take it off a name build on (this label's, a share's subject, a rate's base's subject)
DONE_VERB = r"(?:完成|实现)"
# … and the words it may open with (累计完成, 共完成, 全年实现)
DONE_LEAD = r"(?:累计|共|全年)?"
_DONE_TAIL = lazyre.compile(rf"(?<=[\u4e00-\u9fff]){DONE_LEAD}{DONE_VERB}了?$")


def _scenario(label: str, vocab: Vocabulary) -> str | None:
    """The first scenario of the vocabulary whose word the label holds — in what follows the label's last
    year, when that names one: "近三年项目预算执行情况:2021年预算" is a budget, the heading's 执行 before the
    year not its own."""
    year = None
    for year in _YEAR_WORD.finditer(label):
        pass
    if year is not None and any(w in label[year.end():] for _, words in vocab.scenarios for w in words):
        label = label[year.end():]
    return next((name for name, words in vocab.scenarios if any(_said(label, w) for w in words)), None)


def _said(label: str, word: str) -> bool:
    """The label holds the scenario word, not negated: "已签订合同尚未支付的设备尾款" is money not paid (no 支付 figure),
    "未到位资金" money that did not arrive."""
    at = label.find(word)
    while at >= 0:
        if not _NEGATED.search(label, 0, at):
            return True
        at = label.find(word, at + 1)
    return False


_NEGATED = lazyre.compile(r"(?:未|没有|尚未)$")
_YEAR_WORD = lazyre.compile(r"(?:19|20)\d{2}年度?")


_PAREN_TAIL = lazyre.compile(r"\([^()]*\)$")



def _trim(cleaned: str, vocab: Vocabulary) -> str:
    """The label without years, leading fillers and a trailing remark."""
    core = _PAREN_TAIL.sub("", _YEAR_IN_LABEL.sub("", cleaned))
    return _strip_fillers(core, vocab)


def _core(cleaned: str, vocab: Vocabulary) -> str:
    """The label without years, scenario and period words, fillers and remarks."""
    core = _PAREN_TAIL.sub("", _YEAR_IN_LABEL.sub("", cleaned))
    if vocab._any_word["qualifier"].search(core):  # (none there: no word to take out)
        for word in vocab.qualifier_words:
            core = core.replace(word, "")
    return _strip_fillers(core, vocab)


def _strip_fillers(core: str, vocab: Vocabulary) -> str:
    leading = tuple(vocab.leading)
    # a pass over the fillers takes one off exactly when the label starts with one of them
    while core.startswith(leading):
        for lead in leading:
            if core.startswith(lead):
                core = core[len(lead):]
    core = _TRAILING.sub("", core).removesuffix("数据").removesuffix("数").removesuffix("金额")  # ("决算数据": the figure, not a data set)
    return core if len(core) >= 2 else ""


_OTHER = ("其他", "其它")
_FEE_SPENT = lazyre.compile(r"费(?:财政拨款)?支出(?:合计|总额|总计)?$")
# endings that say nothing of what the money is ("三公经费财政拨款": the funds it came from)
_GENERIC_TAILS = ("费用", "经费", "资金", "金额", "总额", "总计", "合计支出", "支出合计", "合计", "数", "财政拨款")


def _concept(core: str, vocab: Vocabulary) -> tuple[str | None, bool]:
    if not core:
        return None, False
    # the reading that explains most of the label wins: "政府采购支出总额" is 政府采购
    # (+ a generic 总额), not 支出总额
    best, explained = None, 0
    readings = [(core, 0), (core.replace("费用", "费"), 0)]
    if core.endswith(_GENERIC_TAILS):
        readings += [(core[: -len(t)], len(t)) for t in _GENERIC_TAILS if core.endswith(t) and len(core) > len(t)]
        # two generic endings stacked ("三公经费(决算)数合计": 数 and 合计)
        readings += [(c[: -len(t)], n + len(t)) for c, n in readings[2:] for t in _GENERIC_TAILS
                     if c.endswith(t) and len(c) > len(t)]
    spent = _FEE_SPENT.search(core)
    if spent:  # "公务用车购置及运行费(决算)支出", "三公经费财政拨款支出": that 费
        readings.append((core[: spent.start() + 1], len(spent.group()) - 1))
    ends, suffix = vocab._synonym_ends, vocab._longest_synonym_suffix
    for candidate, tail in readings:
        if candidate[-1:] not in ends:
            continue  # no synonym ends as it does
        # the longest synonym the candidate ends with
        found = suffix.match(candidate[::-1])
        if found is not None:
            syn = found.group()[::-1]
            if candidate[:-len(syn)].endswith(_OTHER):
                continue  # "其他项目支出" is the rest of 项目支出, not all of it
            if vocab.cue("part_of_named_whole").search(candidate[:-len(syn)]):
                continue  # "非流动负债", "流动资产合计": one part of the 负债 / 资产 the total names, another quantity
            if len(syn) + tail > explained:  # synonym plus the generic ending it explains
                best, explained = syn, len(syn) + tail
    if best is not None:
        return vocab.concepts[best], True
    return core[-12:], False
