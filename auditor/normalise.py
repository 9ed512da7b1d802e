"""Normalise text for matching without moving a single character.

Every later stage matches against `Normalised.text`, which has exactly the same
length as the original: each character is replaced by at most one character, so
an offset found in the normalised text is the offset in the original. This is
why thousands separators and line breaks inside figures are not removed here:
the grammar's terminals accept them instead.

A figure of more than MAX_DIGITS significant digits is no amount any report
states (the national budget is 15 digits in 元): it is an account number, a
garbled run, or a hostile file, and arithmetic on it overflows the decimal
context.  Its characters become "#" in the normalised text, so it is read as
text, never as a figure.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import field
from functools import lru_cache

from auditor import lazyre
from auditor.load.base import line_starts
from auditor.records import dataclass


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Full-width ASCII forms (！ to ～) → ASCII.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    # Odd spaces → plain space; carriage return too, so "\r\n" keeps its length.
    for ch in "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\ufeff\t\r":
        table[ord(ch)] = " "
    # Small forms, other per-mille/percent look-alikes, dashes and dots used in figures.
    extra = {
        "\ufe6a": "%", "\u2030": "‰", "\ufe50": ",", "\ufe51": "、", "\ufe52": ".",
        "\ufe54": ";", "\ufe55": ":", "\ufe30": ":", "\ufe13": ":", "\ufe59": "(", "\ufe5a": ")",
        "\u2212": "-", "\u2013": "-", "\uff61": "。",
        # (the hyphens an HTML or PDF export writes a minus with: "‑9,811,983.00", U+2011 the non-breaking one)
        "\u2010": "-", "\u2011": "-", "\u2012": "-",
    }
    for src, dst in extra.items():
        table[ord(src)] = dst
    return table


_TABLE = _build_table()
# the characters _TABLE folds, one class: str.translate looks every character of the text up in the
# table (~75 ns each), while most texts hold only a few of them
_FOLDED = lazyre.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")
_FOLD = {chr(code): to for code, to in _TABLE.items()}


def _fold_forms(text: str) -> str:
    """text.translate(_TABLE): each character the table holds replaced (no replacement is itself
    one the table holds), found with one search and replaced a character at a time."""
    for ch in set(_FOLDED.findall(text)):
        text = text.replace(ch, _FOLD[ch])
    return text

# Characters that only traditional script uses, common in finance reports: they
# mark a document as written in traditional characters (OpenCC runs on every
# Chinese text anyway, so that a stray 執 in a simplified report is folded too).
_TRADITIONAL_HINT = lazyre.compile(
    "[萬億預項經費決為與統計門區縣團員條數據個實際額總構資產務們這會開關發"
    "設備購買貨幣財稅務價處環興辦導學機產業轉結餘較減長績評際]"
)


_CJK = lazyre.compile("[\u4e00-\u9fff]")


_LONE_SURROGATE = lazyre.compile(r"[\ud800-\udfff]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: most reports are in simplified characters

    return opencc.OpenCC("t2s")


def _to_simplified(text: str) -> str:
    """Traditional → simplified, one character for one character."""
    converter = _t2s()
    try:
        converted = converter.convert(text)
    except UnicodeEncodeError:
        # a lone surrogate (text handed in from elsewhere, not decoded by our loaders) cannot reach
        # OpenCC: it becomes U+FFFD, one character for one, and no offset moves
        text = _LONE_SURROGATE.sub("\ufffd", text)
        converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase rule changed the length somewhere: fall back to per-character
    # conversion, which can never shift an offset.
    out = []
    for ch in text:
        conv = converter.convert(ch)
        out.append(conv if len(conv) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class Normalised:
    """Original text, its same-length normalised twin, and line bookkeeping."""

    original: str
    text: str
    traditional: bool = False
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    # a segment of a longer text (auditor/pipeline.py): lines before it, so that line numbers
    # (and the messages that quote them) are the whole document's
    line_base: int = 0

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a 0-based character offset."""
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1 + self.line_base, offset - self._line_starts[index] + 1

    def line_offset(self, line: int) -> int:
        """The offset 1-based `line` (numbered as `line_col` numbers it) starts at: 0 for a line before the first, the
        text's length for one after the last — an offset is on `line` or after it iff it is at least this."""
        index = line - 1 - self.line_base
        if index <= 0:
            return 0
        return self._line_starts[index] if index < len(self._line_starts) else len(self.text)

    def lines(self) -> list[tuple[str, int]]:
        """Each line of the normalised text with the offset it starts at (the table readers go row by row).  Split
        once a text and shared by the five readers that ask (statements, grids, score rows, labelled rows, flat
        funds): not to be changed by the caller."""
        found = self.__dict__.get("_lines")
        if found is None:  # (no field: the record's equality and repr stay its fields')
            found = self.__dict__["_lines"] = list(zip(self.text.split("\n"), self._line_starts))
        return found

    def rewritten(self, text: str) -> "Normalised":
        """The same original with `text`, another normalised twin of the same length, as its text."""
        assert len(text) == len(self.text), "normalisation must keep every offset"
        return Normalised(self.original, text, self.traditional, self._line_starts, self.line_base)

    def segment(self, start: int, end: int) -> "Normalised":
        """text[start:end] (start at a line's beginning) as a text of its own, its lines numbered
        as in the whole; offsets in it are relative to `start`."""
        original = self.original[start:end]
        line_base = bisect_right(self._line_starts, start) - 1 + self.line_base
        return Normalised(original, self.text[start:end], self.traditional, line_starts(original), line_base)


