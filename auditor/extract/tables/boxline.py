"""A box-drawn table flattened onto one line: its header's rules and names, then its rows.

    "…單位:新臺幣千元 ────┬─────┬──── 前 年 度 │ │ 本 年 度 … ──┴──┴── 193,735,559 100 盈餘之部
     177,799,069 100 202,936,896 100 -12.39 190,697,360 98.43   本年度盈餘 …"

Some pages keep a fixed-width table's characters but lose its line breaks.  The
rules still say how many columns there are: the first rule (┬) the top-level
columns, the last (┴) the leaf columns, each rule's widths which leaves stand
under which top column.  The header's names are read line by line from the
bars between them (each original line has one bar fewer than its columns, and
a line's last cell runs into the next line's first); the leaf line names each
leaf ("金 額 │ % │ │ 金 額 …"; the label column is the one its words name:
科目, 項目 …).  After the last rule come the rows: labels, and figures — those of
the columns left of the label column before it, the others after.

Between two labels stand the rest of one row and the start of the next; where
they split is decided only when one split fits the columns (a percent column
holds no thousands separator, an amount column of a table written in whole
numbers no decimals, a 百分比 no figure without its 金額, a 增减率 none without
the two amounts it compares) and, where several fit, when the shares they would
give leave one (a 百分比 is its 金額 over the column's 100 row), and where a few
still fit, when reading each on leaves one under which the rows add up (its
sums hold wherever another's do, and more; none breaks): otherwise the table
ends there, as a table read wrongly is worse than a table not read (the rows
before are read; a group that runs to the end may be cut short, its parts only
not above its total).  A 增减率 of −100 compares one amount with a blank (nothing budgeted now);
a loss's 百分比 is written without its sign; a 百分比 over 100 may lose its leading
digit to a narrow column (130.53 printed 30.53) and still stands in its place; the
stored text may stop after the next row's first figures, which are left unread.
A row's level is its label's indent (the spaces before it after a figure); when
a row of figures has no indent to read, the table has no levels.
"""

from __future__ import annotations

import re
from decimal import Decimal

from auditor import lazyre
from auditor.extract.tables.cells import EOL, Cell

_RULE_RUN = lazyre.compile(r"[─━┬┴┼├┤]{3,}")
_TOKEN = lazyre.compile(r"\S+")
_FIGURE = lazyre.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_LABEL_WORD = lazyre.compile(r"^(?:科目|项目|名称|科目名称|项目名称|机关名称|单位名称|类别)$")
_PERCENT_LEAF = lazyre.compile(r"^(?:%|％|百分比)$")
_CHANGE_PERCENT_LEAF = lazyre.compile(r"(?:增减|增加|比较)[%％]$|^增减率$|^增加率$")
_COMPARED = lazyre.compile(r"增减|比较|增加")  # a group of changes: its "%" is a rate of change
_MIN_FIGURES = 6
_BLANK_SHARE = Decimal("0.05")  # a share this large is written (in one decimal or two), never left blank
_MAX_WAYS = 24  # placements of one group of figures looked at before a split is called ambiguous
_MAX_BRANCHES = 3  # ways of one split read on, each, to let the rows' sums choose between them
_MAX_DEPTH = 2  # splits left open at once while the rows' sums are asked


def one_line_box(line: str, start: int, index: int) -> list[Cell] | None:
    """The cells of a box table flattened onto `line` (a header row, then one row per label),
    or None when the line is not one."""
    rules = [m for m in _RULE_RUN.finditer(line) if "─" in m.group() or "━" in m.group()]
    if len(rules) < 3:
        return None
    top, bottom = rules[0], rules[-1]
    if "┬" not in top.group() or not re.search("[┴┼]", bottom.group()):
        return None
    body = line[bottom.end():]
    if "│" in body or len(_figures_in(body)) < _MIN_FIGURES:
        return None
    top_widths = [len(p) for p in top.group().split("┬")]
    leaf_widths = [len(p) for p in re.split("[┴┼]", bottom.group())]
    groups = _leaves_under(top_widths, leaf_widths)
    if groups is None:
        return None
    names = _top_names(line[top.end():rules[1].start()], len(top_widths))
    if names is None:
        return None
    label_top = [c for c, name in enumerate(names) if _LABEL_WORD.match(name)]
    if len(label_top) != 1 or len(groups[label_top[0]]) != 1:
        return None
    label_leaf = groups[label_top[0]][0]
    leaves = _leaf_names(line, rules[-2], bottom, len(leaf_widths))
    if leaves is None or leaves[label_leaf]:
        return None
    if len(groups[-1]) == 1:
        # words glued after a rule inside the header are the last column's, which no rule splits
        # ("…┬───┤預算數比較 金 額 │": 本年度預算數與上年度 + 預算數比較 + 增減 %)
        names[-1] += "".join(_glued_after(line, r) for r in rules[1:-1])
    columns = []
    for c, members in enumerate(groups):
        for leaf in members:
            if leaf != label_leaf:
                columns.append((leaf, _composed(names[c], leaves[leaf])))
    # (the names are composed from several places: each header cell stands for one character of the
    # first rule, in order, so that the cells keep the text's order)
    at = top.start() + start
    names_in_order = [names[label_top[0]], *(name for _, name in columns)]
    cells = [Cell(name, at + n, at + n + 1, index) for n, name in enumerate(names_in_order)]
    cells.append(Cell("", at + len(names_in_order), at + len(names_in_order), index, EOL))
    rows = _rows(body, start + bottom.end(), index, label_leaf, [leaf for leaf, _ in columns], columns)
    if len(rows) < 2:
        return None
    for row in rows:
        cells.extend(row)
    return cells


