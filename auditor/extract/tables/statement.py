"""A financial statement set as a table flattened to text, read by its sections: an income and spending statement
(收支表, 综合收支表, 业务活动表) or a balance sheet (资产负债表, 财务状况表).

    收入                                   a section opened by its name,
    政府补助金 ⏎ 6,123,456 ⏎ 5,987,654     its items, a label and one figure a column each,
    …
    总收入 ⏎ 10,518,513 ⏎ 10,026,281      closed by its total: the sum of the items, column by column;
    支出 … 总支出 …                         the other side the same way,
    年度盈余 ⏎ 1,637,047 ⏎ 1,482,692      and the balance after both: 收入 − 支出 (a 赤字 / 短绌: 支出 − 收入; a loss
                                           written as a negative figure, "本年度亏损 (48,215)": 收入 − 支出 too).

A balance sheet's sections are its 资产, 负债 and 净资产 (权益), each closed by its total; 资产总计 = 负债合计 + 净资产合计,
and a 负债和净资产总计 after them is 负债合计 + 净资产合计 (reason `balance_sheet`).

The rows stand one cell a line (a label glued to its one figure, "政府补助2,784,516", is split where the figure has
its thousands separators or decimals), or one row a line ("捐赠收入 12,486,305.42 10,915,287.60", bars between the
cells or spaces).  A section need not be opened by its name: its items then run from the table's first row (or the
total of the section before) to its total — such a section, which only its total names, is read only where its sum
holds in a column at least.  A 其中 that opens a named section's first item lists the section's items (the
业务活动表's "一、收入 ⏎ 其中:捐赠收入 ⏎ 政府补助收入 …"); items numbered (一)(二)(三) … in turn are the section's
too.

A statement flattened onto one line whose rows name each item twice, in Chinese and in English ("經常性收入 General
income 香港政府資助 Hong Kong Government subventions 2,332,585 1,777,645 … 雜項 Miscellaneous income 4,050 1,265
2,786,531 2,115,152 特定收入 …"), is read the same way: each name is one row, the Chinese words it is read by
(the English is a gloss), its figures those after it, and a row of two widths' figures is its own and an unnamed
row (the section's total).  The two scripts take turns, so where one row's name ends and the next one's starts is
what the line says; a line of words in one script alone, or a figure the text garbled ("2,334,70 3", "(23"), is not
read.  A side may be set out in parts, each a section of its own (經常收入 …, 專用收入 …: statement_income_part,
statement_spending_part), a part after the first perhaps only its total ("特定收入 652,117 502,656"); the side is
then the parts' sum, and an unnamed row right after the last part that is their sum in a column at least is the
side's total.

After the balance, its transfers to and from funds under a heading naming them (statement_transfers: 转账自(至),
轉撥(自)/至) close on a row naming what is left (statement_net_balance: the balance and each transfer, signed) or on
an unnamed row that is their sum (reason `statement_transfers`).  Set one row a line, a line of figures alone under
the rows' figures is an unnamed row (Hong Kong's sides' totals), and under a header naming a column of notes ("附註
2024 2023") a row's note number ("政府補助金 5 4,211,876 4,036,512") is none of its figures.

The section's name over its items and its total's name under them pin the reading, so a table of one or two columns,
which no formula of its columns can show (grid.py), is read too — but only where its own arithmetic agrees: more of
its sums and balances hold than fail.  Breaks that all fall on one figure they share and point it to one same value (a
支出总额 its items and 收入总额 − 盈余 both make otherwise) are one slip, not against the reading.  A section whose two items are its own parts' totals (流动负债合计, 非流动负债合计:
statement_part_total) is named by them, its sum read however few of them are not zero.  A section whose items hold a
其中, a 小计 or a numbered sub-item, or a row of another width, is not read (its items may be levels of their own); a
heading among a named section's items is a sub-section where an unnamed row after its items is their sum, else a
caption over them (the items are the section's: read where its total is their sum in a column at least).  No one wrote the sums down, so a
failing one warns (reasons `income_statement`, `balance_sheet`).  The cue words are the vocabulary's
(statement_income, statement_spending, statement_assets, statement_liabilities, statement_equity, each with its
_total; statement_claims_total; difference_surplus / difference_profit / statement_balance and difference_deficit /
difference_loss / statement_loss for the balance).
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from auditor import lazyre
from auditor.extract.model import Fact, GridFormula, ScoreTable
from auditor.extract.tables.cells import PAGE_MARK, PAGE_MARK_FIRST
from auditor.extract.tables.grid import GridRow, Token, cell_items, cell_token, grid_table
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

REASON = "income_statement"
TRANSFERS = "statement_transfers"
BALANCE_SHEET = "balance_sheet"
_ZERO = Decimal(0)
_FLOWS = ("income", "spending")
_STOCKS = ("assets", "liabilities", "equity")
_KINDS = (*_FLOWS, *_STOCKS)
_NESTED = ("其中", "小计", "含", "包括")
_MAX_LABEL = 40
# (a 其中 opening a named section's first item lists the section's items: "一、收入 ⏎ 其中:捐赠收入 ⏎ 政府补助收入")
_OPENING_QIZHONG = lazyre.compile(r"^其中[:：]?")
# (items numbered in turn: "(一)业务活动成本 ⏎ (二)管理费用 ⏎ (三)筹资费用")
_ITEM_NUMBER = lazyre.compile(r"^(?:[(（]([一二三四五六七八九十]{1,2})[)）]|(\d{1,2})[.、．)）])")
_NUMERALS = "一二三四五六七八九十"
# a label glued to its one figure, the figure with its thousands separators or decimals ("政府补助2,784,516",
# "本年度亏损(48,215)"); the label has no digit (not "2024年3月31日", not "快乐8")
_GLUED = lazyre.compile(r"^(?P<label>[^\d\s]{1,30}?)(?P<figure>[(（]?-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)[)）]?)$")
_SENTENCE = lazyre.compile(r"[。;；，,]")
_RULE_LINE = lazyre.compile(r"^[|│┃\s:：\-—–+=]+$")  # ("|---|---|": a bar table's rule under its header)
_BARS = "|│┃"
_CJK = lazyre.compile(r"[\u4e00-\u9fff]")
_ASCII_WORD = lazyre.compile(r"^[A-Za-z(),.'’/&\-–]+$")


class _Section(NamedTuple):
    kind: str
    items: list[GridRow]
    total: GridRow
    end: int
    named: bool
    # (the sub-sections among its items: each a heading's items and their unnamed subtotal, which is one of `items`)
    subs: tuple[tuple[list[GridRow], GridRow], ...] = ()
    part: bool = False  # (a part of its side, statement_income_part / statement_spending_part: 經常收入, 專用支出)


def _cue_set(vocab: Vocabulary) -> dict:
    cue = vocab.cue
    return {"opener": {k: cue(f"statement_{k}") for k in _KINDS},
            "closer": {k: cue(f"statement_{k}_total") for k in _KINDS},
            "claims": cue("statement_claims_total"),
            "part": cue("statement_part_total"),
            "side_part": {k: cue(f"statement_{k}_part") for k in _FLOWS},
            "transfers": cue("statement_transfers"),
            "net_balance": cue("statement_net_balance"),
            "surplus": [cue("difference_surplus"), cue("difference_profit"), cue("statement_balance")],
            "deficit": [cue("difference_deficit"), cue("difference_loss"), cue("statement_loss")]}


def _years_only(row: GridRow) -> bool:
    """A header's years read as a row ("项目 ⏎ 2024 ⏎ 2023"): every figure a year, no two alike."""
    return bool(row.tokens) and len({t.text for t in row.tokens}) == len(row.tokens) and all(
        t.value is not None and t.decimals == 0 and "," not in t.text and 1949 <= t.value <= 2035 for t in row.tokens)