MAX_DIGITS = 24
_DIGIT_RUN = lazyre.compile(r"\d[\d,. ]{%d,}" % MAX_DIGITS)  # where a figure that long may be
_FIGURE = lazyre.compile(r"(?<![\d.])(?:\d{1,3}(?:, ?\d{3})+(?!\d)|\d+)(?:\.\d+)?")  # the grammar's numbers


def _mask_long_figures(text: str) -> str:
    """Each figure of more than MAX_DIGITS significant digits as as many "#"."""
    if not _DIGIT_RUN.search(text):
        return text
    spans = []
    for run in _DIGIT_RUN.finditer(text):
        for m in _FIGURE.finditer(text, run.start(), run.end()):
            if len(re.sub(r"\D", "", m.group()).lstrip("0")) > MAX_DIGITS:
                spans.append(m.span())
    if not spans:
        return text
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], "#" * (end - start)]
        at = end
    return "".join(parts) + text[at:]


def normalise(original: str) -> Normalised:
    text = _fold_forms(_tab_rows(original) if "\t" in original else original)
    traditional = False
    if _CJK.search(text):
        simplified = _to_simplified(text)
        traditional = simplified != text and bool(_TRADITIONAL_HINT.search(text))
        text = simplified
    # Compatibility forms not covered above (e.g. ｍ², circled digits stay as they are).
    if not text.isascii():
        text = _fold_compat(text)
    text = _chinese_percents(_chinese_figures(text))
    if "。" in text:
        text = _stop_points(text)
    text = _currency_names(text)
    if "△" in text:
        text = _NEGATIVE_MARK.sub("-", text)
    if '"' in text or text.count(",") > 10:
        text = _csv_rows(text)
    if ",万" in text or ",亿" in text or ",元" in text or ",千" in text:
        text = _STRAY_UNIT_COMMA.sub(" ", text)
    text = _mask_long_figures(text)
    assert len(text) == len(original), "normalisation must keep every offset"
    return Normalised(original, text, traditional, line_starts(original))


# Figures written in Chinese numerals before a money or percent unit, as Taiwanese 決算 news and council
# reports write them: digit by digit ("三六八億二六八八萬餘元", "四一八．四九億元", "一．七六％") or by place
# ("四十一．一五億元", "一千四百一十四億元"); 〇/○/零 is 0, 廿/卅 20/30.
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_PLACES = {"十": 10, "百": 100, "千": 1000}
_CN_TENS = {"廿": 20, "卅": 30}
# (the numerals first, so that the engine looks only where one stands; what may not stand before the
# figure — a numeral, a point, a digit — is tested in code)
_CN_FIGURE = lazyre.compile(r"([〇○零一二三四五六七八九两十百千廿卅]+)(?:([.．点])([〇○零一二三四五六七八九]+))?"
                            r"(?=\s*(?:亿|万|元|%|％|个百分点))")
# the 兆 of such a figure ("二兆九千八百七十三億元"): its numerals read the same way ("2兆0009873億元", a 兆 and 億s)
_CN_TRILLION = lazyre.compile(r"([〇○零一二三四五六七八九两十百千]+)(?=兆\s*[〇○零一二三四五六七八九两十百千]+\s*亿)")
_CN_MONEY_AFTER = lazyre.compile(r"\s*(?:元|[万亿](?:\s*元|等|左右|(?![\u4e00-\u9fff])))")
_CN_NOT_BEFORE = frozenset("〇○零一二三四五六七八九两十百千廿卅.．0123456789")


