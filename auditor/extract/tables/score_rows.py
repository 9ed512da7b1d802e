"""A score table whose rows have no header row, one row a line, closed by its 总分:

    年度资金总额 36 36 34.2 10 95.00% 9.50       each row ends with its 分值 and 得分 (a rate between them aside:
    参保登记准确率 100% 30 30                     the funds row's 执行率),
    待遇按时发放率 100% 30 30
    参保群众满意度 95% 30 28
    总分 100 97.50                              and the 总分 row states the two totals.

No header says which figures are the 分值 and the 得分, but the weights do: the table is read only when the rows'
分值 make the 总分's 分值 of 100 exactly (a 百分制; weights are exact) and no row scores above its 分值.  Then Σ 得分 = 总分 (SCO002),
and the 总分 against the score the prose states (SCO004), are what the rows state — a reading no header pinned, so a
failing one warns (reasons.UNHEADED_SCORES rides along as the table's via).
"""

from __future__ import annotations

from decimal import Decimal

from auditor.extract.model import Fact, ScoreTable, Span, TableRow
from auditor.extract.tables import glued
from auditor.extract.tables.columns import clean
from auditor.extract.tables.grid import _WORD, cell_token
from auditor.extract.tables.reader import cell_fact
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised
from auditor import lazyre

LAYOUT = "unheaded"
_TOTAL = lazyre.compile(r"^(?:总分|总\s*分|合计|总计|得分合计|自评总分|综合得分)[::]?$")
_SENTENCE = lazyre.compile(r"[。;；，]|,(?!\d{3})")  # (not a thousands separator: "1,150人")
_MAX_LABEL = 40
_FULL_MARKS = Decimal(100)


def _row(line: str, start: int, index: int):
    """A line "label … 分值 得分" (a rate between them allowed): its label, its 分值 and 得分 tokens and where the label
    starts; None for any other line."""
    if _SENTENCE.search(line):
        return None  # (a sentence's line, most lines: told before its words are gathered)
    words = [(m.group(), start + m.start()) for m in _WORD.finditer(line)]
    if len(words) < 3:
        return None
    label_words = []
    for word, at in words:
        if any(ch.isdigit() for ch in word):
            break
        label_words.append((word, at))
    if not label_words or sum(len(w) for w, _ in label_words) > _MAX_LABEL:
        return None
    figures = [cell_token(w, at) for w, at in words[len(label_words):]]
    if any(f is None or f.value is None for f in figures[-2:]) if len(figures) >= 2 else True:
        return None
    score = figures[-1]
    rest = figures[:-1]
    if rest and rest[-1] is not None and rest[-1].text.endswith("%") and len(rest) >= 2:
        rest = rest[:-1]  # (the funds row's 执行率 between its 分值 and 得分)
    weight = rest[-1]
    if weight is None or weight.text.endswith("%") or score.text.endswith("%") or weight.value < 0 or score.value < 0:
        return None
    return "".join(w for w, _ in label_words), label_words[0][1], weight, score


def read_score_rows(norm: Normalised, taken: set[int], vocab: Vocabulary,
                    first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    lines = norm.lines()
    out = []
    for index, (line, start) in enumerate(lines):
        if index in taken or not line.strip() or ("分" not in line and "计" not in line):
            continue  # (every name of a 总分 row, _TOTAL, holds 分 or 计: the line's words are gathered only then)
        total = _row(line, start, index)
        if total is None or not _TOTAL.match(clean(total[0])):
            continue
        rows = []
        above = index - 1
        while above >= 0 and above not in taken:
            row = _row(*lines[above], above)
            if row is None or _TOTAL.match(clean(row[0])):
                break
            rows.insert(0, (above, row))
            above -= 1
        if len(rows) < 3 or any(t.decimals > 2 for _, r in [*rows, (index, total)] for t in r[2:]):
            continue  # (a weight or score of more than two decimals is a share or an amount: "13.4850", "100.0000")
        weights = sum((r[2].value for _, r in rows), Decimal(0))
        if total[2].value != _FULL_MARKS or weights != _FULL_MARKS or any(r[3].value > r[2].value for _, r in rows):
            # (the 分值 do not make the 总分's 100 — a 百分制 —, or a row scores above its 分值: which two figures are
            # the 分值 and the 得分 is not pinned; a 合计 row of two columns that add up is no score table)
            continue
        table, facts = _table([*rows, (index, total)], norm, vocab, first_id + sum(len(f) for _, f, _ in out))
        out.append((table, facts, (rows[0][0], index)))
    return out


def _table(rows, norm: Normalised, vocab: Vocabulary, first_id: int) -> tuple[ScoreTable, list[Fact]]:
    facts: list[Fact] = []
    table_rows = []
    for n, (index, (label, at, weight, score)) in enumerate(rows):
        cells = {}
        for role, name, token in (("weight", "分值", weight), ("score", "得分", score)):
            piece = glued.Piece(token.text, token.start, token.end)
            fact = cell_fact(piece, role, name, label, "", norm, first_id + len(facts), vocab)
            facts.append(fact)
            cells[role] = fact
        line, column = norm.line_col(at)
        table_rows.append(TableRow.model_construct(
            label=label, cells=cells, is_total=n == len(rows) - 1, labels=(label,), texts={}, dashed=(),
            part_of=None, level=None, indent=None, via=(), grade_span=None,
            span=Span.model_construct(start=at, end=score.end, line=line, column=column)))
    first = table_rows[0].span
    table = ScoreTable.model_construct(
        columns=("分值", "得分"), rows=tuple(table_rows),
        span=Span.model_construct(start=first.start, end=table_rows[-1].span.end, line=first.line, column=first.column),
        kind="scores", layout=LAYOUT, base=None, score_rule="", complete=True, full_when_met="",
        column_sums=False, formulas=())
    return table, facts
