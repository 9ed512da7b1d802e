"""Property tests over generated reports.

A hypothesis strategy writes a realistic report section by section from one
set of hidden exact numbers:

* a budget tree (支出合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费,
  项目支出 = its economic classification) stated in 其中 / 分别为 / 合计 /
  numbered-list forms, optionally with 占…的 p% shares; the same concept has the
  same value wherever it appears;
* an income breakdown, “三公”经费 with its three items (one may be 0), and a
  free-named special fund with 2–6 parts;
* budget and execution with an execution (or completion) rate, now and then over 100 %;
* current and previous values with 较上年/比去年/同比 增加/减少 d、增长/下降 p%;
* a score table (weights add to 100, no score above its weight, a 合计 row), the
  total score in prose and the grade that follows from it;
* a 自评表 grid with 年初预算数/全年预算数/全年执行数/分值/执行率/得分 (over-execution
  written as 100 %, as the convention is).

Every figure is rounded from the hidden exact values to the precision it is
written with (万元 or 元, 0–2 decimals), exactly as a careful author would write
it, and written the ways real reports write it: thousands separators, full-width
or half-width digits and punctuation, a space before the unit, traditional
characters throughout, and a quarter of the reports hard-wrapped at a fixed
width as PDF text extraction leaves them (words and units split across lines,
numbers never).

Properties:
(a) such a report gives no error, and no warning either: every relation holds
    within the rounding intervals;
(b) every figure written is read as a fact at exactly its span, with its value;
(c) a report in traditional characters reads exactly as its simplified twin;
(d) changing ONE stated result figure by a clear amount (≈5 %, and at least 10
    units of its last digit — far beyond any rounding — keeping its written
    precision) gives an error finding whose primary span or evidence is exactly
    that figure's position.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from auditor.normalise import normalise
from auditor.pipeline import audit_text

D = Decimal
CN = "零一二三四五六七八九十"


# ------------------------------------------------------------------ figures
@dataclass(eq=False, repr=False)
class Fig:
    """A figure in a generated report: its written value and how it is written."""

    value: Decimal  # in the written unit, already at `decimals`
    decimals: int
    unit: str  # 万元, 元, %, 分, 人, or "" for a table cell
    name: str  # what it is, for failure messages
    perturb: str | None = None  # None: an input figure; "both"/"down": a result that may be changed
    sep: bool = False  # thousands separators
    full_width: bool = False  # ８４８．４
    fw_percent: bool = False  # ％
    space: bool = False  # "850088.3 元", as PDF extraction leaves it
    traditional: bool = False  # 萬元
    cell_scale: Decimal = D(1)  # a bare table cell: base units per written unit (a grid in 万元: 10000)

    def __repr__(self) -> str:
        return f"Fig({self.name}: {written(self)})"

    def _repr_pretty_(self, p, cycle) -> None:  # hypothesis prints with this
        p.text(repr(self))


_FW = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


def q(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(D(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def written(fig: Fig, value: Decimal | None = None, simplified: bool = False) -> str:
    v = q(fig.value if value is None else value, fig.decimals)
    number = f"{v:,f}" if fig.sep else f"{v:f}"
    if fig.full_width:
        number = number.translate(_FW)
    unit = fig.unit
    if unit == "%" and fig.fw_percent:
        unit = "％"
    if unit and fig.space:
        unit = " " + unit
    if fig.traditional and not simplified:
        unit = unit.translate(TRADITIONAL)
    return number + unit


Segment = str | Fig  # what sections add; stored as Fig or (text, traditional)


@dataclass(repr=False)
class Report:
    segments: list[Fig | tuple[str, bool]] = field(default_factory=list)
    figures: list[Fig] = field(default_factory=list)
    traditional: bool = False  # write what is added now in traditional characters
    wrap: int | None = None  # hard-wrap prose at this display width, as PDF text extraction does

    def __repr__(self) -> str:
        return f"Report({self.render()[0]!r})"

    def _repr_pretty_(self, p, cycle) -> None:
        p.text(repr(self))

    def add(self, *parts: Segment) -> None:
        for p in parts:
            if isinstance(p, Fig):
                p.traditional = self.traditional
                self.figures.append(p)
                self.segments.append(p)
            else:
                self.segments.append((p, self.traditional))

    def render(self, changed: dict[int, Decimal] | None = None,
               simplified: bool = False) -> tuple[str, dict[int, tuple[int, int]]]:
        """The report text and each figure's (start, end), with `changed` values swapped in
        (`simplified`: the same report with no traditional characters)."""
        changed = changed or {}
        out: list[str] = []
        spans: dict[int, tuple[int, int]] = {}
        pos = 0
        for seg in self.segments:
            if isinstance(seg, Fig):
                s = written(seg, changed.get(id(seg)), simplified)
                spans[id(seg)] = (pos, pos + len(s))
            else:
                s, traditional = seg
                if traditional and not simplified:
                    s = s.translate(TRADITIONAL)
            out.append(s)
            pos += len(s)
        text = "".join(out)
        if self.wrap:
            text, spans = hard_wrap(text, spans, self.wrap)
        return text, spans


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_NO_LINE_START = set("，。、；：？！”）,.;:?!)%％")
_NUMBER_CHARS = set("0123456789.,０１２３４５６７８９．")


def hard_wrap(text: str, spans: dict[int, tuple[int, int]], width: int) -> tuple[str, dict[int, tuple[int, int]]]:
    """Break prose lines at `width` display columns like a PDF layout: anywhere between
    characters, but never inside a number and never before closing punctuation.
    Table rows ("|") and short lines stay as they are.  Spans move with the text."""
    breaks: list[int] = []  # offsets in `text` before which a "\n" is inserted
    line_start = 0
    for line in text.split("\n"):
        if "|" not in line and sum(map(_width, line)) > width:
            col = 0
            last_break = 0
            for i, ch in enumerate(line):
                w = _width(ch)
                if col + w > width and i > last_break:
                    b = i
                    while b > last_break + 1 and (line[b] in _NO_LINE_START or (
                            line[b] in _NUMBER_CHARS and line[b - 1] in _NUMBER_CHARS)):
                        b -= 1
                    breaks.append(line_start + b)
                    col = sum(map(_width, line[b:i]))
                    last_break = b
                col += w
        line_start += len(line) + 1
    if not breaks:
        return text, spans

    def moved(offset: int, end: bool) -> int:
        # a break at a figure's start goes before it; a break at its end goes after it
        return offset + sum(1 for b in breaks if b < offset or (b == offset and not end))

    pieces, prev = [], 0
    for b in breaks:
        pieces.append(text[prev:b])
        prev = b
    pieces.append(text[prev:])
    return "\n".join(pieces), {k: (moved(a, False), moved(e, True)) for k, (a, e) in spans.items()}


# simplified → traditional, one character for one (what OpenCC's t2s turns back)
TRADITIONAL = str.maketrans(
    "万专业严个为义乡价优会体兴养农况准减划别办务动劳单占发变后员咨国实对将强执护报拨数时构标环现电监确级细经结继绩续维综编职范营衔补规计训议设评询说调财购费资车较达运进违邮长门际项预饮",
    "萬專業嚴個爲義鄉價優會體興養農況準減劃別辦務動勞單佔發變後員諮國實對將強執護報撥數時構標環現電監確級細經結繼績續維綜編職範營銜補規計訓議設評詢說調財購費資車較達運進違郵長門際項預飲",
)
# ------------------------------------------------------------- vocabulary
GENERIC_ITEMS = ["办公费", "印刷费", "差旅费", "培训费", "会议费", "劳务费", "委托业务费", "邮电费", "专用材料费",
                 "维修(护)费", "物业管理费", "咨询费"]
ECONOMIC = ["工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出"]
INCOME = ["财政拨款收入", "事业收入", "经营收入", "其他收入"]
PROJECTS = ["乡村振兴衔接", "农村饮水安全", "义务教育营养改善", "公共文化服务", "城乡环境整治", "森林防火", "高标准农田建设"]
CHANGE_ONLY = ["水电费", "取暖费", "福利费", "租赁费"]
FILLERS = [
    "本单位严格执行预算管理制度，加强资金监管，确保资金使用安全规范。",
    "各项工作按计划推进，资金拨付及时，未发现违规使用资金的情况。",
    "下一步将继续完善绩效管理制度，提高资金使用效益。",
]
INTRODUCTIONS = [
    "本部门主要职责是贯彻执行国家和省市有关方针政策及法律法规，负责本行政区域内相关业务的统筹规划、组织实施和监督管理，"
    "承担上级交办的其他工作任务。本单位内设办公室、财务股、业务股等股室，下属事业单位两个，均纳入本次部门整体支出绩效评价范围。",
    "根据财政部门关于开展部门整体支出绩效自评工作的通知要求，我单位成立了绩效自评工作领导小组，对照年初设定的绩效目标，"
    "从预算编制、预算执行、资产管理、履职效能和社会效益等方面开展了自评，现将有关情况报告如下。",
]
CLOSINGS = [
    "部分项目资金支出进度较慢，绩效目标设置不够细化。下一步将加快预算执行进度，完善绩效指标体系，提高资金使用效益。",
    "个别项目前期准备不充分，导致资金拨付滞后。今后将加强项目储备和预算执行监控，确保资金及时发挥效益。",
]
SECTION_TITLES = ["部门基本情况", "收支预算情况", "支出结构情况", "项目资金情况", "预算执行情况", "支出变动情况",
                  "绩效自评情况", "项目绩效自评表", "其他需要说明的情况"]

HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})


@dataclass
class Style:
    full_width_digits: bool
    half_width_punct: bool
    space_before_unit: bool = False

    def t(self, text: str) -> str:
        return text.translate(HALF) if self.half_width_punct else text


styles = st.builds(Style, st.booleans(), st.booleans(), st.booleans())


@st.composite
def money_format(draw, min_decimals: int = 0):
    """A unit, a precision and separators for one paragraph's amounts."""
    unit = draw(st.sampled_from(["万元", "万元", "元"]))
    decimals = draw(st.integers(min_decimals, 2)) if unit == "万元" else draw(st.sampled_from([0, 2]))
    sep = draw(st.booleans())  # "23,866.88万元", "1,234,567.89元"
    return unit, decimals, sep


