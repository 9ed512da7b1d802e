"""A balance sheet in the net assets format (Hong Kong's trading funds and charities: 财务状况表, 资产负债表), set one
row a line under a header of its years, perhaps after a column of notes:

    附注 2025 2024                                  the header: the years (a column of notes before them),
    非流动资产                                       a part opened by its name,
    物业、设备及器材 8 123,200 126,883               its items, a label, perhaps a note, a figure a year,
    外汇基金存款 11 529,748 510,847
    670,390 652,179                                  closed by a row with no name: the items' sum;
    流动资产 … 699,200 726,959 ⏎ 流动负债 … 365,864 333,876
    流动资产净值 333,336 393,083                     流动资产 − 流动负债,
    总资产减去流动负债 ⏎ 1,003,726 1,045,262         非流动资产 + 流动资产净值 (its figures perhaps on the next line),
    非流动负债 … 58,025 71,688
    净资产 945,701 973,574                           总资产减去流动负债 − 非流动负债,
    资本与储备 … 945,701 973,574                     and the capital's items, their unnamed sum.

A part whose items no unnamed row closes is their sum where the next row is a net row (递延税项, 政府贷款 ⏎ 资产净额);
a part of one item is that item.  A row whose figures are fewer than the years, or whose first figure may be a note
as well as an amount ("应收关连人士帐款 20 1" under 附注: note 20 and 1, or 20 and 1?), is read as neither: its part's
sum is not read (the part's total still is).  The sheet is read only where more of its relations hold than fail; no
one wrote the sums down, so a failing one warns (reason net_assets_format).  The cue words are the vocabulary's
(net_assets_part_*, net_assets_current, net_assets_less_current, net_assets_net).
"""

from __future__ import annotations

from decimal import Decimal

from auditor import lazyre
from auditor.extract.model import Fact, GridFormula, ScoreTable
from auditor.extract.tables.grid import GridRow, Token, cell_token, grid_table
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

REASON = "net_assets_format"
_ZERO = Decimal(0)
_PARTS = ("noncurrent_assets", "current_assets", "current_liabilities", "noncurrent_liabilities", "capital")
_NETS = ("current", "less_current", "net")
_YEAR = lazyre.compile(r"^(?:19|20)\d{2}(?:年(?:度)?)?$")
_NOTES = lazyre.compile(r"^(?:附注|注释|注|附注编号)$")
_NOTE = lazyre.compile(r"^\d{1,2}(?:\([a-z]\))?[,，]?$")
_WORD = lazyre.compile(r"[^\s|│｜]+")
_BARE_SMALL = lazyre.compile(r"^\d{1,2}$")
_TOTAL = lazyre.compile(r"(?:总额|合计|总计)$")
_LATIN_WORD = lazyre.compile(r"^[A-Za-z(),.'’/&\-–$:]+$")
_MAX_LABEL = 30
_MIN_HOLDS = 3


def _cues(vocab: Vocabulary) -> dict[str, object]:
    return {**{p: vocab.cue(f"net_assets_part_{p}") for p in _PARTS},
            **{n: vocab.cue(f"net_assets_{n}") for n in _NETS}}


class _Row:
    """One line: its label, its figures (None: the line states a row whose figures are not sure), its place."""

    def __init__(self, label: str, start: int, line: int, tokens: tuple[Token, ...] | None):
        self.label, self.start, self.line, self.tokens = label, start, line, tokens

    def grid(self) -> GridRow:
        return GridRow(label=self.label, start=self.start, line=self.line, tokens=self.tokens)


def _header(words: list[tuple[str, int]]) -> tuple[int, bool] | None:
    """A header line: (how many years, whether a column of notes stands before them), or None."""
    texts = [w for w, _ in words]
    notes = bool(texts) and _NOTES.match(texts[0]) is not None
    years = texts[1:] if notes else texts
    if len(years) < 2 or len(years) > 4 or not all(_YEAR.match(y) for y in years) or len(set(years)) != len(years):
        return None
    return len(years), notes


