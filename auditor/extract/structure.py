"""Statements that are not figures: top-level headings and grades."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from auditor import lazyre
from auditor.textsearch import last_of
from auditor.extract.numbering import YEAR_SAID, chinese_number
from auditor.extract.readings import part_start, in_other_period_bracket
from auditor.extract.model import Fact, Grade, Heading, Span, period_of
from auditor.extract.vocabulary import Vocabulary, default_vocabulary
from auditor.normalise import Normalised

# "七、…" — or "、政府采购…": a heading whose numeral a PDF extraction lost
_HEADING = lazyre.compile(r"(?m)^[ \t]*\|?[ \t]*([一二三四五六七八九十]{1,3}|)、(?=\s*\S)")  # (one pipe at most: "|  |  | 七、…" is a right-hand cell)

# "评价等级为“优”", "自评结果:良好", "评价结果 |\n优 |", "评分100分,自评为优"
# ("自评" alone is no grade cue: "在自评中,…")
_GRADE = lazyre.compile(
    r"(?:等级|等次|评级|评价结果|评定结果|自评结果|考评结果|绩效评价结果|评价级别|级别|评价结论|自评结论|综合评定|评定|"
    r"自评为|评价为)"
    r"(?:为|是|:|评定为|评为|确定为|\s|\|)*[“\"'「『]?"
    r"(优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差)"
    r"(?=[”\"'」』\s|,。;:级等)(]|$)"
)
# a grade followed by a count of the projects that got it
# (how many got that grade, or their share: "评价为“良好”的22份", "评价为“良好”的占6.00%" — answers, no grade given)
_COUNTED = lazyre.compile(r"[”\"'」』]?\s*(?:的)?(?:项目|单位|部门)?(?:有|共|计|为)?\s*\d+\s*(?:个|项|家|份|人|户|位|次)|"
                          r"[”\"'」』]?\s*的\s*(?:占|比例|比重)|"
                          # (a band of grades a rule names: "对自评等级为“中”及以下的项目压减预算")
                          r"[”\"'」』]?\s*(?:及|或|和)?\s*(?:以下|以上|以内)")
_NOT_THIS_GRADE = lazyre.compile(r"(?:无|没有|未有)[\u4e00-\u9fff]{0,4}$|的\s*\d+\s*(?:个|项|家)[,、]|"
                                 r"(?:满意度|测评)[\u4e00-\u9fff]{0,4}$|^[\s|｜]*(?:上年|上一年|去年|以前年度)(?!度?结转|度?结余)")
_FACTOR = lazyre.compile(r"[×*]\s*$")
_FORMULA_NEXT = lazyre.compile(r"\s*=")
# a band's bound said right after a score ("90分(含)以上", "60分以下", the lower end of "60分(含)至75分"): no score of a
# grade or a total
BOUND_NEXT = lazyre.compile(r"\s*(?:\(不?含\))?\s*(?:(?:及|或)?(?:以上|以下|以内)|[-~—–至]\s*\d)")
# … or right before it (the upper end of "60分(含)至75分", "≥85分")
_BOUND_BEFORE = lazyre.compile(r"(?:\d\s*分?\s*(?:\(不?含\))?\s*[-~—–至]|[≥≤<>])\s*$")


def band_bound(text: str, fact: Fact) -> bool:
    """The figure is a band's bound, no score: "85分(含)以上", "60分以下", "60分(含)至75分" (either end), "≥85分"."""
    return bool(BOUND_NEXT.match(text, fact.span.end)
                or _BOUND_BEFORE.search(text, max(0, fact.span.start - 12), fact.span.start))


GRADE_WORDS = {
    "优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中",
    "合格": "中", "及格": "中", "差": "差", "不合格": "差", "较差": "差", "一般": "中",
}


# a line holding one figure, or a dash for an empty cell: what follows a flattened table's row label
_FIGURE_LINE = lazyre.compile(r"\s*\|?\s*(?:-?[\d.,]+\s*(?:万元|元|%)?|[-—–]{1,2})\s*\|?\s*$")


def _next_line(text: str, pos: int) -> str:
    """The next non-blank line after the line holding pos."""
    end = text.find("\n", pos)
    while end != -1:
        nxt = text.find("\n", end + 1)
        line = text[end + 1: nxt if nxt != -1 else len(text)]
        if line.strip():
            return line
        end = nxt
    return ""


_CONTENTS_ENTRY = lazyre.compile(r"(?:…{2,}|\.{4,}|·{4,})\s*\d*\s*$")  # leader dots (and a page number)
# a figure standing as a cell of its own (spaces either side): an amount written with decimals or thousands' commas, or
# any number — two of them make a table's row (行次 and 金额), no entry of a table of contents
_AMOUNT_CELL = lazyre.compile(r"(?<=\s)[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?=\s)")
_NUMBER_CELL = lazyre.compile(r"(?<=\s)[-−]?[\d,]+(?:\.\d+)?(?=\s)")


def _row_of_figures(before: str) -> bool:
    """The text of a line before its leader dots holds an amount as a cell of its own, or two numbers so: a table's row,
    no entry of a table of contents (whose page number stands after the dots)."""
    return _AMOUNT_CELL.search(before) is not None or len(_NUMBER_CELL.findall(before)) >= 2


_NUMERAL_PAIR = lazyre.compile(r"([一二三四五六七八九十]{1,2})(?:季度|年级|级|月份|月|类|等|档|星|期|批)")


def headings(norm: Normalised) -> list[Heading]:
    out = []
    pairs: set[int] = set()
    for m in _headings_marked(norm.text):
        n = chinese_number(m.group(1)) if m.group(1) else None
        if n is None and m.group(1):
            continue
        pair = _NUMERAL_PAIR.match(norm.text, m.end())
        if pair and n is not None and chinese_number(pair.group(1)) == n + 1:
            pairs.add(len(out))  # "二、三季度支出…", "三、四级公路": maybe two numerals of one measure (decided below)
        following = _next_line(norm.text, m.start())
        if _FIGURE_LINE.fullmatch(following):
            continue  # "二、政府性基金预算财政拨款收入" / "2" / "0.00" (or "-"): a row label of a flattened table
        line_end = norm.text.find("\n", m.end())
        rest = norm.text[m.end():line_end if line_end != -1 else len(norm.text)].strip()
        if rest.endswith("|"):
            continue  # "二、外交支出 |": a cell of a table set one cell a line, its bar kept (a column's own numbering)
        if not following.strip() and len(rest) <= 1:
            continue  # "五、经" and the text ends: a line cut off (a table's row label, as likely as a heading;
            # "十一、其他" at the end is a heading)
        start = m.start(1)
        end = m.end()
        line, column = norm.line_col(start)
        line_end = norm.text.find("\n", start)
        dots = _CONTENTS_ENTRY.search(norm.text, start, line_end if line_end != -1 else len(norm.text))
        if dots and not _row_of_figures(norm.text[start:dots.start()] + " "):
            continue  # "三、平衡表………": an entry of a table of contents (extraction may jumble their order)
            # (not a table's row whose figures stand before the dots of an empty cell beside it: "二、政府性基金预算财政拨款
            # 收入      2        320.00     ……" in a two-sided 收入支出决算总表, the right-hand cell holding "……")
        text = norm.original[start: line_end if line_end != -1 else len(norm.text)].strip()
        out.append(Heading.model_construct(number=n, text=text[:40], span=Span.model_construct(start=start, end=end, line=line, column=column)))
    return [h for k, h in enumerate(out) if k not in pairs or not _numeral_pair(out, k)]