# the currency a Hong Kong or Macau figure names between its scale and 元 ("557,060百萬港元", "1,103.6億澳門元",
# "3,000澳门币"): one 元 for the arithmetic, the name blanked out so that every offset holds
_CURRENCY_NAME = lazyre.compile(r"(?<=[\d万亿千百])(\s*)(港|澳门)[元币]")  # (not 澳元: the Australian dollar)


# a decimal point written as the full stop, as copy sites garble a page ("应交税费43837。4亿元,同比增长19。1"): a
# stop between digits, the figure before it with no point of its own, the digits after it no date, heading number or
# list mark ("…为0.30。2021年…", "…如下。1.…", "…19。1、…" stay sentence ends); read only on a page that writes two such
# figures at least — one alone may be a sentence ending on a bare number before one opening with a figure
_STOP_POINT = lazyre.compile(r"(?<![\d.])(\d+)。(\d+)(?![\d.、)年月日号])")
_STOP_POINTS = 2


def _stop_points(text: str) -> str:
    found = _STOP_POINT.findall(text)
    if len(found) < _STOP_POINTS:
        return text
    return _STOP_POINT.sub(lambda m: m.group(1) + "." + m.group(2), text)


# a stray comma an extraction wrote between a thousands-separated figure and its money unit ("支出70,734,万元,为预算的
# 100%"): the figure with its unit, the comma a space (no figure is followed by a comma and then its unit; a CSV row's
# commas are already cells by then)
_STRAY_UNIT_COMMA = lazyre.compile(r"(?:(?<=\d,\d{3})|(?<=\d,\d{3}\.\d)|(?<=\d,\d{3}\.\d\d)),(?=\s*(?:[万亿千]|百万)?\s*元(?![旦月宵]))")


# Taiwan's accounts mark a negative figure with △ ("增減數 △92,415"): a minus sign, one character for one
_NEGATIVE_MARK = lazyre.compile(r"(?<![\d.])△(?=\d)")


_COMMA = lazyre.compile(",")
_CSV_NUMBER = lazyre.compile(r'^\s*"?\(?-?[\d,]+(?:\.\d+)?\)?%?"?\s*$')


def _csv_fields(line: str) -> list[tuple[int, int]] | None:
    """The fields of a comma-separated line (quotes keep the commas of "1,234"), as (start, end); None
    when its quotes do not close."""
    if '"' in line:
        commas, quoted = [], False
        for k, ch in enumerate(line):
            if ch == '"':
                quoted = not quoted
            elif ch == "," and not quoted:
                commas.append(k)
        if quoted:
            return None
    else:  # (no quotes, the usual line: every comma ends a field, found without a loop over the characters)
        commas = [m.start() for m in _COMMA.finditer(line)]
    return list(zip([0, *(k + 1 for k in commas)], [*commas, len(line)]))


def _csv_rows(text: str) -> str:
    """Rows of a table exported as CSV ("地价税,\"27,952\",\"174,932\",90.52"), read as a pipe table's: the
    commas between fields become "|", the quotes spaces, every offset kept. A block is CSV when two or more
    lines in a row split into the same number (three or more) of short fields, some of them figures, and
    a figure is quoted or no field is long (prose splits into long and uneven clauses)."""
    lines = text.split("\n")
    # (a line already set out as a table's — "|" or runs of spaces between cells — keeps its own cells)
    parsed = [_csv_fields(line) if "," in line and "。" not in line and "|" not in line and "  " not in line.strip()
              else None for line in lines]
    # a block: a run of two or more lines in a row of the same number (three or more) of fields
    # (only the lines that split so are walked: most lines of a report are prose)
    rows = [k for k, p in enumerate(parsed) if p and len(p) >= 3]
    if not rows:
        return text
    out = list(lines)
    blocks: list[range] = []
    first = rows[0]
    for before, k in zip(rows, rows[1:]):
        if k != before + 1 or len(parsed[k]) != len(parsed[before]):
            blocks.append(range(first, before + 1))
            first = k
    blocks.append(range(first, rows[-1] + 1))
    for block in blocks:
        if len(block) >= 2 and _is_csv_block([lines[k] for k in block], [parsed[k] for k in block]):
            for k in block:
                chars = list(lines[k])
                for a, b in parsed[k][:-1]:
                    chars[b] = "|"
                for j, ch in enumerate(chars):
                    if ch == '"':
                        chars[j] = " "
                out[k] = "".join(chars)
    return "\n".join(out)


_INNER_TABS = lazyre.compile(r"(?<=\S)\t+(?=\S)")


