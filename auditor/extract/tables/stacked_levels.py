"""A table whose levels its layout states: each row of the upper level set one cell a line (its name alone on a line,
then each of its figures on a line of its own), the rows under it one line each, name and figures together.

    行政管理支出                         a row of the upper level: its name,
    224,113,615 ⏎ 17% ⏎ 191,262,021 …   its figures one a line (blank lines between or not),
    人事費 20,151,167元 2% 19,190,790元 …  the rows under it, one a line, as wide,
    業務費 58,305,752元 5% …
    教學研究及訓輔支出 ⏎ …                the next row of the upper level …
    合    計 ⏎ 1,432,977,827 ⏎ 100% …   and perhaps the table's total, set as the upper rows are.

Such pages (a Taiwanese school's 收支分析 as its web page leaves it) often keep no header: what the layout says is
enough.  Each upper row is the sum of the rows under it, column by column, and the total that of the upper rows — read
only where the amounts bear it out: in the columns of amounts (no "%"), the sums hold in all but one at most, in more
than twice as many as they fail (reason layout_levels); a column of shares (each figure a whole percent) is read only
where it adds up, as rounded shares may not.  A row with no rows under it is a part of the total only.
"""

from __future__ import annotations

from decimal import Decimal

from auditor import lazyre
from auditor.extract.model import Fact, GridFormula, ScoreTable
from auditor.extract.tables.grid import GridRow, Token, cell_token, grid_table
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

REASON = "layout_levels"
_ZERO = Decimal(0)
_MAX_LABEL = 30
_MIN_GROUPS = 2
_TOTAL = lazyre.compile(r"^(?:合\s*计|总\s*计|总\s*额)$")
_WORD = lazyre.compile(r"\S+")


def _token(text: str, start: int) -> Token | None:
    """A figure cell, its unit 元 aside ("173,013,562元"); None for anything else (a dash too)."""
    token = cell_token(text[:-1] if text.endswith("元") and len(text) > 1 else text, start)
    return token if token is not None and token.value is not None else None


def _line(line: str, start: int) -> tuple[str, object] | None:
    """What a line is: ("name", (text, start)) a short name alone, ("figure", token) a figure alone, ("row", GridRow
    without line) a name and its figures, or None."""
    words = [(m.group(), start + m.start()) for m in _WORD.finditer(line)]
    if not words:
        return None
    if len(words) == 1:  # (most lines: a line of prose, one word — a figure alone, or a name alone when it is short)
        word, at = words[0]
        token = _token(word, at)
        if token is not None:
            return "figure", token
        if len(word) > _MAX_LABEL or any(ch.isdigit() for ch in word):
            return None
        return "name", (word, at)
    tokens = [_token(w, at) for w, at in words]
    names = 0
    while names < len(words) and tokens[names] is None:
        names += 1
    if names == len(words):
        label = "".join(w for w, _ in words)
        if len(label) > _MAX_LABEL or any(ch.isdigit() for ch in label):
            return None
        return "name", (" ".join(w for w, _ in words), words[0][1])
    if names == 0 or any(t is None for t in tokens[names:]):
        return None
    label = " ".join(w for w, _ in words[:names])
    if len(label) > _MAX_LABEL or any(ch.isdigit() for ch in label):
        return None
    return "row", (label, words[0][1], tuple(tokens[names:]))


def _blocks(lines: list[tuple[str, int]], taken: set[int]):
    """The runs of lines that are names, figures alone and rows (blank lines between them aside)."""
    block: list[tuple[int, str, object]] = []
    for index, (line, start) in enumerate(lines + [("", -1)]):
        if start >= 0 and not line.strip():
            continue
        what = None if index in taken or start < 0 else _line(line, start)
        if what is None:
            if block:
                yield block
            block = []
            continue
        block.append((index, *what))


