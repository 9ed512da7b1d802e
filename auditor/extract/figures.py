"""Turn a figure token ("848.4万元", "94.08%", "98.4分", "22人") into an exact value."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from auditor import lazyre

_NUMBER = lazyre.compile(r"-?\d+(?:\.\d+)?")
# (compiled once here, not looked up in re's cache on each of the thousands of figures a report has)
_SPACE_OR_COMMA = lazyre.compile(r"[\s,]")
_COMPOUND_START = lazyre.compile(r"\d+[兆亿万]\d")
_MONEY_SCALE = (
    ("万亿", Decimal(10) ** 12),  # (national accounts: "资产总额210.4万亿元", a 万 of 亿 — before 万 alone)
    ("亿", Decimal(100_000_000)),
    ("百万", Decimal(1_000_000)),  # (Hong Kong and Macau accounts: "557,060百萬港元")
    ("万", Decimal(10_000)),
    ("千", Decimal(1_000)),
    ("元", Decimal(1)),
)
_KIND = {"AMOUNT": "amount", "PERCENT": "percent", "SCORE": "score", "COUNT": "count", "NUMBER": "number"}


class Figure(NamedTuple):
    kind: str
    value: Decimal  # base units
    unit: str  # base unit
    written_unit: str
    scale: Decimal
    decimals: int
    approximate: bool
    # "405亿9,629万余元": the 余 after the last unit drops what lies below that unit, so the amount is
    # known to within one of it (unlike "100余万元", about a hundred and more 万)
    truncated: bool = False


_COMPOUND = lazyre.compile(r"(\d+)(兆|亿|[千百]万|万|千)")
_YUAN_AFTER = lazyre.compile(r"(?<=[兆亿万千])(\d+)(?:余|多)?元$")
_COMPOUND_SCALES = {**dict(_MONEY_SCALE), "兆": Decimal(10) ** 12}  # (a 兆 is written only in such amounts)


@lru_cache(maxsize=16384)  # a Figure is immutable, and reports state the same figures again (text and table)
def read_figure(token_type: str, text: str) -> Figure:
    compact = _SPACE_OR_COMMA.sub("", text)
    if token_type == "AMOUNT" and _COMPOUND_START.match(compact):
        return _read_compound(compact)
    if token_type == "AMOUNT" and (place := _DIGIT_AND_PLACE.match(compact)):
        return _read_digit_and_place(place)
    match = _NUMBER.match(compact)
    assert match, text
    number = match.group()
    rest = compact[match.end():]
    approximate = rest[:1] in {"余", "多"}
    if approximate:
        rest = rest[1:]
    written = Decimal(number)
    decimals = len(number.split(".")[1]) if "." in number else 0
    kind = _KIND[token_type]
    scale = Decimal(1)
    truncated = False
    if kind == "amount":
        unit = "元"
        for prefix, factor in _MONEY_SCALE:
            if rest.startswith(prefix):
                scale = factor
                # "5,037万余元": the 余 after the unit drops what lies below it (as in "405亿9,629万余元")
                truncated = prefix != "元" and rest[len(prefix):len(prefix) + 1] in {"余", "多"}
                break
    elif kind == "percent":
        unit = "%"
        if rest.startswith("‰"):
            scale = Decimal("0.1")
        elif rest.startswith("倍"):
            scale = Decimal(100)  # ("2.48倍" is 248 %, known to ±0.5 %: ±0.005 of a multiple)
    elif kind == "score":
        unit = "分"
    elif kind == "count":
        if rest.startswith("万"):
            scale, rest = Decimal(10_000), rest[1:]
        unit = count_unit(rest)
    else:
        unit = ""
    if truncated:
        return Figure(kind, written * scale, unit, rest[:len(rest) - len(rest.lstrip("亿百万千"))] + "元", scale, decimals,
                      True, truncated=True)
    return Figure(kind, written * scale, unit, compact[match.end():].lstrip("余多") or unit, scale, decimals, approximate)


# classifiers that count the same things: "资助困难新生3000名(其中市直属学校1150人,…)" counts people both ways
# (a standard per student or per bed is of a count of people or of beds: "2,350人，每生每年1,000元", "300张…每床")
_SAME_COUNT_UNIT = {"名": "人", "生": "人", "床": "张"}


def count_unit(classifier: str) -> str:
    """The unit a classifier counts in (名 → 人)."""
    return _SAME_COUNT_UNIT.get(classifier, classifier)


_DIGIT_AND_PLACE = lazyre.compile(r"(\d)([千百])(?:(\d)百)?(亿|万)?(余|多)?")


def _read_digit_and_place(m) -> Figure:
    """"1千万元" = 1000万元, "5百万" = 500万, "5百元" = 500元, "1千2百万元" = 1200万元 (stated to the unit written
    after the place; a "1千元" is 1 千元, read as usual)."""
    digit, place, hundreds, unit, more = m.groups()
    written = Decimal(digit) * (1000 if place == "千" else 100) + Decimal(hundreds or 0) * 100
    scale = _COMPOUND_SCALES[unit] if unit else Decimal(1)
    written_unit = {Decimal(10**8): "亿元", Decimal(10_000): "万元"}.get(scale, "元")
    return Figure("amount", written * scale, "元", written_unit, scale, 0, bool(more))


def _read_compound(compact: str) -> Figure:
    """"13亿7800万元" = 1378000000 元, stated to the 万 (the smallest unit written); "3兆4514亿5398万8千元"
    (a 兆 is 10^12); "2亿9千8百万元" = 2.98亿元; "405亿9629万余元" is about that much; "85万3125元" = 853125 元, stated to the 元."""
    scales = _COMPOUND_SCALES
    value = Decimal(0)
    scale = Decimal(1)
    decimals = 0
    # "2亿9千8百万元" = 2.98亿元: the 千 of 千万 before the 百 of 百万, one 万 written for both
    for number, prefix in _COMPOUND.findall(_THOUSANDS_AND_HUNDREDS_OF_WAN.sub(r"\1千万\2百万", compact)):
        if prefix in _PLACE_OF_WAN:
            # "312亿9千万元" = 312.9亿元: stated to the 千万, one decimal of the 亿 before it
            value += Decimal(number) * _PLACE_OF_WAN[prefix]
            decimals = 1 if prefix == "千万" else 2
            continue
        scale = scales[prefix]
        value += Decimal(number) * scale
    yuan = _YUAN_AFTER.search(compact)  # "85万3125元": the 元 below the last unit
    if yuan:
        value += Decimal(yuan.group(1))
        scale = Decimal(1)
    written_unit = {Decimal(10**8): "亿元", Decimal(10_000): "万元", Decimal(1_000): "千元"}.get(scale, "元")
    remainder = "余" in compact or "多" in compact
    return Figure("amount", value, "元", written_unit, scale, decimals, remainder, truncated=remainder)


_THOUSANDS_AND_HUNDREDS_OF_WAN = lazyre.compile(r"(?<=亿)(\d)千(\d)百万")
_PLACE_OF_WAN = {"千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6}


def format_value(value: Decimal, unit: str, written_unit: str, scale: Decimal, decimals: int) -> str:
    """A value in the unit and precision a report would write it, e.g. '413.67万元'."""
    quantum = Decimal(1).scaleb(-decimals)
    shown = (value / scale).quantize(quantum)
    return f"{shown}{written_unit}"