def _heading(row: GridRow) -> bool:
    return not row.tokens or _years_only(row)


def _glued(text: str, start: int, line: int):
    """A cell a line of a label glued to its figure ("政府补助2,784,516"), as the label and the figure; else None."""
    m = _GLUED.match(text)
    figure = cell_token(m.group("figure"), start + m.start("figure")) if m and start >= 0 else None
    if figure is None or figure.value is None:
        return None
    return [(m.group("label"), start, line, None), (m.group("figure"), start + m.start("figure"), line, figure)]


def _units(items) -> list[GridRow]:
    """A run of cells one a line folded into rows: a label and the figures below it (a label with none: a heading)."""
    out: list[GridRow] = []
    n = 0
    while n < len(items) and items[n][3] is not None:
        n += 1  # (figures before the run's first label: no row of a statement)
    while n < len(items):
        text, start, line, _ = items[n]
        m = n + 1
        while m < len(items) and items[m][3] is not None:
            m += 1
        out.append(GridRow(text, start, line, tuple(item[3] for item in items[n + 1:m])))
        n = m
    return _unlabelled_rows(out, items)


def _unlabelled_rows(rows: list[GridRow], items) -> list[GridRow]:
    """A row of figures with no label of its own, set one cell a line after a row's figures ("其他收入 ⏎ 61,430 ⏎
    55,611 ⏎ 3,040,640 ⏎ 2,381,746", Hong Kong's statements leave their subtotals unnamed): where most rows have k
    figures, a row of 2k or 3k is its own k and rows of k with no label (label "", the line of their first figure)."""
    widths = [len(r.tokens) for r in rows if r.tokens]
    if len(widths) < 3:
        return rows
    k = max(sorted(set(widths)), key=widths.count)  # (the commonest width, the narrower on a tie)
    if k < 2 or widths.count(k) < 3 or not any(w > k and w % k == 0 for w in widths):
        return rows
    line_at = {item[1]: item[2] for item in items if item[3] is not None}
    out: list[GridRow] = []
    for r in rows:
        if len(r.tokens) <= k or len(r.tokens) % k:
            out.append(r)
            continue
        out.append(GridRow(r.label, r.start, r.line, r.tokens[:k]))
        for a in range(k, len(r.tokens), k):
            first = r.tokens[a]
            out.append(GridRow("", first.start, line_at.get(first.start, r.line), r.tokens[a:a + k]))
    return out


# a line this long may hold a whole statement flattened onto it
_ONE_LINE = 300
_MIN_ONE_LINE_ROWS = 6
_WORD = lazyre.compile(r"\S+")
_HAN = lazyre.compile(r"[\u4e00-\u9fff]")
_LATIN = lazyre.compile(r"[A-Za-z]")
# digits and separators alone that read as no figure: a figure the text garbled ("2,334,70", "2.966,70", "(23")
_PAGE_NUMBER = lazyre.compile(r"\d{1,3}")
_GARBLED = lazyre.compile(r"[(（]?[\d,.]*\d[\d,.]*[)）]?")