def money(exact_yuan: Decimal, fmt, style: Style, name: str, perturb: str | None = None) -> Fig:
    unit, decimals, sep = fmt
    scale = D(10000) if unit == "万元" else D(1)
    fw = style.full_width_digits and not sep
    return Fig(q(exact_yuan / scale, decimals), decimals, unit, name, perturb, sep=sep, full_width=fw,
               space=style.space_before_unit)


def percent(value: Decimal, decimals: int, style: Style, name: str, perturb: str | None = None) -> Fig:
    return Fig(q(value, decimals), decimals, "%", name, perturb,
               full_width=style.full_width_digits, fw_percent=not style.half_width_punct)


def yuan(draw, lo_wan: int, hi_wan: int) -> Decimal:
    """An exact amount in 元 (to the fen) between lo and hi 万元."""
    return D(draw(st.integers(lo_wan * 1_000_000, hi_wan * 1_000_000))) / 100


# ------------------------------------------------------------------ sections
def breakdown(draw, rep: Report, style: Style, year: int, total_label: str, parts: list[tuple[str, Decimal]],
              family_complete: bool, allow_shares: bool) -> None:
    """One total and its parts in one of the list forms reports use."""
    fmt = draw(money_format())
    form = draw(st.sampled_from(["其中", "分别为", "合计", "items"]))
    exact_total = sum((v for _, v in parts), D(0))
    # a partial list (其中 naming parts of an open-ended total) is only wrong when the parts exceed the total
    strict = form in {"分别为", "合计", "items"} or family_complete
    total = money(exact_total, fmt, style, f"{total_label} total ({form})", "both" if strict else "down")
    figs = [money(v, fmt, style, f"{label} part") for label, v in parts]
    t = style.t
    if form == "合计":
        rep.add(t(f"{year}年{total_label}按明细分为："))
        for n, ((label, _), f) in enumerate(zip(parts, figs)):
            rep.add(t("，") if n else "", label, f)
        rep.add(t("，合计"), total, "。\n")
        return
    if form == "items":
        marker = draw(st.sampled_from(["({})", "（{}）", "{}、", "{}."]))
        rep.add(f"{year}年{total_label}", total, t("，具体如下：\n"))
        for n, ((label, _), f) in enumerate(zip(parts, figs), 1):
            end = "。\n" if n == len(parts) else t("；\n")
            rep.add(t(marker.format(n)), label, f, end)
        return
    shares = allow_shares and form == "其中" and draw(st.booleans())
    sep = t("；") if shares else draw(st.sampled_from(["、", t("，"), t("；")]))
    opener = t("，其中：") if form == "其中" else t("，分别为")
    rep.add(f"{year}年{total_label}", total, opener)
    pd = draw(st.integers(1, 2))
    for n, ((label, exact), f) in enumerate(zip(parts, figs)):
        rep.add(sep if n else "", label, f)
        if shares:
            share = percent(exact / exact_total * 100, pd, style, f"share of {label}", "both")
            if draw(st.booleans()):
                rep.add(t(f"，占{total_label}的"), share)
            else:
                rep.add(t("，占比"), share)
    rep.add("。\n")