def _figures_in(text: str) -> list[str]:
    return [t for t in text.split() if _FIGURE.match(t)]


def _leaves_under(top_widths: list[int], leaf_widths: list[int]) -> list[list[int]] | None:
    """Which leaves stand under each top-level column, by the rules' widths (a junction
    takes one character): None when the rules do not line up."""
    groups: list[list[int]] = []
    leaf, position, end = 0, 0, 0
    for width in top_widths:
        end += width + 1
        members = []
        while leaf < len(leaf_widths) and position + leaf_widths[leaf] + 1 <= end:
            position += leaf_widths[leaf] + 1
            members.append(leaf)
            leaf += 1
        if position != end or not members:
            return None
        groups.append(members)
    return groups if leaf == len(leaf_widths) else None


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _top_names(band: str, n: int) -> list[str] | None:
    """The top-level columns' names from the header lines between the first two rules: each line
    has n − 1 bars, and a line's last cell runs into the next line's first ("本年度預算 決 算 數")."""
    segments = band.split("│")
    if n < 2 or (len(segments) - 1) % (n - 1):
        return None
    names = [""] * n
    for j, segment in enumerate(segments):
        column = j % (n - 1)
        if column == 0 and 0 < j < len(segments) - 1:
            last, first = _split_run_together(segment)
            names[n - 1] += last
            names[0] += first
        elif j == len(segments) - 1:
            names[n - 1] += _clean(segment)
        else:
            names[column] += _clean(segment)
    return names


def _split_run_together(segment: str) -> tuple[str, str]:
    """"本年度預算 決 算 數": a line's last cell, then the next line's first — apart at the widest
    gap, or (every gap one space) after the first word, as a name spaced out letter by letter
    is the one that goes on."""
    words = segment.split()
    if len(words) < 2:
        return _clean(segment), ""
    gaps = [m.group() for m in re.finditer(r"\s+", segment.strip())]
    widest = max(range(len(gaps)), key=lambda g: len(gaps[g]))
    cut = widest + 1 if len(gaps[widest]) > 1 else 1
    return "".join(words[:cut]), "".join(words[cut:])


def _glued_after(line: str, rule: re.Match) -> str:
    m = re.match(r"[^\s│─━┬┴┼├┤]+", line[rule.end():])
    return m.group() if m else ""


def _leaf_names(line: str, before: re.Match, bottom: re.Match, n: int) -> list[str] | None:
    """The leaf columns' names from the line just above the last rule ("金 額 │ % │ │ 金 額 …");
    text glued to the rule before it is that rule line's last cell, not a leaf's name."""
    band = line[before.end():bottom.start()]
    glued = bool(band) and not band[0].isspace()
    segments = band.split("│")
    if len(segments) != n:
        return None
    if glued:
        words = segments[0].split()
        segments[0] = " ".join(words[1:])
    return [_clean(s) for s in segments]


def _composed(group: str, leaf: str) -> str:
    """A leaf column's name as the reader's vocabulary knows it: its group's name and its own,
    a bare "%" under an amount's group being that amount's 百分比, a "增减 %" a 增减率."""
    if _CHANGE_PERCENT_LEAF.search(leaf) or (_PERCENT_LEAF.match(leaf) and _COMPARED.search(group)) \
            or (leaf.endswith(("%", "％")) and _COMPARED.search(group + leaf)):
        return f"{group}增减率"
    if _PERCENT_LEAF.match(leaf):
        return f"{group}百分比"
    if group.endswith(leaf):
        return group
    return f"{group}{leaf}"


