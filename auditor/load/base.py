"""The loaded document and the builder every loader writes its text with.

A `Document` holds the text the auditor reads and, beside it, *where* each
stretch of that text came from in the original file: `locations` is a sorted
tuple of `(start, end, place)` segments over the text, where `place` is a small
dict whose keys mean something for the format:

    txt         {"line": 12, "column": 5}      (computed from the text: no segments stored)
    html        {"line": 12}                   (the line of the element in the HTML source)
    pdf         {"page": 3}  (+ "table", "row", "cell" inside a table)
    docx        {"paragraph": 17} or {"table": 2, "row": 3, "cell": 4}
    xlsx, xls   {"sheet": "评分表", "row": 5, "cell": "C5"}
    (Document.notes: the comments a reviewer anchored on stretches of the text)
    attachments any of the above + {"file": "评分表.xlsx"}

`Document.location_at(offset)` answers for one offset.  Offsets inside a
segment that carries an integer "column" advance the column, so one segment
per line is enough for text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import field
from functools import cached_property
from itertools import accumulate
from typing import Any

from auditor.records import dataclass

Place = dict[str, Any]
Segment = tuple[int, int, Place]
Note = tuple[int, int, str]
# something the loader could do only in part (damaged bytes replaced, a page read without its
# layout): a key of auditor.messages and its values, "path" among them; said once on stderr
LoadWarning = tuple[str, dict[str, Any]]


class LoadError(Exception):
    """A file that cannot be read as a report: a key of auditor.messages ("load.empty") and its
    values, so the one line is written where the language of the run is known (`render`).

    str() is the English line (logs, the Python API's default); values that have words of
    their own are rendered in the language too: "kind" (kind.*), "format" (format.*, and
    "a_format" with its article), "limit" (a size in bytes).  "detail" and "reason" quote
    a library or the operating system as they said it.
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key, params)
        self.key, self.params = key, params

    def render(self, lang: str | None) -> str:
        from auditor import messages

        return messages.load_error(lang, self.key, self.params)

    def __str__(self) -> str:
        return self.render("en")

    def __reduce__(self):  # through a worker pool's pickle: the key and values, not the words
        return (_load_error, (self.key, self.params))


def _load_error(key: str, params: dict[str, Any]) -> LoadError:
    return LoadError(key, **params)


