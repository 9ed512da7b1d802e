"""Score tables, the score stated in prose, and the grade that follows from it."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Iterator

from auditor import lazyre
from auditor.check import doubt
from auditor.check.arithmetic import Comparison, Value, compare, show, sum_equation, total, written
from auditor.check.context import Context, diff_text, failed, finding, outcome
from auditor.check.rulebook import Rule
from auditor.extract.tables.grid import cell_token
from auditor.extract.tables.reader import SUBTOTAL_ROW
from auditor.extract.tables.score_rows import LAYOUT as UNHEADED
from auditor.extract.bind.reasons import EXPLICIT, POSITIONAL
from auditor.extract.bind.resolvers.tables import is_level_subtotal
from auditor.extract.model import SUBTOTAL_VIA, Fact, FundsScore, ScoreSum
from auditor.extract.numbering import NUMBERED_LINE
from auditor.extract.structure import BOUND_NEXT, LAST_YEARS, level_lines_score
from auditor.findings import Evidence, Outcome



def _score_sum(rule: Rule, ctx: Context, s: ScoreSum, name: tuple[str, str]) -> Outcome:
    figures = [Evidence.of(s.total, "total"), *(Evidence.of(f, "row") for f in s.parts)]
    computed = total([Value.of(f) for f in s.parts])
    cmp = compare(s.total, computed)
    if cmp.verdict != "ok":
        own = _as_written(s.total, _total_rounded_whole(ctx.doubt.text, s, ctx.vocab))
        if own is not s.total and compare(own, total([Value.of(_as_written(f)) for f in s.parts])).verdict == "ok":
            return outcome(rule, s, "holds", figures, note="the total as written, to fewer decimals than its column")
    if cmp.verdict == "ok":
        exact = _whole_scores_exact(s)
        if exact is None or compare(s.total, exact).verdict == "ok":
            return outcome(rule, s, "holds", figures)
        # "9.50 | 15 | 9 | 10 … | 合计 92.50": a table that writes 9.50 and 92.50 writes 15 for 15.00; read so,
        # the scores make 98.50 — read as rounded (each ±0.5), they might not: a warning, not an error
        computed, cmp = exact, Comparison("minor", s.total.value - exact.value, exact.tolerance + s.total.tolerance)
    if not s.complete:
        return outcome(rule, s, "undecided", figures, note="some rows were not read, and the weights read do not "
                                                           "add to their total")
    found = _other_rows(s, ctx.vocab) or _rows_not_read(ctx.doubt.text, s) or _funds_row_in_prose(ctx, s, computed) \
        or _funds_row_unread(ctx, s, computed) or _header_repeated(ctx, s) or _full_row_missing(ctx, s)
    terms = " + ".join(written(f) for f in s.parts)
    arithmetic = {lang: f"{terms} = {computed.value.normalize():f} ≠ {written(s.total)} "
                        f"{diff_text(cmp.difference, s.total, lang, max(f.decimals for f in s.parts))}"
                  for lang in ("zh", "en")}
    return failed(rule, s, finding(rule, ctx, primary=s.total, stated=s.total.text,
                                   expected=f"{computed.value.normalize():f}", arithmetic=arithmetic,
                                   evidence=figures, comparison=cmp,
                                   fields={"column_zh": name[0], "column_en": name[1]}),
                  found=found, weigh=sum_equation(s.total, s.parts))  # (rows missed by the reading miss by a lot: ALT008)


def _as_written(f: Fact, rounded_whole: bool = False) -> Fact:
    """The figure at the precision it is written to, where the table's column precision lifted it ("96.6" under rows of
    "9.27": 96.6 ± 0.05, the total kept to one decimal — 保留一位小数 —, not 96.60 with its zero dropped: both are
    plausible, and the one that makes the relation hold is not to be accused); the figure itself otherwise.  A whole
    number is exact — unless `rounded_whole`: a note says the total is rounded to one (总分四舍五入取整数), ±0.5."""
    m = _WRITTEN_NUMBER.search(f.text)
    if rounded_whole and m is not None and m.group(1) is None and not f.text.rstrip().endswith("%"):
        return f.model_copy(update={"decimals": 0, "exact": False}) if f.decimals or f.exact else f
    if m is None or m.group(1) is None or f.text.rstrip().endswith("%"):
        return f  # (a whole score, "10" among "9.27"s, is given, not rounded: as the table's other readings take it)
    decimals = len(m.group(1))
    return f.model_copy(update={"decimals": decimals}) if decimals < f.decimals else f


def _total_rounded_whole(text: str, s: ScoreSum, vocab) -> bool:
    """A note right under the table (cue score_total_rounded_whole) says its total is rounded to a whole number."""
    end = s.total.span.end
    return bool(vocab.cue("score_total_rounded_whole").search(text, end, end + _SECTION_REACH))


_WRITTEN_NUMBER = lazyre.compile(r"\d(?:[\d,]*)(?:\.(\d+))?")


def _whole_scores_exact(s: ScoreSum) -> Value | None:
    """The rows' sum with the scores written as whole numbers taken as exact to the total's decimals,
    when the total and another row write decimals; or, the total whole, exact to the rows' finest decimals when
    other rows write them ("9.5 | 20 | 10 | 9.5 … | 总分 97": a table that writes 9.5 writes 20 for 20.0, and its
    whole scores then make 99 — read as rounded, each ±0.5, they might make 97: a warning, not an error); else None."""
    if not any(p.decimals == 0 and p.value for p in s.parts):
        return None
    if _writes_decimals(s):
        return _scores_sum(s, s.parts, exact=True)
    steps = [p.tolerance for p in s.parts if p.decimals > 0]
    if s.total.decimals or not steps:
        return None
    return total([Value(p.value, min(p.tolerance, min(steps))) if p.decimals == 0 else Value.of(p) for p in s.parts])


def _writes_decimals(s: ScoreSum) -> bool:
    """The total and some row write decimals: the table works to them, and its whole scores are exact."""
    return s.total.decimals > 0 and any(p.decimals > 0 for p in s.parts)


def _scores_sum(s: ScoreSum, rows, exact: bool) -> Value:
    """The rows' sum; with `exact`, each whole score taken as exact to the total's decimals."""
    return total([Value(p.value, min(p.tolerance, s.total.tolerance)) if exact and p.decimals == 0 else Value.of(p)
                  for p in rows])


_FUNDS_WEIGHT = Decimal(10)  # a 自评表's funds row (预算执行率) weighs 10 of its 100 (财预〔2020〕10号)
_SECTION_MARKS = lazyre.compile(r"(?:满分|总分|共|计|分值)\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*分|[(](\d+(?:\.\d+)?)\s*分[)]")
_SECTION_REACH = 200  # characters before a table where its section says what it is out of


def _section_full_marks(text: str, s: ScoreSum) -> bool:
    """The words right before the table give its total as the section's full marks ("(三)产出指标完成
    情况(本部分满分40分)" over a table whose 合计 is 40): a section of the score, not all of it."""
    start = min(p.span.start for p in s.parts)
    before = text[max(0, start - _SECTION_REACH):start]
    marks = [Decimal(m.group(1) or m.group(2)) for m in _SECTION_MARKS.finditer(before)]
    return bool(marks) and marks[-1] == s.total.value


def _section_title(text: str, s: ScoreSum, vocab) -> bool:
    """The title line above the table names one level of a score framework ("表4 产出指标评分明细", "效益指标得分情况"):
    the table scores that section, its 合计 the section's weight, not all 100; or it names the points taken off
    ("扣分明细表"): the table lists the indicators that lost some, not all of them."""
    above = _lines_over_header(text, s)
    first = next(above, "")  # (the line right above the table's header; and the title over a line between, "项目名称：…")
    title = next(above, "") if _BETWEEN_TITLE_AND_HEADER.search(first) else first
    bare = _BRACKETED.sub("", first)  # (not "绩效指标得分情况(不含预算执行率)": what it leaves out names no section)
    if _DEDUCTIONS_TITLE.search(bare) or _section_named(bare, vocab):
        return True
    # ("项目支出绩效自评表（满意度及效益指标）": a bracket of level names only — some levels, not all — names the section;
    # "绩效指标得分情况(不含预算执行率)" does not: what it leaves out names no section)
    if _weights_make_total(s) and any(_levels_only(inner, vocab) for inner in _BRACKETED_INNER.findall(title)):
        return True
    # ("××县2023年度…项目绩效自评——产出指标评分表": the title's last part after a dash names the section)
    # ("…项目绩效自评——效益及满意度指标评分表": levels only before its title words, some of a framework and not all)
    tail = _TITLE_DASH.split(_BRACKETED.sub("", title))[-1].strip()
    return tail != title and _weights_make_total(s) and (_section_named(tail, vocab) or _sections_named(tail, vocab))


def _lines_over_header(text: str, s: ScoreSum) -> Iterator[str]:
    """The lines above the table's header (its header row, or a header cell a line), nearest first, blank ones left out."""
    start = min(p.span.start for p in s.parts)
    header = False
    for line in reversed([x.strip() for x in text[max(0, start - _SECTION_REACH):start].split("\n")]):
        if _TABLE_HEADER_WORDS.search(line.lstrip("| ")):
            header = True
        elif header and line:
            yield line


def _sections_named(title: str, vocab) -> bool:
    """A short title that names some levels of a score framework, nothing else, and scores them ("效益及满意度指标评分表")."""
    named = _SECTION_TITLE_TAIL.sub("", title)
    return named != title and len(title) <= _TITLE_WIDTH and not _WHOLE_SCORE_WORDS.search(title) \
        and _levels_only(named, vocab)