def _headings_marked(text: str) -> Iterator[re.Match[str]]:
    """_HEADING.finditer(text): a match stands on one line, from its start to a 、, so only the lines that hold a 、
    are tried, each once, at its start (str.find, not the pattern tried at every position of the text)."""
    k = text.find("、")
    while k >= 0:
        m = _HEADING.match(text, text.rfind("\n", 0, k) + 1)
        if m is not None:
            yield m
        line_end = text.find("\n", k)
        if line_end < 0:
            return
        k = text.find("、", line_end)


def _numeral_pair(out: list[Heading], k: int) -> bool:
    """Heading k reads as two numerals of one measure ("二、三季度", "三、四级公路"), not a heading: a heading of its
    number follows it, or the headings before do not come to it ("二、三级指标完成情况" after "一、" is a heading)."""
    n = out[k].number
    return any(h.number == n for h in out[k + 1:]) or not (k and out[k - 1].number == n - 1)


def table_grades(norm: Normalised, tables) -> list[Grade]:
    """"总分 | 100 | 96 | 优": the grade a score table gives beside its total score; "项目名称 | 自评得分 | 评价等级": the
    grade each row gives its score — in the bands the report states, if it does."""
    out = []
    bands = None
    for t in tables:
        for row in t.rows:
            key = row.texts.get("graded", "score") if row.grade_span is not None else None
            if key is None or key not in row.cells:
                continue
            if bands is None:
                bands = _bands(norm.text)
            start, end = row.grade_span
            line, column = norm.line_col(start)
            span = Span.model_construct(start=start, end=end, line=line, column=column)
            out.append(Grade.model_construct(grade=GRADE_WORDS[row.texts["grade"]], text=norm.original[start:end],
                                             span=span, score=row.cells[key], bands=bands[0], own_scale=bands[1]))
    return out


def _bands(text: str) -> tuple[tuple[tuple[str, Decimal], ...], bool]:
    """The bands the text states for its grades, and whether it describes bands of its own it does not state so
    that they are read (then the default bands are not its)."""
    bands = stated_bands(text)
    return bands, not bands and any(mention.search(text) for mention in _BAND_MENTIONS)


def grades(norm: Normalised, facts: list[Fact], vocab: Vocabulary | None = None,
           year: str | None = None, listed: dict[int, Fact] | None = None) -> list[Grade]:
    """Grade statements, each with the score it follows from when the text makes that clear, and
    the bands the report states for its grades, if it does.  (year: the report's, when known; listed: score id →
    the total score of the list it is a part of, readings.scores_listed_under.)"""
    cue = (vocab or default_vocabulary()).cue
    scores = [f for f in facts if f.kind == "score" and not f.in_table
              and not cue("part_score_label").search(f.label) and not cue("average_score").search(f.label)
              and not level_lines_score(norm.text, f, cue)
              and not _LISTED.search(norm.text, max(0, f.span.start - 40), f.span.start)
              # (a factor of a formula: "预算执行率×20分=96.39%×20=19.28分")
              and not _FACTOR.search(norm.text, max(0, f.span.start - 2), f.span.start)
              and not _FORMULA_NEXT.match(norm.text, f.span.end)
              and not band_bound(norm.text, f)  # ("得分90分(含)以上的16个", "60分(含)至75分": a band's bound)
              and not _WEIGHT_BEFORE_SCORE.match(norm.text, f.span.end)  # ("资金执行(10分)得8.1分": its weight)
              and not _GRADED.match(norm.text, f.span.end)  # ("2022年评价得分为76.5分(中)": graded already)
              # ("复核得分88.75分,比评价得分低4.25分": a gap between two scores; "项目效益(30分)": a level's weight)
              and not cue("score_gap").search(f.label)
              # ("1.个别项目档案资料不完整(-2分);…", "扣0.5分": points taken off, no score of the whole)
              and not _TAKEN_OFF.search(norm.text, max(0, f.span.start - 2), f.span.start)
              and not (_OPEN_BEFORE.search(norm.text, max(0, f.span.start - 3), f.span.start)
                       and _CLOSE_AFTER.match(norm.text, f.span.end))]
    cells = None  # (the band tables set a cell a line, and the scores: looked for once a grade is found)
    bands = None  # (the bands a report states: looked for once a grade is found, not in every document)
    own_scale = False
    score_lines = None  # (the scores and their lines, for the look-up near each grade: worked out once a list)
    stated: list[int] | None = None
    revised: list[Fact] | None = None
    out = []
    for m in _GRADE.finditer(norm.text):
        if cells is None:
            cells = [(a, b) for a, b, _ in band_cells(norm.text)]
            scores = _merge(scores, _score_cells(norm.text, facts, cue) + _bare_scores(norm.text, facts, cue))
        if any(a <= m.start(1) < b for a, b in cells):
            continue  # ("评价等级 ⏎ 优秀 ⏎ 85分(含)以上 ⏎ 良好 ⏎ …": a band table's first grade, no grade given)
        if _COUNTED.match(norm.text, m.end(1)):
            continue  # "48个项目评价等级为“优”有37个": how many projects got that grade, not a grade of a score
        if in_other_period_bracket(norm.text, m.start()) or _in_year_bracket(norm.text, m.start()):
            # "本年度自评得分92分,较上年(86分,等级为良)提高6分", "…(2022年度该项目自评等级为“优”、得分为93.60分…)": another
            # year's grade
            continue
        before = norm.text[last_of(norm.text, "。;\n", m.start()) + 1:m.start()]
        if _NOT_THIS_GRADE.search(before):
            # "无等级为“差”的项目", "得分90分(含)以上的16个,等级为“优”", "满意度测评等级为“良”", "上年度…评价等级
            # 为“良”" (a table's row too, "| 上年度自评等级 | 良 |"): no grade, a grade of a count, of a survey, of
            # another year's evaluation
            continue
        if _BAND_RULE.search(before):
            continue  # "得分在75分(含)至85分之间的,评定为良好": a band's rule, no grade given
        if _BAND_AFTER.match(norm.text, m.end(1)) and not _GIVEN.search(norm.text, m.start(), m.start(1)):
            continue  # "评价结果分为优秀(85分及以上)、良好…": the bands, no grade given ("等级为良(95分)" is one)
        if _BAND_LIST.match(norm.text, m.end(1)):
            continue  # "评价等级:优(≥90分);良(≥80分且<90分);…": every grade with its band, none given
        start, end = m.start(1), m.end(1)
        line, column = norm.line_col(start)
        span = Span.model_construct(start=start, end=end, line=line, column=column)
        if bands is None:
            bands, own_scale = _bands(norm.text)
            # (a band's bound is no score: "得分88.5分,按照“…60分(含)—80分为中、60分以下为差”的标准,评价等级为良")
            bounds = [b.span() for pattern, anchor in zip(_BAND_BOUNDS, _BOUND_ANCHORS)
                      for b in _matches(pattern, norm.text, anchor)] + cells
            if bounds:
                scores = [f for f in scores if not any(a <= f.span.start < b for a, b in bounds)]
        if score_lines is None or score_lines[0] is not scores:
            score_lines = (scores, _lines_of(scores))
        score = _score_for(m.start(), scores, norm, lines=score_lines[1])
        weighted = _after_weighted_parts(norm.text, score, listed, facts, m.start()) \
            if score is not None and listed and score.id in listed and score.span.end <= m.start() else None
        if weighted == "part":
            continue  # ("…;效益指标20分,得分12分,效益指标等级为“中”": the level's grade, out of its weight — left unchecked)
        if score is not None and listed and score.id in listed and score.span.end <= m.start() \
                and (_SENTENCE_END.search(norm.text, score.span.end, m.start()) or weighted == "total"):
            # ("…绩效得分94.5分,其中:投入指标20分,得分19分;…效益指标20分,得分19分。自评等级为“优”": a grade said after a
            # list of scores whose total is stated is the total's, not the last part's — unless that total is itself
            # no score a grade may follow from, a level's)
            total = listed[score.id]
            if any(f.id == total.id for f in scores):
                score = total
        if score is not None and (_out_of_other(norm.text, score) or _other_year(norm.text, score, m.start())):
            # "项目决策(满分20分)得分18分,评价为优": a part's score, not out of 100; "2022年度…等级为良,
            # 2023年度…得分92分": the grade of another year than the score's — the next score said with
            # it, if one is ("得分92分,…(2022年度得分85分),自评等级为优"), else no grade to check
            score = _score_for(m.start(), [f for f in scores if not _out_of_other(norm.text, f)
                                           and not _other_year(norm.text, f, m.start())], norm, near_only=True)
            if score is None:
                continue
        if score is not None and score.span.end <= m.start():
            whole = _whole_grades_score(norm.text, m.start(), score, scores, cue)
            if whole is False:
                continue  # (the whole's grade, no score of the whole before it: a project's score is none of its)
            score = whole or score
        if stated is None:  # (every score the prose states, but averages: the sentences that state one)
            stated = [f.span.start for f in facts if f.kind == "score" and not f.in_table
                      and not cue("average_score").search(f.label)]
        if _other_subjects_grade(norm.text, m, score, stated, cue, year):
            continue
        if score is not None and score.span.end <= m.start():
            named = _score_of_named_subject(norm.text, m.start(), score, scores)
            if named is False:
                continue
            score = named or score
        if score is not None and score.span.end <= m.start() and _another_score_before_in_sentence(
                norm.text, m.start(), score, scores, listed):
            # ("本项目自评总分93分。评价等级为优。项目整体满意度82分,等级为良": the grade's own sentence states another
            # score before it — a survey's, a part's: the grade is that one's, not the total's across the sentence)
            continue
        if score is not None:
            # ("单位自评得分95.20分,经第三方机构复核调整为88.40分,最终评价等级为“良”": the score as revised is the one graded)
            if revised is None:  # (the scores named as revised, in the figures' order: found once, not a walk of
                # every figure for each grade — quadratic in a long text)
                revised = [f for f in facts if f.kind == "score" and cue("score_revised").search(f.label)]
            score = next((f for f in reversed(revised) if score.span.end <= f.span.start < m.start()
                          and f.span.line == score.span.line and not _SENTENCE_END.search(norm.text, score.span.end, f.span.start)),
                         score)
        out.append(Grade.model_construct(grade=GRADE_WORDS[m.group(1)], text=norm.original[start:end], span=span,
                                         score=score, bands=bands, own_scale=own_scale))
    respective = _respective_grades(norm, facts, cue)
    if respective:
        if bands is None:
            bands, own_scale = _bands(norm.text)
        out.extend(Grade.model_construct(grade=grade, text=text, span=span, score=score, bands=bands, own_scale=own_scale,
                                         respective=True)
                   for grade, text, span, score in respective)
    return out