def _rows(body: str, offset: int, index: int, label_leaf: int, figure_leaves: list[int],
          columns: list[tuple[int, str]]) -> list[list[Cell]]:
    """The rows after the last rule: each a label cell (with its level when the table has levels),
    its figure cells under the columns (empty where the row has none), and an end-of-row mark."""
    tokens = []  # (text, start, end, is_figure, spaces before)
    previous_end = 0
    for m in _TOKEN.finditer(body):
        tokens.append((m.group(), offset + m.start(), offset + m.end(), bool(_FIGURE.match(m.group())),
                       m.start() - previous_end))
        previous_end = m.end()
    # labels: runs of words (one space within a label's words), figures between them
    items: list[tuple[str, int, int, int | None]] = []  # label, start, end, indent (None: unknown)
    between: list[list[tuple[str, int, int]]] = [[]]
    for n, (text, s, e, is_figure, gap) in enumerate(tokens):
        if is_figure:
            between[-1].append((text, s, e))
            continue
        if items and not between[-1] and gap == 1 and tokens[n - 1][3] is False:
            label, ls, _, indent = items[-1]
            items[-1] = (label + text, ls, e, indent)
            continue
        after_figure = n > 0 and tokens[n - 1][3]
        items.append((text, s, e, gap - 1 if after_figure or n == 0 else None))
        between.append([])
    if not items:
        return []
    kinds = [_kind(name) for _, name in columns]
    integers = all("." not in t for group in between for t, _, _ in group if "," in t)
    pre = sum(1 for leaf in figure_leaves if leaf < label_leaf)
    post = len(figure_leaves) - pre
    placed = _place(between[0], kinds[:pre], integers, columns[:pre])
    if placed is None:
        return []
    known = [i[3] for i in items if i[3] is not None]
    top = min(known) if known else None  # the indent of the top-level rows (a new whole's 100 stands there)

    def read_on(k: int, current_pre: list, wholes: dict[int, Decimal], depth: int, done: list) -> list:
        """The rows from label k on, each split the one way the columns allow; where the columns and shares leave
        a few ways, each is read on and the rows' sums choose (see _by_sums); where they do not, the rows end."""
        rows: list = []
        wholes = dict(wholes)  # share column → the amount of the last row whose share there is 100
        while k < len(items):
            last = k == len(items) - 1
            tops = (items[k][3] == top, not last and items[k + 1][3] == top)
            options = _split_options(between[k + 1], kinds, pre, post, integers, columns, last, current_pre, wholes,
                                     tops)
            if len(options) != 1:
                if 1 < len(options) <= _MAX_BRANCHES and depth < _MAX_DEPTH:
                    readings = []
                    for mine, next_pre in options:
                        row = current_pre + mine
                        readings.append([row] + read_on(k + 1, next_pre, _with_row(wholes, row, kinds), depth + 1,
                                                        done + rows + [row]))
                    chosen = _by_sums(items, done + rows, readings, kinds, pre)
                    if chosen is not None:
                        rows.extend(chosen)
                break
            mine, next_pre = options[0]
            rows.append(current_pre + mine)
            _note_wholes(rows[-1], kinds, wholes)
            current_pre = next_pre
            k += 1
        return rows

    rows_figures = read_on(0, placed, {}, 0, [])
    items = items[:len(rows_figures)]
    levels = _levels(items, rows_figures, pre)
    out = []
    for (label, s, e, indent), figures, level in zip(items, rows_figures, levels):
        row = [Cell(label, s, e, index, level=level)]
        for figure in figures:
            row.append(Cell(figure[0], figure[1], figure[2], index) if figure else Cell("", e, e, index))
        row.append(Cell("", e, e, index, EOL))
        out.append(row)
    return out