def rate_section(draw, rep: Report, style: Style, project: str) -> None:
    fmt = draw(money_format(min_decimals=1))
    adjusted = yuan(draw, 200, 5000)
    # mostly under budget; now and then a little over it (超支)
    executed = q(adjusted * D(draw(st.integers(600, 1050))) / 1000, 2)
    # the initial budget: the same, or clearly smaller (so a changed rate cannot match it instead)
    initial = adjusted if draw(st.booleans()) else q(adjusted * D(draw(st.integers(50, 80))) / 100, 2)
    rd = draw(st.integers(1, 2))
    name = draw(st.sampled_from(["执行率", "执行率", "完成率"]))
    rate = percent(executed / adjusted * 100, rd, style, f"{project} {name}", "both")
    b1 = money(initial, fmt, style, "年初预算")
    b2 = money(adjusted, fmt, style, "全年预算")
    e = money(executed, fmt, style, "全年执行")
    t = style.t
    form = draw(st.integers(0, 2))
    if form == 0:
        rep.add(f"{project}项目年初预算", b1, t("，全年预算"), b2, t("，全年执行"), e, t(f"，{name}"), rate, "。\n")
    elif form == 1:
        rep.add(f"{project}项目预算数为", b2, t("，预算执行数为"), e, t(f"，预算{name}为"), rate, "。\n")
    else:
        rep.add(f"{project}项目调整后预算", b2, t("，实际支出"), e, t(f"，预算{name}达"), rate, "。\n")