def _one_line_units(line: str, start: int, index: int) -> list[GridRow] | None:
    """A statement flattened onto one line, each row named in Chinese and in English by turns ("經常性收入 General
    income 香港政府資助 Hong Kong Government subventions 2,332,585 1,777,645 …"): its rows, each named by its Chinese
    words, or None where the line is no such statement (too short, one script only, a figure garbled, too few rows
    named in both scripts).  A name opens with the script most names open with; where that is English, a word in
small letters after the Chinese goes on with the English name ("Tuition, programmes and 學費、課程和其他收費 other
fees"), and the row is named by its Chinese words alone."""
    if len(line) < _ONE_LINE or not _HAN.search(line) or not _LATIN.search(line):
        return None
    words: list[tuple[str, int, str, Token | None]] = []  # (text, start, kind, figure): kind figure / han / latin / mark
    for m in _WORD.finditer(line):
        text, at = m.group(), start + m.start()
        token = cell_token(text, at)
        if token is not None and (token.value is not None or (words and words[-1][2] == "figure")):
            words.append((text, at, "figure", token))  # (a dash after a figure: an empty cell of the row)
        elif token is None and _GARBLED.fullmatch(text):
            return None
        else:
            words.append((text, at, "han" if _HAN.search(text) else "latin" if _LATIN.search(text) else "mark", None))
    # the runs of words, each with the figures after it
    runs: list[tuple[list, list]] = []
    for word in words:
        if word[2] == "figure":
            if runs:
                runs[-1][1].append(word)
            continue
        if not runs or runs[-1][1]:
            runs.append(([], []))
        runs[-1][0].append(word)
    # which script a name opens with: the one its last word before the figures is not
    ends = [next((w[2] for w in reversed(names) if w[2] != "mark"), None) for names, figures in runs if figures]
    han_first = ends.count("latin") > ends.count("han")
    opener = "han" if han_first else "latin"
    rows: list[GridRow] = []
    both = 0
    for names, figures in runs:
        segments: list[list] = []
        last = None
        for word in names:
            # (an English name opens with a capital: a word in small letters after the Chinese goes on with the
            # English it wraps, "Tuition, programmes and 學費、課程和其他收費 other fees")
            if word[2] == opener and last not in (None, opener) and not (opener == "latin" and word[0][:1].islower()) \
                    or not segments:
                segments.append([])
            segments[-1].append(word)
            if word[2] != "mark":
                last = word[2]
        for n, segment in enumerate(segments):
            han = [k for k, w in enumerate(segment) if w[2] == "han"]
            mine = figures if n == len(segments) - 1 else []
            if han:
                label = "".join(w[0] for w in segment[han[0]:han[-1] + 1] if w[2] != "latin")
                at = segment[han[0]][1]
            elif mine:
                label, at = " ".join(w[0] for w in segment), segment[0][1]
            else:
                continue
            if mine and han and any(w[2] == "latin" for w in segment):
                both += 1
            rows.append(GridRow(label, at, index, tuple(w[3] for w in mine)))
    with_figures = sum(1 for r in rows if r.tokens)
    if both < _MIN_ONE_LINE_ROWS or 3 * both < 2 * with_figures:
        return None
    widths = [len(r.tokens) for r in rows if r.tokens]
    k = max(sorted(set(widths)), key=widths.count)
    last = rows[-1]
    if k >= 2 and len(last.tokens) % k == 1 and _PAGE_NUMBER.fullmatch(last.tokens[-1].text):
        # (the page's number after the last row's figures, "… 15,606 48,251 87": no figure of the statement)
        rows[-1] = GridRow(last.label, last.start, last.line, last.tokens[:-1])
    return _unlabelled_rows(rows, [(w[0], w[1], index, w[3]) for w in words if w[2] == "figure"])


def _one_line_runs(lines: list[tuple[str, int]], taken: set[int]) -> list[list[GridRow]]:
    out = []
    for index, (line, start) in enumerate(lines):
        if index not in taken and len(line) >= _ONE_LINE:
            units = _one_line_units(line, start, index)
            if units:
                out.append(units)
    return out


def _line_unit(line: str, start: int, index: int) -> GridRow | None:
    """One line as a row of a table set one row a line: its label and its figures (bars between the cells, or
    spaces), or a heading (a short name, no figure); None for anything else (prose, figures with no name, a note
    after the figures)."""
    stripped = line.strip()
    barred = stripped[:1] in _BARS
    if barred:
        bars = [k for k, ch in enumerate(line) if ch in _BARS]
        cells = []
        for a, b in zip(bars, bars[1:]):
            piece = line[a + 1:b]
            cells.append((piece.strip(), start + a + 1 + len(piece) - len(piece.lstrip())))
        if len(cells) < 2:
            return None
        (label, where), rest = cells[0], cells[1:]
        if any(cell_token(text, 0) is None for text, _ in rest if text) or cell_token(label, 0) is not None:
            return None
        tokens = tuple(cell_token(text, at) if text else Token("", at, None, 0, Decimal(1), _ZERO)
                       for text, at in rest)
        if all(t.value is None for t in tokens):
            tokens = ()
    else:
        split = stripped.split()
        if not split or len(split[0]) > _MAX_LABEL:
            # (a line of prose, one long word: a figure first — no name — or a name too long, as below; the cheap
            # test before reading the words as cells)
            return None
        words, pos = [], 0
        for word in split:
            pos = line.index(word, pos)
            words.append((word, start + pos))
            pos += len(word)
        names = 0
        while names < len(words) and cell_token(words[names][0], 0) is None:
            names += 1
        if names == 0:
            # (a line of figures alone, two at least, set under the figures of the rows above: Hong Kong's statements
            # leave their sides' totals unnamed, "                7,849,432     6,593,407")
            tokens = tuple(cell_token(w, at) for w, at in words)
            if len(tokens) < 2 or any(t is None or t.value is None for t in tokens):
                return None
            if not line[:1].isspace() and not all("," in t.text or "." in t.text for t in tokens):
                return None  # (flush left, each figure written with its separators or decimals: "1,316.9 1,040.2")
            return GridRow("", words[0][1], index, tokens)
        tokens = tuple(cell_token(w, at) for w, at in words[names:])
        if any(t is None for t in tokens):
            return None  # (a word after the figures: a note, or prose)
        named = words[:names]
        first_cjk = next((k for k, (w, _) in enumerate(named) if _CJK.search(w)), 0)
        if first_cjk and all(_ASCII_WORD.match(w) for w, _ in named[:first_cjk]):
            # ("Revenue 營業收入 6 1,296.4 1,018.0", "INCOME 收入": the English name a gloss before the Chinese one)
            named = named[first_cjk:]
        label, where = " ".join(w for w, _ in named), named[0][1]
    if not label or len(label) > _MAX_LABEL or _SENTENCE.search(label):
        return None
    return GridRow(label, where, index, tokens)