# grades said one for each of a run of scores said before them ("自评得分分别为96分、88分、72分,评价等级分别为优、良、中")
_RESPECTIVE_GRADES = lazyre.compile(r"(?:等级|等次|评级)(?:分别|依次)(?:为|是)?:?\s*((?:[“\"]?" + r"(?:优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差)"
                                    r"[”\"]?\s*(?:[、,和及与]\s*)?){2,})")
_ONE_GRADE = lazyre.compile(r"优秀|优|良好|良|中等|中|不合格|合格|及格|较差|差")
_RUN_OPENS = lazyre.compile(r"(?:分别|依次)(?:为|是|达到|得)?\s*$")
_RUN_JOINS = lazyre.compile(r"\s*(?:、|和|及|与|,)\s*")


def _respective_grades(norm: Normalised, facts: list[Fact], cue) -> list[tuple[str, str, Span, Fact]]:
    """(grade, text, span, score) of each grade of a run said 分别 / 依次 ("评价等级分别为“优”“良”“中”") after a run of as
    many total scores said so in its sentence, right before the grades' clause ("三个项目的综合得分分别为92分、86分、78分,"):
    the first grade the first score's, and so on.  A run of another count, of amounts, or grades said first ("近三年自评
    等级分别为良、良、优,对应得分依次为…") pair nothing; nor grades whose own words name a year or a subject
    ("上年评价等级分别为…", "3个重点项目评价等级分别为…": cue grades_respective_lead), nor scores said of another year
    ("上年得分分别为…": cue grades_respective_other_year)."""
    out = []
    lead_cue, other_year = cue("grades_respective_lead"), cue("grades_respective_other_year")
    # (the scores of prose, and where they start: a sentence's scores found by bisection when they are in text order,
    # not every figure of the text walked for each run of grades)
    prose_scores = [f for f in facts if f.kind == "score" and not f.in_table]
    score_starts = [f.span.start for f in prose_scores]
    in_order = all(a <= b for a, b in zip(score_starts, score_starts[1:]))
    for m in _RESPECTIVE_GRADES.finditer(norm.text):
        grades = list(_ONE_GRADE.finditer(norm.text, m.start(1), m.end(1)))
        begin = last_of(norm.text, "。;\n", m.start()) + 1
        clause = last_of(norm.text, ",", m.start())
        if clause < begin or not lead_cue.fullmatch(norm.text, clause + 1, m.start()):
            continue
        among = prose_scores[bisect_left(score_starts, begin):bisect_right(score_starts, clause)] if in_order \
            else prose_scores
        scores = [f for f in among if begin <= f.span.start and f.span.end <= clause]
        # (the run: the scores right before the grades' clause, joined by 、/和 alone, opened by 分别 / 依次)
        run: list[Fact] = []
        for f in reversed(scores):
            gap = norm.text[f.span.end:run[0].span.start] if run else norm.text[f.span.end:clause]
            if gap.strip() and not _RUN_JOINS.fullmatch(gap):
                break
            run.insert(0, f)
        if len(run) != len(grades) or not _RUN_OPENS.search(norm.text, begin, run[0].span.start) \
                or other_year.search(norm.text, begin, run[0].span.start):
            continue
        for g, f in zip(grades, run):
            line, column = norm.line_col(g.start())
            span = Span.model_construct(start=g.start(), end=g.end(), line=line, column=column)
            out.append((GRADE_WORDS[g.group()], norm.original[g.start():g.end()], span, f))
    return out


def _whole_grades_score(text: str, at: int, score: Fact, scores: list[Fact], cue) -> Fact | bool | None:
    """A grade its clause gives to the unit as a whole ("部门整体评价等级为“优”", "本单位整体评价等级为“优”") after a
    score a project's name labels ("其中重点项目“校舍维修改造”得分88分", "得分最低的为“农机购置补贴”项目82分"): the grade
    is the whole's, not the project's — the latest score of the whole before it, within its six lines (cue whole_grade;
    the whole's score by cue whole_department); False when there is none (no grade of a score read); None when the
    grade or the score is not so named (the score found stands)."""
    clause = text[last_of(text, "。;\n,", at) + 1:at]
    if not cue("whole_grade").search(clause):
        return None
    if not cue("project_score_label").search(score.label) or cue("whole_department").search(score.label):
        return None
    line = score.span.line
    whole = [f for f in scores if f.span.end <= score.span.start and line - f.span.line <= 6
             and cue("whole_department").search(f.label) and not cue("project_score_label").search(f.label)]
    return whole[-1] if whole else False


