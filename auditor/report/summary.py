"""Counting findings, in the words of each language."""

from __future__ import annotations

from collections import Counter

WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "none": "未发现矛盾", "nothing": "未核对任何关系"},
    "en": {"error": "error", "warning": "warning", "info": "note", "none": "no contradictions found",
           "nothing": "no relation checked"},
}


def checked_line(checked: tuple[int, int, int] | None, lang: str) -> str:
    """"读取 120 个数字，核对 35 个关系，3 个无法判定": how much a verdict rests on."""
    if checked is None:
        return ""
    figures, relations, undecided = checked
    if lang == "zh":
        text = f"读取 {figures} 个数字，核对 {relations} 个关系"
        return text + (f"，{undecided} 个无法判定" if undecided else "")
    text = f"read {figures} figure{'s' if figures != 1 else ''}, checked {relations} relation{'s' if relations != 1 else ''}"
    return text + (f", {undecided} undecided" if undecided else "")


def count_line(findings, lang: str, checked: tuple[int, int, int] | None = None) -> str:
    """The findings counted, then (given `checked`) how much was checked: "no contradictions"
    is said only when some relation was checked."""
    counts = Counter(f.severity for f in findings)
    words = WORDS.get(lang, WORDS["en"])
    tail = checked_line(checked, lang)
    sep = "；" if lang == "zh" else "; "
    if not findings:
        if checked is not None and checked[1] == 0:
            return words["nothing"] + (f"（{tail}）" if lang == "zh" else f" ({tail})")
        return words["none"] + (sep + tail if tail else "")
    parts = []
    for sev in ("error", "warning", "info"):
        n = counts.get(sev, 0)
        if n:
            if lang == "zh":
                parts.append(f"{n} 个{words[sev]}")
            else:
                parts.append(f"{n} {words[sev]}{'s' if n != 1 else ''}")
    return ("，" if lang == "zh" else ", ").join(parts) + (sep + tail if tail else "")