def _line_blocks(lines: list[tuple[str, int]], taken: set[int]) -> list[list[GridRow]]:
    """The runs of lines of one row each (a blank line, a line of prose ends a run), with a row a line at least."""
    out: list[list[GridRow]] = []
    block: list[GridRow] = []
    for index, (line, start) in enumerate(lines + [("", -1)]):
        stripped = line.strip()
        if stripped and index not in taken and _RULE_LINE.match(stripped):
            continue
        unit = None
        if stripped and index not in taken and not (stripped[0] in PAGE_MARK_FIRST and PAGE_MARK.match(stripped)):
            unit = _line_unit(line, start, index)
        if unit is not None:
            block.append(unit)
            continue
        if sum(1 for u in block if u.tokens) >= 3:
            out.append(_without_notes(block))
        block = []
    return out


_NOTE_HEADER = lazyre.compile(r"^(?:附[註注]|[註注]释?|Notes?)$")


def _without_notes(block: list[GridRow]) -> list[GridRow]:
    """A statement's rows under a header that names a column of notes before the years ("附註 2024 2023"): a row
    one figure wider than the others, its first a note's number (1 to 99, no separator), as the row without it
    ("政府補助金 5 4,211,876 4,036,512")."""
    if not any(_NOTE_HEADER.match(u.label) and _years_only(u) for u in block):
        return block
    widths = [len(u.tokens) for u in block if u.tokens and not _years_only(u)]
    if not widths:
        return block
    k = max(sorted(set(widths)), key=widths.count)
    out = []
    for u in block:
        first = u.tokens[0] if u.tokens else None
        if u.label and len(u.tokens) == k + 1 and first.value is not None and first.decimals == 0 \
                and first.text.isdigit() and 1 <= first.value <= 99:
            u = GridRow(u.label, u.start, u.line, u.tokens[1:])
        out.append(u)
    return out


CELLS, LINES, WEAK = "cells", "lines", "weak"
ONE_LINE = "one_line"  # (a statement flattened onto one line: it stands for what a reader made of it, as CELLS)


def statements(lines: list[tuple[str, int]], taken: set[int],
               vocab: Vocabulary) -> list[tuple[list[GridRow], tuple[GridFormula, ...], int, str]]:
    """Every statement of the text, as its rows (items, totals, the balance), the formulas that relate them, the
    line of its first section's first line, and how it stands: one cell a line (CELLS), one row a line (LINES), or
    a single section only its total names (WEAK: a 合计 row over the rows above it, which a grid's reading of the
    same lines stands for)."""
    cues = _cue_set(vocab)
    out = []
    seen: set[int] = set()
    runs = [(_units(items), CELLS) for items in cell_items(lines, taken, _glued, glosses=True)] + \
        [(block, LINES) for block in _line_blocks(lines, taken)] + \
        [(units, ONE_LINE) for units in _one_line_runs(lines, taken)]
    for units, layout in runs:
        n = 0
        line_rows: list[GridRow] = []  # (a statement flattened onto one line: what each reading of its parts read)
        line_formulas: list[GridFormula] = []
        while n < len(units):
            found = _statement(units, n, cues) or _balance_transfers(units, n, cues)
            if found is None:
                n += 1
                continue
            rows, formulas, end, weak = found
            if layout == ONE_LINE:
                # (a side the line's reading could not close, 專用收入 of a row whose figures the text lost, leaves
                # the rest of the statement to other readings of its parts: one table of the line)
                if formulas:
                    shift = len(line_rows)
                    line_rows.extend(rows)
                    line_formulas.extend(f.model_copy(update={"target": f.target + shift,
                                                              "operands": tuple(x + shift for x in f.operands),
                                                              "taken": tuple(x + shift for x in f.taken)})
                                         for f in formulas)
            elif formulas and units[n].line not in seen:
                seen.add(units[n].line)
                out.append((rows, formulas, units[n].line, WEAK if weak else layout))
            n = end
        if line_formulas:
            out.append((line_rows, tuple(line_formulas), units[0].line, CELLS))
    return out


def _numbered_in_turn(items: list[GridRow]) -> bool:
    """Are the items numbered one after another in one style from the first ((一)(二)(三) …, 1. 2. 3. …)?"""
    numbers = [_ITEM_NUMBER.match(r.label) for r in items]
    if not all(numbers):
        return False
    if all(m.group(1) for m in numbers):
        return [m.group(1) for m in numbers] == [_NUMERALS[k] for k in range(len(numbers))] if len(numbers) <= 10 \
            else False
    return all(m.group(2) for m in numbers) and [int(m.group(2)) for m in numbers] == list(range(1, len(numbers) + 1))


def _side_row(row: GridRow, cues: dict) -> str | None:
    """The flow a row with figures names alone ("收入", "岁出", "支出合计"), or None."""
    return next((k for k in _FLOWS if row.tokens and (cues["opener"][k].search(row.label)
                                                       or cues["closer"][k].search(row.label))), None)