def change_section(draw, rep: Report, style: Style, year: int, subject: str, current_exact: Decimal) -> None:
    fmt = draw(st.sampled_from([("万元", 1, False), ("万元", 2, False), ("元", 0, False), ("元", 2, True), ("元", 2, False)]))
    growth = D(draw(st.integers(10, 60))) / 100
    up = draw(st.booleans())
    previous_exact = current_exact / (1 + growth) if up else current_exact / (1 - growth)
    cur = money(current_exact, fmt, style, f"{subject} current")
    prev = money(previous_exact, fmt, style, f"{subject} previous")
    diff = cur.value - prev.value
    assume(diff != 0)
    delta = Fig(abs(diff), cur.decimals, cur.unit, f"{subject} 增减额", "both", sep=cur.sep, full_width=cur.full_width,
                space=cur.space)
    pd = draw(st.integers(1, 2))
    pct = percent(abs(diff) / prev.value * 100, pd, style, f"{subject} 增减率", "both")
    inc, grow = ("增加", "增长") if diff > 0 else ("减少", "下降")
    ref = draw(st.sampled_from(["较上年", "比上年", "比去年", "较上年度", "同比"]))
    t = style.t
    joint = draw(st.sampled_from(["、", t("，")]))
    this_year, last_year = draw(st.sampled_from([(f"{year}年", f"{year - 1}年"), ("本年", "上年"), ("本年度", "上年度")]))
    form = draw(st.integers(0, 2))
    if form == 0:  # both years, the change and its rate
        rep.add(f"{last_year}{subject}", prev, t(f"，{this_year}{subject}"), cur,
                t(f"，{ref}{inc}"), delta, f"{joint}{grow}", pct, "。\n")
    elif form == 1:  # this year, the change and its rate: last year is current − change
        rep.add(f"{this_year}{subject}", cur, t(f"，{ref}{inc}"), delta, f"{joint}{grow}", pct, "。\n")
    else:  # both years and only the rate
        rep.add(f"{last_year}{subject}", prev, t(f"，{this_year}{subject}"), cur, t(f"，{ref}{grow}"), pct, "。\n")


def band(score: Decimal) -> str:
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


GRADE_WORDS = {"优": ["优", "优秀"], "良": ["良", "良好"], "中": ["中", "中等"], "差": ["差"]}