@dataclass(frozen=True)
class Document:
    """A loaded input: its text, and where each stretch of it stands in the file (for messages)."""

    path: str
    text: str
    format: str = "txt"
    # (start, end, place) segments over `text`, sorted by start; see the module docstring
    locations: tuple[Segment, ...] = field(default=(), repr=False, compare=False)
    # reviewers' comments in the file (Word comments, cell comments): (start, end, text),
    # the stretch of `text` each is anchored on; see auditor.ignores
    notes: tuple[Note, ...] = field(default=(), repr=False, compare=False)
    # what could be read only in part (see LoadWarning); the rest of the text is checked
    warnings: tuple[LoadWarning, ...] = field(default=(), repr=False, compare=False)

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _, _ in self.locations]

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.text)

    def location_at(self, offset: int) -> Place:
        """Where the character at `offset` of the text came from; {} when unknown.

        An offset between segments (a separator the loader wrote, such as the
        " | " between table cells) belongs to the segment before it.  A text
        file needs no segments: its places are its lines and columns.
        """
        if not self.locations:
            if self.format != "txt":
                return {}
            line = bisect_right(self._line_starts, offset)
            return {"line": line, "column": offset - self._line_starts[line - 1] + 1}
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            index = 0
        start, end, place = self.locations[index]
        out = dict(place)
        column = out.get("column")
        if isinstance(column, int) and "line" in out:
            out["column"] = column + max(0, min(offset, end) - start)
        return out

    def describe(self, offset: int, lang: str = "en") -> str:
        """The location as a short human phrase, e.g. "第3页" / "page 3"."""
        return describe_place(self.location_at(offset), self.format, lang)


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts (0 first; after every "\\n").  (The running sum of
    the lines' lengths, each with its "\\n": not a find and an append for every line.)"""
    lengths = [len(line) + 1 for line in text.split("\n")]
    del lengths[-1]  # (the last line ends the text: no line starts after it)
    return list(accumulate(lengths, initial=0))


def lines_above(text: str, at: int, reach: int):
    """The lines above the one holding offset `at`, nearest first, `reach` of them at most: (start, line) each,
    found from the newlines back (a look a few lines up, without splitting the text)."""
    end = text.rfind("\n", 0, at)
    for _ in range(reach):
        if end < 0:
            return
        start = text.rfind("\n", 0, end) + 1
        yield start, text[start:end]
        end = start - 1


def describe_place(place: Place, fmt: str = "", lang: str = "en") -> str:
    """A place as short words: 'page 3', '表2 第3行 第4列', 'Sheet1!C5', 'line 12, column 5'
    (auditor.messages.place_text, in the language asked)."""
    from auditor.messages import place_text

    return place_text(place, lang)


class TextBuilder:
    """Accumulates a loader's text and the place of every piece of it."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self.pos = 0

    def write(self, text: str, place: Place | None = None) -> None:
        """Append text; with a place, record where it came from."""
        if not text:
            return
        if place is not None:
            self._segments.append((self.pos, self.pos + len(text), place))
        self._parts.append(text)
        self.pos += len(text)

    def line(self, text: str = "", place: Place | None = None) -> None:
        """Append text and a line break."""
        self.write(text, place)
        self.write("\n")

    def row(self, cells: list[tuple[str, Place]], separator: str = " | ") -> None:
        """One table row on one line, cells separated by " | " (what the table reader reads).

        A bar inside a cell of a several-cell row would split the cell: it is
        written as a full-width bar.  A one-cell row is a line of text, written as it is.
        """
        for n, (text, place) in enumerate(cells):
            if n:
                self.write(separator)
            self.write(text.replace("|", "｜") if len(cells) > 1 else text, place)
        self.write("\n")

    def blank_line(self) -> None:
        """End the current line and leave one empty line (never two in a row)."""
        text = "".join(self._parts[-2:])
        if not self._parts or text.endswith("\n\n"):
            return
        self.write("\n" if text.endswith("\n") else "\n\n")

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def build(self, path: str, fmt: str, notes: tuple[Note, ...] = (),
              warnings: tuple[LoadWarning, ...] = ()) -> Document:
        text = self.text
        return Document(path=path, text=text, format=fmt, locations=tuple(self._segments), notes=notes,
                        warnings=warnings)

    def span_of(self, place: Place) -> tuple[int, int] | None:
        """The stretch of text written with exactly this place (first to last segment), if any."""
        found = [(start, end) for start, end, where in self._segments if where == place]
        return (found[0][0], found[-1][1]) if found else None


def cell_text(text: str, wrapped: bool = False) -> str:
    """A table cell's text on one line.

    wrapped: the cell's line breaks are where a PDF wrapped the text (join them
    tightly); otherwise they were typed (<br>, a new paragraph) and only
    disappear between two Chinese characters.
    """
    lines = [" ".join(part.split()) for part in text.replace("\r", "\n").split("\n")]
    out = ""
    for part in lines:
        if not part:
            continue
        out = join_lines(out, part, wrapped) if out else part
    return out


def join_lines(left: str, right: str, wrapped: bool = True) -> str:
    """Join two lines of one paragraph.

    A wrapped line (PDF) continues the word it broke: no space, except between
    two Latin letters.  A typed break keeps a space unless both sides are Chinese.
    """
    if not left or not right:
        return left + right
    a, b = left[-1], right[0]
    if wrapped:
        return f"{left} {right}" if (a.isascii() and a.isalpha() and b.isascii() and b.isalpha()) else left + right
    return left + right if (not a.isascii() and not b.isascii()) else f"{left} {right}"