def _section_named(title: str, vocab) -> bool:
    """A short title that names one level of a score framework and scores it ("产出指标评分表", "效益指标得分情况")."""
    return len(vocab.score_levels_named(title)) == 1 and bool(_SECTION_TITLE_WORDS.search(title)) \
        and not _WHOLE_SCORE_WORDS.search(title) and len(title) <= _TITLE_WIDTH \
        and not any(ch.isdigit() for ch in title.split(" ")[-1])


def _levels_only(inner: str, vocab) -> bool:
    """The words in a title's bracket are level names only, some of a framework and not all ("满意度及效益指标")."""
    rest = inner
    for levels in vocab.score_levels:
        for level in levels:
            rest = level.sub("", rest)
    return bool(vocab.score_levels_named(inner)) and not vocab.names_every_score_level(inner) \
        and not _LEVEL_JOINERS.sub("", rest)


def _weights_make_total(s: ScoreSum) -> bool:
    """The rows read add up to the table's own total: it is the total of these rows, whatever part of 100 they are."""
    return compare(s.total, total([Value.of(p) for p in s.parts])).verdict == "ok"


def _scored_in_other_tables(text: str, s: ScoreSum, vocab) -> bool:
    """A note after the table sends the reader to other schedules for the other levels' scores ("（预算执行、效益、满意度
    指标评分见附表2、附表3）", cue scored_in_other_tables), and the rows make the table's own total: a section of the
    score."""
    end = s.total.span.end
    return _weights_make_total(s) and bool(vocab.cue("scored_in_other_tables").search(text, end, end + _SECTION_REACH))


_BRACKETED_INNER = lazyre.compile(r"\(([^()]*)\)")
_LEVEL_JOINERS = lazyre.compile(r"[及和与、,\s]|指标|部分|类|[一二三]级")
_TITLE_DASH = lazyre.compile(r"——|—|--")


# (the header row of the table, set without bars or a cell a line)
_TABLE_HEADER_WORDS = lazyre.compile(r"^(?:[一二三]级指标|指标(?:名称)?|(?:年度)?指标值|实际完成值|分值|标准分|权重|得分|扣分|评分|备注)"
                                     r"(?:\s|\||$)")  # (cells set apart by spaces, or by bars: "二级指标|三级指标|分值|得分")
_DEDUCTIONS_TITLE = lazyre.compile(r"扣分(?:明细|情况|说明)")
_WHOLE_SCORE_WORDS = lazyre.compile(r"总|全部|整体|汇总")
_BRACKETED = lazyre.compile(r"\([^()]*\)")
_TITLE_WIDTH = 30  # characters: a longer line is a sentence (one stating the funds row's score), no table's title
_SECTION_TITLE_WORDS = lazyre.compile(r"评分|得分|打分|明细|情况")  # (a title, not a column's name: 执行率(B/A))
_SECTION_TITLE_TAIL = lazyre.compile(r"(?:评分|得分|打分|明细|情况|表)+$")  # (the words a title ends in after the levels)


_FUNDS_ROW = lazyre.compile(r"^(?:年度)?(?:资金|预算)(?:总额|执行|执行率|使用)|^项目资金|^年度资金")


# (lines between a table's title and its header: a note, "项目名称：…", the unit in brackets)
_BETWEEN_TITLE_AND_HEADER = lazyre.compile(r"^(?:注|说明|备注)|^[^:：]{1,8}[:：]|^[(（][^()（）]*[)）]$")
_INDICATORS_TITLE = lazyre.compile(r"(?:绩效|三级)?指标(?:评分|得分|打分|完成|明细)")
# a note that the rest of the 100 is scored elsewhere ("资金管理类指标（30分）另行评分")
_SCORED_ELSEWHERE = lazyre.compile(r"[(（]?(\d+(?:\.\d+)?)\s*分[)）]?[^。\n]{0,6}(?:另行|单独|另外|另)(?:评分|计分|打分|考核|评价)")


def _indicator_part(text: str, s: ScoreSum) -> bool:
    """A table of the indicators only, its 合计 the sum of its rows and no funds row among them: the indicators' part
    of the 百分制, the funds part (预算执行率, 资金管理) scored elsewhere — its title names the indicators ("项目绩效指标
    评分表", "…项目绩效指标完成情况": not "项目绩效评分表", the whole score), or a note after it gives the other part's
    points and the two make the full marks ("资金管理类指标（30分）另行评分" beside 合计 70)."""
    if any(_FUNDS_ROW.match(p.label) for p in s.parts):
        return False
    summed = sum((p.value for p in s.parts), Decimal(0))
    if abs(summed - s.total.value) > s.total.tolerance + sum((p.tolerance for p in s.parts), Decimal(0)):
        return False
    end = s.total.span.end
    after = text[end:end + _SECTION_REACH]
    if any(s.total.value + Decimal(m.group(1)) == 100 for m in _SCORED_ELSEWHERE.finditer(after)):
        return True
    title = next((line for line in _lines_over_header(text, s) if not _BETWEEN_TITLE_AND_HEADER.search(line)), "")
    return bool(_INDICATORS_TITLE.search(title)) and not _WHOLE_SCORE_WORDS.search(title) and len(title) <= _TITLE_WIDTH


def _other_rows(s: ScoreSum, vocab=None) -> doubt.Found | None:
    """Rows of another level or another table read into the sum (ALT002), when without them the
    rows make the total:
    - level rows before their own rows ("一、投入 | 20 …", then 5 + 5 + 10): each level row the sum
      of the rows after it, the total the sum of the level rows;
    - a 自评表's funds row (年度资金总额 | 分值 10) ahead of an indicator table whose 合计 is its own."""
    parts = list(s.parts)
    levels = doubt.nested_levels(parts, s.total, vocab, "first_level_indicator")
    if levels:
        shown = " + ".join(written(parts[i]) for i in levels)
        return doubt.Found("ALT002", {"zh": f"{shown}（各级指标行，其下各行是其分项，不另计） = {written(s.total)}",
                                      "en": f"{shown} (the level rows; the rows under each are its parts) = "
                                            f"{written(s.total)}"})
    lead = 0
    while lead < min(2, len(parts) - 2) and _FUNDS_ROW.match(parts[lead].label):
        lead += 1
    if lead and compare(s.total, _scores_sum(s, parts[lead:], exact=_writes_decimals(s))).verdict == "ok":
        shown = " + ".join(written(p) for p in parts[lead:])
        return doubt.Found("ALT002", {"zh": f"{shown}（资金行不属指标表） = {written(s.total)}",
                                      "en": f"{shown} (the funds row belongs to another table) = {written(s.total)}"})
    return None


_ROW_END = lazyre.compile(r"(?:^|\s)(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)(?:\s+[\u4e00-\u9fff][^\d]*)?$")


def _funds_row_in_prose(ctx: Context, s: ScoreSum, computed: Value) -> doubt.Found | None:
    """The table's 总分 counts the funds row, stated in prose before it ("预算执行情况:…执行率98.00%,分值10分,
    得分9.8分"), that the rows read leave out (ALT003): the rows and that figure make the total."""
    if _FUNDS_ROW.match(s.parts[0].label) if s.parts else True:
        return None
    start = s.parts[0].span.start
    note = _note_under(ctx, s)
    if note:  # (the rows' whole scores given, not rounded: their tolerance no room for a figure near the gap)
        computed = _scores_sum(s, s.parts, exact=True)
    for f in ctx.doc.facts:
        if f.kind != "score" or f.in_table:
            continue
        if (f.span.start >= start or start - f.span.start > 400) and not (note and note[0] <= f.span.start < note[1]):
            continue
        if s.column == "weight" and not ctx.vocab.cue("score_weight").search(f.label):
            continue
        if s.column == "score" and ctx.vocab.cue("score_weight").search(f.label):
            continue
        if not _FUNDS_CUE.search(ctx.doubt.text, max(0, f.span.start - 60), f.span.start):
            continue
        if compare(s.total, total([computed, Value.of(f)])).verdict == "ok":
            return _with_funds_row(s, written(f), f"第{f.span.line}行所写的预算执行分",
                                   f"the funds score written on line {f.span.line}")
    return None


def _note_under(ctx: Context, s: ScoreSum) -> tuple[int, int] | None:
    """The note on the line right under the table's total row that says the total counts a row the table leaves out
    (cue total_includes_note: "注：总分含预算执行率指标（分值10分），…得分9.72分"): its span, where that row's figures
    stand."""
    text = ctx.doubt.text
    at = text.find("\n", s.total.span.end)
    if at < 0:
        return None
    while at < len(text) and text[at] in "\n \t":
        at += 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return (at, end) if ctx.vocab.cue("total_includes_note").match(text, at, end) else None


def _with_funds_row(s: ScoreSum, figure: str, why_zh: str, why_en: str) -> doubt.Found:
    """ALT003: the rows read and one figure of the funds row they leave out make the table's total."""
    shown = " + ".join(written(p) for p in s.parts)
    return doubt.Found("ALT003", {"zh": f"{shown} + {figure}（{why_zh}） = {written(s.total)}",
                                  "en": f"{shown} + {figure} ({why_en}) = {written(s.total)}"})