def _levels(items: list, rows_figures: list, pre: int) -> list[int | None]:
    """Each row's level, by its label's indent: every row has one, so that rows are summed by their indents alone;
    when a row of figures has no indent to read, all stand at one level (0) and nothing is summed."""
    with_figures = [i for i, figs in zip(items, rows_figures) if any(f is not None for f in figs)]
    indents = sorted({i[3] for i in with_figures if i[3] is not None})
    levelled = all(i[3] is not None for i in with_figures) and len(indents) > 1
    # a row with no figure before its label follows the last figure of the row above: the spaces between hold that
    # row's end as well as this label's indent ("…10.19 11.36   營業外收入 4,200,000 1.57"), which then tells no level
    # unless a row whose figures stand before its label has it too
    read = {i[3] for i, figs in zip(items, rows_figures) if any(f is not None for f in figs[:pre]) or not pre}
    if pre and any(i[3] not in read for i, figs in zip(items, rows_figures)
                   if any(f is not None for f in figs) and not any(f is not None for f in figs[:pre])):
        levelled = False
    return [(indents.index(i[3]) if i[3] in indents else None) if levelled else 0 for i in items]


def _sums(items: list, rows_figures: list, kinds: list[str], pre: int) -> tuple[set, set]:
    """The (row, column) sums of a reading that hold — a row's amount the sum of the amounts of the rows one level
    under it — and those that break where the row's group is closed by a row of its level or above (a group that
    runs to the reading's end may be cut short: no break is known there).  A blank row over written parts breaks."""
    levels = _levels(items[:len(rows_figures)], rows_figures, pre)
    holds, breaks = set(), set()
    for n, level in enumerate(levels):
        if level is None:
            continue
        children, closed = [], False
        for m in range(n + 1, len(levels)):
            if levels[m] is None:
                continue
            if levels[m] <= level:
                closed = True
                break
            if levels[m] == level + 1:
                children.append(m)
        if not children:
            continue
        for c, kind in enumerate(kinds):
            if kind != "amount":
                continue
            parts = [rows_figures[m][c] for m in children if rows_figures[m][c] is not None]
            total = rows_figures[n][c]
            if not parts:
                continue
            summed = sum((_number(p[0]) for p in parts), Decimal(0))
            if total is not None and _number(total[0]) == summed:
                holds.add((n, c))
            elif closed:
                breaks.add((n, c))
    return holds, breaks


def _by_sums(items: list, done: list, readings: list[list], kinds: list[str], pre: int) -> list | None:
    """Of the readings of the rows after `done` that a split leaves open, the one under which the rows add up: no
    sum of it breaks, and it holds every sum any other reading holds and more ("3,305 0.06" after 填補累積虧損 is
    資本公積's 前年度 when 資本公積 + 法定公積 + 特別公積 then make 留存事業機關者's 4,595,671, not 填補累積虧損's
    上年度); None when no reading is so."""
    found = [_sums(items, done + r, kinds, pre) for r in readings]
    best = [n for n, (holds, breaks) in enumerate(found) if not breaks
            and all(found[m][0] < holds for m in range(len(found)) if m != n)]
    return readings[best[0]] if len(best) == 1 else None


def _kind(name: str) -> str:
    return "share" if name.endswith("百分比") else "change" if name.endswith("增减率") else "amount"


def _fits(text: str, kind: str, integers: bool) -> bool:
    """Can a figure written so stand in a column of `kind`? A share (百分比) has no thousands separator and is
    at most 100 in size — or, with its decimals, above it (a cost above the revenue: 120.50), and may carry a loss's
    sign (-0.53); a change in percent has no thousands separator; an amount of a table written in whole
    numbers has no decimals."""
    if kind == "share":
        return "," not in text and (abs(Decimal(text)) <= 100 or ("." in text and Decimal(text) < 1000))
    if kind == "change":
        # (in a table of whole amounts a decimal figure is no amount: a change of 5279.56 % is one)
        return "," not in text and (abs(Decimal(text)) < 1000 or (integers and "." in text))
    return not (integers and "." in text)


