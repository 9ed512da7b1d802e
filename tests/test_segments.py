"""A long text is checked in segments (issue 9, item 23): what a reader sees must be the
same as if each segment were checked alone, with offsets, lines and ids those of the whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor import pipeline
from auditor.check import default_rules, evaluate
from auditor.extract import extract
from auditor.extract.scan import report_year
from auditor.load import Document
from auditor.normalise import normalise

SEEDS = sorted((Path(__file__).resolve().parents[1] / "examples" / "seeds").glob("*.txt"))


@pytest.fixture
def whole(monkeypatch) -> str:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    monkeypatch.setattr(pipeline, "SEGMENT_FIGURES", 150)
    return "".join(t if t.endswith("\n") else t + "\n" for t in texts)


def test_segments_cover_the_text_and_cut_at_line_breaks(whole):
    cuts = pipeline.segments(whole)
    assert len(cuts) > 3
    assert cuts[0][0] == 0 and cuts[-1][1] == len(whole)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert all(whole[end - 1] == "\n" for _, end in cuts[:-1])


def test_each_segment_holds_about_the_budget_of_figures(whole):
    cuts = pipeline.segments(whole)
    counts = [len(pipeline._FIGURE_RUN.findall(whole, a, b)) for a, b in cuts]
    assert all(75 <= c <= 150 for c in counts[:-1]), counts
    assert sum(counts) == len(pipeline._FIGURE_RUN.findall(whole))


def test_a_text_without_figures_is_cut_by_its_length():
    text = "说明文字。\n" * 1000
    cuts = pipeline.segments(text, size=600)
    assert len(cuts) == 10 and all(b - a <= 600 for a, b in cuts)
    assert all(text[b - 1] == "\n" for _, b in cuts[:-1])


def test_one_line_of_a_million_characters_is_cut_at_commas():
    text = "预算100万元，" * 1000
    cuts = pipeline.segments(text, size=1000)
    assert all(text[end - 1] == "，" for _, end in cuts[:-1])
    assert "".join(text[a:b] for a, b in cuts) == text


def test_findings_are_each_segments_own_at_the_whole_texts_places(whole):
    result = pipeline.audit_text(whole)
    norm = normalise(whole)
    year = report_year(norm.text)
    expected = []
    for start, end in pipeline.segments(whole):
        part = norm.segment(start, end)
        found, _ = evaluate(extract(part, year=year), default_rules(), None, part.text)
        expected += [(f.rule, f.start + start, f.end + start, f.line, f.column, f.message()) for f in found]
    assert [(f.rule, f.start, f.end, f.line, f.column, f.message()) for f in result.findings] == expected
    assert result.findings, "the seeds hold contradictions"
    lines = whole.split("\n")
    for f in result.findings:
        for e in f.evidence:
            assert whole[e.start:e.end] == e.text
            assert lines[e.line - 1][e.column - 1:].startswith(e.text)
    ids = [f.id for f in result.facts]
    assert len(ids) == len(set(ids)) > 300
    assert all(whole[f.span.start:f.span.end] == f.text for f in result.facts)


@pytest.mark.parametrize("keep", ["findings", "facts", None])
def test_what_a_reporter_keeps_is_kept(whole, keep):
    full = pipeline.audit_text(whole)
    slim = pipeline.audit_document(Document(path="<text>", text=whole), keep=keep)
    assert slim.findings == full.findings
    assert slim.checked == full.checked
    assert len(slim.facts) == (0 if keep == "findings" else len(full.facts))
    assert len(slim.outcomes) == (0 if keep == "findings" else len(full.outcomes))
    assert bool(slim.extraction.breakdowns) == (keep is None)