def score_section(draw, rep: Report, style: Style) -> None:
    labels = draw(st.sampled_from([["决策", "过程", "产出", "效益"], ["投入", "过程", "产出", "效果"],
                                   ["决策", "过程", "产出", "效益", "满意度"], ["产出", "效益", "满意度"]]))
    k = len(labels)
    cuts = sorted(draw(st.lists(st.integers(1, 19), min_size=k - 1, max_size=k - 1, unique=True)))
    weights = [D(5 * (b - a)) for a, b in zip([0, *cuts], [*cuts, 20])]
    sd = draw(st.integers(0, 2))
    scores = [q(w * D(draw(st.integers(50, 100))) / 100, sd) for w in weights]
    scores = [min(s, w) for s, w in zip(scores, weights)]
    total = sum(scores, D(0))
    drop_zeros = draw(st.booleans())  # authoring tools write 19 for 19.0

    def cell(v: Decimal, d: int, name: str, perturb: str | None = None) -> Fig:
        if drop_zeros and v == v.to_integral_value():
            d = 0
        return Fig(q(v, d), d, "", name, perturb)

    header = draw(st.sampled_from([("一级指标", "指标分值", "评价得分"), ("一级指标", "分值", "得分"),
                                   ("指标", "权重", "自评得分")]))
    total_label = draw(st.sampled_from(["合计", "总分", "总计"]))
    rows = [(lab, cell(w, 0, f"{lab} weight"), cell(s, sd, f"{lab} score")) for lab, w, s in zip(labels, weights, scores)]
    rows.append((total_label, Fig(D(100), 0, "", "weight total", "both"),
                 cell(total, sd, "score total", "down")))
    if draw(st.booleans()):  # one cell per line, maybe with blank lines between cells
        nl = draw(st.sampled_from(["\n", "\n\n"]))
        rep.add(nl.join(header) + nl)
        for lab, w, s in rows:
            rep.add(f"{lab}{nl}", w, nl, s, nl)
    else:  # one row per line, cells between bars
        rep.add(" | ".join(header) + "\n")
        for lab, w, s in rows:
            rep.add(f"{lab} | ", w, " | ", s, "\n")
    prose = Fig(total, sd, "分", "prose score", "down", full_width=style.full_width_digits)
    grade = draw(st.sampled_from(GRADE_WORDS[band(total)]))
    who = draw(st.sampled_from(["本单位部门整体支出绩效", "本项目绩效", "经综合评价，本项目"]))
    rep.add(style.t(f"综上，{who}自评得分为"), prose, style.t(f"，评价等级为“{grade}”。\n"))


