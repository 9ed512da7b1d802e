"""Read tables flattened to text: 自评表 资金 grids, indicator tables, score tables.

    cells    (text → runs of cells, with the row boundaries the layout states)
      → columns  (the header: label columns, figure columns, their roles, glosses)
      → reader   (rows: figures by position, or placed by arithmetic in `glued`;
                  indicator rows found by their 分值 and 得分)
      (forms: 资金 blocks written as labelled figures; family_grid: one-row tables
       whose header names a vocabulary family's members, the “三公”经费 table;
       grid: rows of bare figures under a header no reader knows, read by the
       formulas their columns agree on)
      → ScoreTable and its facts; the relations its rows state are bound by
        auditor/extract/bind/resolvers/tables.py like every other relation.

A table read wrongly is worse than a table not read: a row whose figures no
reading places for certain is refused, and the table ends there.
"""

from __future__ import annotations

from dataclasses import field

from auditor.extract.model import Fact, ScoreTable
from auditor.extract.tables.cells import cell_runs, line_cells
from auditor.extract.tables.columns import COLUMN_WORD, role_of
from auditor.extract.tables.family_grid import read_family_grids
from auditor.extract.tables.forms import read_blocks, read_forms
from auditor.extract.tables.grid import read_grids
from auditor.extract.tables.group_header import read_group_headers
from auditor.extract.tables.reader import TOTAL_ROW, read_run
from auditor.extract.vocabulary import Vocabulary, strip_glosses
from auditor.normalise import Normalised
from auditor.records import dataclass

__all__ = ["TableResult", "read_tables", "TOTAL_ROW"]

_LONG_LINE = 180


@dataclass
class TableResult:
    """The tables of a text, the facts read from them and the lines they take."""

    tables: list[ScoreTable] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)


def read_tables(norm: Normalised, vocab: Vocabulary) -> TableResult:
    result = TableResult()
    found: list[tuple[ScoreTable, list[Fact], tuple[int, int]]] = []
    runs = cell_runs(norm.text)
    for cells in runs:  # fact ids are given below, in text order
        found.extend(read_run(cells, norm, vocab, 0, "cells"))
        found.extend(read_forms(cells, norm, vocab, 0))
        found.extend(read_blocks(cells, norm, vocab, 0))
        found.extend(read_family_grids(cells, norm, vocab, 0))
    for cells in flattened_lines(norm.text):
        found.extend(read_run(cells, norm, vocab, 0, "line"))
    # (what no reader above placed by its header may still be grouped under 小计 columns, or a grid of
    # bare figures)
    taken = {line for _, _, (first, last) in found for line in range(first, last + 1)}
    for cells in runs:
        for table in read_group_headers(cells, norm, 0):
            if not any(line in taken for line in range(table[2][0], table[2][1] + 1)):
                found.append(table)
                taken.update(range(table[2][0], table[2][1] + 1))
    found.extend(read_grids(norm, taken, 0))
    found.sort(key=lambda t: t[0].span.start)
    fid = 0
    read_as_cells: set[int] = set()
    for table, facts, (first, last) in found:
        if table.layout == "line" and any(line in read_as_cells for line in range(first, last + 1)):
            continue  # the line was read as cells already (a flattened line may hold several tables)
        if table.layout != "line":
            read_as_cells.update(range(first, last + 1))
        renumbered = [f.model_copy(update={"id": fid + n}) for n, f in enumerate(facts)]
        fid += len(facts)
        remap = {f.span.start: g for f, g in zip(facts, renumbered)}
        rows = tuple(r.model_copy(update={"cells": {k: remap[v.span.start] for k, v in r.cells.items()}})
                     for r in table.rows)
        result.tables.append(table.model_copy(update={"rows": rows}))
        result.facts.extend(renumbered)
        result.lines.update(range(first, last + 1))
    return result


def flattened_lines(text: str):
    """Long lines that hold a 自评表 flattened onto one line (its column names run
    together or separated by spaces), each as a run of cells."""
    pos = 0
    for index, line in enumerate(text.split("\n")):
        start, pos = pos, pos + len(line) + 1
        if len(line) < _LONG_LINE:
            continue
        view = strip_glosses(line)
        names = [m for m in COLUMN_WORD.finditer(view) if role_of(m.group()) in {"rate", "weight", "score", "actual",
                                                                                  "budget_adjusted", "budget"}]
        if len(names) >= 3:
            yield line_cells(line, start, index)