_FUNDS_CUE = lazyre.compile(r"预算执行|资金执行|执行率")
# a funds row as flattened text leaves it, its figures after its name: "年度资金总额 |  | 1106.59 | … | 10 | 94.20% | 9.42"
# (or its 合计 row, under a header naming the 执行率 and the 分值: "资金来源 预算数 到位数 执行数 分值 执行率 得分")
# (a cell a line: the figures on the lines after the name, one a line)
# (or a funds row of its own above the header, its cells named: "| 预算执行 | 预算数 195.31 | … | 分值 10 | … | 得分 9.62 |")
# (or a line of its own above the table: "预算执行率得分:8.92(分值10分)", "资金执行率得分" with its figure on the next line)
# (or a funds line named for the funds, that scores them: "资金情况(万元):年初预算数 300;…;分值 10;执行率 90%;得分 5",
# "项目资金(万元):年初预算数3120,…,分值10,执行率97.32%,得分9.73")
_FUNDS_ROW_TEXT = lazyre.compile(r"(?:(?:年度)?资金总额|(?<=\n)[|\s]*(?:预算|资金)执行(?:情况|率)?(?:得分)?(?=\s*[|:\n])|"
                                 r"(?<=\n)[|\s]*(?:项目资金|(?:项目)?资金情况)(?:\(万元\))?(?=\s*[|:])"
                                 r"(?=[^\n]*执行[^\n]*(?:分值|得分))|"
                                 r"(?<=\n)[|\s]*合\s*计)[^\n其]{0,160}"
                                 r"(?:\n[ \t|]*(?:\d[\d.,]*%?|[—-]\s*\d+\s*[—-]|第\s*\d+\s*页[^\n]{0,12}|"
                                 r"[^\n]{0,40}(?:报告|自评表))?[ \t|]*(?=\n)){0,14}")  # (a page break within)
_FUNDS_HEADER = lazyre.compile(r"执行率[^\n]{0,40}\n?[^\n]{0,80}$|分值[^\n]{0,40}执行率")
_ROW_NUMBER = lazyre.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.%])")


def _funds_row_unread(ctx: Context, s: ScoreSum, computed: Value) -> doubt.Found | None:
    """The table's 总分 counts a funds row the reading did not place (a 自评表 flattened onto lines, its funds block
    left unread) (ALT003): a figure of that row, where the text names it before the table, makes up the difference
    (the rows' whole scores taken as exact: a row's 分值 or 得分 is given, not rounded — else the tolerance of
    many whole scores would let a figure near the gap pass)."""
    computed = _scores_sum(s, s.parts, exact=True)
    start = min(p.span.start for p in s.parts)
    text = ctx.doubt.text
    for m in _FUNDS_ROW_TEXT.finditer(text, max(0, start - _FUNDS_ROW_REACH), start):
        if not m.group().lstrip("| \t").startswith(("资金总额", "年度资金总额", "预算执行", "资金执行", "资金情况", "项目资金")) \
                and not _FUNDS_HEADER.search(text, max(0, m.start() - 200), m.start()):
            continue  # (a 合计 row of another table: only a funds block's counts)
        fits = []
        for n in _ROW_NUMBER.finditer(m.group()):
            figure = cell_token(n.group(), 0)  # (its value and the half of its last digit, as a grid cell's)
            if figure is not None and 0 < figure.value <= 20 \
                    and compare(s.total, total([computed, Value(figure.value, figure.tolerance)])).verdict == "ok":
                fits.append((abs(s.total.value - computed.value - figure.value), n.group()))
        if fits:  # (the figure that makes up the difference most closely: the 得分 9.62, not the 分值 10 beside it)
            return _with_funds_row(s, min(fits)[1], "资金总额一行的分值或得分，未能读出",
                                   "the funds row's weight or score, which was not read")
        gap = s.total.value - computed.value
        if 0 < gap <= _FUNDS_WEIGHT_MOST and any(f"{gap.normalize():f}" in run.group()
                                                 for run in _RUN_TOGETHER.finditer(m.group())):
            # ("年度资金总额300300296.41098.8%9.88": the row's figures run together, no split of them read — the gap's
            # digits stand in the run, where its 分值 or 得分 may be)
            return _with_funds_row(s, f"{gap.normalize():f}", "资金总额一行的数字连写，未能读出",
                                   "the funds row's figures are run together and were not read")
        if s.column == "weight" and _FUNDS_SCORE_LINE.match(m.group().lstrip("| \t")) and 0 < gap <= _FUNDS_WEIGHT_MOST:
            # ("资金执行率得分 / 9.10" above the table, its weight not written: the weights read leave it out)
            return _with_funds_row(s, f"{gap.normalize():f}", "资金执行一行的分值，文中未写明",
                                   "the funds row's weight, which the text does not write")
    return None


# figures run together: a run of digits with two decimal points or more, or a "%" inside it ("300300296.41098.8%9.88")
_RUN_TOGETHER = lazyre.compile(r"\d[\d,]*\.\d+[\d,]*\.[\d.,%]*\d|\d[\d.,]*%[\d.,%]*\d")
_FUNDS_SCORE_LINE = lazyre.compile(r"(?:预算|资金)执行率?得分")
_FUNDS_WEIGHT_MOST = 20  # a funds row weighs 10 in most templates, 20 in some
_FUNDS_ROW_REACH = 8000  # characters before a score table's rows where its funds row may stand (a cell a line, notes wrapped)
_LEVEL_HEADER = lazyre.compile(r"三\s*级\s*指\s*标|二\s*级\s*指\s*标")
_HEADER_REACH = 8000  # characters before a score table's rows where its header, said once already, may stand again


def _header_repeated(ctx: Context, s: ScoreSum) -> doubt.Found | None:
    """ALT005: the table's header is said twice, before or among the rows read (a page break that repeats the
    一级/二级/三级指标 header): rows at the break, or on the page before, may not have been read with these."""
    text = ctx.doubt.text
    if s.column == "score" and _weights_add_up(ctx, s):
        return None  # (the rows' weights make the table's: every row was read, the scores' miss is theirs)
    start = min(p.span.start for p in s.parts)
    found = list(_LEVEL_HEADER.finditer(text, max(0, start - _HEADER_REACH), s.total.span.start))
    headers = [m.group()[0] for m in found]
    if headers.count("三") < 2 and headers.count("二") < 2:
        return None
    if SUBTOTAL_VIA in s.via and found[-1].end() <= start and _level_opens(ctx, text[found[-1].end():start]):
        return None  # (a level's 小计 whose level opens after the header said again: its rows all on this page)
    return doubt.Found("ALT005", {"zh": "表头在分页处重复，分页处或前一页的行可能未读入",
                                  "en": "the header is repeated at a page break: rows at the break or on the page "
                                        "before may not have been read"})


def _level_opens(ctx: Context, between: str) -> bool:
    """A line of `between` (the text from a header said again to a level subtotal's first row) names a first-level
    indicator alone ("效益指标"): the level opens after the page break, none of its rows before it."""
    level = ctx.vocab.cue("first_level_indicator")
    return any(level.search(line.strip("| \t")) for chunk in between.split("\n") for line in chunk.split("|"))


def _full_row_missing(ctx: Context, s: ScoreSum) -> doubt.Found | None:
    """ALT005: the 分值 and the 得分 of the same rows both fall short of their totals, by the same d, no more than the
    largest row's weight: a row scored in full is missing — lost in extraction (at a page break, a line run into
    another) or left out of the text —, not a figure miswritten (a slip moves one column, not both by one row)."""
    other = next((o for o in ctx.doc.score_sums if o.column != s.column and o.row == s.row
                  and o.total.span.line == s.total.span.line and len(o.parts) == len(s.parts)), None)
    if other is None:
        return None
    weights, scores = (s, other) if s.column == "weight" else (other, s)
    gap = weights.total.value - sum((p.value for p in weights.parts), Decimal(0))
    if gap <= 0 or gap > max(p.value for p in weights.parts):
        return None
    exact = _scores_sum(scores, scores.parts, exact=True)  # (whole scores as given: their rounding no room for a gap)
    if compare(scores.total, total([exact, Value(gap, Decimal(0))])).verdict != "ok":
        return None
    shown = f"{gap.normalize():f}"
    return doubt.Found("ALT005", {"zh": f"分值与得分都比合计少{shown}分：缺一行满分为{shown}分、得满分的指标（提取时丢失或文中漏列）",
                                  "en": f"the weights and the scores both fall {shown} short of their totals: a row of "
                                        f"{shown} points scored in full is missing (lost in extraction or left out)"})


def _weights_add_up(ctx: Context, s: ScoreSum) -> bool:
    """The same rows' 分值 add up to the table's total 分值."""
    weights = next((w for w in ctx.doc.score_sums if w.column == "weight" and w.row == s.row
                    and w.total.span.line == s.total.span.line), None)
    return weights is not None and compare(weights.total, _scores_sum(weights, weights.parts, exact=True)).verdict == "ok"


def _whole_score_table(text: str, s: ScoreSum, vocab) -> bool:
    """The table is explicitly the whole score, its 分值 total to be 100: its total row is the 总分, the words over it
    or the note under it say the score is of 100 (cue score_whole_hundred: "（满分100分）", "百分制"), or its title or its
    rows name every level of a score framework (预算执行, 产出, 效益, 满意度) — and nothing says it is on another scale (cue
    score_other_scale: a title "（不含不适用的“成本指标”10分）", a note "折算为百分制94.72分")."""
    if not text:
        return False
    over = list(itertools.islice(_lines_over_header(text, s), 2))
    end = s.total.span.end
    under = text[end:end + _SECTION_REACH].split("\n")[:_NOTE_LINES + 1]
    near = "\n".join([*over, *under])
    if vocab.cue("score_other_scale").search(near):
        return False
    return bool(_WHOLE_TOTAL_ROW.match(s.row)) or bool(vocab.cue("score_whole_hundred").search(near)) \
        or any(vocab.names_every_score_level(line) for line in over if len(line) <= 2 * _TITLE_WIDTH) \
        or vocab.names_every_score_level(" ".join(p.label or "" for p in s.parts))


