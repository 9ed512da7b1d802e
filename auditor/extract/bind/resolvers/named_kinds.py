"""A list whose parts the text names as all the kinds there are.

    "主要有部门预算项目支出、专项预算支出二类支出,项目资金总预算为2455.5万元,其中部门预算
     项目支出87.5万元,专项预算支出2350万元。"  → the 其中 list names both kinds: it is complete

A 其中 list may name only some parts, so by itself it fails only by excess.  When the
line of its total names the kinds ("A、B二类", "A、B、C三项") and the list's parts are
exactly those kinds, the list is all of its total.  Names ending in 等 name only some.
"""

from __future__ import annotations

from auditor import lazyre
from auditor.extract.model import Breakdown
from auditor.extract.numbering import chinese_number
from auditor.extract.readings import Reading, clean_label

_KINDS = lazyre.compile(r"((?:[\u4e00-\u9fff()]{2,20}、)+[\u4e00-\u9fff()]{2,20}?)(等)?"
                        r"([二两三四五六七八九十]|\d{1,2})(?:类|项|个方面|个部分|部分|种|大类)")
_LEAD = lazyre.compile(r"有|包括|包含|分为|即")
VIA = "its line names these kinds as all there are"


def complete(r: Reading, lists: list[Breakdown]) -> list[Breakdown]:
    """`lists` with the partial lists whose kinds the text names marked complete."""
    out = list(lists)
    text = r.norm.text
    for n, b in enumerate(lists):
        if b.complete or b.subtracted or len(b.parts) < 2:
            continue
        at = b.total.span.start  # the total's line, not the whole text split into lines
        end = text.find("\n", at)
        names = _kinds(text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)])
        parts = {clean_label(p.label) for p in b.parts}
        if names and len(names) == len(b.parts) and all(any(p.endswith(k) for k in names) for p in parts) \
                and len(parts) == len(b.parts):
            out[n] = b.model_copy(update={"complete": True, "via": (*b.via, VIA)})
    return out


def _kinds(line: str) -> set[str]:
    """The kinds a line names with their count ("A、B二类支出" → {A, B}), when count and names agree."""
    if "、" not in line:
        return set()  # (no names listed: the pattern, tried at every Han character, is not run)
    for m in _KINDS.finditer(line):
        if m.group(2):
            continue  # "A、B等三类": some only
        names = [clean_label(x) for x in m.group(1).split("、")]
        names[0] = _LEAD.split(names[0])[-1]  # "…局主要有部门预算项目支出": the name after 有
        count = int(m.group(3)) if m.group(3).isdigit() else chinese_number(m.group(3).replace("两", "二"))
        if count == len(names):
            return set(names)
    return set()