def _totals_only(units: list[GridRow], n: int, cues: dict) -> bool:
    """units[n] is one of two rows with figures that name the two flows, one each, next to each other, the balance
    right after them ("收入 | 支出 | 本期賸餘"): sides stated by their totals alone, no items."""
    here = _side_row(units[n], cues)
    if here is None:
        return False
    pair = (n, n + 1) if n + 1 < len(units) and _side_row(units[n + 1], cues) not in (None, here) else \
        (n - 1, n) if n >= 1 and _side_row(units[n - 1], cues) not in (None, here) else None
    if pair is None or pair[1] + 1 >= len(units):
        return False
    after = units[pair[1] + 1]
    return bool(after.tokens) and any(p.search(after.label) for p in (*cues["surplus"], *cues["deficit"]))


def _section(units: list[GridRow], n: int, cues: dict, implicit: bool, part_of: str | None = None) -> _Section | None:
    """The section that starts at units[n]: opened by its name alone on a line, or (`implicit`) by its first item,
    then its items and its total; None when none starts there.  `part_of`: the flow whose part the section before
    was (a part of it may follow, perhaps its total alone: "特定收入 652,117 502,656")."""
    head = units[n]
    if head.tokens and n + 1 < len(units) and _totals_only(units, n, cues):
        # ("收入 2,150,000 2,087,410 ⏎ 支出 2,380,000 2,011,355 ⏎ 本期結餘 …": a side named by its row, its total alone)
        kind = next(k for k in _FLOWS if cues["opener"][k].search(head.label) or cues["closer"][k].search(head.label))
        return _Section(kind, [], head, n + 1, True)
    if head.tokens and part_of is not None and head.label and cues["side_part"][part_of].search(head.label):
        return _Section(part_of, [], head, n + 1, True, part=True)  # (a part of the side, its total alone)
    part = False
    if _heading(head):
        kind = next((k for k in _KINDS if cues["opener"][k].search(head.label)), None)
        if kind is None and not head.tokens:
            kind = next((k for k in _FLOWS if cues["side_part"][k].search(head.label)), None)
            part = kind is not None
        if kind is None or head.tokens:
            return None
        m, named = n + 1, True
    elif implicit:
        kind, m, named = None, n, False
    else:
        return None
    items: list[GridRow] = []
    subs: list[tuple[list[GridRow], GridRow]] = []
    captions = False
    while m < len(units):
        row = units[m]
        if named and _heading(row) and not row.tokens and not any(cues["opener"][k].search(row.label) for k in _KINDS):
            # a heading inside a named section, its items closed by an unnamed row that is their sum ("開支 ⏎ 學術及
            # 研究 ⏎ 教學及研究 … ⏎ 其他教學服務 … ⏎ 1,653,212 ⏎ 1,635,570 ⏎ 校務支援 ⏎ …"): a sub-section, its subtotal an item
            sub = _unnamed_block(units, m + 1, cues)
            if sub is None and not any(word in row.label for word in _NESTED):
                # (a caption over some of the items, no subtotal after them: "支出 ⏎ 教學、學術及研究 ⏎ 教學及研究 … ⏎
                # 圖書館 … ⏎ 教學支援 ⏎ 管理及一般事項 … ⏎ 1,817,961 …" — the items are the section's, read where its
                # total is their sum in a column at least)
                captions = True
                m += 1
                continue
            if sub is None or (items and len(sub[1].tokens) != len(items[0].tokens)):
                return None
            subs.append((sub[0], sub[1]))
            items.append(sub[1])
            m = sub[2]
            continue
        if _heading(row) or (items and len(row.tokens) != len(items[0].tokens)):
            return None  # (a heading or a row of another width before the total: sub-items, another table)
        if not row.label and named and len(items) >= 2 and _holds_somewhere(row, items):
            # an unnamed row after a named section's items that is their sum in a column at least: its total
            return _Section(kind, items, row, m + 1, named, tuple(subs), part)
        if not row.label:
            return None
        closing = [k for k in _KINDS if cues["closer"][k].search(row.label)]
        if closing:
            if kind is not None and kind not in closing or captions and not _holds_somewhere(row, items):
                return None  # (closed by another section's total; items under captions that make no total)
            return _Section(kind or closing[0], items, row, m + 1, named, tuple(subs), part)
        first = named and not items and _OPENING_QIZHONG.match(row.label)
        if not first and (any(word in row.label for word in _NESTED) or row.label[:1] in "(（"
                          or row.label[:1].isdigit()):
            if not (_ITEM_NUMBER.match(row.label) and not any(word in row.label for word in _NESTED)):
                return None
        items.append(row)
        m += 1
    return None


def _holds_somewhere(total: GridRow, items: list[GridRow]) -> bool:
    """The row is the items' sum in a column at least (each item as wide as it)."""
    k = len(total.tokens)
    return k > 0 and all(len(r.tokens) == k for r in items) and any(
        _sum_holds(total.tokens[c], [r.tokens[c] for r in items]) for c in range(k))


def _unnamed_block(units: list[GridRow], m: int, cues: dict) -> tuple[list[GridRow], GridRow, int] | None:
    """The items from units[m] up to the unnamed row that is their sum in a column at least (two items at least, all
    named, as wide, none nested nor a total), and where the block ends; None where no such row closes them."""
    items: list[GridRow] = []
    while m < len(units):
        row = units[m]
        if _heading(row) or (items and len(row.tokens) != len(items[0].tokens)):
            return None
        if not row.label:
            return (items, row, m + 1) if len(items) >= 2 and _holds_somewhere(row, items) else None
        if any(word in row.label for word in _NESTED) or any(cues["closer"][k].search(row.label) for k in _KINDS):
            return None
        items.append(row)
        m += 1
    return None


