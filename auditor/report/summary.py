"""Counting findings, in the words of each language."""

from __future__ import annotations

from collections import Counter

WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "none": "未发现矛盾"},
    "en": {"error": "error", "warning": "warning", "info": "note", "none": "no contradictions found"},
}


def count_line(findings, lang: str) -> str:
    counts = Counter(f.severity for f in findings)
    words = WORDS.get(lang, WORDS["en"])
    if not findings:
        return words["none"]
    parts = []
    for sev in ("error", "warning", "info"):
        n = counts.get(sev, 0)
        if n:
            if lang == "zh":
                parts.append(f"{n} 个{words[sev]}")
            else:
                parts.append(f"{n} {words[sev]}{'s' if n != 1 else ''}")
    return ("，" if lang == "zh" else ", ").join(parts)