def _tab_rows(text: str) -> str:
    """Rows of a table copied out of a spreadsheet or a Word table (cells separated by tabs), read as a pipe
    table's: each tab between two cells becomes "|" (so that a row's empty cells keep their places:
    "总分\t\t\t\t100\t\t92.50"), every offset kept. A block is such a table when two or more of its lines
    hold two or more tabs between cells; a line of prose ("。") is never one."""
    lines = text.split("\n")
    inner = [0 if "\t" not in line else sum(len(m.group()) for m in _INNER_TABS.finditer(line)) for line in lines]
    # (a line of prose is never a row; one of many cells may hold a sentence in one of them)
    inner = [n if n >= 2 or "。" not in line else 0 for n, line in zip(inner, lines)]
    out = list(lines)
    n = 0
    while n < len(lines):
        m = n
        while m < len(lines) and inner[m]:
            m += 1
        if sum(1 for k in range(n, m) if inner[k] >= 2) >= 2:
            for k in range(n, m):
                out[k] = _INNER_TABS.sub(lambda t: "|" * len(t.group()), lines[k])
        n = max(m, n + 1)
    return "\n".join(out)


def _is_csv_block(lines: list[str], fields: list[list[tuple[int, int]]]) -> bool:
    for line, f in zip(lines, fields):
        for _, b in f[:-1]:  # (a separator between a digit and three digits is a thousands comma: "2,795,957")
            if b and line[b - 1].isdigit() and line[b + 1:b + 4].isdigit() and len(line[b + 1:b + 4]) == 3 \
                    and not line[b + 4:b + 5].isdigit():
                return False
    cells = [line[a:b] for line, f in zip(lines, fields) for a, b in f]
    figures = sum(1 for c in cells if _CSV_NUMBER.match(c))
    quoted = any('"' in c for c in cells)
    return figures * 3 >= len(cells) and (quoted or all(len(c.strip()) <= 16 for c in cells))


def _currency_names(text: str) -> str:
    if not any(name in text for name in ("港元", "港币", "澳门元", "澳门币")):
        return text  # (none to rename: str's own search, not the pattern's scan)
    return _CURRENCY_NAME.sub(lambda m: m.group(1) + " " * len(m.group(2)) + "元", text)


# a percentage written in words, the percent before its numerals: "百分之二十三点五" (23.5 %), "百分之五十"
# (a point not followed by its numerals — "百分之四十九點(diǎn)九", a gloss between — leaves it unread)
_CN_PERCENT = lazyre.compile(r"百分之([〇○零一二三四五六七八九两十百廿卅]+)(?:点([〇○零一二三四五六七八九]+))?"
                            r"(?![〇○零一二三四五六七八九两十百廿卅点])")


def _chinese_percents(text: str) -> str:
    """"百分之二十三点五" → "000023.5%": the percentage as digits and a % sign, right-aligned in the same
    characters (padded with leading zeros, as Chinese-numeral figures are), so that every offset holds."""
    if "百分之" not in text:
        return text

    def written(m: re.Match[str]) -> str:
        whole = _cn_integer(m.group(1))
        if whole is None:
            return m.group()
        figure = whole + ("." + "".join(str(_CN_DIGITS[c]) for c in m.group(2)) if m.group(2) else "") + "%"
        return figure.rjust(len(m.group()), "0") if len(figure) <= len(m.group()) else m.group()

    return _CN_PERCENT.sub(written, text)


def _chinese_figures(text: str) -> str:
    """Chinese-numeral figures before a unit as Arabic digits, right-aligned in the same characters
    (padded with leading zeros: "一百二十一亿" → "00121亿"), so that every offset holds; a figure its
    digits would not fit is a digit and its place ("一千萬元" → "1千萬元", "五百万" → "5百万", read as
    such by the grammar), or, in any other shape, stays as written (and unread).
    Only a run of two or more numerals, or one with decimals ("一．七六％"), is a figure ("统一元化" is not)."""
    if "兆" in text:
        text = _CN_TRILLION.sub(lambda m: _trillions(m, text), text)
    if "万" in text:
        text = _CN_WAN_YUAN.sub(lambda m: _wan_yuan(m, text), text)
    parts, at = [], 0
    for m in _CN_FIGURE.finditer(text):
        if (m.start() and text[m.start() - 1] in _CN_NOT_BEFORE) or (len(m.group(1)) < 2 and not m.group(2)
                                                                     and not _compound_yi(text, m.end())):
            continue
        run = m.group(1)
        whole = _cn_integer(run)
        if whole is None:
            continue
        if len(whole) > len(run):
            if len(run) != 2 or run[0] not in _CN_DIGITS or run[1] not in "千百" or m.group(2) or not _CN_DIGITS[run[0]] \
                    or not _CN_MONEY_AFTER.match(text, m.end()):
                continue  # (only money: "一百万人口" would leave a bare 1 the grammar reads as a figure)
            written = f"{_CN_DIGITS[run[0]]}{run[1]}"  # "一千萬元" → "1千萬元": 1000 does not fit in two characters
        else:
            decimals = "".join(str(_CN_DIGITS[c]) for c in m.group(3)) if m.group(3) else ""
            written = whole.rjust(len(run), "0") + ("." + decimals if m.group(2) else "")
        parts += [text[at:m.start()], written]
        at = m.end()
    return "".join(parts) + text[at:] if parts else text


