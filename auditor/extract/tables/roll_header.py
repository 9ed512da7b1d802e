"""A header that names a balance's account, column by column: the balance at the start, what came in or was added,
what went out or was paid off, the balance at the end — each row's end balance is its start plus the one less the
other.

    项目 | 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余
    一般公共预算财政拨款 | 28.74 | 1946.30 | 1951.86 | 23.18          → 23.18 = 28.74 + 1946.30 − 1951.86
    项目 | 年初数 | 本年增加 | 本年减少 | 年末数
    固定资产原值 | 8,426.31 | 612.80 | 145.22 | 8,893.89               → 8,893.89 = 8,426.31 + 612.80 − 145.22
    项目 | 2022年末余额 | 2023年新增 | 2023年偿还 | 2023年末余额 | 2023年债务限额
    合计 | 186.42 | 32.60 | 14.85 | 204.17 | 221.30                   → 204.17 = 186.42 + 32.60 − 14.85

The header states the arithmetic, so a table of one row is read too — but only when every figure column of the header
is one of these (a 限额 beside them is no flow and is left aside), one opening and one closing balance, at least one
flow, and the header's names stand one over each figure column (the label column's name first, or none).  A column of
another name (调整年初, 结余分配, 提取, 缴回 …) and the account may not be the whole story: nothing is read.
A balance named by a year's end is the opening one when another column names a later year's end.
"""

from __future__ import annotations

from auditor import lazyre
from auditor.extract.model import GridFormula

REASON = "roll_columns"

_HEAD = r"^(?:(?:19|20)\d{2}年度?)?"
_BALANCE = r"[\u4e00-\u9fff]{0,12}?(?:结转和结余|结转结余|结转及结余|余额|结余|结存)(?:数)?$"
# (上年结余, 上年滚存结余: the last year's balance, carried in — a bare 上年 before the balance's name)
# (… or a start's and an end's figure named bare, "项目 | 年初数 | 本年增加 | 本年减少 | 年末数" of a 固定资产 note — not 上年数,
# last year's figure beside this year's)
_BARE = r"(?:数|金额|账面余额)$"
_OPENING = lazyre.compile(_HEAD + r"(?:(?:年初|上年末|上年年末|上年底|期初|上年)" + _BALANCE + r"|(?:年初|期初)" + _BARE + ")")
_CLOSING = lazyre.compile(_HEAD + r"(?:(?:年末|年底|期末)" + _BALANCE + r"|(?:年末|期末)" + _BARE + ")")
_YEAR_END = lazyre.compile(r"^((?:19|20)\d{2})年(?:末|底)" + _BALANCE)
_ADDED = lazyre.compile(_HEAD + r"(?:本年|当年|本期)?(?:[\u4e00-\u9fff]{0,8}收入(?:合计)?|新增[\u4e00-\u9fff]{0,6}|举借|"
                                r"发行[\u4e00-\u9fff]{0,4}|增加)(?:数|额)?$")
_TAKEN = lazyre.compile(_HEAD + r"(?:本年|当年|本期)?(?:[\u4e00-\u9fff]{0,8}支出(?:合计)?|偿还[\u4e00-\u9fff]{0,6}|还本|减少)"
                                r"(?:数|额)?$")
_ASIDE = lazyre.compile(r"限额(?:数)?$")  # (a ceiling beside the balances: no flow)
_OTHER = lazyre.compile(r"调整|分配|提取|缴回|上缴|调入|调出|其他|利息|置换|再融资|转贷|其中|小计")
_UNIT = lazyre.compile(r"[(（](?:万元|亿元|元|千元)[)）]$")


def roll_formula(names: list[str], width: int) -> GridFormula | None:
    """The formula a header line's names (its words, in order) state over `width` figure columns, or None."""
    if len(names) == width + 1:
        names = names[1:]  # (the label column's name: 项目, 单位 …)
    if len(names) != width:
        return None
    roles: list[str] = []
    year_ends = {}
    for n, raw in enumerate(names):
        name = _UNIT.sub("", raw)
        if _ASIDE.search(name):
            roles.append("aside")
            continue
        if _OTHER.search(name):
            return None
        m = _YEAR_END.match(name)
        if m:
            year_ends[n] = int(m.group(1))
            roles.append("year_end")
        elif _OPENING.match(name):
            roles.append("opening")
        elif _CLOSING.match(name):
            roles.append("closing")
        elif _ADDED.match(name):
            roles.append("added")
        elif _TAKEN.match(name):
            roles.append("taken")
        else:
            return None
    if year_ends:  # ("2022年末余额 | … | 2023年末余额": the earlier year's end is the opening balance)
        if len(year_ends) != 2 or len(set(year_ends.values())) != 2:
            return None
        first, last = sorted(year_ends, key=year_ends.get)
        if year_ends[last] - year_ends[first] != 1:
            return None
        roles[first], roles[last] = "opening", "closing"
    opening = [n for n, role in enumerate(roles) if role == "opening"]
    closing = [n for n, role in enumerate(roles) if role == "closing"]
    added = tuple(n for n, role in enumerate(roles) if role == "added")
    taken = tuple(n for n, role in enumerate(roles) if role == "taken")
    if len(opening) != 1 or len(closing) != 1 or not (added or taken):
        return None
    return GridFormula(kind="roll", target=closing[0], operands=(opening[0], *added), taken=taken, reason=REASON)