def _statement(units, n, cues):
    implicit = n == 0 or _heading(units[n - 1])
    first = _section(units, n, cues, implicit)
    if first is None:
        return None
    family = _FLOWS if first.kind in _FLOWS else _STOCKS
    sections = [first]
    end = first.end
    side_totals: dict[int, GridRow] = {}  # (a side set out in parts: its last part's place → the side's total row)
    while end < len(units):
        last = len(sections) - 1
        open_part = sections[last].kind if sections[last].part and last not in side_totals else None
        if open_part is not None:
            parts = _side_parts(sections)
            row = units[end]
            if len(parts) >= 2 and not row.label and _holds_somewhere(row, [p.total for p in parts]):
                side_totals[last] = row  # (an unnamed row right after the parts that is their sum: the side's total)
                end += 1
                continue
        nxt = _section(units, end, cues, True, open_part)
        if nxt is None or nxt.kind not in family:
            break
        if any(s.kind == nxt.kind for s in sections) and not (nxt.part and nxt.kind == open_part):
            break  # (a side stated twice; its parts follow one another, up to the side's total)
        sections.append(nxt)
        end = nxt.end
    k = len(first.total.tokens)
    for s in sections:
        numbered = [r for r in s.items if _ITEM_NUMBER.match(r.label)]
        if len(s.total.tokens) != k or any(len(r.tokens) != k for r in s.items) \
                or (numbered and not _numbered_in_turn(s.items[1:] if _OPENING_QIZHONG.match(s.items[0].label)
                                                      else s.items)):
            return None
    reason = REASON if family is _FLOWS else BALANCE_SHEET
    rows: list[GridRow] = []
    # (each relation: its kind, the rows it relates, and its verdict in each column — None where a figure is missing)
    relations: list[tuple[str, int, tuple[int, ...], tuple[int, ...], list[bool | None]]] = []
    totals: dict[str, tuple[int, ...]] = {}  # (each side's total row, or its parts' totals)
    transfers = None  # (the relation of the balance's transfers and what is left of it, if any)
    unsure: list[int] = []
    for place, s in enumerate(sections):
        subtotal_of = {id(total): parts for parts, total in s.subs}
        at = []  # (the rows of the section's own items)
        for item in s.items:
            parts = subtotal_of.get(id(item))
            if parts is not None:  # (a sub-section: its items, then its subtotal, their sum)
                first_part = len(rows)
                rows.extend(parts)
                rows.append(item)
                relations.append(("row_sum", len(rows) - 1, tuple(range(first_part, len(rows) - 1)), (),
                                  [_sum_holds(item.tokens[c], [r.tokens[c] for r in parts]) for c in range(k)]))
            else:
                rows.append(item)
            at.append(len(rows) - 1)
        rows.append(s.total)
        totals[s.kind] = (*totals.get(s.kind, ()), len(rows) - 1) if s.part else (len(rows) - 1,)
        if len(s.items) >= 2:  # (a total alone: no sum, but a section of the identity)
            # (items that are the section's own parts' totals, "流动负债合计 ⏎ 非流动负债合计 ⏎ 负债合计", name the sum
            # as a section's name does: it is read however few of them are not zero)
            word = {"assets": "资产", "liabilities": "负债"}.get(s.kind)
            parts = len(s.items) == 2 and word is not None and all(cues["part"].search(r.label) and word in r.label
                                                                   for r in s.items)
            verdicts = [_sum_holds(s.total.tokens[c], [r.tokens[c] for r in s.items], least=1 if parts else 2)
                        for c in range(k)]
            if not (s.named or parts) and not any(verdicts):
                unsure.append(len(relations))  # (items only a total names, which add up in no column: not its items
                # — unless the balance after the sides points their total to the items' sum: see below)
            relations.append(("row_sum", len(rows) - 1, tuple(at), (), verdicts))
        side = side_totals.get(place)
        if side is not None:  # (the side's total after its last part: the parts' sum)
            parts_at = totals[s.kind]
            rows.append(side)
            relations.append(("row_sum", len(rows) - 1, parts_at, (),
                              [_sum_holds(side.tokens[c], [rows[x].tokens[c] for x in parts_at], least=1)
                               for c in range(k)]))
            totals[s.kind] = (len(rows) - 1,)
    after = units[end] if end < len(units) and len(units[end].tokens) == k and not _heading(units[end]) else None
    if family is _FLOWS and after is not None and len(totals) == 2:
        sign = 1 if any(p.search(after.label) for p in cues["surplus"]) \
            else -1 if any(p.search(after.label) for p in cues["deficit"]) else 0
        written = [t.value for t in after.tokens if t.value is not None]
        if sign == -1 and written and all(v < 0 for v in written):
            sign = 1  # (a loss written as a negative figure, "本年度亏损 (48,215)": 收入 − 支出)
        if sign:
            plus, minus = (totals["income"], totals["spending"])[::sign]
            rows.append(after)
            relations.append(("row_balance", len(rows) - 1, plus, minus,
                              [_difference_holds(after.tokens[c], [rows[x].tokens[c] for x in plus],
                                                 [rows[x].tokens[c] for x in minus]) for c in range(k)]))
            end += 1
            moved = _transfers(units, end, k, cues)
            if moved is not None:  # (the balance's transfers, and what is left of it or their unnamed total)
                moves, closing, end = moved
                rows.extend((*moves, closing))
                transfers = len(relations)
                relations.append(_transfer_sum(rows, len(rows) - 2 - len(moves), k))
    if family is _STOCKS and "liabilities" in totals and "equity" in totals:
        claims = (totals["liabilities"][0], totals["equity"][0])
        if "assets" in totals:
            assets = totals["assets"][0]
            relations.append(("row_sum", assets, claims, (),
                              [_sum_holds(rows[assets].tokens[c], [rows[x].tokens[c] for x in claims],
                                          least=1) for c in range(k)]))
        if after is not None and cues["claims"].search(after.label):
            rows.append(after)
            relations.append(("row_sum", len(rows) - 1, claims, (),
                              [_sum_holds(after.tokens[c], [rows[x].tokens[c] for x in claims], least=1)
                               for c in range(k)]))
            end += 1
    one_figure = {c for c in range(k) if _one_figure(relations, c, rows)}  # (each column's once: asked per break below)
    if any(not any(c in one_figure for c in range(k) if relations[n][4][c] is False) for n in unsure):
        return None  # (items only a total names, which add up in no column, nor make what the balance says it is)
    # a column in which nothing holds is no column of amounts (a rate, a change in %): left aside
    columns = [c for c in range(k) if any(verdicts[c] for *_, verdicts in relations) or _one_slip(relations, c, rows)]
    holds = sum(1 for *_, verdicts in relations for c in columns if verdicts[c] is True)
    # (a column whose one break is a named balance that holds in the others, "本期結餘 -1,230,000" beside a column in
    # which 收入 − 支出 makes the 結餘: a slip the names state, none against the reading)
    slips = {c for c in columns if not any(verdicts[c] for *_, verdicts in relations)
             and all(kind == "row_balance" for kind, *_, verdicts in relations if verdicts[c] is not None)}
    fails = sum(1 for *_, verdicts in relations for c in columns if verdicts[c] is False and c not in one_figure
                and c not in slips)
    if holds <= fails:
        return rows, (), end, False  # (its arithmetic does not bear the reading out: not read)
    formulas = []
    for at, (kind, target, operands, taken, verdicts) in enumerate(relations):
        mine = tuple(c for c in columns if verdicts[c] is not None)
        if mine:
            formulas.append(GridFormula(kind=kind, target=target, operands=operands, taken=taken, columns=mine,
                                        reason=TRANSFERS if at == transfers else reason,
                                        support=sum(1 for c in mine if verdicts[c]), rows=len(mine)))
    weak = len(sections) == 1 and not sections[0].named and len(relations) == 1
    return rows, tuple(formulas), end, weak