def level_lines_score(text: str, score: Fact, cue) -> bool:
    """A score named by 得分 alone on a line that opens with a level's name ("预算执行:全年预算数520万元,…,得分9.74分";
    cue part_score_line) is that level's, out of its weight: a grade lines below follows the total, not it."""
    if not cue("score_got").match(score.label.strip(" :,")):
        return False
    return bool(cue("part_score_line").match(text[text.rfind("\n", 0, score.span.start) + 1:score.span.start]))


def _after_weighted_parts(text: str, last: Fact, listed: dict[int, Fact], facts: list[Fact], at: int) -> str | None:
    """Whose is the grade at `at` that follows, after a comma, the last part of a ;-separated list whose parts each
    carry their own weight and score ("…得分84.5分,其中:投入指标20分,得分17分;…;效益指标20分,得分17分,自评等级为“良”")?
    The total's ("total") — the parts are levels out of their weights —, unless its clause names the part ("part": "…,
    该指标等级为…", "…,效益指标等级为…"); None when the grade stands otherwise."""
    total = listed[last.id]
    tail = text[last.span.end:at]
    if not tail.lstrip().startswith(",") or any(c in tail for c in ";:\n。!?"):
        return None
    parts = [f for f in facts if f.kind == "score" and listed.get(f.id) is total and f.span.end <= last.span.end]
    pieces = text[total.span.end:last.span.end].split(";")
    if len(pieces) < 2:
        return None
    offset = total.span.end
    named = ""
    for piece in pieces:  # (each piece of the list: one weight and its score, "投入指标20分,得分17分")
        inside = [f for f in parts if offset <= f.span.start < offset + len(piece)]
        if len(inside) != 2 or inside[0].value < inside[1].value:
            return None
        named = text[offset:inside[0].span.start]
        offset += len(piece) + 1
    name = _PART_NAME.search(named)
    clause = text[last.span.end:at]
    return "part" if _THIS_PART.search(clause) or (name and name.group() in clause) else "total"


# the name a part of a score list goes by ("效益指标", "产出"), and a clause that says it speaks of that part
_PART_NAME = lazyre.compile(r"[\u4e00-\u9fff]{2,12}$")
_THIS_PART = lazyre.compile(r"该(?:指标|项|部分|类)|此(?:项|类)|本(?:项|类)指标|其中")

_STOPS = "。!?\n"
# a year a statement is of ("2022年度该项目…"), not a date in it ("2024年1月完成验收", "2023年底")
_YEAR_OF = lazyre.compile(r"((?:19|20)\d{2})\s*年度?(?!\s*[\d一二三四五六七八九十]{1,2}\s*月|底|末|初)")
# a grade given, to one subject or to several ("…自评等级均为“优”")
_GRADES_SAID = lazyre.compile(r"(?:等级|等次|评级|评价结果|评定结果|自评结果|考评结果|评价为|自评为|评定为|评为)(?:均|都|全部|皆|也)?"
                              r"(?:为|是|:)?[“\"'「『]?(优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差)(?=[”\"'」』\s,。;:)]|$)")


def _other_subjects_grade(text: str, m: re.Match[str], score: Fact | None, stated: list[int], cue, year: str | None) -> bool:
    """The grade's sentence states no score of its own and gives its grade to another subject or year than a score
    before it: a grade of its own for each of several ("…3个单位自评等级为“优”,县疾控中心…2个单位自评等级为“良”",
    "县农业技术推广中心…自评等级均为“优”,县农业综合执法大队自评等级为“中”": two grades, none the one score's), of a
    count of items ("其中6个项目等级为“优”"), of a part ("其中效益指标中“教学质量提升”一项…等级为“中”"), of another
    year ("2022年度该项目经县财政局重点评价,评价等级为“优”" after this year's score).  The score before was
    graded in its own sentence, or not: either way this grade is none of its — left unchecked.  (stated: the offsets,
    ascending, of the scores the prose states.)"""
    begin = last_of(text, _STOPS, m.start()) + 1
    end = min((i for i in (text.find(c, m.end()) for c in _STOPS) if i >= 0), default=len(text))
    clause = text[max(begin - 1, *(text.rfind(c, begin, m.start()) for c in ",、;:")) + 1:m.start()]
    if cue("graded_items").search(clause):
        return True  # ("部门整体支出绩效得分96分,2个项目等级为良": a count of items graded, whatever score the sentence states)
    if bisect_left(stated, begin) < bisect_left(stated, end):
        return False  # (a score in the sentence, its own or its parts' — not an average of several —: _score_for decides)
    sentence = text[begin:end]
    if len({GRADE_WORDS[g.group(1)] for g in _GRADES_SAID.finditer(sentence)}) > 1:
        return True
    if cue("part_of_the_whole").match(sentence.lstrip()):
        return True
    years = {y.group(1) for y in _YEAR_OF.finditer(text, begin, m.start())}
    own = period_of(score, year) if score is not None else year
    return bool(years) and own is not None and own.isdigit() and own not in years


