"""The one structure of the text: paragraph › sentence › sub-sentence › clause › bracket › piece.

The grammar turns each paragraph ("window") into a flat run of statement
pieces; this module places every piece in the text's structure and answers
the few questions resolvers ask of it ("the figures before this one in its
clause", "the paragraph after this one", "does this piece open its
sentence?").  It is the only code that walks the text: resolvers ask it
instead of counting separators themselves.

Units nest and are numbered through the document: a paragraph holds whole
sentences, a sentence whole sub-sentences (split at ';'), a sub-sentence whole
clauses (split at ','), and a piece's `depth` is how many brackets enclose it.
Every unit is a contiguous range of node indices, so each query is a slice.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Iterator

from auditor.extract.parse import Piece
from auditor.records import dataclass

UNITS = ("paragraph", "sentence", "sub", "clause")
SENTENCE_ENDS = "。!?"
OPEN_BRACKETS = "([【"
CLOSE_BRACKETS = ")]】"


@dataclass(slots=True)
class Node:
    """One statement piece, placed: absolute offsets and the units it belongs to.

    Never changed once placed, but not a frozen dataclass: a frozen one sets each of its
    ten slots through the slot's descriptor, a plain one with a store the interpreter
    specialises (a document has a node per piece).  Compared and hashed by its fields,
    as the frozen one was."""

    index: int
    piece: Piece
    start: int
    end: int
    paragraph: int
    sentence: int
    sub: int  # sub-sentence: split at ';' as well
    clause: int  # split at ',' as well
    depth: int  # brackets around the piece
    kind: str  # the piece's kind, a field of its own: every query reads it

    def __hash__(self) -> int:
        return hash((self.index, self.piece, self.start, self.end, self.paragraph, self.sentence, self.sub,
                     self.clause, self.depth, self.kind))

    @property
    def is_separator(self) -> bool:
        return self.kind == "sep"

    def separator(self, chars: str) -> bool:
        """A separator whose keyword is one of `chars`."""
        return self.kind == "sep" and self.piece.keyword in chars


class Discourse(tuple):
    """The placed pieces of a document and the queries over them.

    It is the tuple of its nodes, so that `tree[i]` and `len(tree)`, which every resolver
    asks in its loops, are the tuple's own (no Python call each); otherwise an object like
    any other: equal only to itself, hashed and shown by identity."""

    __eq__, __ne__, __hash__, __repr__ = object.__eq__, object.__ne__, object.__hash__, object.__repr__

    def __new__(cls, nodes: list[Node], line_of) -> "Discourse":
        return super().__new__(cls, nodes)

    def __init__(self, nodes: list[Node], line_of) -> None:
        self.nodes: tuple[Node, ...] = tuple(self)
        # first and last index of every unit (units are contiguous).  A dict keeps a key where
        # it was first put and the value put last: built from the nodes forwards it holds each
        # unit's last index, backwards its first (a pass each in C, not a Python loop per node)
        indices = [node.index for node in self.nodes]
        self._bounds: dict[str, dict[int, tuple[int, int]]] = {}
        for unit in UNITS:
            keys = list(map(attrgetter(unit), self.nodes))
            first = dict(zip(reversed(keys), reversed(indices)))
            self._bounds[unit] = {key: (first[key], last) for key, last in dict(zip(keys, indices)).items()}
        # the nodes of each kind, in text order
        self._by_kind: dict[str, list[Node]] = {}
        for node in self.nodes:
            self._by_kind.setdefault(node.kind, []).append(node)
        self._of_kinds: dict[tuple[str, ...], list[Node]] = {}  # (of_kind's merges, by the kinds asked)
        # each paragraph's first piece that is neither a separator nor an item marker
        self._first_content: dict[int, int] = dict(reversed(
            [(node.paragraph, node.index) for node in self.nodes if node.piece.kind not in ("sep", "item")]))
        # the lines each paragraph spans: from its first piece to the end of its last (worked out
        # for the paragraphs asked about: a few list continuations, not every paragraph)
        self.paragraph_lines = _ParagraphLines(self._bounds["paragraph"], self.nodes, line_of)

    def of_kind(self, *kinds: str) -> list[Node]:
        """The nodes of these kinds, in text order: a resolver that reads one or two kinds of
        piece (the labelled figures, the list openers) need not walk every node."""
        if len(kinds) == 1:
            return self._by_kind.get(kinds[0], [])
        # (merged once for each set of kinds asked: several resolvers walk the figures, the openers …)
        found = self._of_kinds.get(kinds)
        if found is None:
            nodes = (node for kind in set(kinds) for node in self._by_kind.get(kind, ()))
            found = self._of_kinds[kinds] = sorted(nodes, key=attrgetter("index"))
        return found

    # ------------------------------------------------------------ units
    def unit(self, unit: str, i: int) -> range:
        """Indices of the `unit` (paragraph, sentence, sub, clause) holding node i."""
        first, last = self._bounds[unit][getattr(self.nodes[i], unit)]
        return range(first, last + 1)

    def paragraph_nodes(self, paragraph: int) -> range:
        first, last = self._bounds["paragraph"].get(paragraph, (0, -1))
        return range(first, last + 1)

    def paragraphs(self) -> list[int]:
        """The paragraphs that hold a piece, in order (numbered upwards through the text)."""
        return list(self._bounds["paragraph"])

    def has_paragraph(self, paragraph: int) -> bool:
        return paragraph in self._bounds["paragraph"]

    def paragraph_start(self, paragraph: int) -> int | None:
        """Offset of the paragraph's first piece."""
        bounds = self._bounds["paragraph"].get(paragraph)
        return self.nodes[bounds[0]].start if bounds else None

    def before(self, i: int, within: str, limit: int | None = None) -> Iterator[int]:
        """Indices before node i in its `within` unit, nearest first (at most `limit`)."""
        first = self._bounds[within][getattr(self.nodes[i], within)][0]
        stop = first - 1 if limit is None else max(first, i - limit) - 1
        return iter(range(i - 1, stop, -1))

    def after(self, i: int, within: str, limit: int | None = None) -> Iterator[int]:
        """Indices after node i in its `within` unit, nearest first (at most `limit`)."""
        last = self._bounds[within][getattr(self.nodes[i], within)][1]
        stop = last + 1 if limit is None else min(last, i + limit) + 1
        return iter(range(i + 1, stop))

    def before_bracket(self, i: int) -> int:
        """The node right before the bracket node i stands in (-1 when it opens the text): what the bracket is said
        of ("执行率95.36%(全年预算…)": the rate)."""
        depth = self[i].depth
        j = i
        while j >= 0 and self[j].depth >= depth:
            j -= 1
        return j

    def opens_sentence(self, i: int) -> bool:
        """Node i starts its sentence ("…146万元。其中:…")."""
        return i == 0 or self.nodes[i - 1].sentence != self.nodes[i].sentence or \
            self.nodes[i - 1].separator(SENTENCE_ENDS)

    def opens_paragraph(self, i: int) -> bool:
        """Only separators and item markers stand before node i in its paragraph."""
        first = self._first_content.get(self.nodes[i].paragraph)
        return first is None or first >= i