_WHOLE_TOTAL_ROW = lazyre.compile(r"^总(?:分|得分)")  # (a 总分 row: the whole score's; a 合计 may be a section's)
_NOTE_LINES = 2  # lines under a table's total row where a note says what the score is out of


def _rows_not_read(text: str, s: ScoreSum) -> doubt.Found | None:
    """A line among the table's rows, holding none of the figures read, that ends like a scored row
    (… 10 10, or a reason after them): a row the reading dropped — the sum is of the rows read, not
    of the table (ALT005)."""
    start = min(p.span.start for p in s.parts)
    stop = s.total.span.start
    if stop <= start:
        return None
    own_line = text.rfind("\n", 0, stop) + 1
    if own_line > start:
        stop = own_line  # (not the total's own line: "合计 100 98.82 97.82", its first columns' totals before it)
    read = sorted(p.span.start for p in s.parts)
    at = text.rfind("\n", 0, start) + 1
    while at < stop:
        end = text.find("\n", at)
        end = stop if end < 0 or end > stop else end
        line = text[at:end]
        if line.strip() and not any(at <= x < end for x in read) and _ROW_END.search(line.strip()):
            return doubt.Found("ALT005", {"zh": f"表中“{line.strip()[:30]}”一行未能读出，各行之和不是全表之和",
                                          "en": f"the table's row “{line.strip()[:30]}” was not read: the rows read "
                                                f"are not all of it"})
        at = end + 1
    return None