_GRADE_NAME = r"(优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差|一般(?![\u4e00-\u9fff]))"
# a band described in a form stated_bands does not read: a grade's name within a few words of a score's bound
# ("分别对应总分85分以上、75～84分…", "良好:75分(含)—85分", "70分以下较差", "优秀(总分85分以上,含85分)")
_SCORE_BOUND = r"\d{2,3}(?:\.\d+)?\s*分?\s*(?:\(不?含\))?\s*(?:(?:及|或)?以上|以下|[-~～—–至到]\s*\d{2,3})(?!\d*\s*分?\s*的\s*\d)|[≥≤<>]\s*\d{2,3}"
# a clause that states a band's range as a condition ("得分在75分(含)至85分之间的,", "85分以上(含85分)的,"): the grade
# given after it is the band's
_BAND_RULE = lazyre.compile(r"(?:" + _SCORE_BOUND + r")[^,;。]{0,12}?(?:的|者)\s*,?\s*$")
# (each a pattern of its own, the ones that open with a word of their own first: one alternation that may
# open with a digit is tried at every position of the text, the word-led ones alone only where their word stands)
_BAND_MENTIONS = (
    lazyre.compile(r"(?:优秀|优|良好|良|中等|合格|及格|较差|不合格|差)[^。]{0,24}?(?:" + _SCORE_BOUND + r")"),
    # (bands named by letters: "A(95分及以上)、B(85分(含)—95分)…")
    lazyre.compile(r"[A-D](?<![A-Za-z][A-D])\s*(?:档|级|等)?\s*\(\s*(?:" + _SCORE_BOUND + r")"),
    # (or named as such: "分界分数依次为85分、75分和60分", "得分区间 ≥85 [75,85)"; not a standard
    # only referred to, "按照评价等级划分标准")
    lazyre.compile(r"分界分数|分数段|得分区间|分数区间|评分区间|分值区间|分数线"),
    lazyre.compile(r"(?:" + _SCORE_BOUND + r")[^。]{0,12}?(?:优秀|优|良好|良|中等|合格|及格|较差|不合格)"),
)
# (一般: a band some schemes name for 中 — "70分(不含)至80分(含)为一般" —, never 一般公共预算 and the like)
_GRADE_WORDS = r"(?:优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差|一般(?![\u4e00-\u9fff]))"
# (a bound that another grade's name follows is that grade's, not the one before the bracket)
_NOT_OTHERS = r"(?!\s*分?\s*(?:\(含\))?\s*(?:的|者)?\s*(?:为|评为|定为)\s*[“\"]?" + _GRADE_WORDS + ")"
_SCORE_NUMBER = r"(\d{2,3}(?:\.\d+)?)"
# the bands a report states: "85分(含)以上为优", "优秀(85分及以上)", "优(≥85分)", "70(含)-85分为良", "良好(75-85分)"
_BAND_STATEMENTS = (
    # ("85分以上(含85分)为优": the bound said again in the bracket; a space or a line break before the grade only with
    # the verb that gives it — "85分(含)以上 ⏎ 良好" is a band table's cell and the next grade's name, its grade before it)
    lazyre.compile(_SCORE_NUMBER + r"分?\s*(?:\(不?含\))?\s*(?:及|或)?以上(?:\s*(?=(?:\(含[^()]*\))?(?:的|者)?(?:为|评为|定为|属于|是)))?"
                   r"(?:\(含\s*\d+(?:\.\d+)?\s*分?\))?(?:的|者)?(?:为|评为|定为|属于|是)?[“\"]?" + _GRADE_NAME),
    # "得分≥85分为优", "75分≤得分<85分为良"
    lazyre.compile(r"(?:≥|>=|大于等于|不低于)\s*" + _SCORE_NUMBER + r"\s*分?\s*(?:的|者)?(?:为|评为|定为)[“\"]?" + _GRADE_NAME),
    lazyre.compile(_SCORE_NUMBER + r"\s*分?\s*(?:≤|<=)\s*(?:得分|总分|分数|评分)\s*[<≤]\s*\d{2,3}(?:\.\d+)?\s*分?\s*"
                   r"(?:的|者)?(?:为|评为|定为)[“\"]?" + _GRADE_NAME),
    # (not "评价等级为“良”(90分及以上为优,…)": a grade given, then every band — the bracket's first bound is 优's)
    lazyre.compile(_GRADE_NAME + r"[”\"]?\s*[(:]\s*(?:≥|>=|大于等于|不低于)\s*" + _SCORE_NUMBER + _NOT_OTHERS),
    lazyre.compile(_GRADE_NAME + r"[”\"]?\s*\(\s*" + _SCORE_NUMBER + r"分?\s*(?:\(含\))?\s*(?:及|或)?以上" + _NOT_OTHERS),
    lazyre.compile(_SCORE_NUMBER + r"\s*(?:分)?\s*(?:\(不?含\))?\s*[-~—至到]\s*\d{2,3}(?:\.\d+)?\s*分?\s*(?:\(不?含\))?\s*"
                   r"(?:之间)?(?:的|者)?(?:为|评为|定为)[“\"]?" + _GRADE_NAME),
    lazyre.compile(_GRADE_NAME + r"[”\"]?\s*\(\s*" + _SCORE_NUMBER + r"\s*(?:分)?\s*(?:\(含\))?\s*[-~—至到]\s*\d{2,3}"
                   r"(?:\.\d+)?" + _NOT_OTHERS),
    # "良好(75分≤得分<90分)", "良(75分≤总分<90分)"
    lazyre.compile(_GRADE_NAME + r"[”\"]?\s*\(\s*" + _SCORE_NUMBER + r"\s*分?\s*(?:≤|<=)\s*(?:得分|总分|分数|评分|综合得分)\s*[<≤]"),
)
# a grade's band as a report states it, its bound(s) and the grade: "60分以下为差", "80≤得分<90分为良", "75-89分为良好",
# "得分90—100分为优", "优(90-100分)"
_NUMBER = r"\d{1,3}(?:\.\d+)?\s*分?\s*(?:\(不?含\))?\s*"
_GIVEN_GRADE = r"(?:之间)?(?:的|者)?\s*(?:为|评为|定为|属于?)[“\"]?" + _GRADE_WORDS
_BAND_BOUNDS = (
    lazyre.compile(r"[≥≤<>]\s*" + _NUMBER + _GIVEN_GRADE),  # "得分<60分为差"
    lazyre.compile(_NUMBER + r"(?:及|或)?(?:以上|以下|以内)" + _GIVEN_GRADE),  # "60分以下为差"
    lazyre.compile(_NUMBER + r"[-~—–至到≤<]\s*(?:得分\s*[≤<]\s*)?" + _NUMBER + _GIVEN_GRADE),  # "75-89分为良好"
    lazyre.compile(_GRADE_WORDS + r"[”\"]?\s*\(\s*(?:[≥>]\s*)?" + _NUMBER +  # "优(90-100分)", "优秀(85分及以上)"
                   r"(?:(?:及|或)?以上|[-~—–至到]\s*\d{1,3}(?:\.\d+)?\s*分?)\s*\)"),  # (not "良(95分)": a score)
    lazyre.compile(_NUMBER + r"[≤<]\s*" + _GRADE_WORDS + r"(?![\u4e00-\u9fff])"),  # "80分≤良<90分"
    lazyre.compile(_GRADE_WORDS + r"\s*[≥>]\s*" + _NUMBER),  # "优≥90分"
)
# A band pattern that opens with its score tries a match at every digit of the text (a report has thousands).
# Each such match has a word of its own ("以上", "≤", a dash …) after the score, with only digits, white
# space and a few other characters before it: (that word, those other characters), for `_matches`; None
# for a pattern that opens with a word of its own.
_STATEMENT_ANCHORS = (
    (lazyre.compile("以上"), ".分(不含)及或"),
    None,
    (lazyre.compile("≤|<="), ".分"),
    None,
    None,
    (lazyre.compile("[-~—至到]"), ".分(不含)"),
    None,
    None,
)
_BOUND_ANCHORS = (
    None,
    (lazyre.compile("以[上下内]"), ".分(不含)及或"),
    (lazyre.compile("[-~—–至到≤<]"), ".分(不含)"),
    None,
    (lazyre.compile("[≤<]"), ".分(不含)"),
    None,
)


def _matches(pattern, text: str, anchor) -> list[re.Match[str]]:
    """pattern.finditer(text), the same matches.  With an anchor (word, characters): a match can
    start only at a digit from which digits, white space and those characters run on to the
    word, so the pattern is tried only at those digits, left to right, each after the last match."""
    if anchor is None:
        return list(pattern.finditer(text))
    word, between = anchor
    starts: list[int] = []
    for w in word.finditer(text):
        k = at = w.start()
        while k > 0 and (text[k - 1].isdecimal() or text[k - 1].isspace() or text[k - 1] in between):
            k -= 1  # (\d is a decimal digit, \s white space, as str.isdecimal and str.isspace tell)
        starts.extend(j for j in range(k, at) if text[j].isdecimal())
    out: list[re.Match[str]] = []
    end = 0
    for start in sorted(set(starts)):
        if start >= end:
            m = pattern.match(text, start)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


_BAND_AFTER = lazyre.compile(r"[”\"']?\s*\(\s*(?:≥|>=|大于|不低于)?\s*\d+(?:\.\d+)?\s*分?\s*(?:\(含\))?\s*"
                             r"(?:及|或)?(?:以上|以下|-|~|—|至|到)")
# a grade's bracket, then another grade with a bracket of its own: a list of bands
# ("优:总分≥90;良:90>总分≥80;…" the same with colons)
_BAND_LIST = lazyre.compile(r"[”\"']?\s*(?:\([^()]{1,30}\)|:[^;。\n]{1,30})\s*[;,、]\s*[“\"']?"
                            + _GRADE_WORDS + r"[”\"']?\s*[(:]")
_GIVEN = lazyre.compile(r"(?:为|是|:|评为|定为)\s*[“\"'「『]?$")  # a grade given ("等级为良"), not a band named