def _groups(block) -> list[tuple[GridRow, list[GridRow]]] | None:
    """The block as upper rows (a name, then its figures one a line) each with the rows under it, all as wide; None
    where the block is not so."""
    out: list[tuple[GridRow, list[GridRow]]] = []
    n = 0
    width = None
    while n < len(block):
        index, kind, what = block[n]
        if kind != "name":
            return None
        m = n + 1
        figures = []
        while m < len(block) and block[m][1] == "figure":
            figures.append(block[m][2])
            m += 1
        if len(figures) < 2 or width not in (None, len(figures)):
            return None
        width = len(figures)
        upper = GridRow(what[0], what[1], index, tuple(figures))
        under = []
        while m < len(block) and block[m][1] == "row":
            label, at, tokens = block[m][2]
            if len(tokens) != width:
                return None
            under.append(GridRow(label, at, block[m][0], tokens))
            m += 1
        out.append((upper, under))
        n = m
    return out


def _holds(total: Token, parts: list[Token]) -> bool | None:
    if not any(p.value for p in parts):
        return True if not total.value else None  # (nothing under a row of nothing: "0% ⏎ 事費 0% ⏎ 業務費 0%")
    summed = sum((p.value for p in parts), _ZERO)
    return abs(total.value - summed) <= sum((p.tolerance for p in parts), total.tolerance)


def _table(groups: list[tuple[GridRow, list[GridRow]]]):
    """The rows and formulas the groups state, or None where the amounts do not bear the reading out."""
    width = len(groups[0][0].tokens)
    shares = {c for c in range(width) if all(g[0].tokens[c].text.endswith("%") for g in groups)}
    rows: list[GridRow] = []
    relations: list[tuple[int, tuple[int, ...], list[bool | None]]] = []
    total = None
    if _TOTAL.match(groups[-1][0].label.replace(" ", "")) and not groups[-1][1]:
        groups, total = groups[:-1], groups[-1][0]
    uppers = []
    for upper, under in groups:
        rows.append(upper)
        uppers.append(len(rows) - 1)
        if not under:
            continue
        first = len(rows)
        rows.extend(under)
        relations.append((uppers[-1], tuple(range(first, len(rows))),
                          [_holds(upper.tokens[c], [r.tokens[c] for r in under]) for c in range(width)]))
    if total is not None:
        rows.append(total)
        relations.append((len(rows) - 1, tuple(uppers),
                          [_holds(total.tokens[c], [rows[x].tokens[c] for x in uppers]) for c in range(width)]))
    amounts = [c for c in range(width) if c not in shares]
    checked = sum(1 for _, _, v in relations for c in amounts if v[c] is not None)
    against = sum(1 for _, _, v in relations for c in amounts if v[c] is False)
    if sum(1 for _, parts, _ in relations if len(parts) >= 2) < _MIN_GROUPS or checked < 4 or against > 1 \
            or checked <= 2 * against:
        return None
    formulas = []
    for target, operands, verdicts in relations:
        columns = tuple(c for c in range(width) if verdicts[c] is not None and (c not in shares or verdicts[c]))
        if columns:
            formulas.append(GridFormula(kind="row_sum", target=target, operands=operands, columns=columns,
                                        reason=REASON, support=sum(1 for c in columns if verdicts[c]),
                                        rows=len(columns)))
    return rows, tuple(formulas)


def read_stacked_levels(norm: Normalised, taken: set[int], vocab: Vocabulary,
                        first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    """Every table of the text (not on `taken` lines) whose upper rows stand one cell a line over rows one a line."""
    lines = norm.lines()
    out = []
    for block in _blocks(lines, taken):
        if len(block) < 8:
            continue
        groups = _groups(block)
        if groups is None or len(groups) < _MIN_GROUPS:
            continue
        found = _table(groups)
        if found is None:
            continue
        rows, formulas = found
        table, facts = grid_table(rows, formulas, norm, first_id + sum(len(f) for _, f, _ in out))
        out.append((table, facts, (block[0][0], block[-1][0])))
    return out