def grid_section(draw, rep: Report, style: Style) -> None:
    adjusted = yuan(draw, 200, 5000)
    executed = q(adjusted * D(draw(st.integers(600, 1050))) / 1000, 2)
    initial = adjusted if draw(st.booleans()) else q(adjusted * D(draw(st.integers(50, 80))) / 100, 2)
    # spending above the budget is written as 100% in a 自评表 (the rate is capped), by convention
    rate_value = min(executed / adjusted * 100, D(100))
    # cells hold bare numbers; the table is in 万元
    b1, b2, e = (Fig(q(v / 10000, 2), 2, "", n, cell_scale=D(10000))
                 for v, n in ((initial, "年初预算数"), (adjusted, "全年预算数"), (executed, "全年执行数")))
    weight = Fig(D(10), 0, "", "分值")
    # a capped 100% may only be changed downwards: upwards it could become the true rate
    rate = Fig(q(rate_value, 2), 2, "%", "grid 执行率", "down" if executed > adjusted else "both")
    score = Fig(q(rate_value / 10, 2), 2, "", "grid 得分")
    header = ["项目名称", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    cells = ["年度资金总额", b1, b2, e, weight, rate, score]
    # a 自评表 says what its amounts are in: a caption, or the first header cell
    if draw(st.booleans()):
        rep.add(style.t(draw(st.sampled_from(["单位：万元", "金额单位：万元"]))) + "\n")
    else:
        header[0] = style.t("项目资金（万元）")
    if draw(st.booleans()):
        rep.add("\n".join(header) + "\n")
        for c in cells:
            rep.add(c, "\n")
    else:
        rep.add(" | ".join(header) + "\n")
        for n, c in enumerate(cells):
            rep.add(" | " if n else "", c)
        rep.add("\n")


# ------------------------------------------------------------------ reports
@st.composite
def reports(draw) -> Report:
    year = draw(st.integers(2016, 2024))
    rep = Report()
    # a quarter of the reports come hard-wrapped, as text extracted from a PDF
    rep.wrap = draw(st.one_of(st.none(), st.none(), st.none(), st.integers(40, 72)))
    # a third are written in traditional characters throughout (萬元, 預算, 項目)
    rep.traditional = draw(st.sampled_from([False, False, True]))
    rep.add(f"{year}年度部门整体支出绩效自评报告\n")
    rep.add(draw(st.sampled_from(INTRODUCTIONS)) + "\n")
    # the budget tree: one exact value per concept for the whole report
    personnel, public = yuan(draw, 150, 3000), yuan(draw, 150, 1000)
    econ_names = draw(st.lists(st.sampled_from(ECONOMIC), min_size=2, max_size=4, unique=True))
    econ = [(n, yuan(draw, 150, 3000)) for n in econ_names]
    basic = personnel + public
    project = sum((v for _, v in econ), D(0))
    tree = {"基本支出": basic, "项目支出": project, "人员经费": personnel, "公用经费": public}

    def sec_tree1(s):
        breakdown(draw, rep, s, year, "支出合计", [("基本支出", basic), ("项目支出", project)], True, True)

    def sec_tree2(s):
        breakdown(draw, rep, s, year, "基本支出", [("人员经费", personnel), ("公用经费", public)], True, True)

    def sec_tree3(s):
        breakdown(draw, rep, s, year, "项目支出", econ, True, False)

    def sec_income(s):
        names = draw(st.lists(st.sampled_from(INCOME), min_size=2, max_size=4, unique=True))
        breakdown(draw, rep, s, year, "本年收入合计", [(n, yuan(draw, 150, 3000)) for n in names], True, False)

    def sec_three(s):
        # “三公”经费 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费; reports write 0 for what they did not spend
        zero = draw(st.sampled_from([None, 0, 1, 2]))
        items = [(n, D(0) if k == zero else yuan(draw, 150, 300))
                 for k, n in enumerate(["因公出国(境)费", "公务用车购置及运行费", "公务接待费"])]
        label = draw(st.sampled_from(["“三公”经费支出", "三公经费"]))
        breakdown(draw, rep, s, year, label, items, True, False)

    generic_pool = list(GENERIC_ITEMS)

    def sec_generic(s):
        names = draw(st.lists(st.sampled_from(generic_pool), min_size=2, max_size=6, unique=True))
        for n in names:
            generic_pool.remove(n)
        breakdown(draw, rep, s, year, "专项业务经费", [(n, yuan(draw, 150, 800)) for n in names], False, False)

    projects = draw(st.lists(st.sampled_from(PROJECTS), min_size=1, max_size=2, unique=True))

    def sec_rates(s):
        for p in projects:
            rate_section(draw, rep, s, p)

    change_subjects = draw(st.lists(st.sampled_from(["人员经费", "公用经费", "基本支出", "项目支出", *CHANGE_ONLY]),
                                    min_size=1, max_size=2, unique=True))

    def sec_changes(s):
        for subject in change_subjects:
            current = tree.get(subject) or yuan(draw, 150, 800)
            change_section(draw, rep, s, year, subject, current)

    def sec_counts(s):
        a, b = draw(st.integers(5, 60)), draw(st.integers(5, 60))
        rep.add(s.t(f"本单位核定编制{a + b + draw(st.integers(0, 5))}人，实有在职人员"), Fig(D(a + b), 0, "人", "staff"),
                s.t("，其中：行政编制"), Fig(D(a), 0, "人", "admin"), "、事业编制", Fig(D(b), 0, "人", "public"), "。\n")

    def sec_scores(s):
        score_section(draw, rep, s)

    def sec_grid(s):
        grid_section(draw, rep, s)

    def sec_filler(s):
        rep.add(s.t(draw(st.sampled_from(FILLERS))) + "\n")

    pool = [sec_tree1, sec_tree2, sec_tree3, sec_income, sec_generic, sec_rates, sec_changes,
            sec_counts, sec_scores, sec_grid, sec_three]
    chosen = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=6, unique=True))
    chosen = draw(st.permutations(chosen))
    for number, section in enumerate(chosen, 1):
        style = draw(styles)
        title = draw(st.sampled_from(SECTION_TITLES))
        rep.add(f"{CN[number]}、{title}\n")
        section(style)
        if draw(st.booleans()):
            sec_filler(style)
    rep.add(f"{CN[len(chosen) + 1]}、存在的问题及改进措施\n", style.t(draw(st.sampled_from(CLOSINGS))) + "\n")
    return rep