def stated_bands(text: str) -> tuple[tuple[str, Decimal], ...]:
    """The lower bound of each grade the text states for its grades (merged over the statements;
    a grade stated twice with two bounds is no band the text agrees on, and all are dropped)."""
    found: dict[str, set[Decimal]] = {}
    for pattern, anchor in zip(_BAND_STATEMENTS, _STATEMENT_ANCHORS):
        for m in _matches(pattern, text, anchor):
            number, name = (m.group(1), m.group(2)) if m.group(1)[0].isdigit() else (m.group(2), m.group(1))
            found.setdefault(GRADE_WORDS[name], set()).add(Decimal(number))
    for name, bound in [*_band_rows(text), *_respective_bands(text),
                        *(pair for _, _, pairs in band_cells(text) for pair in pairs)]:
        found.setdefault(name, set()).add(bound)
    if not found or any(len(v) > 1 for v in found.values()):
        return ()
    return tuple(sorted(((name, next(iter(v))) for name, v in found.items()), key=lambda b: b[1], reverse=True))


# bands stated as two runs, the grades then 分别 their ranges in the same order: "评价结果分为“优秀”“良好”“合格”“不合格”
# 四个等级,对应综合得分分别为90分(含)以上、75分(含)至90分、60分(含)至75分、60分以下", "分为优、良、中、差四个等级,对应的
# 得分区间分别为[85,100]、[75,85)、[60,75)、[0,60)", "“优”“良”“中”“差”四级,分别对应总分85分以上、75~84分…"
_GRADE_PLAIN = r"(?:优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差)"
# (the 中 of 其中 is no grade: "其中优、良…分别为…")
_GRADE_RUN = lazyre.compile(r"(?<!其)[“\"]?" + _GRADE_PLAIN + r"(?:[”\"]?\s*[、,和及与]?\s*[“\"]?" + _GRADE_PLAIN + r"){1,4}[”\"]?"
                            r"[^。;\n\d]{0,30}$")
_RANGE = (r"(?:[\[(]\s*\d{1,3}(?:\.\d+)?\s*,\s*\d{1,3}(?:\.\d+)?\s*[\])]|\d{1,3}(?:\.\d+)?\s*分?\s*(?:\(不?含\))?\s*"
          r"(?:(?:及|或)?(?:以上|以下)|[-~—–至到]\s*\d{1,3}(?:\.\d+)?\s*分?\s*(?:\(不?含\))?))")
_RANGE_RUN = lazyre.compile(r"(?:对应|为|是)?[^。;\n\d\[(]{0,12}?(" + _RANGE + r"(?:\s*[、,和及与]\s*" + _RANGE + r"){1,4})")
_ONE_RANGE = lazyre.compile(_RANGE)
_RANGE_LOW = lazyre.compile(r"[\[(]?\s*(\d{1,3}(?:\.\d+)?)")


def _respective_bands(text: str) -> list[tuple[str, Decimal]]:
    """(grade, lower bound) of bands stated as a run of grades, then 分别 a run of as many ranges in the same order
    (_GRADE_RUN, _RANGE_RUN); nothing unless the counts agree and the bounds run in order."""
    out: list[tuple[str, Decimal]] = []
    k = text.find("分别")
    while k >= 0:
        names_at = _GRADE_RUN.search(text, max(0, k - 60), k)
        ranges_at = _RANGE_RUN.match(text, k + 2) if names_at else None
        if ranges_at:
            names = [GRADE_WORDS[n] for n in re.findall(_GRADE_PLAIN, names_at.group())]
            ranges = _ONE_RANGE.findall(ranges_at.group(1))
            lows = [Decimal(0) if r.rstrip().endswith("以下") else Decimal(_RANGE_LOW.match(r).group(1)) for r in ranges]
            ordered = all(a > b for a, b in zip(lows, lows[1:])) or all(a < b for a, b in zip(lows, lows[1:]))
            if len(names) == len(lows) == len(set(names)) and ordered:
                out.extend(zip(names, lows))
        k = text.find("分别", k + 2)
    return out


# a band table set as two lines: the grades, then each grade's range in the same order ("等级 优秀 良好 中等 差" /
# "分数段 85分(含)以上 75分(含)—85分 60分(含)—75分 60分以下")
_GRADES_LINE = lazyre.compile(r"^[^\S\n]*(?:等级|评价等级|等次)[^\S\n|]*[|]?((?:[^\S\n]*[|]?[^\S\n]*(?:" + _GRADE_NAME[1:-1] +
                              r")){3,5})[^\S\n|]*[|]?[^\S\n]*\n[^\S\n]*(?:分数段|分值区间|得分区间|分数区间|评分区间|分数)"
                              r"[^\S\n|]*[|]?([^\n]+)", re.M)
_RANGE_CELL = lazyre.compile(r"(\d{1,3}(?:\.\d+)?)\s*分?\s*(?:\(含\))?\s*(以下|以上|[-~—–至到]\s*\d{1,3}(?:\.\d+)?\s*分?)")


def _band_rows(text: str) -> list[tuple[str, Decimal]]:
    """(grade, lower bound) of a band table set as two lines; nothing unless every grade has its range."""
    out: list[tuple[str, Decimal]] = []
    if "分数" not in text and "区间" not in text:
        return out
    for m in _GRADES_LINE.finditer(text):
        names = re.findall(_GRADE_NAME, m.group(1))
        ranges = _RANGE_CELL.findall(m.group(2))
        if len(names) != len(ranges):
            continue
        out.extend((GRADE_WORDS[n], Decimal(0) if kind == "以下" else Decimal(low)) for n, (low, kind) in zip(names, ranges))
    return out


# a band table set a cell a line (or a row a line), each grade before its range: "优秀 ⏎ 85分(含)以上 ⏎ 良好 ⏎ 75分(含)至85分
# ⏎ 合格 ⏎ 60分(含)至75分 ⏎ 不合格 ⏎ 60分以下" (or "优秀 | 85分(含)以上"); the range's lower bound is the grade's
_CELL_EDGE = r"[^\S\n|]*\|?[^\S\n|]*"
_CELL_GRADE = lazyre.compile(_CELL_EDGE + _GRADE_NAME + r"[^\S\n|]*\|?(?:[^\S\n|:]*[|:][^\S\n|]*|[^\S\n]+|$)")
_CELL_RANGE = lazyre.compile(
    r"(?:≥|>=|大于等于|不低于)\s*(\d{1,3}(?:\.\d+)?)\s*分?\s*(?:\(含\))?|(?:<|≤|<=|低于|小于)\s*\d{1,3}(?:\.\d+)?\s*分?()|"
    r"(\d{1,3}(?:\.\d+)?)\s*分?\s*(?:\(不?含\))?\s*(?:(?:及|或)?(以上|以下)|[-~—–至到]\s*(\d{1,3}(?:\.\d+)?)\s*分?"
    r"\s*(?:\(不?含\))?)")
# a total score set a cell a line, its label on the line before and its figure alone, written without 分: "本部门自评得分 ⏎
# 86.5" (the report's own total by its label: cue own_score_label, 0 to 100)
_SCORE_CELL = lazyre.compile(r"[^\S\n|]*\|?[^\S\n|]*(\d{1,3}(?:\.\d+)?)[^\S\n|]*\|?[^\S\n]*(?=\n|$)")


def _score_cells(text: str, facts: list[Fact], cue) -> list[Fact]:
    """The total scores set a cell a line without 分 (_SCORE_CELL), as scores: read as bare numbers, their label a line
    away, they are the score a grade set a cell a line below them follows from."""
    out = []
    own = cue("own_score_label")
    for f in facts:
        if f.kind != "number" or f.in_table or f.written_unit or not Decimal(0) <= f.value <= 100:
            continue
        line = text.rfind("\n", 0, f.span.start) + 1
        if line == 0 or not _SCORE_CELL.match(text, line):
            continue
        label = text[text.rfind("\n", 0, line - 1) + 1:line - 1].strip(" \t|:")
        if own.fullmatch(label):
            out.append(f.model_copy(update={"kind": "score", "unit": "分"}))
    return out