def check_table_weights(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO001: the weights (分值) of a score table add to its total, and the total is 100."""
    full = Decimal(rule.params.get("full_marks", 100))
    for s in ctx.doc.score_sums:
        if s.column != "weight":
            continue
        yield _score_sum(rule, ctx, s, ("分值", "weights"))
        if len(s.parts) < 3 or s.row.startswith("小计") or s.reason == "level_weights" or SUBTOTAL_VIA in s.via:
            continue  # a 小计 or a level (产出指标(50分)) sums one block, not the whole score
        if _other_rows(s, ctx.vocab) is not None or _section_full_marks(ctx.doubt.text, s) \
                or _section_title(ctx.doubt.text, s, ctx.vocab) or _scored_in_other_tables(ctx.doubt.text, s, ctx.vocab):
            continue  # the table is one section of the score ("(本部分满分40分)", "产出指标评分明细"), or beside a funds row
        stated = s.total
        cmp = compare(stated, Value(full, Decimal(0)))
        if cmp.verdict == "ok":
            yield outcome(rule, s, "holds", [Evidence.of(stated, "total")])
        elif stated.value == full - _FUNDS_WEIGHT and not any(_FUNDS_ROW.match(p.label) for p in s.parts):
            # the indicators' 90 of a 自评表 whose funds row (预算执行率, 10 分) stands in another table
            yield outcome(rule, s, "holds", [Evidence.of(stated, "total")], note="the indicator part of the 100")
        elif stated.value < full and ctx.doubt.text and _indicator_part(ctx.doubt.text, s):
            yield outcome(rule, s, "holds", [Evidence.of(stated, "total")], note="the indicators' part of the 100")
        elif stated.value < full * 2 and not _whole_score_table(ctx.doubt.text, s, ctx.vocab):
            # (a 合计 of 50 the rows make, in a table nothing marks as the whole score: a partial table, a section, or
            # another scale — the 100 is not the text's to require)
            yield outcome(rule, s, "undecided", [Evidence.of(stated, "total")],
                          note="nothing marks the table as the whole score of 100")
        elif stated.value < full * 2:
            arithmetic = {"zh": f"{written(stated)} ≠ {full}", "en": f"{written(stated)} ≠ {full}"}
            yield failed(rule, s, finding(
                rule, ctx, primary=stated, stated=stated.text, expected=str(full), arithmetic=arithmetic,
                evidence=[Evidence.of(stated, "total")], comparison=cmp,
                fields={"column_zh": "分值合计", "column_en": "total weight"}))


def check_table_scores(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO002: the scores (得分) of a score table add to its stated total (a 自评表's funds
    row and indicator rows to its 总分)."""
    for s in ctx.doc.score_sums:
        if s.column == "score":
            yield _score_sum(rule, ctx, s, ("得分", "scores"))


def check_score_cap(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO003: no score above its weight."""
    for table in ctx.doc.tables:
        for row in table.rows:
            score, weight = row.cells.get("score"), row.cells.get("weight")
            if score is None or weight is None:
                continue
            reason = "indicator_row" if table.kind == "indicators" else "table_rows"
            if table.layout in POSITIONAL and table.kind == "indicators":
                reason = POSITIONAL[table.layout]  # (found by position, not by columns)
            figures = [Evidence.of(score, "score"), Evidence.of(weight, "weight")]
            if score.value - weight.value <= score.tolerance + weight.tolerance:
                yield outcome(rule, None, "holds", figures, reason=reason)
                continue
            cmp = compare(score, Value.of(weight))
            arithmetic = {"zh": f"{written(score)} > {written(weight)}", "en": f"{written(score)} > {written(weight)}"}
            yield failed(rule, None, finding(rule, ctx, primary=score, stated=score.text, expected=f"≤ {written(weight)}",
                                             arithmetic=arithmetic, evidence=figures, comparison=cmp,
                                             fields={"row": row.label}), reason=reason)
    for c in ctx.doc.score_caps:  # (a score said with its full marks in prose: "产出指标满分50分,得49分")
        figures = [Evidence.of(c.score, "score"), Evidence.of(c.weight, "weight")]
        if c.score.value - c.weight.value <= c.score.tolerance + c.weight.tolerance:
            yield outcome(rule, c, "holds", figures)
            continue
        cmp = compare(c.score, Value.of(c.weight))
        arithmetic = {"zh": f"{written(c.score)} > {written(c.weight)}", "en": f"{written(c.score)} > {written(c.weight)}"}
        yield failed(rule, c, finding(rule, ctx, primary=c.score, stated=c.score.text, expected=f"≤ {written(c.weight)}",
                                      arithmetic=arithmetic, evidence=figures, comparison=cmp,
                                      fields={"row": c.row or "该项"}),
                     accuse_from=EXPLICIT + 1)  # (a pair in prose, not a table's 分值 / 得分 columns: the marks may be of
        # each item, the score on another scale or with a bonus the text names in words of its own — a warning)


def _funds_figures(s: FundsScore) -> list[Evidence]:
    return [Evidence.of(s.score, "score"), Evidence.of(s.weight, "weight"), Evidence.of(s.rate, "rate")]


def check_execution_score(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO005: a funds row executed at 100 % or more scores its whole weight (every
    scoring scheme agrees there)."""
    for s in ctx.doc.funds_scores:
        score, weight, rate = s.score, s.weight, s.rate
        if rate.value < 100:
            continue
        if not s.rule:  # every scoring rule gives full marks at 100 %: no convention needed
            s = s.model_copy(update={"reason": "funds_score_full"})
        # "100%" may stand for 99.5 %: a proportional score may then be a little short
        # (above 100 % the score is capped at its weight: the low end is the weight itself)
        low = min(weight.value * max(rate.value - rate.tolerance, Decimal(0)) / 100, weight.value)
        full = Value((low + weight.value) / 2, (weight.value - low) / 2 + weight.tolerance)
        cmp = compare(score, full)
        figures = _funds_figures(s)
        if cmp.verdict == "ok" or score.value > weight.value:
            yield outcome(rule, s, "holds", figures)  # above its weight: SCO003's
            continue
        deducted = _DEDUCTION.search(ctx.text, s.score.span.end, s.score.span.end + 400) if ctx.text else None
        if deducted and Decimal(deducted.group(1)) >= weight.value - score.value - score.tolerance - weight.tolerance:
            # ("…按执行率计10分;因审计发现…不符合规定,依据评分细则'…扣1分',该项实际得分9.00分": points taken off by a rule
            # the text states)
            yield outcome(rule, s, "undecided", figures, note="points taken off by a rule the text states")
            continue
        if ctx.text and _made_of_sub_scores(ctx, score):
            # ("执行进度得7分;…均衡性得2分,该指标合计得9分": the row scored by sub-criteria the text states, full
            # execution only one of them)
            yield outcome(rule, s, "undecided", figures, note="the score made of sub-scores the text states")
            continue
        arithmetic = {lang: f"{written(score)} < {written(weight)}" for lang in ("zh", "en")}
        yield failed(rule, s, finding(rule, ctx, primary=score, stated=score.text, expected=written(weight),
                                      arithmetic=arithmetic, evidence=figures, comparison=cmp,
                                      fields={"row": s.row, "rate": rate.text}))


def check_funds_score(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO006: below 100 %, the funds row scores 分值 × 执行率 — checked as an error where
    the header or the text states that rule, else at most a warning (provinces differ)."""
    for s in ctx.doc.funds_scores:
        score, weight, rate = s.score, s.weight, s.rate
        if rate.value >= 100 or weight.value >= 50:  # SCO005's; a 分值 of 50 or more is no funds row's
            continue
        figures = _funds_figures(s)
        expected = Value(weight.value * rate.value / 100,
                         weight.value * rate.tolerance / 100 + weight.tolerance * rate.value / 100)
        cmp = compare(score, expected)
        if cmp.verdict == "ok":
            yield outcome(rule, s, "holds", figures)
            continue
        shown = show(expected.value, score, max(0, 2 - score.decimals))
        arithmetic = {lang: f"{written(weight)} × {written(rate)}% = {shown} ≠ {written(score)} "
                            f"{diff_text(cmp.difference, score, lang, max(score.decimals, 2))}" for lang in ("zh", "en")}
        fields = {"row": s.row, "rule_zh": f"（表中写明“{s.rule}”）" if s.rule else
                  "（按通常的“分值×执行率”计分；报告未写明计分办法，仅作提示）",
                  "rule_en": " (the rule the table states)" if s.rule else
                  " (by the usual weight × rate rule; the report does not state its rule, so only a warning)"}
        result = finding(rule, ctx, primary=score, stated=score.text, expected=shown, arithmetic=arithmetic,
                         evidence=figures, comparison=cmp, fields=fields)
        if not s.rule and result.severity == "error":
            result = result.model_copy(update={"severity": "warning"})
        yield failed(rule, s, result)


def check_indicator_full_marks(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO007: an indicator whose 实际完成值 meets its 年度指标值 scores its full 分值 —
    only where the report says so (many templates deduct for quality of evidence)."""
    for s in ctx.doc.indicator_scores:
        if not s.met or not s.full_when_met:
            continue
        figures = [Evidence.of(s.score, "score"), Evidence.of(s.weight, "weight")]
        cmp = compare(s.score, Value.of(s.weight))
        if cmp.verdict == "ok" or s.score.value > s.weight.value:
            yield outcome(rule, s, "holds", figures)
            continue
        arithmetic = {"zh": f"{s.achieved} 达到 {s.target}：{written(s.score)} < {written(s.weight)}",
                      "en": f"{s.achieved} meets {s.target}: {written(s.score)} < {written(s.weight)}"}
        yield failed(rule, s, finding(rule, ctx, primary=s.score, stated=s.score.text, expected=written(s.weight),
                                      arithmetic=arithmetic, evidence=figures, comparison=cmp,
                                      fields={"row": s.row, "rule": s.full_when_met}))


def _score_columns(row) -> list[Fact]:
    """A row's scores, one per score column (上年得分 | 本年得分, 自评得分 | 复核得分), in the table's order."""
    return [fact for key, fact in row.cells.items() if key.split("#")[0] == "score"]


def _total_rows(ctx: Context) -> list:
    """Each score table's total row: its last one, the 总分 after the levels' 小计 rows (worked out
    once a document: every grade without a score of its own asks)."""
    found = ctx.memo.get("score_total_rows")
    if found is None:
        found = ctx.memo["score_total_rows"] = _find_total_rows(ctx)
    return found


def _find_total_rows(ctx: Context) -> list:
    out = []
    for table in ctx.doc.tables:
        if table.layout == UNHEADED:
            continue  # (a score table no header names: its own sums only, no total the prose or a grade is read against)
        # (a level's subtotal, "产出指标小计", that ends the rows read is that level's, no total of the table's)
        totals = [row for i, row in enumerate(table.rows) if row.is_total and "score" in row.cells
                  and not is_level_subtotal(row) and not _bare_subtotal_of_a_level(table.rows, i)]
        if totals and table.kind == "funds" and "rate" in totals[-1].cells:
            continue  # ("资金来源 | 预算数 | … ⏎ 合计 | 1326.73 | … | 10 | 82.72% | 8.27": the funds row's score, a part's)
        if totals:
            out.append(totals[-1])
    return out


def _bare_subtotal_of_a_level(rows, i: int) -> bool:
    """A bare "小计" row (no level named) is a level's, not the table's total, where the table has another 小计 row or
    a scored row follows it ("小计 | 30 | 27 ⏎ 受益居民满意度 | 10 | 9.5 ⏎ 小计 | 10 | 9.5 ⏎ 预算执行率 | 10 | 9.71",
    the 总分 row merged or cut at a page break and not read): the grade of the project is of the 总分, never of a
    level's subtotal.  The only 小计 of a table, its last scored row, stays its total."""
    if not SUBTOTAL_ROW.match(rows[i].label):
        return False
    others = sum(1 for r in rows if r is not rows[i] and SUBTOTAL_ROW.match(r.label))
    return bool(others) or any(not r.is_total and "score" in r.cells for r in rows[i + 1:])


def _table_total_rows(ctx: Context) -> list[list[Fact]]:
    """The scores of each score table's total row (a score column each)."""
    return [_score_columns(row) for row in _total_rows(ctx)]


def _table_total_scores(ctx: Context) -> list[Fact]:
    """The scores of every score table's total row (worked out once a document; a list no caller changes)."""
    found = ctx.memo.get("table_total_scores")
    if found is None:
        found = ctx.memo["table_total_scores"] = [fact for row in _table_total_rows(ctx) for fact in row]
    return found


def prose_total_scores(ctx: Context) -> list[Fact]:
    """The total scores the prose states (worked out once a document; a list no caller changes)."""
    found = ctx.memo.get("prose_total_scores")
    if found is None:
        found = ctx.memo["prose_total_scores"] = _prose_total_scores(ctx)
    return found


def _prose_total_scores(ctx: Context) -> list[Fact]:
    out = []
    # (the score a funds part is given, 分值 × 执行率: "预算执行情况(分值10分):…执行率97.67%,得分9.77分" — a part's)
    funds_parts = {s.score.span.start for s in ctx.doc.funds_scores if s.weight.value != 100}
    for f in ctx.doc.facts:
        if f.kind != "score" or f.in_table or f.is_bound or f.span.start in funds_parts:
            continue
        if not ctx.vocab.cue("total_score_label").search(f.label) or not Decimal(0) <= f.value <= Decimal(100):
            continue
        if ctx.vocab.cue("part_score_label").search(f.label) or ctx.vocab.cue("average_score").search(f.label) \
                or ctx.vocab.cue("score_not_a_score").search(f.label) or _other_year(f, ctx.doc.report_year) \
                or ctx.vocab.cue("other_evaluator").search(f.label) \
                or _other_evaluation_said(ctx, f):
            continue  # ("产出指标得分47分", "平均自评得分93.50分", "上年度该项目自评得分93分": a part's, several's,
            # another year's; "比自评得分低4分", "自评得分低于80分的": a gap, a bound; "财政评价得分88.6分": another
            # evaluator's, or the sentence's: "另据…满意度测评,卫生健康领域综合得分86.4分", "绩效运行监控中,…监控评分为82分")
        if BOUND_NEXT.match(ctx.doubt.text, f.span.end):
            continue  # ("自评得分90分(含)以上的16个": a band's bound, no score)
        if level_lines_score(ctx.doubt.text, f, ctx.vocab.cue):
            continue  # ("预算执行率98.70%(…),得分9.87分": 得分 alone on a line a level opens, that level's)
        if ctx.vocab.cue("score_ranked").match(ctx.doubt.text, f.span.end):
            continue  # ("本县得分92分,排名全市第3位": a contest's score, ranked among others', no self-assessment's)
        if _FROM_SCORE.search(ctx.doubt.text, max(0, f.span.start - 4), f.span.start) \
                and _TO_SCORE.match(ctx.doubt.text, f.span.end):
            continue  # ("得分由86.35分提高到97.94分": the score it rose from, another year's)
        if _SCORE_IN_LIST_AFTER.match(ctx.doubt.text, f.span.end) \
                or _SCORE_IN_LIST_BEFORE.search(ctx.doubt.text, max(0, f.span.start - 12), f.span.start):
            continue  # ("分项自评,得分为93.5分、90.25分和88分": several evaluations' scores, one each)
        weight = _WEIGHT_BEFORE.search(ctx.doubt.text, max(0, f.span.start - 60), f.span.start) \
            or _WEIGHT_AFTER.match(ctx.doubt.text, f.span.end)
        if weight and Decimal(weight.group(1)) != 100:
            continue  # ("…执行率98.00%,分值10分,得分9.8分": a part's score, out of the weight said with it)
        out.append(f)
    return out


_FROM_SCORE = lazyre.compile(r"由\s*$")
_TO_SCORE = lazyre.compile(r"\s*(?:提高|提升|增加|上升|下降|降低|减少|变)?(?:到|至|为)")
_SCORE_IN_LIST_AFTER = lazyre.compile(r"\s*(?:、|和|及|与)\s*\d+(?:\.\d+)?\s*分")
_SCORE_IN_LIST_BEFORE = lazyre.compile(r"\d\s*分\s*(?:、|和|及|与)\s*$")


def _other_evaluation_said(ctx: Context, f: Fact) -> bool:
    """The score's sentence names another evaluation before it, and no 自评 between ("另据…满意度测评,…综合得分86.4分",
    "在全省食品安全工作考核中,本县得分92分"; not "开展了绩效运行监控,…自评得分85分", the project's own)."""
    start = ctx.doubt.sentence_start(f.span.start)
    said = None
    for said in ctx.vocab.cue("other_evaluator").finditer(ctx.doubt.text, start, f.span.start):
        pass
    return said is not None and "自评" not in ctx.doubt.text[said.end():f.span.start]


_WEIGHT_AFTER = lazyre.compile(r"\s*[(（]\s*(?:分值|满分|权重)\s*(?:为|是|:)?\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]")
# (the weight said right before the score, or a clause or two before it: "分值10分;执行率90%;得分5分")
_WEIGHT_BEFORE = lazyre.compile(r"(?:分值|满分|权重)\s*(?:为|是|:)?\s*(\d+(?:\.\d+)?)\s*分?"
                                r"(?:(?:[,，;；][^,，;；。得分]{1,16}){1,2}[,，;；]|[,，;；]?)\s*(?:自评|评价)?得分(?:为|是|:)?\s*$")


# a sentence naming a project of its own ("义务教育公用经费保障项目…自评得分93.3分", "另一项目"), not 本项目 / 该项目
_OTHER_EVALUATION = lazyre.compile(r"(?<![本该此])[\u4e00-\u9fff]{2,}[”\"」』]?项目(?!支出|资金)")


_PROJECT_TABLE = lazyre.compile(r"项目(?:支出)?绩效(?:目标)?自评表")
_TITLE_REACH = 3000  # characters before a score table its 自评表's title may stand in (its 资金 grid between)


def _title_at(ctx: Context, total_row):
    """The score table whose total row this is, and where the last 自评表 within _TITLE_REACH before it stands (-1:
    none) — (None, -1) when no table holds the row."""
    table = next((t for t in ctx.doc.tables if total_row in t.rows), None)
    if table is None:
        return None, -1
    start = table.span.start
    return table, ctx.doubt.text.rfind("自评表", max(0, start - _TITLE_REACH), start)


def _title_line(text: str, at: int) -> str | None:
    """The line of the 自评表 at `at`, up to that word, or None (at -1)."""
    return text[text.rfind("\n", 0, at) + 1:at + 3] if at >= 0 else None


def _table_title(ctx: Context, total_row) -> str | None:
    """The 自评表 title over the score table whose total row this is: the line of the last 自评表 before it, up to
    that word ("一、基本公共卫生服务项目支出绩效自评表"), or None."""
    return _title_line(ctx.doubt.text, _title_at(ctx, total_row)[1])


def _project_table(ctx: Context, total_row) -> bool:
    """The score table whose total row this is belongs to a project's 自评表: the last 自评表 title
    before it is a project's ("项目支出绩效自评表")."""
    title = _table_title(ctx, total_row)
    return title is not None and bool(_PROJECT_TABLE.search(title))


def _projects_named(text: str) -> list[str]:
    """The projects a text names by their own names ("家庭医生签约服务项目"), not 本项目 / 该项目 / 各项目, nor a
    title's "2023年度项目…"."""
    return [m.group(1) for m in _PROJECT_NAME.finditer(text)
            if m.group(1)[-1] not in _NOT_A_NAME and not _GENERIC_NAME.search(m.group(1))]


def _table_projects(ctx: Context, total_row) -> list[str]:
    """The projects a 自评表 names: in its title ("基本公共卫生服务项目支出绩效自评表") or its 项目名称 row
    ("项目名称 | 12345政务服务便民热线运行维护")."""
    table, start = _title_at(ctx, total_row)
    if table is None:
        return []
    title = _title_line(ctx.doubt.text, start)
    names = _projects_named(title) if title is not None else []
    row = _PROJECT_NAME_ROW.search(ctx.doubt.text, start if start >= 0 else table.span.start, table.span.end)
    return names + ([row.group(1)] if row else [])


# (the name may stand in quotes: "同年度实施的“家庭医生签约服务”项目")
_PROJECT_NAME = lazyre.compile(r"([\u4e00-\u9fff]{2,})[”\"」』]?项目")
_NOT_A_NAME = set("本该此其各每个上下同一两二三四五六七八九十几多等类大子")
_GENERIC_NAME = lazyre.compile(r"^(?:本?年度?|年度重点|重点|专项|部门|单位|预算|财政|支出|绩效|其他|全部|所有)$")
_PROJECT_NAME_ROW = lazyre.compile(r"项目名称\s*(?:[|\t:：]\s*)*([^\s|\t:：]{2,})")
_SAME_NAME = 4  # characters two names of one project share ("农村公路日常养护" and "农村公路养护": 农村公路)


def _shares_name(a: str, b: str) -> bool:
    """Two project names share a run of _SAME_NAME characters: one project named two ways, or more plainly."""
    return any(a[i:i + _SAME_NAME] in b for i in range(len(a) - _SAME_NAME + 1)) or a in b or b in a


def _names_another_project(ctx: Context, prose: Fact, total_row) -> bool:
    """The prose score's sentence names a project by name, and none of the names it gives is the project the 自评表's
    title names ("一、基本公共卫生服务项目支出绩效自评表 … ⏎ 二、同期实施的家庭医生签约服务项目…自评总分93.87分"), or
    says before the score that its subject fills in a 自评表 of its own (cue own_form_elsewhere: "子项目二…另行填报自评表,
    自评总分为86分"): another project's score."""
    before = ctx.doubt.text[ctx.doubt.sentence_start(prose.span.start):prose.span.start]
    if ctx.vocab.cue("own_form_elsewhere").search(before):
        return True  # ("子项目二…另行填报自评表,自评总分为86分": its score is of a 自评表 of its own, not this one)
    table = _table_projects(ctx, total_row)
    if not table:
        return False
    said = _projects_named(before)
    return bool(said) and not any(_shares_name(a, b) for a in said for b in table)


def _other_year(f: Fact, report_year: str | None) -> bool:
    """A score of a year other than the report's: 上年, or a year it names — in its period, or in its own words even
    where the period was taken from a title run on into its line ("…自评的说明 ⏎ 该项目2022年度自评得分为86.42分")."""
    if f.period in {"上年", "previous"}:
        return True
    if f.period and f.period.isdigit() and report_year and f.period != report_year:
        return True
    named = None
    for named in _SCORE_YEAR.finditer(f.label):
        pass
    return bool(named and report_year and report_year.isdigit() and named.group(1) != report_year)


# a year the words before a score name as the evaluation's ("该项目2022年度自评得分"), not a day ("2024年3月…")
_SCORE_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")


def check_score_prose(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO004: the total score stated in prose agrees with the score table's total."""
    total_rows = _total_rows(ctx)
    if len(total_rows) != 1:
        return
    yield from _funds_score_prose(rule, ctx, total_rows[0])
    rows = [_score_columns(total_rows[0])]
    weight = total_rows[0].cells.get("weight")
    # (a table of 90 points, the 绩效指标 beside the 预算执行 10: a part's, not the total the prose states)
    part_table = weight is not None and weight.value != 100
    # a table of several score columns (上年 | 本年, 自评 | 复核): the prose may state any of their totals; the
    # last column is the one a total against none of them is shown with, and which one the prose means is open
    columns = rows[0]
    table_total = columns[-1]
    row_scores = {f.value for t in ctx.doc.tables for r in t.rows if not r.is_total for f in _score_columns(r)}
    proses = prose_total_scores(ctx)
    # the prose states several different total scores, one of them the table's: the others may be
    # other evaluations' (another project, another year) — a reading the text does not rule out
    several = len({p.value for p in proses}) > 1 and any(compare(p, Value.of(table_total)).verdict == "ok"
                                                        for p in proses)
    for prose in proses:
        heading = ctx.doubt.scope_heading(prose)
        if several and all(compare(prose, Value.of(c)).verdict != "ok" for c in columns) and (
                _OTHER_EVALUATION.search(ctx.doubt.text, ctx.doubt.sentence_start(prose.span.start), prose.span.start)
                or (heading is not None and heading != ctx.doubt.scope_heading(table_total))
                or ctx.vocab.cue("whole_department").search(prose.label)):
            # (one of them is the table's: the others are other evaluations' — several projects' 自评得分 in
            # a 决算说明 beside the department's table, "(一)…参保补助项目 ⏎ 该项目…自评得分94.80分" under another
            # project's heading, a 部门整体 score beside a project's table —, nothing says they are this table's)
            yield outcome(rule, None, "undecided", [Evidence.of(prose, "prose score")], reason="table_total_in_prose",
                          note="another evaluation's score: the prose states the table's total too")
            continue
        if _under_another_project(ctx, prose, table_total):
            yield outcome(rule, None, "undecided", [Evidence.of(prose, "prose score")], reason="table_total_in_prose",
                          note="another project's score: the prose stands under another project's heading")
            continue
        if _names_another_project(ctx, prose, total_rows[0]):
            yield outcome(rule, None, "undecided", [Evidence.of(prose, "prose score")], reason="table_total_in_prose",
                          note="another project's score: its sentence names a project the table's title does not")
            continue
        if prose.value in row_scores and prose.value != table_total.value:
            continue  # a row's score mentioned in prose
        same = next((c for c in columns if compare(prose, Value.of(c)).verdict == "ok"), None)
        if same is not None:
            yield outcome(rule, None, "holds", [Evidence.of(prose, "prose score"), Evidence.of(same, "table total")],
                          reason="table_total_in_prose")
            continue
        if _revised_to_table_total(ctx, prose, table_total):
            # ("单位自评得分为96.00分,经财政部门复核,复核得分88.00分" beside a table of 复核得分 making 88.00): the score before
            # its revision, not the table's
            yield outcome(rule, None, "undecided", [Evidence.of(prose, "prose score")], reason="table_total_in_prose",
                          note="the score before the revision its sentence states, which the table gives")
            continue
        if part_table:
            yield outcome(rule, None, "undecided", [Evidence.of(prose, "prose score")], reason="table_total_in_prose",
                          note="the table's total is of fewer than 100 points: a part's score")
            continue
        if ctx.vocab.cue("whole_department").search(prose.label) and _project_table(ctx, total_rows[0]):
            # ("部门整体支出绩效自评得分94.35分 … 项目支出绩效自评表 … 总分 | 100 | 97.1"): the department's
            # own score beside a project's table, another evaluation
            yield outcome(rule, None, "undecided", [Evidence.of(prose, "prose score")], reason="table_total_in_prose",
                          note="the whole department's score beside a project's table")
            continue
        if _listed_elsewhere(ctx, prose, total_rows[0]):
            # ("表1 重点项目自评结果汇总表 … 2 | 农村饮水安全工程维修养护 | … | 99.42 | 优" and, under that project, "该项目
            # 自评得分为99.42分"): the score a summary table gives another project, not this table's
            yield outcome(rule, None, "undecided", [Evidence.of(prose, "prose score")], reason="table_total_in_prose",
                          note="another project's score: a summary table of several projects states it")
            continue
        figures = [Evidence.of(prose, "prose score"), Evidence.of(table_total, "table total")]
        cmp = compare(prose, Value.of(table_total))
        arithmetic = {"zh": f"{written(prose)} ≠ {written(table_total)}", "en": f"{written(prose)} ≠ {written(table_total)}"}
        yield failed(rule, None, finding(rule, ctx, primary=prose, stated=prose.text, expected=table_total.text,
                                         arithmetic=arithmetic, evidence=figures, comparison=cmp),
                     reason="table_total_in_prose", accuse_from=EXPLICIT + 1 if several or len(columns) > 1 else None)


def _funds_score_prose(rule: Rule, ctx: Context, total_row) -> Iterator[Outcome]:
    """SCO004 of the funds row: the funds score the prose states ("其中，预算执行率得分9.45分", cue funds_score_label)
    agrees with the 自评表's funds row 得分 — where the document has one funds row scored and one score table, the
    prose names no other project, and states no funds score of its own making (分值 × 执行率 said beside it)."""
    rows = [r for t in ctx.doc.tables if t.kind == "funds" for r in t.rows
            if r.part_of is None and "score" in r.cells and "weight" in r.cells]
    if len(rows) != 1:
        return
    table_score = rows[0].cells["score"]
    totals = _score_columns(total_row)
    if any(all(compare(p, Value.of(c)).verdict != "ok" for c in totals) for p in prose_total_scores(ctx)):
        return  # (the prose states a total score other than the table's: another evaluation's, its funds score may be too)
    label = ctx.vocab.cue("funds_score_label")
    stated = {s.score.span.start for s in ctx.doc.funds_scores if not s.score.in_table}
    for prose in ctx.doc.facts:
        if prose.kind != "score" or prose.in_table or prose.is_bound or prose.span.start in stated \
                or not label.search(prose.label) or _other_year(prose, ctx.doc.report_year):
            continue
        heading = _project_heading(ctx, prose)
        if heading is not None and heading != _project_heading(ctx, table_score) or _listed_elsewhere(ctx, prose, rows[0]):
            continue  # (under a heading naming a project the table is not under: another project's funds score)
        figures = [Evidence.of(prose, "prose score"), Evidence.of(table_score, "row")]
        cmp = compare(prose, Value.of(table_score))
        if cmp.verdict == "ok":
            yield outcome(rule, None, "holds", figures, reason="table_funds_score_in_prose")
            continue
        arithmetic = {"zh": f"{written(prose)} ≠ {written(table_score)}（资金行得分）",
                      "en": f"{written(prose)} ≠ {written(table_score)} (the funds row's score)"}
        yield failed(rule, None, finding(rule, ctx, primary=prose, stated=prose.text, expected=table_score.text,
                                         arithmetic=arithmetic, evidence=figures, comparison=cmp),
                     reason="table_funds_score_in_prose")


def _project_heading(ctx: Context, f: Fact) -> str | None:
    """The nearest numbered heading line above `f` (no figures on it) when it names a project ("(一)城乡居民基本医疗保险
    参保补助项目"), else None (the nearest heading names none)."""
    text = ctx.doubt.text
    end = ctx.doubt.line_start(f.span.start)
    for _ in range(_PROJECT_HEADING_REACH):
        if end <= 0:
            return None
        start = ctx.doubt.line_start(end - 1)
        line = text[start:end - 1].strip()
        if NUMBERED_LINE.match(line) and len(line) <= 40 and not any(c.isdigit() for c in NUMBERED_LINE.sub("", line)):
            return line if _PROJECT_NAMED.search(line) else None
        end = start
    return None


_PROJECT_HEADING_REACH = 30  # lines
_PROJECT_NAMED = lazyre.compile(r"[\u4e00-\u9fff]{2,}项目[。:：]?$")


def _under_another_project(ctx: Context, prose: Fact, table_total: Fact) -> bool:
    """The prose score and the table stand under two numbered headings naming two projects ("(一)…参保补助项目 ⏎ 该项目…
    自评得分94.80分" and "(二)医疗救助项目 ⏎ …具体见下表"): two evaluations."""
    own, table = _project_heading(ctx, prose), _project_heading(ctx, table_total)
    return own is not None and table is not None and own != table


def _revised_to_table_total(ctx: Context, prose: Fact, table_total: Fact) -> bool:
    """Another score of the prose's sentence, after it, is the table's total and is named as a revision (复核得分,
    调整为)."""
    revised, sentence = ctx.vocab.cue("score_revised"), ctx.doubt.sentence_start(prose.span.start)
    return any(f.kind == "score" and not f.in_table and f.span.start > prose.span.start
               and ctx.doubt.sentence_start(f.span.start) == sentence and compare(f, Value.of(table_total)).verdict == "ok"
               and (revised.search(f.label) or _REVIEWED.search(f.label)) for f in ctx.doc.facts)


_REVIEWED = lazyre.compile(r"复核|复评|核定|审定")


def _listed_elsewhere(ctx: Context, prose: Fact, total_row) -> bool:
    """The prose score's value stands in a table other than the score table (a summary of several projects'
    scores): the prose may be of that other project."""
    table = next((t for t in ctx.doc.tables if total_row in t.rows), None)
    own = (table.span.start, table.span.end) if table is not None else (-1, -1)
    text = ctx.doubt.text

    def cell(f: Fact) -> bool:  # (in a table read, alone on its line — a table set a cell a line —, or in a row
        # of cells set apart by runs of spaces, tabs or bars: "总分    100  98.26", another table's total)
        line_start = text.rfind("\n", 0, f.span.start) + 1
        line_end = text.find("\n", f.span.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        return f.in_table or line == f.text or (_CELL_GAP.search(line) is not None and len(_NUMBER.findall(line)) >= 2)

    return any(f.id != prose.id and f.value == prose.value and f.span.start != prose.span.start
               and not own[0] <= f.span.start <= own[1] and cell(f) for f in ctx.doc.facts)


_CELL_GAP = lazyre.compile(r"\S(?: {2,}|\t|\s*\|\s*)\S")
_NUMBER = lazyre.compile(r"\d+(?:\.\d+)?")


def band_of(score: Decimal, bands: list[tuple[str, Decimal]]) -> str:
    for name, lower in bands:
        if score >= lower:
            return name
    return bands[-1][0]


def _made_of_sub_scores(ctx: Context, score: Fact) -> bool:
    """The row's line or the line after it says the score again ("该指标合计得9分") after two or more points awarded
    that add up to it ("执行进度得7分", "均衡性得2分"): scored by sub-criteria, not by the rate alone."""
    end = score.span.end
    row_end = ctx.text.find("\n", end)
    after = ctx.text.find("\n", row_end + 1) if row_end >= 0 else -1
    stretch = ctx.text[end:len(ctx.text) if row_end < 0 or after < 0 else after][:400]
    points = [Decimal(m.group(1)) for m in ctx.vocab.cue("score_awarded").finditer(stretch)]
    return any(n >= 2 and value == score.value and sum(points[:n], Decimal(0)) == value
               for n, value in enumerate(points))


# points taken off a score by a rule the text states ("违规的,扣1分", "逾期扣0.5分")
_DEDUCTION = lazyre.compile(r"扣(?:减|除)?\s*(\d+(?:\.\d+)?)\s*分")
_PASS_WORD = lazyre.compile(r"合格|及格")
# a score converted to the hundred-point scale the bands are of ("相当于百分制86.50分", "按折算后得分确定评价等级"), or
# a scale of other than 100 points said ("采用10分制", "五分制")
_CONVERTED = lazyre.compile(r"百分制|折算|换算|(?<![\d百])(?!100\s*分制)(?:\d{1,3}|[二三四五六七八九十]|一百二十|一千)\s*分制")


def check_grade(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """GRD001: the grade agrees with the score (财预〔2020〕10号 bands, configurable)."""
    bands = sorted(((name, Decimal(str(lo))) for name, lo in rule.params.get("bands", {}).items()),
                   key=lambda b: b[1], reverse=True)
    if not bands:
        return
    for g in ctx.doc.grades:
        if g.bands:  # the report states its own bands: they rule its grades
            # (the default grades fill in only outside the bands it states — below its lowest, if that does not reach 0:
            # a scale of its own — 优秀/合格/不合格, 优/中/差 without 良 — has no default 良 between its bands)
            stated = dict(g.bands)
            lowest, highest = min(stated.values()), max(stated.values())
            # (… and above its highest, unless that is a pass of a pass / fail scale: "60分以上为合格")
            top = max(stated, key=stated.get)
            open_top = top == "中" and _PASS_WORD.search(g.text) is not None
            own = {**{name: lo for name, lo in bands if name not in stated and (lo < lowest or lo > highest and not open_top)},
                   **stated}
            bands_here = sorted(own.items(), key=lambda b: b[1], reverse=True)
        else:
            bands_here = bands
        for o in _grade(rule, ctx, g, bands_here):
            if o.finding is None:
                yield o
            elif not g.bands and g.own_scale:
                # (the report describes bands of its own that were not read: the default ones are not its to judge by)
                yield _undecided(o, "the report states bands of its own, not read")
            elif g.score is not None and g.score.value > 100 or ctx.text and _CONVERTED.search(ctx.text):
                # (a total on another scale — 总分120分, 10分制 — graded by its conversion to 100: not the figure read)
                yield _undecided(o, "a score on another scale than 100")
            else:
                yield o


def _undecided(o: Outcome, note: str) -> Outcome:
    """A failing grade the report's own scale leaves open: no finding."""
    return o.model_copy(update={"verdict": "undecided", "finding": None, "equation": None, "note": note})


def _grade(rule: Rule, ctx: Context, g, bands) -> Iterator[Outcome]:
    """One grade against its score under `bands`."""
    score = g.score
    reason = "grade_respective" if g.respective else "grade_score_near"
    if score is None:
        reason = "grade_score_in_document"
        candidates = _table_total_scores(ctx) or prose_total_scores(ctx)
        names = {band_of(c.value, bands) for c in candidates}
        if len(names) != 1:
            yield outcome(rule, None, "undecided", [Evidence.at(g.span, g.text, "grade")], reason=reason,
                          note="no score, or scores in different bands")
            return
        score = candidates[0]
        if _grade_row_under(ctx, g, score):
            reason = "grade_row_under_table"
    figures = [Evidence.at(g.span, g.text, "grade"), Evidence.of(score, "score")]
    expected = band_of(score.value, bands)
    if expected == g.grade:
        yield outcome(rule, None, "holds", figures, reason=reason)
        return
    # a score on a band edge within its rounding is not a contradiction
    lo_edge = band_of(score.value - score.tolerance, bands)
    hi_edge = band_of(score.value + score.tolerance, bands)
    if g.grade in {lo_edge, hi_edge}:
        yield outcome(rule, None, "holds", figures, reason=reason, note="on a band edge within rounding")
        return
    limits = "; ".join(f"{name} ≥ {lo}" for name, lo in bands)
    arithmetic = {"zh": f"{written(score)}分 → {expected}（{limits}）",
                  "en": f"{written(score)} → {expected} ({limits})"}
    yield failed(rule, None, finding(rule, ctx, span=g.span, stated=g.text, expected=expected,
                                     arithmetic=arithmetic, evidence=figures,
                                     fields={"score": written(score), "grade": g.text}), reason=reason,
                 found=(_other_evaluation_grade(ctx, g, score, bands) or _another_score_of_the_sentence(ctx, g, score, bands)
                        or _grade_set_by_rule(ctx, g))
                 if reason in {"grade_score_near", "grade_respective", "grade_row_under_table"} else None)


def _grade_row_under(ctx: Context, g, score: Fact) -> bool:
    """"总分 | 100 | 86.16 ⏎ 自评等级：优": the grade on a labelled line of its own right under the score table's total row
    — the 自评表's last row, as explicit as a grade said beside its score in a sentence."""
    if not score.in_table:
        return False
    text = ctx.doubt.text
    line_start = text.rfind("\n", 0, g.span.start) + 1
    if not _GRADE_ROW_LABEL.fullmatch(text, line_start, g.span.start):
        return False
    end = text.find("\n", g.span.end)
    if _GRADE_ROW_AFTER.fullmatch(text, g.span.end, len(text) if end < 0 else end) is None:
        return False
    before = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    return before <= score.span.start < line_start and "\n" not in text[score.span.end:line_start - 1]


_GRADE_ROW_LABEL = lazyre.compile(r"\s*[|｜]?\s*(?:自评|评价|绩效|综合)?(?:评价)?等级\s*[:：|｜\t ]\s*[“\"]?")
_GRADE_ROW_AFTER = lazyre.compile(r"[”\"]?\s*[|｜]?\s*")


_GRADE_RULE = lazyre.compile(r"(?:下调|下降|降低|降为|降)(?:一个|一|两个|二|1|2)?(?:档次|等次|等级|档|级)|降档|降级|"
                             r"直接(?:确定|评定|认定|定|评)为|一票否决|不得(?:评|定)为[“\"]?优|最高(?:只能)?(?:评|定)为")
_GRADE_RULE_BEFORE, _GRADE_RULE_AFTER = 300, 120


def _grade_set_by_rule(ctx: Context, g) -> doubt.Found | None:
    """ALT017: the text says the grade was set by a rule, not by the score's band ("存在违规使用资金情形的,评价等级下调一个
    档次", "发生较大安全责任事故的,评价等级直接确定为‘差’")."""
    text = ctx.doubt.text
    said = _GRADE_RULE.search(text, max(0, g.span.start - _GRADE_RULE_BEFORE), min(len(text), g.span.end + _GRADE_RULE_AFTER))
    if said is None:
        return None
    return doubt.Found("ALT017", {"zh": f"文中写明等级按规定调整（“{said.group()}”），不按得分所在档次",
                                  "en": f"the text says the grade was set by a rule (“{said.group()}”), not by the score's band"})


def _another_score_of_the_sentence(ctx: Context, g, score: Fact, bands) -> doubt.Found | None:
    """ALT004: the grade's sentence states another score of this year, not a part's, that gives the grade
    ("自评等级为“良”(区财政局复核得分为90.60分,…),自评得分为88.40分", "…得分可达91.30分;实际自评得分为87.80分",
    "等级为“良”(区司法局自评91.40分,区财政局复核88.60分,以复核结果为准)"): a sentence of several scores — another
    evaluator's, a target, a what-if — does not say which is the grade's by nearness alone."""
    start = ctx.doubt.sentence_start(g.span.start)
    end = ctx.doubt.text.find("。", g.span.end)
    end = len(ctx.doubt.text) if end < 0 else end
    part = ctx.vocab.cue("part_score_label")
    # (a score with a grade of its own is that grade's, no other reading of this one: "县林业局综合得分72.6分,等级为
    # “优秀”;县供销合作社综合得分91.3分,等级为“优秀”" — 91.3 is the 供销合作社's)
    graded = {h.score.id for h in ctx.doc.grades if h is not g and h.score is not None}
    other = next((f for f in ctx.doc.facts if f.kind == "score" and f.id != score.id and not f.in_table
                  and f.id not in graded
                  and start <= f.span.start < end and (f.span.start > g.span.start or _same_bracket(ctx.doubt.text, f, g))
                  and not part.search(f.label) and not LAST_YEARS.search(f.label)
                  and _EVALUATED.search(f.label) and not _NO_SCORE_GIVEN.search(f.label)
                  and not BOUND_NEXT.match(ctx.doubt.text, f.span.end) and band_of(f.value, bands) == g.grade), None)
    if other is None:
        return None
    return doubt.Found("ALT004", {"zh": f"同一句还写了 {written(other)}分（第{other.span.line}行），按它等级为{g.grade}；"
                                        f"{written(score)}分未必是该等级的得分",
                                  "en": f"the sentence also states {written(other)} (line {other.span.line}), which gives "
                                        f"{g.grade}; {written(score)} need not be the graded score"})


def _same_bracket(text: str, score: Fact, g) -> bool:
    """The score stands before the grade in the bracket the grade stands in ("(主管部门审核后为88.90分、等级为“良”)")."""
    opened = text.rfind("(", 0, g.span.start)
    return 0 <= opened < score.span.start and text.find(")", opened, g.span.start) < 0


# (a score an evaluation gives, by its name; not a full mark, a weight, a bound or a target)
_EVALUATED = lazyre.compile(r"得分|评分|总分|复核|自评|评价|审核|评定")
_NO_SCORE_GIVEN = lazyre.compile(r"满分|权重|分值|不低于|不少于|目标|标准")


def _other_evaluation_grade(ctx: Context, g, score: Fact, bands) -> doubt.Found | None:
    """ALT004: the score next to the grade is another evaluation's ("满意度测评得分为78.6分,…。项目绩效评价等级为
    “优”"), the grade's sentence names none, and a total score of the report's own evaluation gives the grade."""
    other = ctx.vocab.cue("other_evaluator")
    if not (other.search(score.label) or _other_evaluation_said(ctx, score)):
        return None
    if other.search(ctx.doubt.text, ctx.doubt.sentence_start(g.span.start), g.span.start):
        return None  # ("满意度测评得分78.6分,测评等级为优": the grade is that evaluation's too)
    own = next((c for c in reversed(prose_total_scores(ctx) or _table_total_scores(ctx))
                if c.span.start < g.span.start and c.id != score.id and band_of(c.value, bands) == g.grade), None)
    if own is None:
        return None
    return doubt.Found("ALT004", {"zh": f"{written(score)}分是另一项评价的得分；按第{own.span.line}行的 {written(own)}分，"
                                        f"等级为{g.grade}",
                                  "en": f"{written(score)} is another evaluation's score; {written(own)} on line "
                                        f"{own.span.line} gives {g.grade}"})