def _one_slip(relations, c: int, rows: list[GridRow]) -> bool:
    """Column c, in which nothing holds, is still a column of amounts with one figure wrong: every relation written in
    it breaks on one same total row and points it to one same value (the sum of a section's items and 负债 + 净资产 both
    make 3101.65 of a "资产合计 3191.65"), each holds in every other column it is written in (two at least), and no cell
    of the column is a percentage — the names state those relations, so the break is a slip to report, not a column to
    leave aside."""
    written = [(target, operands, taken, verdicts) for _, target, operands, taken, verdicts in relations
               if verdicts[c] is not None]
    if not written or len({target for target, *_ in written}) != 1 \
            or any(r.tokens[c].text.endswith("%") for r in rows if c < len(r.tokens)):
        return False
    # (a balance its row names, of two sides their rows name, "收入 ⏎ 支出 ⏎ 本期賸餘", stated by the names: one other
    # column it holds in is enough, "本年度預算數 | 上年度決算數")
    named = all(kind == "row_balance" for kind, *_, verdicts in relations if verdicts[c] is not None)
    for *_, verdicts in written:
        others = [v for n, v in enumerate(verdicts) if n != c and v is not None]
        if len(others) < (1 if named else 2) or not all(others):
            return False
    # (written as the columns that hold are, decimal for decimal — not a 行次 column of row numbers 1, 2, 3 … beside
    # amounts)
    held = [n for n in range(len(written[0][3])) if n != c and written[0][3][n]]
    if any(r.tokens[c].value is not None and r.tokens[n].value is not None and r.tokens[c].decimals != r.tokens[n].decimals
           for r in rows for n in held if max(c, n) < len(r.tokens)):
        return False
    if len(written) == 1:
        return True
    pointed = []
    for _, operands, taken, _ in written:
        cells = [rows[x].tokens[c] for x in (*operands, *taken)]
        if any(t.value is None for t in cells):
            return False
        pointed.append((sum((rows[x].tokens[c].value for x in operands), _ZERO)
                        - sum((rows[x].tokens[c].value for x in taken), _ZERO),
                        sum((t.tolerance for t in cells), _ZERO)))
    return _one_value(pointed)


def _one_figure(relations, c: int, rows: list[GridRow]) -> bool:
    """Every relation that breaks in column c, two at least, breaks on one figure they share and points it to one same
    value, and another relation holds in the column ("支出总额 5,432,363.85": its items make 5,423,363.85, and so do
    收入总额 5,457,007.75 less the 盈余 33,643.90, while the income side adds up): one slip, not a misreading — the breaks
    count as none against the reading (each still reports)."""
    failing = [(target, operands, taken) for _, target, operands, taken, verdicts in relations if verdicts[c] is False]
    if len(failing) < 2 or not any(verdicts[c] for *_, verdicts in relations):
        return False
    shared = set.intersection(*({target, *operands, *taken} for target, operands, taken in failing))
    for x in shared:
        pointed = []
        for target, operands, taken in failing:
            cells = [rows[n].tokens[c] for n in (target, *operands, *taken)]
            if any(t.value is None for t in cells):
                return False
            # target − Σ operands + Σ taken = 0, solved for row x (its sign in it: + as target or taken, − as operand)
            residual = rows[target].tokens[c].value - sum((rows[n].tokens[c].value for n in operands), _ZERO) \
                + sum((rows[n].tokens[c].value for n in taken), _ZERO)
            sign = -1 if x in operands else 1
            pointed.append((rows[x].tokens[c].value - sign * residual, sum((t.tolerance for t in cells), _ZERO)))
        if _one_value(pointed):
            return True
    return False


