"""Discourse.of_kind: the nodes of some kinds, as walking every node and asking its kind finds them."""

from __future__ import annotations

from pathlib import Path

from auditor.extract.discourse import place
from auditor.extract.parse import parse_span
from auditor.extract.scan import figure_sentences, windows
from auditor.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]


def test_the_nodes_of_some_kinds_are_those_of_every_node_in_text_order():
    for path in sorted((ROOT / "examples" / "seeds").glob("*.txt")):
        norm = normalise(path.read_text(encoding="utf-8"))
        parsed = [[p for start, end in figure_sentences(norm.text, a, b) for p in parse_span(norm.text, start, end)]
                  for a, b in windows(norm.text)]
        tree = place(parsed, lambda offset: norm.line_col(offset)[0])
        kinds = {node.kind for node in tree.nodes}
        assert {"labelled", "sep", "qizhong"} <= kinds
        for chosen in [*({k} for k in kinds), {"total", "labelled"}, {"increase", "decrease", "flat"}, kinds,
                       {"no such kind"}]:
            assert list(tree.of_kind(*chosen)) == [node for node in tree.nodes if node.kind in chosen]
