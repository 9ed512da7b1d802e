"""The bands a report states for its grades (auditor/extract/structure.py): read with the same
matches whether each band pattern is tried at every position or only before its own word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract import structure
from auditor.extract.structure import _BAND_BOUNDS, _BAND_STATEMENTS, _BOUND_ANCHORS, _STATEMENT_ANCHORS, _matches

PIECES = ["85", "90", "60", "100", "7", "75.5", "1234", "分", "以上", "以下", "以内", "(含)", "(不含)", "(含85分)", "及", "或",
          "≤", "<=", "<", "≥", "-", "~", "—", "–", "至", "到", "得分", "总分", "之间", "的", "为", "评为", "定为", "属于",
          "是", "“", "\"", "优秀", "优", "良好", "良", "中等", "中", "合格", "及格", "差", "较差", "不合格", " ", "\u3000",
          "\n", "。", ",", "(", ")", "(", "等级", "自评"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_each_band_pattern_finds_what_finditer_finds(text):
    for patterns, anchors in ((_BAND_STATEMENTS, _STATEMENT_ANCHORS), (_BAND_BOUNDS, _BOUND_ANCHORS)):
        for pattern, anchor in zip(patterns, anchors):
            assert [(m.span(), m.groups()) for m in _matches(pattern, text, anchor)] == \
                [(m.span(), m.groups()) for m in pattern.finditer(text)], (pattern.pattern, text)


def test_the_bands_a_report_states():
    text = ("评价结果分为四档:90分(含)以上为优,80(含)-90分为良,60分(含)-80分为中,60分以下为差。"
            "本项目自评得分92分,评价等级为优。")
    assert structure.stated_bands(text) == (("优", 90), ("良", 80), ("中", 60))
    assert structure.stated_bands("得分<60分为差;75分≤得分<85分为良;85-100分为优秀") == (("优", 85), ("良", 75))


_NUMBER = st.sampled_from(["85", "90", "6", "100", "75.5", "1234", "60.25"])
_BAND = st.tuples(
    _NUMBER, st.sampled_from(["", "分", "分 "]), st.sampled_from(["", "(含)", "(不含)"]), st.sampled_from(["", "及", "或"]),
    st.sampled_from(["以上", "以下", "以内", "-", "~", "—", "至", "≤", "<=", "<"]), st.sampled_from(["", "得分<", "得分≤"]),
    st.sampled_from(["", "85", "100分", "90分(不含)"]), st.sampled_from(["", "之间", "的", "者"]),
    st.sampled_from(["", "为", "评为", "定为", "属于", "是"]), st.sampled_from(["", "“"]),
    st.sampled_from(["优秀", "优", "良", "中等", "差", "较差", "不合格", "项目"])).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(_BAND, st.sampled_from(["。", ",", " ", "\n", "2023年", "分", "以上", "-"])), max_size=6).map("".join))
def test_each_band_pattern_finds_what_finditer_finds_in_stated_bands(text):
    test_each_band_pattern_finds_what_finditer_finds.hypothesis.inner_test(text)
