"""The same report in other layouts: what PDF and web extraction do to a text without
changing a word of it.  A reading that accuses under one layout and not under another
depended on where the lines happen to break, which no reviewer would accept.

Each variant is a pure function text → text that keeps every word and figure:
lines wrapped at a width (inside words and numbers, as PDF text extraction does),
one sentence per line, a paragraph's lines run together, a table's bars turned into
runs of spaces, its cells one per line or its rows joined onto one line, a space left
before every unit, and the text in traditional characters.
"""

from __future__ import annotations

import re
from functools import lru_cache


def wrapped(width: int):
    def wrap(text: str) -> str:
        out = []
        for line in text.split("\n"):
            if len(line) <= width or "|" in line:
                out.append(line)
            else:
                out.extend(line[i:i + width] for i in range(0, len(line), width))
        return "\n".join(out)
    wrap.__name__ = f"wrapped_at_{width}"
    return wrap


def sentence_per_line(text: str) -> str:
    return re.sub(r"。(?=.)", "。\n", text)


def bars_as_spaces(text: str) -> str:
    return "\n".join(re.sub(r"[ \t]*\|[ \t]*", "   ", line).strip() for line in text.split("\n"))


def table_on_one_line(text: str) -> str:
    out: list[str] = []
    run: list[str] = []
    for line in text.split("\n"):
        if "|" in line:
            run.append(line.strip())
            continue
        if run:
            out.append(" ".join(run))
            run = []
        out.append(line)
    if run:
        out.append(" ".join(run))
    return "\n".join(out)


def lines_joined(text: str) -> str:
    """A paragraph's lines run together, as a loader that drops soft line breaks leaves them."""
    return re.sub(r"(?<=[^。:;：；\n|])\n(?=[^\n|])", "", text)


def cell_per_line(text: str) -> str:
    """A table's cells one per line, " |" after each, a line of bars ending each row."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            out.extend(c.strip() + " |" for c in line.split("|") if c.strip())
            out.append("||||")
        else:
            out.append(line)
    return "\n".join(out)


@lru_cache(maxsize=1)
def _to_traditional():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return _to_traditional().convert(text)


def units_spaced(text: str) -> str:
    """A space between every number and its unit, as PDF text often leaves it ("97.80 %", "2476260.58 元")."""
    return re.sub(r"(\d)(万元|亿元|元|%)", r"\1 \2", text)


VARIANTS = {f.__name__: f for f in (wrapped(25), wrapped(34), wrapped(45), wrapped(57), wrapped(70), sentence_per_line,
                                    bars_as_spaces, table_on_one_line, lines_joined, cell_per_line, units_spaced,
                                    traditional)}


_FULL_WIDTH = {ord(c) + 0xFEE0: ord(c) for c in "0123456789%,.:;()"}


def error_keys(findings) -> list[tuple[str, str]]:
    """The errors of a run, keyed so that the same error matches across layouts: its rule
    and its stated figure without spaces, in simplified characters."""
    out = []
    for f in findings:
        if f.severity != "error":
            continue
        stated = re.sub(r"\s", "", f.stated or "").translate(_FULL_WIDTH)
        out.append((f.rule, _to_simplified().convert(stated)))
    return out


@lru_cache(maxsize=1)
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


EXCERPTS = (0.15, 0.3, 0.42, 0.55, 0.67, 0.8, 0.9)


def load_reports(folders) -> dict[str, tuple[str, str]]:
    """The reports of `folders` (ID.txt, line 1 its source URL; ID.labels.toml its genre),
    in path order: name → (text, genre), as `unstable_errors` takes them."""
    import tomllib

    out = {}
    for path in sorted(p for folder in folders for p in folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        labels = path.with_name(path.stem + ".labels.toml")
        genre = tomllib.loads(labels.read_text(encoding="utf-8")).get("genre", "?") if labels.exists() else "?"
        out[path.stem] = (rest if first.startswith("http") else text, genre)
    return out


def unstable_errors(reports: dict[str, tuple[str, str]], rules) -> dict[str, list[str]]:
    """Errors a report raises only in another layout, only when it shares a document with
    the next report of its genre, or only as an excerpt: family → ["report: RULE on FIGURE"];
    and, for recall, the errors it raises as written but not in another layout ("lost in
    layouts": a wrap may cut a figure, so this one need not be empty).

    `reports` maps a name to (text, genre).  A stable reading gives the first three empty."""
    from collections import Counter

    from auditor.pipeline import audit_text

    def errors(text: str, name: str) -> Counter:
        return Counter(error_keys(audit_text(text, path=name, rules=rules).findings))

    alone = {name: errors(text, name) for name, (text, _) in reports.items()}
    out: dict[str, list[str]] = {"layouts": [], "documents": [], "excerpts": [], "lost in layouts": []}
    for name, (text, _) in reports.items():
        for vname, variant in VARIANTS.items():
            changed = variant(text)
            if changed != text:
                got = errors(changed, name)
                out["layouts"].extend(f"{name} ({vname}): {r} on {s}" for r, s in got - alone[name])
                out["lost in layouts"].extend(f"{name} ({vname}): {r} on {s}" for r, s in alone[name] - got)
        for fraction in EXCERPTS:
            cut = text[:int(len(text) * fraction)]
            out["excerpts"].extend(f"{name} ({fraction:.0%}): {r} on {s}" for r, s in errors(cut, name) - alone[name])
    by_genre: dict[str, list[str]] = {}
    for name, (_, genre) in reports.items():
        by_genre.setdefault(genre, []).append(name)
    for names in by_genre.values():
        for a, b in zip(names, names[1:] + names[:1]):
            if a != b:
                joined = errors(reports[a][0] + "\n\n" + reports[b][0], a)
                out["documents"].extend(f"{a} + {b}: {r} on {s}" for r, s in joined - (alone[a] + alone[b]))
    return out