def _row(words: list[tuple[str, int]], k: int, notes: bool, line: int) -> _Row | None:
    """A line as a row: its label and its k figures (None where they are not sure); None where the line is no row
    (a word with a digit in its label, a sentence)."""
    figures: list[Token] = []
    n = len(words)
    while n > 0 and len(figures) < k:
        token = cell_token(words[n - 1][0], words[n - 1][1])
        if token is None:
            break
        figures.insert(0, token)
        n -= 1
    label_words = [w for w, _ in words[:n] if not _LATIN_WORD.match(w)]  # (an English gloss: no part of the name)
    note = False
    while notes and label_words and _NOTE.match(label_words[-1]):
        label_words.pop()
        note = True
    label = "".join(label_words)
    if any(ch.isdigit() for ch in label) or len(label) > _MAX_LABEL or any(ch in label for ch in "。；;，"):
        return None
    start = words[0][1] if words else 0
    if not figures:
        return _Row(label, start, line, ())  # (a heading; "Note HK$ HK$" under the years: no name at all)
    if len(figures) < k:
        return _Row(label, start, line, None)  # (a figure missing, or a note read as one: not sure)
    if notes and not note and label and _BARE_SMALL.match(figures[0].text):
        return _Row(label, start, line, None)  # ("20 1" under 附注: a note and one figure, or two figures)
    if any(t.value is None for t in figures):
        return _Row(label, start, line, None)
    return _Row(label, start, line, tuple(figures))


def _which(label: str, cues: dict, names) -> str | None:
    return next((n for n in names if cues[n].search(label)), None)


