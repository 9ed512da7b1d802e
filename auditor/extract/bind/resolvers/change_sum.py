"""The changes of a complete list's parts, with the change of its total: they add up.

    "支出100万元,增加20万元,其中基本支出60万元,增加15万元,项目支出40万元,增加5万元。"

The total's change may be stated for the same quantity under another label
(收入预算 848.4 = 支出预算 848.4), close by.  A numbered change list of a total
whose change this reading already pairs yields to it.
"""

from __future__ import annotations

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.lists import PARTIAL_SAID, adds_up
from auditor.extract.bind.reasons import EXPLICIT, strength
from auditor.extract.model import Breakdown, Change, ChangeList, Fact
from auditor.extract.numbering import YEAR_SAID


def resolve(index: DocumentIndex, lists: list[Breakdown], changes: list[Change],
            numbered: list[ChangeList]) -> list[ChangeList]:
    # (a flat part, "较上年无增减", changed by nothing)
    usable = [c for c in changes if c.reference in {"previous", "budget"} and (
        (c.delta is not None and c.delta.kind == "amount") or (c.direction == 0 and c.delta is None and c.percent is None))]
    # "较上年…减少6万元,较预算数…减少217万元": one figure, two changes; parts pair by what they compare with
    several: dict = {}  # ("比上年同期减少343.73亿元,…,比上月增加7.78亿元": one figure, two changes against the previous)
    by_value: dict = {}
    for c in usable:
        if c.current is not None:
            base = _base(c)
            several.setdefault((c.current.id, base), []).append(c)
            by_value.setdefault((c.current.value, c.current.unit, base), []).append(c)
    by_current = {key: found[-1] for key, found in several.items()}  # (the last, as one read per figure)
    out: list[ChangeList] = []
    paired: set[int] = set()
    for b in complete_lists(lists) + _made_by_parts(lists):
        if b.written_none:
            continue  # ("6.公債收入 | - | 220,329 | -220,329": a member written as none this year still changed)
        for base in ("previous", "budget"):
            part_changes = [by_current.get((p.id, base)) for p in b.parts]
            if any(pc is None for pc in part_changes) or all(pc.delta is None for pc in part_changes):
                continue
            # (a part stated with the total's value is no other name of the total: "公务用车购置及运行费
            # 1116.14万元。其中:…公务用车运行费1116.14万元…减少596.98万元" states no change of the total)
            parts = {p.id for p in b.parts}
            total_changes = several.get((b.total.id, base), ())
            total_change = _alike(total_changes, part_changes) if len(total_changes) > 1 \
                else by_current.get((b.total.id, base))
            total_change = total_change or _same_quantity_change(
                index, b.total, [c for c in by_value.get((b.total.value, b.total.unit, base), [])
                                 if c.current is None or c.current.id not in parts])
            if total_change is not None and total_change.delta is not None:
                break
        else:
            continue
        if len({w for c in [total_change, *part_changes] if (w := _compared_with(c, index.report_year))}) > 1:
            # ("…比上年同期增加2.45亿元。其中,…比2022年同期增加0.54亿元": changes against another year need not sum)
            continue
        paired.add(id(total_change))
        # the reading is no stronger than the list's own: numbered items or parts on the following
        # lines are a layout the text does not spell out
        reason = "changes_of_listed_parts" if strength(b.reason) >= EXPLICIT else "changes_of_laid_out_parts"
        out.append(ChangeList.model_construct(total=total_change, parts=tuple(part_changes), breakdown=b,
                                              reason=reason, via=(), rejected=()))
    for cl in numbered:
        if id(cl.total) in paired:
            continue
        out.append(cl)
    return out


def _base(c: Change) -> str:
    """What a change compares with: the budget when it says so ("比预算数减少") or its earlier
    figure is one, else last year."""
    if c.reference == "budget":
        return "budget"
    scenario = c.previous.scenario if c.previous is not None else None
    return "budget" if scenario and scenario.startswith("budget") and c.previous.period != "previous" else "previous"


_DIRECTION_END = lazyre.compile(r"(?:增加|减少|增长|下降|提高|降低|上升|增收|减收)了?$")
_LAST_YEAR = lazyre.compile(r"上年|去年|上一年|同比|上年度")


def _compared_with(c: Change, report_year: str | None) -> str:
    """The year a change names its base by ("比2022年同期增加" → "2022"); every way of saying last year is one ("上年",
    "同比", the year before the report's by its number: "比2023年预算减少" in 2024's); "" when it names no year."""
    words = c.keyword or ""
    named = YEAR_SAID.search(words)
    if named is not None:
        year = named.group(1)
        return "上年" if report_year and report_year.isdigit() and int(year) == int(report_year) - 1 else year
    return "上年" if _LAST_YEAR.search(words) else ""


def _alike(changes: list[Change], part_changes: list[Change]) -> Change | None:
    """Of a total's several changes against the previous (上年同期, 上月), the one compared as its parts' are — the
    words before the direction the same ("比上年同期") — or None."""
    said = {_DIRECTION_END.sub("", pc.keyword) for pc in part_changes}
    if len(said) != 1:
        return None
    found = [c for c in changes if _DIRECTION_END.sub("", c.keyword) in said]
    return found[0] if len(found) == 1 else None


_OPENED = frozenset({"qizhong_list", "respectively_list", "bracket_list"})  # (prose lists a marker opens: no table's)


def _made_by_parts(lists: list[Breakdown]) -> list[Breakdown]:
    """Explicit lists read as perhaps naming only some parts (a 其中 may) whose parts make the total exactly: all of
    it, so their changes make its change ("…514.60亿元,比上年同期增加24.53亿元…。其中,福利彩票…179.13亿元,…增加5.41亿元…;
    体育彩票…335.47亿元,…增加19.12亿元") — not a list the text says is partial (主要, 等)."""
    return [b for b in lists if not b.complete and b.reason in _OPENED and PARTIAL_SAID not in b.via
            and not b.subtracted and len(b.parts) >= 2 and adds_up(b.total, b.parts)]


def complete_lists(lists: list[Breakdown]) -> list[Breakdown]:
    """Lists that name every part of their total (no 减 items) and make it: what the parts' own changes or shares
    must add up to. (Parts that miss one do not make the total, nor do their changes make its change or their shares
    all of it — "…其中:一般公共预算…2,987.15万元,比上年增加518.86万元;政府性基金…228.25万元,比上年增加136.95万元;年初结转
    和结余187.06万元(上年为145.37万元)": the levels' own relation says so.)"""
    return [b for b in lists if b.complete and not b.subtracted and len(b.parts) >= 2 and adds_up(b.total, b.parts)]


def _same_quantity_change(index: DocumentIndex, total: Fact, changes: list[Change]) -> Change | None:
    """A change stated for the same quantity under another label (收入预算 848.4 = 支出预算 848.4).

    `changes` are those whose changed figure has the total's value and unit."""
    matches = [
        c for c in changes
        if c.current is not None and c.current.id != total.id
        and index.period_of(c.current) == index.period_of(total)
        and abs(c.current.window - total.window) <= 2
        and _compatible(c.current.scenario, total.scenario)
    ]
    return matches[0] if len(matches) == 1 else None


def _compatible(a: str | None, b: str | None) -> bool:
    """Same scenario, one unknown, or a generic 预算 against a specific budget."""
    if a is None or b is None or a == b:
        return True
    return {a, b} <= {"budget", "budget_initial", "budget_adjusted"} and "budget" in {a, b}