# a figure of 万 and 元 written by place ("九千一百二十一萬三千九百三十五元", "一億二千三百四十五萬六千七百八十九元"): the
# 元 written as more than a digit and its place ("五千元" is read as "5千"), so that its numerals right-aligned would
# leave zeros between the 万 and them ("0009121萬0003935元", no figure the grammar reads): the whole figure as one
# number of 元, right-aligned over its numerals, 亿 and 万 ("000000091213935元")
_CN_WAN_YUAN = lazyre.compile(r"(?:([〇○零一二三四五六七八九两十百千]+)亿)?([〇○零一二三四五六七八九两十百千]+)万"
                              r"([〇○零一二三四五六七八九两十百千]{3,})(?=\s*元)")


def _wan_yuan(m: re.Match[str], text: str) -> str:
    if m.start() and text[m.start() - 1] in _CN_NOT_BEFORE:
        return m.group()
    runs = [m.group(1), m.group(2), m.group(3)]
    if any(run is not None and len(run) > 1 and all(c in _CN_DIGITS for c in run) for run in runs):
        return m.group()  # (digit by digit, "三六八億二六八八萬…": read run by run as it is)
    yi, wan, yuan = (None if run is None else _cn_integer(run) for run in runs)
    if wan is None or yuan is None or (runs[0] is not None and yi is None) \
            or int(yuan) >= 10**4 or (yi is not None and int(wan) >= 10**4):
        return m.group()
    value = str((int(yi) if yi else 0) * 10**8 + int(wan) * 10**4 + int(yuan))
    return value.rjust(len(m.group()), "0") if len(value) <= len(m.group()) else m.group()


def _compound_yi(text: str, at: int) -> bool:
    """"八億三千五百九十一萬六千元": one numeral before a 亿 that more numerals follow — a figure of 亿 and 万."""
    return text.startswith("亿", at) and at + 1 < len(text) and text[at + 1] in _CN_NOT_BEFORE


def _trillions(m: re.Match[str], text: str) -> str:
    """The numerals before a 兆 as digits, right-aligned in their characters (as written when they do not fit)."""
    if m.start() and text[m.start() - 1] in _CN_NOT_BEFORE:
        return m.group()
    whole = _cn_integer(m.group(1))
    return whole.rjust(len(m.group(1)), "0") if whole is not None and len(whole) <= len(m.group(1)) else m.group()


def _cn_integer(run: str) -> str | None:
    """The integer a run of Chinese numerals writes, in Arabic digits (None: not a number)."""
    if all(c in _CN_DIGITS for c in run):
        digits = [_CN_DIGITS[c] for c in run]
        if "两" in run or (len(digits) == 2 and digits[1] == digits[0] + 1):
            return None  # "两三万元", "七八个百分点": a range, not 23 or 78
        return "".join(map(str, digits))  # digit by digit: 三六八 → 368
    total, digit, last_place = 0, None, 10**9
    for c in run:
        if c in _CN_DIGITS:
            if digit is not None and _CN_DIGITS[c] != 0:
                return None  # two digits with no place between them in a place-value number
            digit = _CN_DIGITS[c] if _CN_DIGITS[c] or digit is None else digit
            if _CN_DIGITS[c] == 0:
                digit = None
        elif c in _CN_TENS:
            if digit is not None or _CN_TENS[c] >= last_place:
                return None
            total += _CN_TENS[c]
            last_place = 10
        else:
            place = _CN_PLACES[c]
            if place >= last_place:
                return None
            total += (1 if digit is None else digit) * place
            digit, last_place = None, place
    return str(total + (digit or 0))


_COMPAT = lazyre.compile("[\u2160-\u217f\u3220-\u3243\uf900-\ufaff]")


def _fold_compat(text: str) -> str:
    """NFKC for the few compatibility characters whose NFKC form is one character."""

    def fold(m: re.Match[str]) -> str:
        folded = unicodedata.normalize("NFKC", m.group())
        return folded if len(folded) == 1 else m.group()

    return _COMPAT.sub(fold, text)
