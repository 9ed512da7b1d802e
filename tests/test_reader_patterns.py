"""The whole-report patterns of the table reader written so that the engine skips to their first
characters (auditor/extract/tables/reader.py) find what the patterns as first written find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.tables import reader

# the patterns as first written (an optional word or a group of words before the rest)
_SCORE_RULE = re.compile(r"(?:预算)?执行率\s*[×*xX]\s*(?:该项|该指标)?(?:分值|权重)|(?:分值|权重)\s*[×*xX]\s*(?:预算)?执行率")
_FULL_WHEN_MET = re.compile(r"(?:完成|达到|实现)(?:年度)?(?:指标值|目标值?|绩效目标)(?:的)?[,]?(?:得|计|给予?)满分|"
                            r"(?:全部|足额)完成(?:的)?(?:得|计)满分")

ALPHABET = "预算执行率×*xX \t该项指标分值权重完成达到实现年度目标绩效的,得计给予满分全部足额。1"
WORDS = ["预算", "执行率", "×", "*", "x", " ", "该项", "该指标", "分值", "权重", "完成", "达到", "实现", "年度",
         "指标值", "目标值", "目标", "绩效目标", "的", ",", "得", "计", "给予", "给", "满分", "全部", "足额", "。"]


def _found(pattern, text: str):
    m = pattern.search(text)
    return m and (m.span(), m.group())


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(alphabet=ALPHABET, max_size=40), st.lists(st.sampled_from(WORDS), max_size=16).map("".join)))
def test_the_rewritten_patterns_find_the_same_first_match(text):
    assert _found(reader._SCORE_RULE, text) == _found(_SCORE_RULE, text)
    assert _found(reader._FULL_WHEN_MET, text) == _found(_FULL_WHEN_MET, text)


def test_the_rewritten_patterns_on_the_shapes_they_are_for():
    for text in ("得分=预算执行率×该项分值", "执行率*权重", "分值 x 预算执行率", "权重X执行率",
                 "完成年度指标值的,得满分", "达到目标值计满分", "实现绩效目标给予满分", "全部完成的得满分", "足额完成计满分"):
        assert _found(reader._SCORE_RULE, text) == _found(_SCORE_RULE, text)
        assert _found(reader._FULL_WHEN_MET, text) == _found(_FULL_WHEN_MET, text)
        assert _found(reader._SCORE_RULE, text) or _found(reader._FULL_WHEN_MET, text)
