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
