"""X(a, b): figures in a bracket right after a figure are its parts.

    "项目支出1241.76万元(财政拨款1235.28万元,其他收入6.48万元)" → 1241.76 = 1235.28 + 6.48
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import (PARTIAL_SAID, adds_up, difference_of, family_complete, in_respectively_run,
                                        is_part, make_breakdown)
from auditor.extract.model import BUDGET_SCENARIOS, SPENT_SCENARIOS, Fact
from auditor.extract.readings import LABEL_YEAR, OPENERS, Reading, clean_label

_INCLUDED = lazyre.compile(r"\s*(?:其中)?\s*(?:含|内含|包含|包括)")
_RATIO = lazyre.compile(r"\d\s*[:：]\s*[\u4e00-\u9fff]{0,4}\d|比例|比率|标准")


def _bracket_end(r: Reading, node) -> int:
    """The offset where the bracket opened at `node` closes (or its sentence ends)."""
    end = node.end
    for k in r.tree.after(node.index, "sentence"):
        end = r.tree[k].end
        if r.tree[k].depth < node.depth:
            break
    return end


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for node in tree.of_kind("sep"):
        if node.piece.keyword not in "([【":  # (node.separator, the kind known: every separator of the text)
            continue
        i = node.index
        j = i - 1  # the figure the bracket follows: "新台币4,968万9,894元整(…)" — 整 says "exactly"
        if j > 0 and tree[j].kind == "words" and tree[j].piece.label.strip() == "整":
            j -= 1
        if i == 0 or not is_part(r, tree[j]) and tree[j].kind != "total":
            continue
        owner = r.facts[j]
        if owner is None or owner.kind == "number":
            continue  # bare figures without units ("每人补助480(2400/年为标准,按1:0.4:0.6的比例)"): too loose
        if _RATIO.search(r.norm.text, node.start, _bracket_end(r, node)):
            continue  # "(按省级1:州级0.4:县级0.6的比例匹配)": a ratio, not parts
        parts = []
        ok = True
        compared, changed = r.vocab.cue("compared_prefix"), r.vocab.cue("change_named")
        deducted = r.vocab.cue("score_deducted")
        for k in tree.after(i, "sentence"):
            s = tree[k]
            if s.depth < node.depth:
                break
            if s.kind in OPENERS | {"share", "increase", "decrease"}:
                ok = False
                break
            if s.depth == node.depth and is_part(r, s):
                label = clean_label(r.facts[k].label)
                if compared.match(label) or changed.match(label):
                    ok = False  # "(較原預算案擬移用數92.58億元,減少移用22.74億元)": a comparison, no parts
                    break
                if r.facts[k].unit == "分" and deducted.search(label):
                    ok = False  # "得分21.5分(资金拨付不及时扣2分、…扣1.5分)": points taken off, what explains the score
                    break
                if r.facts[k].kind != owner.kind or r.facts[k].unit != owner.unit:
                    ok = False
                    break
                parts.append(r.facts[k])
        if ok and len(parts) >= 2 and _OPENING_BALANCE.match(clean_label(parts[0].label)):
            continue  # "债务余额302.27亿元(上年末余额288.07亿元,本年举借40.16亿元,本年偿还25.96亿元)": how it rolled forward
        if ok and len(parts) >= 2 and _budget_and_spending(parts):
            continue  # "结余15.99万元(全年预算690.66万元,已支出674.67万元)": what it was worked out from, no parts
        if ok and len(parts) >= 2 and r.vocab.cue("bracket_respectively").match(r.norm.text, node.end) \
                and in_respectively_run(r, owner):
            # "…依次为5.49万元、9.60万元、18.35万元(预算依次为16.46万元、11.01万元、18.49万元)": the bracket is another
            # measure of each figure of the run, one each — no parts of its last figure
            continue
        if ok and len(parts) >= 2 and _earlier_years(r, owner, parts):
            continue  # "机关运行经费支出150.82万元(2020年:189.21万元;2021年:173.57万元)": its history, no parts
        if ok and len(parts) >= 2:
            # ("一般性转移支付收入312,340万元(含均衡性转移支付…、…奖补资金…)": what it includes, not
            # all it is made of — only parts above the figure contradict it)
            included = _INCLUDED.match(r.norm.text, node.end)
            closed = family_complete(r, owner, parts)
            if included and owner.kind == "count" and not closed:
                continue  # "共有车辆8辆(含…特种专业技术用车2辆、其他用车1辆)": some of the things counted, said so
            # ("房屋建筑面积6480平方米(主要为门诊楼2360平方米、住院楼3120平方米)", "…712.80万元(社区工作者薪酬486.00万元、
            # 社区办公经费120.00万元等)": the bracket says it names only some parts — over the figure is wrong, under it not)
            partial = _says_partial(r, i, parts)
            # (…unless it names every member of a closed family: "“三公”经费12万元(含出国…、公车…、接待…)")
            # (counts — people, floor areas, things — are read as under 其中, by make_breakdown's reading of counts:
            # "卫生技术人员412人(执业医师136人、注册护士218人)" names two groups of them, not all; groups named like the
            # total, closed by 其他…, split one way, or adding up exactly are all of it)
            complete = closed or not included and not partial and owner.kind != "count"
            made = make_breakdown(r, owner, parts, "()", complete, "bracket_list",
                                  (PARTIAL_SAID,) if partial and not closed else ())
            if made and len(parts) == 2 and not made.relation.subtracted and not adds_up(owner, parts) \
                    and difference_of(owner, parts):
                continue  # "尚有未拨付资金1290万元(已下达7820万元,已拨付6530万元)": the two figures it is the difference of
            if made:
                yield made


def _says_partial(r: Reading, i: int, parts: list[Fact]) -> bool:
    """The bracket opened at node `i` says it names only some parts: its first words are a partial opener ("(主要为门诊楼…",
    "(如…", "(主要包括…") or the words right after its last part, inside it, a partial closer ("…120.00万元等)",
    "…,其余由…)") — the cues of a 其中 list's partial_marker, read within the bracket."""
    tree = r.tree
    first = tree[i + 1] if i + 1 < len(tree) else None
    if first is not None and first.kind in {"words", "labelled"} and r.vocab.cue("partial_opener").match(first.piece.label):
        return True
    last = r.node_of(parts[-1])
    if last is None:
        return False
    after = last + 1
    depth = tree[i].depth
    # (past a separator inside the bracket: "…,其余由…)")
    while after + 1 < len(tree) and tree[after].kind == "sep" and tree[after].depth >= depth \
            and tree[after].piece.keyword not in ")]】":
        after += 1
    return after < len(tree) and tree[after].kind == "words" and tree[after].depth >= depth \
        and bool(r.vocab.cue("partial_closer").match(tree[after].piece.label))


_OPENING_BALANCE = lazyre.compile(r"^(?:上年末|上年底|年初|期初|上期末|(?:19|20)\d{2}年(?:末|底)|上年结转|上年结余)")


def _earlier_years(r: Reading, owner: Fact, parts: list[Fact]) -> bool:
    """Every part is named by a year of its own, each another, none the owner's: the figure of other years."""
    years = []
    for p in parts:
        m = LABEL_YEAR.search(clean_label(p.label))
        if m is None:
            return False
        years.append(m.group(1))
    return len(set(years)) == len(years) and (owner.period or "") not in years




def _budget_and_spending(parts: list[Fact]) -> bool:
    """A budget and the money spent of it among the figures (a bare 支出 beside a budget is what was spent of it): they
    never add up to anything."""
    budgets = [p for p in parts if p.scenario in BUDGET_SCENARIOS]
    return bool(budgets) and any(p.scenario in SPENT_SCENARIOS
                                 or p not in budgets and _SPENT_WORD.search(clean_label(p.label)) for p in parts)


_SPENT_WORD = lazyre.compile(r"支出|执行|使用|拨付")