class _ParagraphLines:
    """paragraph → (first line, last line) of its pieces, read as a dict is (`[p]`, `get`, `in`),
    each worked out when first asked."""

    __slots__ = ("_bounds", "_nodes", "_line_of", "_known")

    def __init__(self, bounds: dict[int, tuple[int, int]], nodes: tuple[Node, ...], line_of) -> None:
        self._bounds, self._nodes, self._line_of = bounds, nodes, line_of
        self._known: dict[int, tuple[int, int]] = {}

    def __getitem__(self, paragraph: int) -> tuple[int, int]:
        known = self._known.get(paragraph)
        if known is None:
            first, last = self._bounds[paragraph]  # (a KeyError for a paragraph with no piece, as a dict's)
            a, b = self._nodes[first], self._nodes[last]
            known = self._known[paragraph] = (self._line_of(a.start), self._line_of(max(b.start, b.end - 1)))
        return known

    def __contains__(self, paragraph: object) -> bool:
        return paragraph in self._bounds

    def get(self, paragraph: int, default=None):
        return self[paragraph] if paragraph in self._bounds else default

    def __len__(self) -> int:
        return len(self._bounds)

    def __iter__(self):
        return iter(self._bounds)

    def items(self):
        return [(p, self[p]) for p in self._bounds]


def place(windows: list[list[Piece]], line_of) -> Discourse:
    """Number the units of every piece: a window is a paragraph, '。!?' end a sentence,
    ';' a sub-sentence, ',' a clause; brackets nest."""
    nodes: list[Node] = []
    sentence = sub = clause = 0
    for paragraph, pieces in enumerate(windows):
        depth = 0
        sentence += 1
        sub += 1
        clause += 1
        for p in pieces:
            if p.kind == "sep":
                k = p.keyword
                if k in SENTENCE_ENDS:
                    nodes.append(Node(len(nodes), p, p.start, p.end, paragraph, sentence, sub, clause, depth, p.kind))
                    sentence += 1
                    sub += 1
                    clause += 1
                    depth = 0
                    continue
                if k == ";":
                    sub += 1
                    clause += 1
                elif k == ",":
                    clause += 1
                elif k in OPEN_BRACKETS:
                    depth += 1
                elif k in CLOSE_BRACKETS:
                    depth = max(0, depth - 1)
            nodes.append(Node(len(nodes), p, p.start, p.end, paragraph, sentence, sub, clause, depth, p.kind))
    return Discourse(nodes, line_of)