def _note_wholes(row: list, kinds: list[str], wholes: dict[int, Decimal]) -> None:
    for n, kind in enumerate(kinds):
        if kind == "share" and n and row[n] is not None and row[n - 1] is not None and _number(row[n][0]) == 100:
            wholes[n] = _number(row[n - 1][0])


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _shares_fit(row: list, kinds: list[str], wholes: dict[int, Decimal], top: bool = True) -> bool:
    """Each share the placed cells give (a row's cells from its first column) is its amount — the cell
    before it — over the column's whole (the amount of the last row whose share is 100), rounded as
    written; a share of no known whole fits, and one of 100 where the row is a top-level row (a new
    whole: 分配之部 after 盈餘之部) or its amount is the whole's; a blank one only where the share is
    too small to write."""
    for n in range(1, len(row)):
        cell, amount = row[n], row[n - 1]
        if amount is None or kinds[n] != "share":
            continue
        whole = wholes.get(n)
        if cell is None:
            # a 百分比 left blank is a share too small to write (1,572 of 193,735,559), not a large one
            if whole and abs(_number(amount[0])) / whole * 100 >= _BLANK_SHARE:
                return False
            continue
        share = abs(_number(cell[0]))  # (a loss's share, with its sign or without)
        if whole is None or whole == 0 or (share == 100 and (top or _number(amount[0]) == whole)):
            continue
        decimals = len(cell[0].split(".")[1]) if "." in cell[0] else 0
        tolerance = Decimal(5).scaleb(-decimals - 1)
        computed = abs(_number(amount[0]) / whole) * 100  # (a loss's share is written without its sign)
        # a share over 100 printed in a column too narrow for it loses its leading digit (130.53 → 30.53,
        # 103.66 → 03.66): it still stands there, and the check says what it states
        if abs(computed - share) > tolerance and abs(computed - 100 - share) > tolerance:
            return False
    return True


def _place(figures, kinds, integers, columns) -> list | None:
    """The one way to set `figures` in order under columns of `kinds` (None in the columns left
    blank), or None when there is none or more than one."""
    found = _placements(figures, kinds, integers, columns)
    return found[0] if len(found) == 1 else None


def _placements(figures, kinds, integers, columns) -> list[list]:
    """The ways to set `figures` in order under columns of `kinds` (None in the columns left
    blank), up to a few more than _MAX_WAYS."""
    found: list[list] = []

    def walk(f: int, c: int, chosen: list) -> None:
        if len(found) > _MAX_WAYS:
            return
        if f == len(figures):
            if c <= len(kinds):
                out = chosen + [None] * (len(kinds) - c)
                if _pairs_hold(out, columns):
                    found.append(out)
            return
        for k in range(c, len(kinds)):
            if _fits(figures[f][0], kinds[k], integers):
                walk(f + 1, k + 1, chosen + [None] * (k - c) + [figures[f]])

    walk(0, 0, [])
    return found


def _pairs_hold(placed: list, columns) -> bool:
    """A 百分比 written where its 金額 is blank cannot be; nor a 增减率 without the two amounts it
    compares."""
    for n in range(1, len(placed)):
        if placed[n] is not None and placed[n - 1] is None and columns[n][1].endswith("百分比") \
                and not columns[n - 1][1].endswith(("百分比", "增减率")):
            return False
    amounts = sum(1 for cell, (_, name) in zip(placed, columns) if cell is not None and _kind(name) == "amount")
    changes = [cell for cell, (_, name) in zip(placed, columns) if cell is not None and _kind(name) == "change"]
    # a change of −100 % compares a blank amount (nothing budgeted now) with the one written
    return not changes or amounts >= 2 or (amounts == 1 and all(_number(c[0]) == -100 for c in changes))


def _split_options(group, kinds, pre, post, integers, columns, last, current_pre, wholes,
           tops: tuple[bool, bool] = (True, True)) -> list[tuple[list, list]]:
    """The figures between two labels: the rest of one row and the start of the next, split the
    one way the columns allow — by the figures' forms, and where two ways remain, by the shares
    they would give ("… 2.59 | 100 2.59" cannot open a row: 2.59 % is not 100 of a whole of
    239,453,631): the ways left (more than _MAX_WAYS: too many to tell)."""
    options = []
    # the last label's figures are all its own, unless none of its splits fits: then the stored text
    # stops after the next row's first figures, and those are left unread
    ending = last and bool(_placements(group, kinds[pre:], integers, columns[pre:]))
    for a in range(0, min(len(group), post) + 1):
        b = len(group) - a
        if b > pre or (ending and b):
            continue
        mine = _placements(group[:a], kinds[pre:], integers, columns[pre:])
        theirs = _placements(group[a:], kinds[:pre], integers, columns[:pre]) if pre else ([[]] if not b else [])
        options.extend((m, t) for m in mine for t in theirs)
        if len(options) > _MAX_WAYS:
            return options
    if len(options) > 1:
        options = [(m, t) for m, t in options if _shares_fit(current_pre + m, kinds, wholes, tops[0])
                   and _shares_fit(t, kinds, _with_row(wholes, current_pre + m, kinds), tops[1])]
    return options


def _with_row(wholes: dict[int, Decimal], row: list, kinds: list[str]) -> dict[int, Decimal]:
    out = dict(wholes)
    _note_wholes(row, kinds, out)
    return out