# ---------------------------------------------------------------- checking
def _check_findings_cite_the_text(text: str, findings) -> None:
    """Every finding's place and every evidence span read back as what they claim to be."""
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        if f.stated is not None:
            assert text[f.start:f.end] == f.stated, (f.rule, f.stated, text[f.start:f.end])
        for e in f.evidence:
            assert text[e.start:e.end] == e.text, (f.rule, e)


def _describe(findings) -> list[str]:
    return [f"{f.rule} {f.severity} {f.stated!r} @{f.start}-{f.end}: {f.arithmetic.get('zh', '')}" for f in findings]


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.filter_too_much])


@SETTINGS
@given(reports())
def test_consistent_report_gives_no_error(rep):
    text, _ = rep.render()
    note(text)
    findings = audit_text(text).findings
    errors = [f for f in findings if f.severity == "error"]
    assert errors == [], _describe(errors)
    _check_findings_cite_the_text(text, findings)


@SETTINGS
@given(reports())
def test_consistent_report_gives_no_warning_either(rep):
    """Every relation holds within the rounding intervals: not even a minor slip to report."""
    text, _ = rep.render()
    note(text)
    warnings = [f for f in audit_text(text).findings if f.severity == "warning"]
    assert warnings == [], _describe(warnings)


BASE = {"万元": ("amount", D(10000)), "元": ("amount", D(1)), "%": ("percent", D(1)), "分": ("score", D(1)),
        "人": ("count", D(1))}


@SETTINGS
@given(reports())
def test_every_written_figure_is_read_exactly(rep):
    """Each figure the report states is one fact, at exactly its span, with its exact value."""
    text, spans = rep.render()
    note(text)
    extraction = audit_text(text).extraction
    by_span = {(f.span.start, f.span.end): f for f in extraction.facts}
    for fig in rep.figures:
        start, end = spans[id(fig)]
        fact = by_span.get((start, end))
        assert fact is not None, f"{fig!r} at {start}-{end} not read; facts near it: " + repr(
            [(f.text, f.span.start) for f in extraction.facts if abs(f.span.start - start) < 20])
        assert fact.text == text[start:end]
        if fig.unit:
            kind, scale = BASE[fig.unit]
            assert (fact.kind, fact.value) == (kind, fig.value * scale), (fig, fact)
        else:  # a table cell: bare number, unit from the column
            assert fact.in_table, (fig, fact)
            assert fact.value == fig.value * fig.cell_scale, (fig, fact)
        assert fact.decimals >= fig.decimals


@SETTINGS
@given(reports())
def test_traditional_report_normalises_to_its_simplified_twin(rep):
    """萬元, 預算, 項目 …: the report in traditional script reads exactly as the simplified one."""
    text, spans = rep.render()
    twin, twin_spans = rep.render(simplified=True)
    assert spans == twin_spans  # one character for one
    assert normalise(text).text == normalise(twin).text
    facts = audit_text(text).extraction.facts
    twin_facts = audit_text(twin).extraction.facts
    assert [(f.span.start, f.value, f.concept, f.scenario, f.period) for f in facts] == [
        (f.span.start, f.value, f.concept, f.scenario, f.period) for f in twin_facts]


MIN_UNITS = 10  # units of the last written digit: far beyond any sum of half-units in these reports


def _perturbed(fig: Fig, direction: int) -> Decimal:
    """About 5 % up or down, at least MIN_UNITS units of the last written digit, same precision."""
    unit = D(1).scaleb(-fig.decimals)
    step = max(q(fig.value * D("0.05"), fig.decimals), MIN_UNITS * unit)
    return fig.value + direction * step


