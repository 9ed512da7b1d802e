"""The quality harness on the labelled corpus must not get worse than the committed baseline.

benchmarks/quality_baseline.json holds the figures of the last accepted run
(update it, in its own commit, when a change improves them):
    python -m auditor.eval --json benchmarks/quality_baseline.json
"""

from __future__ import annotations

import json

from auditor import eval as quality
from auditor.eval import CORPUS, SEEDS, ROOT

BASELINE = ROOT / "benchmarks" / "quality_baseline.json"


def test_recall_and_false_errors_no_worse_than_baseline(capsys):
    assert quality.main(["--check", str(BASELINE)]) == 0, capsys.readouterr().out


def test_baseline_covers_the_whole_corpus():
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    labelled = len(list(CORPUS.glob("*.labels.toml"))) + len(list(SEEDS.glob("*.labels.toml")))
    assert base["reports"] == labelled, "re-run the harness with --json after adding reports"


def test_an_internal_error_costs_that_report_its_findings_not_the_run(monkeypatch):
    """A crash on one report is counted and listed, as the CLI reports it per file; the tally goes on."""
    real = quality.audit_text

    def crashing(text, path=None, rules=None):
        if "BOOM" in text:
            raise StopIteration
        return real(text, path=path, rules=rules)

    monkeypatch.setattr(quality, "audit_text", crashing)
    rel = {"kind": "sum", "line": 1, "stated": "100万元", "consistent": False}
    item = quality.Item("r", "js", "BOOM 年初预算100万元,其中基本支出60万元,项目支出30万元。", [rel])
    tally = quality.evaluate(item, quality.default_rules(), mutate=False)
    assert tally.crashes == 1 and "StopIteration" in tally.crash_notes[0]
    assert tally.contradictions == 1 and tally.found == 0
    fine = quality.evaluate(quality.Item("r", "js", item.text.replace("BOOM ", ""), [rel]), quality.default_rules(), False)
    assert fine.crashes == 0 and fine.found == 1


def test_a_stated_figure_is_its_number_not_the_year_before_it():
    # (a label "2026年年初预算数593.34万元" is matched by 593.34, the figure a checked relation cites)
    assert quality._number("2026年年初预算数593.34万元") == "593.34"
    assert quality._number("4年共計348億元") == "348"
    assert quality._number("比上年增加3.31萬人") == "3.31"
    assert quality._number("2023年") == "2023"  # (a year alone is what it states)