def _bare_scores(text: str, facts: list[Fact], cue) -> list[Fact]:
    """The report's own total score written in prose without 分 ("自评得分92.45,综合评价结果为:优", "本项目自评得分为86.5"):
    a bare number of 0 to 100 right after its label (cue own_score_label), as a score."""
    out = []
    own = cue("own_score_label")
    for f in facts:
        if f.kind != "number" or f.in_table or f.written_unit or not Decimal(0) <= f.value <= 100 or f.decimals > 2:
            continue
        before = text[max(0, f.span.start - 40):f.span.start]
        label = re.split(r"[,;:。!?\n|]", before)[-1].strip()
        if label and own.fullmatch(label) and not _DIGIT_AFTER.match(text, f.span.end):
            out.append(f.model_copy(update={"kind": "score", "unit": "分"}))
    return sorted(out, key=lambda f: f.span.start)


_DIGIT_AFTER = lazyre.compile(r"\s*(?:[\d.%‰/]|[个项次名位户人元年月日])")


def _merge(scores: list[Fact], more: list[Fact]) -> list[Fact]:
    """Two lists of facts in text order, as one."""
    return sorted([*scores, *more], key=lambda f: f.span.start) if more else scores


_CELL_END = lazyre.compile(r"[^\S\n|]*\|?[^\S\n]*$")
_MIN_BANDS = 3  # (fewer pairs of a grade and a range are no band table: a grade given, and a range said of something)


@lru_cache(maxsize=4)  # (asked twice of a text with a grade: for the grades and for the bands it states)
def band_cells(text: str) -> tuple[tuple[int, int, tuple[tuple[str, Decimal], ...]], ...]:
    """(start, end, ((grade, lower bound)…)) of each band table set a cell a line or a row a line: at least three grades,
    each followed by its range on its line or the next, none twice, their bounds in order (descending or ascending)."""
    out: list[tuple[int, int, tuple[tuple[str, Decimal], ...]]] = []
    if not any(w in text for w in ("优", "良", "合格", "及格", "差")):
        return ()
    pairs: list[tuple[str, Decimal]] = []
    start = pending = None
    at = 0

    def close(end: int) -> None:
        if not pairs:
            return  # (most lines: no pairs to close)
        names = [n for n, _ in pairs]
        bounds = [b for _, b in pairs]
        ordered = all(a > b for a, b in zip(bounds, bounds[1:])) or all(a < b for a, b in zip(bounds, bounds[1:]))
        if len(pairs) >= _MIN_BANDS and len(set(names)) == len(names) and ordered:
            out.append((start, end, tuple(pairs)))
        pairs.clear()

    for line in text.split("\n"):
        end = at + len(line)
        grade = _CELL_GRADE.match(line)
        rest = line[grade.end():] if grade else line
        number = _CELL_RANGE.match(rest.lstrip(" \t|")) if rest.strip(" \t|") else None
        ranged = number is not None and _CELL_END.match(rest.lstrip(" \t|"), number.end()) is not None
        if grade and ranged:  # (a row a line: "优秀 | 85分(含)以上")
            if pending is not None:
                close(at)
            if not pairs:
                start = at
            pairs.append((GRADE_WORDS[grade.group(1)], _lower(number)))
            pending = None
        elif grade and not rest.strip(" \t|"):  # (a grade alone on its line: its range on the next)
            if pending is not None:
                close(at)
            pending = (GRADE_WORDS[grade.group(1)], at)
        elif ranged and pending is not None:
            if not pairs:
                start = pending[1]
            pairs.append((pending[0], _lower(number)))
            pending = None
        elif line.strip():
            close(at)
            pending = None
        at = end + 1
    close(len(text))
    return tuple(out)


def _lower(m: re.Match[str]) -> Decimal:
    """The lower bound of a range cell (_CELL_RANGE): ≥85 → 85, "<60" and "60分以下" → 0, "75至85分" → 75."""
    if m.group(1):
        return Decimal(m.group(1))
    if m.group(2) is not None or m.group(4) == "以下":
        return Decimal(0)
    low = Decimal(m.group(3))
    return min(low, Decimal(m.group(5))) if m.group(5) else low


_OUT_OF = lazyre.compile(r"(?:满分|(?<![价评得])分值|标准分|权重)\s*(?:为|是|:)?\s*(\d+(?:\.\d+)?)\s*分?")
_OUT_OF_HUNDRED = lazyre.compile(r"(?:满分|总分|分值|标准分)\s*(?:为|是|:)?\s*100(?:\.0+)?\s*分?")


def _out_of_other(text: str, score: Fact) -> bool:
    """The score is said to be out of another maximum than 100 (满分20分, 分值10分) in its sentence
    ("满意度指标:分值10分,得分9分,…,总体评价为优")."""
    start = last_of(text, ";。\n", score.span.start) + 1
    stop = min((i for i in (text.find(c, score.span.end) for c in ",;。\n") if i >= 0), default=len(text))
    maxima = [Decimal(m.group(1)) for m in _OUT_OF.finditer(text, start, stop)]
    # ("满分100分,其中预算执行率权重10分,自评得分82分": the score is out of the 100 its sentence states)
    return bool(maxima) and 100 not in maxima and not _OUT_OF_HUNDRED.search(text, start, stop)


_QUOTED_NAME = lazyre.compile(r"[“\"]([^”\"]{2,30})[”\"]")


def _score_of_named_subject(text: str, grade_at: int, score: Fact, scores: list[Fact]) -> Fact | bool | None:
    """The grade's sentence names a subject in quotes before the grade, and the score found, in an earlier sentence,
    names another: "“农村饮水安全巩固提升工程”项目自评总分92分,其中:…。“农村公路养护补助”项目自评总分86分,评价等级为良。
    “农村饮水安全巩固提升工程”项目评价等级为优" — 优 is 92's, the score whose sentence names the same subject (within six
    lines before); False when none does (no grade of a score read); None when the names do not say (the score stands)."""
    begin = last_of(text, "。\n!?", grade_at) + 1
    if score.span.end > begin:
        return None
    names = {n.group(1) for n in _QUOTED_NAME.finditer(text, begin, grade_at)}
    if len(names) != 1:
        return None

    def sentence_names(f: Fact) -> set[str]:
        start = last_of(text, "。\n!?", f.span.start) + 1
        return {n.group(1) for n in _QUOTED_NAME.finditer(text, start, f.span.start)}

    own = sentence_names(score)
    if not own or own & names:
        return None
    same = [f for f in scores if f.span.end <= begin and 0 <= score.span.line - f.span.line <= 6
            and sentence_names(f) & names]
    return same[-1] if same else False


def _another_score_before_in_sentence(text: str, grade_at: int, score: Fact, facts: list[Fact],
                                     listed: dict[int, Fact] | None) -> bool:
    """The score found for the grade at `grade_at` stands before the grade's sentence, and that sentence states another
    score before the grade, no part of a list ("…满意度82分,等级为良"): the grade is said of that one."""
    begin = last_of(text, "。\n!?", grade_at) + 1
    if score.span.end > begin:
        return False
    return any(f.kind == "score" and not f.in_table and f.id != score.id and begin <= f.span.start < grade_at
               and not (listed and f.id in listed) for f in facts)


def _other_year(text: str, score: Fact, grade_at: int) -> bool:
    """The grade's clause names a year and the score's clause another ("2022年度…等级为良,2023年度…
    得分92分"), or the score stands in a bracket of its own year ("(2022年度得分85分)")."""
    def clause_years(at: int, end: int) -> set[str]:
        begin = last_of(text, ",;。\n", at) + 1
        return {m.group(1) for m in YEAR_SAID.finditer(text, begin, end)}
    grade_years = clause_years(grade_at, grade_at)
    score_years = clause_years(score.span.start, score.span.start)
    if score.span.start > grade_at:  # (a score after the grade: the years said on the way to it)
        score_years |= {m.group(1) for m in YEAR_SAID.finditer(text, grade_at, score.span.start)}
    opened = text.rfind("(", 0, score.span.start)
    in_bracket = opened > text.rfind(")", 0, score.span.start) and bool(YEAR_SAID.search(text, opened, score.span.start))
    return bool(grade_years and score_years and not score_years <= grade_years) or in_bracket