def read_net_assets(norm: Normalised, taken: set[int], vocab: Vocabulary,
                    first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    cues = _cues(vocab)
    lines = norm.lines()
    if not any(cues["current"].search(line.split()[0]) or cues["less_current"].search(line.split()[0])
               for line, _ in lines if line.split()):
        return []  # (the cheap test first: no row of 流动资产净值 or 总资产减流动负债)
    out = []
    n = 0
    while n < len(lines):
        words = [(m.group(), lines[n][1] + m.start()) for m in _WORD.finditer(lines[n][0])]
        head = _header(words) if n not in taken else None
        n += 1
        if head is None:
            continue
        k, notes = head
        rows: list[_Row] = []
        while n < len(lines) and n not in taken:
            words = [(m.group(), lines[n][1] + m.start()) for m in _WORD.finditer(lines[n][0])]
            if words:
                row = _row(words, k, notes, n)
                if row is None:
                    break
                rows.append(row)
            n += 1
        read = _sheet(rows, cues, k)
        if read is None:
            continue
        grid_rows, formulas = read
        table, facts = grid_table(grid_rows, formulas, norm, first_id + sum(len(f) for _, f, _ in out))
        out.append((table, facts, (grid_rows[0].line, grid_rows[-1].line)))
    return out


def _sheet(rows: list[_Row], cues: dict, k: int) -> tuple[list[GridRow], tuple[GridFormula, ...]] | None:
    """The sheet's rows and relations, or None where it is no net assets sheet or its arithmetic does not bear it."""
    # (a net row's name alone on its line, its figures the unnamed row right after: one row)
    merged: list[_Row] = []
    for row in rows:
        if merged and not row.label and row.tokens and merged[-1].tokens == () \
                and _which(merged[-1].label, cues, _NETS):
            last = merged.pop()
            merged.append(_Row(last.label, last.start, row.line, row.tokens))
            continue
        merged.append(row)
    parts: dict[str, tuple[list[_Row], _Row | None]] = {}  # (each part: its items, its unnamed total)
    nets: dict[str, _Row] = {}
    kept: list[_Row] = []  # (the rows read, in order)
    part, items = None, []

    def close(total: _Row | None) -> None:
        nonlocal part, items
        if part is not None and part not in parts and (items or total is not None):
            parts[part] = (items, total)
        part, items = None, []

    for row in merged:
        if row.tokens == ():  # (a heading)
            if not row.label:
                continue
            named = _which(row.label, cues, _PARTS)
            close(None)
            if named is not None:
                part = named
            continue
        if not row.label:  # (an unnamed row: the part's total)
            if part is None or row.tokens is None:
                return None
            kept.append(row)
            close(row)
            continue
        net = _which(row.label, cues, _NETS)
        if net is not None:
            close(None)
            if row.tokens is None or net in nets:
                return None
            nets[net] = row
            kept.append(row)
            continue
        if part is None:
            continue  # (a row under no part: 资产 … heading words, left aside)
        if _TOTAL.search(row.label) and items and row.tokens is not None:
            kept.append(row)  # (a part closed by a row naming its total: 储备总额)
            close(row)
            continue
        items.append(row)
        if row.tokens is not None:
            kept.append(row)
    close(None)
    if "current" not in nets or "current_assets" not in parts or "current_liabilities" not in parts:
        return None
    at = {id(r): i for i, r in enumerate(kept)}
    relations: list[tuple[str, int, tuple[int, ...], tuple[int, ...]]] = []
    whole: dict[str, tuple[int, ...] | None] = {}  # (each part as rows that make it: its total, or its items)
    for name, (its, total) in parts.items():
        sure = all(r.tokens is not None for r in its)
        if total is not None:
            whole[name] = (at[id(total)],)
            if len(its) >= 2 and sure and not _signs_differ([total, *its], k):
                # (items printed bare over a total in brackets, "应付帐款 28,460 ⏎ 递延收入 22,900 ⏎ (51,360)": the
                # sheet's way to print what is owed, the same sizes — no sum that its signs would break)
                relations.append(("row_sum", at[id(total)], tuple(at[id(r)] for r in its), ()))
        else:
            whole[name] = tuple(at[id(r)] for r in its) if its and sure else None
    current = nets.get("current")
    if current is not None and whole.get("current_assets") and whole.get("current_liabilities"):
        relations.append(("row_balance", at[id(current)], whole["current_assets"], whole["current_liabilities"]))
    less = nets.get("less_current")
    if less is not None and current is not None and whole.get("noncurrent_assets"):
        relations.append(("row_sum", at[id(less)], (*whole["noncurrent_assets"], at[id(current)]), ()))
    net = nets.get("net")
    if net is not None and less is not None and whole.get("noncurrent_liabilities"):
        relations.append(("row_balance", at[id(net)], (at[id(less)],), whole["noncurrent_liabilities"]))
    elif net is not None and less is None and whole.get("noncurrent_assets") and whole.get("noncurrent_liabilities"):
        # (no 总资产减去流动负债 row: 资产净值 = 非流动资产 + 流动资产净值 − 非流动负债)
        relations.append(("row_balance", at[id(net)], (*whole["noncurrent_assets"], at[id(current)]),
                          whole["noncurrent_liabilities"]))
    # (liabilities printed in brackets, "应付帐款 11 (28,460) (25,130)", "雇员福利拨备 12 (6,240) (5,980)": their figures
    # stand below zero, and the net rows add them — 流动资产净值 (5,190) = 46,170 + (51,360); subtracting them would
    # count them twice over)
    relations = [("row_sum", target, (*plus, *minus), ()) if kind == "row_balance" and _bracketed(kept, minus, k)
                 else (kind, target, plus, minus) for kind, target, plus, minus in relations]
    verdicts = [[_holds(kept, target, plus, minus, c) for c in range(k)] for _, target, plus, minus in relations]
    holds = sum(v is True for vs in verdicts for v in vs)
    fails = sum(v is False for vs in verdicts for v in vs)
    if holds < _MIN_HOLDS or holds <= 2 * fails:
        return None
    formulas = []
    for (kind, target, plus, minus), vs in zip(relations, verdicts):
        mine = tuple(c for c in range(k) if vs[c] is not None)
        if mine:
            formulas.append(GridFormula(kind=kind, target=target, operands=plus, taken=minus, columns=mine,
                                        reason=REASON, support=sum(1 for c in mine if vs[c]), rows=len(mine)))
    used = sorted({x for _, target, plus, minus in relations for x in (target, *plus, *minus)})
    if not formulas:
        return None
    # (only the rows the relations use: a row after them, 储备总额 under its items, is another reader's)
    renumber = {x: n for n, x in enumerate(used)}
    formulas = [f.model_copy(update={"target": renumber[f.target], "operands": tuple(renumber[x] for x in f.operands),
                                     "taken": tuple(renumber[x] for x in f.taken)}) for f in formulas]
    return [kept[x].grid() for x in used], tuple(formulas)


def _signs_differ(rows: list[_Row], k: int) -> bool:
    """Some figure of the rows stands below zero and another above it."""
    values = [r.tokens[c].value for r in rows for c in range(k) if r.tokens[c].value is not None]
    return any(v < 0 for v in values) and any(v > 0 for v in values)


def _bracketed(rows: list[_Row], minus: tuple[int, ...], k: int) -> bool:
    """Every figure of the rows taken away stands below zero (or at zero), one at least below: liabilities printed in
    brackets."""
    values = [rows[x].tokens[c].value for x in minus for c in range(k) if rows[x].tokens[c].value is not None]
    return bool(values) and all(v <= 0 for v in values) and any(v < 0 for v in values)


def _holds(rows: list[_Row], target: int, plus: tuple[int, ...], minus: tuple[int, ...], c: int) -> bool | None:
    cells = [rows[x].tokens[c] for x in (target, *plus, *minus)]
    if any(t.value is None for t in cells):
        return None
    made = sum((rows[x].tokens[c].value for x in plus), _ZERO) - sum((rows[x].tokens[c].value for x in minus), _ZERO)
    slack = sum((t.tolerance for t in cells), _ZERO)
    return abs(rows[target].tokens[c].value - made) <= slack