def _one_value(pointed: list[tuple[Decimal, Decimal]]) -> bool:
    """The values the breaks point a figure to (each with its slack) are one same value, to their rounding."""
    return all(abs(value - pointed[0][0]) <= slack + pointed[0][1] for value, slack in pointed[1:])


def _sum_holds(total: Token, parts: list[Token], least: int = 2) -> bool | None:
    """Does the column's total make the sum of its items (a dash: none)?  None when the total is not written, or
    fewer than `least` items are (and not zero)."""
    if total.value is None:
        return None
    written = [p for p in parts if p.value is not None]
    if sum(1 for p in written if p.value) < least:
        return None
    summed = sum((p.value for p in written), _ZERO)
    slack = sum((p.tolerance for p in written), total.tolerance)
    return abs(total.value - summed) <= slack


def _difference_holds(balance: Token, plus: list[Token], minus: list[Token]) -> bool | None:
    """Is the balance the sum of `plus` less that of `minus` (each a side's total, or its parts' totals)?"""
    if balance.value is None or any(t.value is None for t in (*plus, *minus)):
        return None
    difference = sum((t.value for t in plus), _ZERO) - sum((t.value for t in minus), _ZERO)
    return abs(balance.value - difference) <= sum((t.tolerance for t in (balance, *plus, *minus)), _ZERO)


_MAX_TRANSFERS = 6


def _transfers(units: list[GridRow], n: int, k: int, cues: dict) -> tuple[list[GridRow], GridRow, int] | None:
    """After a statement's balance: a heading naming transfers (statement_transfers: 转账自(至), 净转账至, 轉撥(自)/至),
    the rows of what went to or came from each fund, and the row that closes them — one naming what is left of the
    balance (净盈余…转…平衡账: statement_net_balance), or an unnamed row that is the transfers' sum in a column at least
    (Hong Kong's "轉撥(自)/至 ⏎ 教資會資助基金 … ⏎ 指定基金 … ⏎ 其他基金 … ⏎ 566,941 …"): those rows, the closing row and
    where they end; None for anything else (a row of another width, a 其中 or a 小计 among them)."""
    if n >= len(units) or units[n].tokens or not cues["transfers"].search(units[n].label):
        return None
    moves: list[GridRow] = []
    for m in range(n + 1, min(len(units), n + 2 + _MAX_TRANSFERS)):
        row = units[m]
        if len(row.tokens) != k:
            return None
        if not row.label:
            return (moves, row, m + 1) if len(moves) >= 2 and _holds_somewhere(row, moves) else None
        if cues["net_balance"].search(row.label):
            return (moves, row, m + 1) if moves else None
        if any(word in row.label for word in _NESTED):
            return None
        moves.append(row)
    return None


def _transfer_sum(rows: list[GridRow], balance: int, k: int):
    """The relation of a balance (rows[balance]), its transfers (the rows after it) and the row that closes them (the
    last): what is left, named, is the balance and each transfer with its sign as written ("储备金 (167,527)" went
    out); an unnamed total is the transfers' sum (reason statement_transfers)."""
    closing = rows[-1]
    operands = (*((balance,) if closing.label else ()), *range(balance + 1, len(rows) - 1))
    least = 1 if closing.label else 2
    return ("row_sum", len(rows) - 1, operands, (),
            [_sum_holds(closing.tokens[c], [rows[x].tokens[c] for x in operands], least=least) for c in range(k)])


def _balance_transfers(units: list[GridRow], n: int, cues: dict):
    """A balance row whose sides were not read (a side's part the text garbled), then its transfers and what is left
    of it or their unnamed total (_transfers): the names state the sum — read where it holds in a column at least."""
    row = units[n]
    if not row.tokens or not row.label or not any(p.search(row.label) for p in cues["surplus"]):
        return None
    moved = _transfers(units, n + 1, len(row.tokens), cues)
    if moved is None:
        return None
    moves, closing, end = moved
    rows = [row, *moves, closing]
    _, target, operands, _, verdicts = _transfer_sum(rows, 0, len(row.tokens))
    mine = tuple(c for c, v in enumerate(verdicts) if v is not None)
    if not any(verdicts):
        return None
    return rows, (GridFormula(kind="row_sum", target=target, operands=operands, columns=mine, reason=TRANSFERS,
                              support=sum(1 for c in mine if verdicts[c]), rows=len(mine)),), end, False


def _side_parts(sections: list[_Section]) -> list[_Section]:
    """The parts of one side the last sections are, one after another up to the last (經常收入, 專用收入)."""
    out: list[_Section] = []
    for s in reversed(sections):
        if not s.part or s.kind != sections[-1].kind:
            break
        out.append(s)
    return out[::-1]


def read_statements(norm: Normalised, taken: set[int], vocab: Vocabulary,
                    first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int], str]]:
    """The statements of a text not on `taken` lines, each as a table of its rows with its formulas, the lines it
    takes and its layout (CELLS, LINES or WEAK: see statements)."""
    lines = norm.lines()
    out = []
    for rows, formulas, first, layout in statements(lines, taken, vocab):
        table, facts = grid_table(rows, formulas, norm, first_id + sum(len(f) for _, f, _, _ in out))
        out.append((table, facts, (first, norm.line_col(rows[-1].tokens[-1].start)[0] - 1), layout))
    return out