@SETTINGS
@given(reports(), st.data())
def test_one_changed_result_figure_is_cited(rep, data):
    candidates = [f for f in rep.figures if f.perturb]
    assume(candidates)
    fig = data.draw(st.sampled_from(candidates), label="figure")
    direction = data.draw(st.sampled_from([1, -1]), label="direction") if fig.perturb == "both" else -1
    new = _perturbed(fig, direction)
    assert new > 0 and new.as_tuple().exponent == -fig.decimals, (fig, new)
    text, spans = rep.render({id(fig): new})
    start, end = spans[id(fig)]
    note(f"changed {fig.name}: {written(fig)} → {text[start:end]} at {start}-{end}")
    note(text)
    findings = audit_text(text).findings
    _check_findings_cite_the_text(text, findings)
    citing = [f for f in findings
              if (f.start, f.end) == (start, end) or any((e.start, e.end) == (start, end) for e in f.evidence)]
    assert citing, f"no finding cites {text[start:end]!r} ({fig.name}); findings: {_describe(findings)}"
    assert any(_accuses_as_it_should(f) for f in citing), _describe(citing)


def _accuses_as_it_should(finding) -> bool:
    """An error — or a warning for a reading laid across lines (numbered items under a
    figure, parts on the following lines): those warn by design (doubt.capped)."""
    return finding.severity == "error" or (finding.severity == "warning" and len({e.line for e in finding.evidence}) > 1)


# ------------------------------------------------------------ regressions
# Minimal reports the generator found, each with the one wrong figure a finding must cite.
_TABLE = "一级指标 | 分值 | 得分\n投入 | 50 | 48\n过程 | 50 | 45\n合计 | 100 | 93\n"
_WRAPPED = """2016年度部门整体支出绩效自评报告
本部门主要职责是贯彻执行国家和省市有关方针政策及法律法
规，负责本行政区域内相关业务的统筹规划、组织实施和监督管
理，承担上级交办的其他工作任务。本单位内设办公室、财务
股、业务股等股室，下属事业单位两个，均纳入本次部门整体支
出绩效评价范围。
一、部门基本情况
2016年支出合计600万元，具体如下：
(1)基本支出300万元；
(2)项目支出300万元。
二、部门基本情况
2015年人员经费１６６．６７万元，2016年人员经费
１５０．００万元，较上年减少１７．５０万元、下降
１０．０％。
三、存在的问题及改进措施
部分项目资金支出进度较慢，绩效目标设置不够细化。下一步将
加快预算执行进度，完善绩效指标体系，提高资金使用效益。
"""
REGRESSIONS = [
    # 80% is 年初预算/全年预算 (100/125), not an execution rate: 110/125 = 88%, 110/100 = 110%
    ("rate-is-budget-over-budget", "项目年初预算100万元，全年预算125万元，全年执行110万元，执行率80%。", "80%"),
    ("rate-near-100-equal-budgets", "项目年初预算200.0万元，全年预算200.0万元，全年执行190.2万元，执行率99.9%。", "99.9%"),
    ("part-exceeds-total", "2016年项目支出300万元，其中：工资福利支出20万元、商品和服务支出310万元。", "300万元"),
    ("list-then-prose-without-figures",
     "2016年专项业务经费315万元，具体如下：\n(1)办公费150万元；\n(2)印刷费150万元。\n"
     "三、存在的问题及改进措施\n部分项目资金支出进度较慢，下一步将加快预算执行进度。\n", "315万元"),
    ("list-then-one-paragraph",
     "2023年支出合计630万元，具体如下：\n(1)基本支出300万元；\n(2)项目支出300万元。\n全年开展培训3次。\n", "630万元"),
    ("circled-item-list",
     "2023年专项资金300万元，具体如下：\n①办公费100万元；\n②印刷费250万元。\n全年共开展培训3次。\n"
     "验收合格率100%。\n", "300万元"),
    ("wrapped-prose-after-table", _TABLE + "2023年基本支出300万元，其中：人员经费150万元、公用经\n费170万元。\n", "300万元"),
    ("wrapped-report-full-width-change", _WRAPPED, "１７．５０万元"),
]


@pytest.mark.parametrize("text,figure", [(t, f) for _, t, f in REGRESSIONS], ids=[n for n, _, _ in REGRESSIONS])
def test_regression_wrong_figure_is_cited(text, figure):
    start = text.index(figure)
    end = start + len(figure)
    findings = audit_text(text).findings
    _check_findings_cite_the_text(text, findings)
    citing = [f for f in findings
              if (f.start, f.end) == (start, end) or any((e.start, e.end) == (start, end) for e in f.evidence)]
    assert any(_accuses_as_it_should(f) for f in citing), f"no error cites {figure!r}; findings: {_describe(findings)}"