_GRADED = lazyre.compile(r"\s*\(\s*[“\"]?(?:优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差)[”\"]?\s*\)")
_WEIGHT_BEFORE_SCORE = lazyre.compile(r"\s*\)\s*(?:实际)?得")  # "资金执行(10分)得8.1分": the bracket is the weight
_NEAR = 80  # characters between a grade and the score it is said next to


_TAKEN_OFF = lazyre.compile(r"(?:[-−–]|扣)\s*$")
_OPEN_BEFORE = lazyre.compile(r"(?<![优良中差秀好格”\"])\(\s*$")  # (not the bracket after a grade: "良(95分)")
_CLOSE_AFTER = lazyre.compile(r"\s*\)")


def _lines_of(scores: list[Fact]) -> list[int] | None:
    """The scores' lines when they are in line order (a bisect finds those near a grade), else None."""
    lines = [f.span.line for f in scores]
    return lines if all(a <= b for a, b in zip(lines, lines[1:])) else None


def _score_for(pos: int, scores: list[Fact], norm: Normalised, near_only: bool = False,
               lines: list[int] | None = None) -> Fact | None:
    """The total score next to the grade on its line, else the nearest before it within a few lines.

    "Next to" is a distance in characters, not the line: a 自评表 flattened onto one line
    holds many scores and grades, and a grade far along it is not the first score's.
    (`lines`: the scores' lines, ascending — _lines_of —: only the scores of the six lines
    up to the grade's are looked at, the only ones either look-up below takes.)"""
    line, _ = norm.line_col(pos)
    if lines is not None:
        scores = scores[bisect_left(lines, line - 6):bisect_right(lines, line)]
    # (a score after the grade, past the end of its sentence, is another's: "本项目等级为优。与之相比,2022年度
    # 自评得分为84分")
    near = [f for f in scores if f.span.line == line and (_is_total_score(f) or _formula_total(norm.text, f))
            and min(abs(f.span.start - pos), abs(f.span.end - pos)) <= _NEAR
            and not (f.span.start > pos and _SENTENCE_END.search(norm.text, pos, f.span.start))
            and not _another_years_score(norm.text, f, pos)]
    # (a score in a bracket closed before the grade tells of the one before the bracket: "综合得分90.4分(单位自评
    # 得分92分,权重60%;主管部门复核得分88分,权重40%),评价等级为“优”")
    outside = [f for f in near if not _BRACKET_CLOSED_BEFORE.match(norm.text, f.span.end, pos)]
    if any(f.span.end <= pos for f in near):
        # (past a ";" the score after the grade is the next statement's, when one stands before it: "2022年度自评得分
        # 83.50分,评价等级为良好;2023年度自评得分92.10分")
        near = [f for f in near if f.span.end <= pos or ";" not in norm.text[pos:f.span.start]]
        outside = [f for f in outside if f in near]
    if near:
        return min(outside or near, key=lambda f: abs(f.span.start - pos))
    if near_only:
        return None
    # (the nearest before it on its line, past a list of the bands: "本项目得分为95分,按…规定,90分(含)以上为优、…,
    # 本项目等级为优")
    before = [f for f in scores if (0 < line - f.span.line <= 6 or (f.span.line == line and f.span.end <= pos
                                                                    and not _GRADE.search(norm.text, f.span.end, pos)))
              and _is_total_score(f)]  # (… unless another grade stands between: that score is its)
    return before[-1] if before else None


_SENTENCE_END = lazyre.compile(r"[。!?！？]")
LAST_YEARS = lazyre.compile(r"上一?年度?|去年|前一年|上期")
_THIS_YEARS = lazyre.compile(r"本年度?|今年|当年")
_YEAR_BRACKET = lazyre.compile(r"\(\s*(?:19|20)\d{2}\s*年")


def _another_years_score(text: str, score: Fact, grade_at: int) -> bool:
    """Last year's score is no score of this year's grade: named so ("等级为“良”(上年自评得分为91.50分)"), in a bracket
    of another period or year ("较上年自评得分(95.2分,优)"), or reached past words of last year after the grade
    ("等级为优;上年等级为良,得分86.80分") — unless it names this year again ("…;本年得分92.40分")."""
    if score.span.end <= grade_at and _GRADE_SAID_RIGHT_AFTER.fullmatch(text, score.span.end, grade_at) \
            and not in_other_period_bracket(text, score.span.start) and not _in_year_bracket(text, score.span.start):
        return False  # ("…,上年自评得分87分,等级为良": the grade said right after a score is that score's, whatever its year)
    if LAST_YEARS.search(score.label) or in_other_period_bracket(text, score.span.start) \
            or _in_year_bracket(text, score.span.start):
        return True
    return score.span.start > grade_at and bool(LAST_YEARS.search(text, grade_at, score.span.start)) \
        and not _THIS_YEARS.search(score.label)


# from a score to the 等级 of a grade said right after it, in its clause ("上年自评得分87分,等级为良")
_GRADE_SAID_RIGHT_AFTER = lazyre.compile(r"\s*[,、]?\s*(?:其|评价|自评|绩效|综合)?(?:评价)?")


def _in_year_bracket(text: str, at: int) -> bool:
    """Offset `at` stands in a bracket that opens with a year ("(2022年度该项目自评等级为“优”…)"): that year's, beside
    the report's own evaluation outside it."""
    opened = text.rfind("(", max(0, at - 80), at)
    return opened >= 0 and text.find(")", opened, at) < 0 and bool(_YEAR_BRACKET.match(text, opened))


_BRACKET_CLOSED_BEFORE = lazyre.compile(r"[^()]*\)")  # (from a score to the grade: a bracket closes first)


# a score of a 分别 list: "A市、B市…得分分别为95.5分和93分" — several subjects' scores, none the score
# of a grade said of one subject
_LISTED = lazyre.compile(r"分别(?:为|是|达到|得)?[\s\d.,、和及与分]*$")


def _is_total_score(fact: Fact) -> bool:
    """A score a grade may follow from: named as a score or a total ("合计98.87分"). (A part's —
    "满意度指标得分10分" — or an average of several — "4个项目平均自评得分93.50分" — is none: `grades`
    leaves them out.)"""
    return bool(_SCORE_NAME.search(fact.label)) or fact.label == ""


def _formula_total(text: str, fact: Fact) -> bool:
    """The result of a formula of the total score, its sentence opening with that name: "综合得分=96×30%+84.5×70%=
    87.95分" (not "预算执行率得分=预算执行率×20分=19.28分", a part's)."""
    if not fact.label.rstrip().endswith("="):
        return False
    # (its clause: "…,财政复核得分88分,综合得分=92×60%+88×40%=90.4分")
    return bool(_FORMULA_TOTAL.match(text, part_start(text, fact.span.start, ",;。\n"), fact.span.start))


_FORMULA_TOTAL = lazyre.compile(r"\s*(?:项目)?(?:综合|总|最终|最后|加权)(?:得分|评分|分)\s*=")


_SCORE_NAME = lazyre.compile(r"得分|评分|总分|分数|综合|自评|评价|(?:合计|总计)$|^(?:19|20)\d{2}年度?(?:为|是)?$")  # ("…,2023年为84分")
