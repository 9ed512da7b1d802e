"""Web pages: the visible text of the page, tables as rows the table reader reads.

Parsed with lxml (libxml2's forgiving HTML parser); the character set comes
from the page's own declaration (BOM, <meta charset>, found with
BeautifulSoup's EncodingDetector) and otherwise from the text detector.

What is kept: the text a reader sees, block elements (p, div, li, h1 …) and
<br> as line breaks, whitespace collapsed as a browser does (a line break
between two Chinese characters disappears).  What is dropped: scripts,
styles, the <head>, form controls, hidden elements, and navigation chrome —
<nav>, the page's <header> and <footer> (an <article>'s own stay), ARIA
navigation/banner/contentinfo roles, elements whose class or id names them
(nav, menu, breadcrumb, position …) when they hold no table and are mostly
links or short, elements named header/footer/top when they are mostly links,
and lists of links with nothing else.

Data tables become one line per row, cells separated by " | "; a table used
for page layout (it holds another table, or paragraphs of prose in a cell) is
read as ordinary blocks.  Locations: {"line": n} is the line of the element in
the HTML source; table cells add {"table", "row", "cell"}.
"""

from __future__ import annotations

import re
import sys

from auditor import lazyre
from auditor.load.base import Document, LoadError, Place, TextBuilder, cell_text
from auditor.load.text import decode_report

DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "nav", "aside", "button",
    "select", "option", "textarea", "input", "iframe", "object", "embed", "svg", "canvas", "map", "audio",
    "video", "dialog", "menu",
})  # not <form>: ASP.NET pages wrap the whole page in one
PAGE_CHROME_TAGS = frozenset({"header", "footer"})  # the page's, not an <article>'s own header
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "address", "figure", "figcaption", "center", "hr", "table", "tr",
    "caption", "body", "html", "fieldset", "details", "summary", "tbody", "thead", "tfoot",
})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
# class/id words that name chrome; an element so named goes when it holds no
# table and is mostly links or short
CHROME_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
    "topbar", "sidebar", "share", "login", "toolbar", "skip", "position", "location", "copyright", "dqwz",
})
# words that may also name an article's own title block: those go only when mostly links
LINKY_WORDS = frozenset({"header", "head", "footer", "foot", "top", "bottom"})
_WORD = lazyre.compile(r"[a-z]+")
_SPACE = lazyre.compile(r"[ \t\r\n\f\v\xa0]+")
_CJK = lazyre.compile(r"[^\x00-\x7f]")


def load_html(data: bytes, path: str) -> Document:
    import lxml.html

    from auditor.load import damage_warnings

    text, damage = _decode(data, path)
    warnings = damage_warnings(damage, path)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input that declares an encoding
    # huge_tree: libxml2 otherwise stops at 256 levels of nesting and drops the rest of the page
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except Exception as exc:  # lxml.etree.ParserError: "Document is empty" and the like
        raise LoadError("load.html_unreadable", path=path, detail=str(exc)) from None
    if any("depth" in str(e.message).lower() for e in parser.error_log):
        # nested deeper than libxml2 goes even so (2048): the rest would be lost; read the
        # whole page as a stream of text instead, and say so
        walker = _flat_text(text)
        warnings += (("warn.deep_html", {"path": path, "depth": MAX_DEPTH}),)
        return walker.out.build(path, "html", warnings=warnings)
    walker = _Walker()
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * MAX_DEPTH + 1000))  # the walk recurses once or twice a level
    try:
        walker.block(root)
    finally:
        sys.setrecursionlimit(limit)
    return walker.out.build(path, "html", warnings=warnings)


MAX_DEPTH = 2048  # libxml2's nesting limit with huge_tree


def _flat_text(text: str) -> "_Walker":
    """The visible text of a page too deeply nested for a tree, read as a stream of tags
    (html.parser: no depth limit, linear): dropped elements skipped, blocks and rows as
    lines, cells separated by " | ".  No chrome heuristics (they need the tree)."""
    from html.parser import HTMLParser

    walker = _Walker()

    class Stream(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.skipping: list[str] = []
            self.cells = 0

        def handle_starttag(self, tag, attrs) -> None:
            if self.skipping:
                if tag == self.skipping[-1]:
                    self.skipping.append(tag)
                return
            if tag in DROP_TAGS and tag not in {"meta", "link", "input"}:  # void tags hold nothing
                self.skipping.append(tag)
            elif tag in {"td", "th"}:
                if self.cells:
                    walker.line.append((" | ", {"line": self.getpos()[0]}))
                self.cells += 1
            elif tag == "br" or tag in BLOCK_TAGS:
                walker.flush()
                self.cells = 0

        def handle_endtag(self, tag) -> None:
            if self.skipping:
                if tag == self.skipping[-1]:
                    self.skipping.pop()
                return
            if tag in BLOCK_TAGS:
                walker.flush()
                self.cells = 0

        def handle_data(self, data) -> None:
            if not self.skipping:
                walker.line.append((data, {"line": self.getpos()[0]}))

    stream = Stream()
    stream.feed(text)
    stream.close()
    walker.flush()
    return walker


def _decode(data: bytes, path: str) -> tuple[str, tuple[str, int] | None]:
    """The page's text and, when bytes had to be replaced, the damage (decode_report)."""
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(data[:16384], is_html=True)
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        codec = declared.lower().replace("_", "-")
        codec = {"gb2312": "gb18030", "gbk": "gb18030", "gb-2312": "gb18030", "x-gbk": "gb18030",
                 "big5": "cp950", "x-big5": "cp950"}.get(codec, codec)
        try:
            return data.decode(codec), None
        except (LookupError, UnicodeDecodeError):
            pass  # the declaration lies (it often does): detect instead
    return decode_report(data, path)


def _visible(el) -> bool:
    if not isinstance(el.tag, str):  # comments, processing instructions
        return False
    tag = el.tag.lower()
    if tag in DROP_TAGS:
        return False
    if tag in PAGE_CHROME_TAGS and not any(a.tag in {"article", "main", "section"} for a in el.iterancestors()):
        return False
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return False
    if attrib.get("role", "").lower() in CHROME_ROLES:
        return False
    style = attrib.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return False
    if tag in {"table", "tr", "td", "th", "tbody", "html", "body"}:
        return True
    words = set(_WORD.findall(f"{attrib.get('class', '')} {attrib.get('id', '')}".lower()))
    if words & (CHROME_WORDS | LINKY_WORDS) and el.find(".//table") is None:
        text = _SPACE.sub("", el.text_content())
        links = sum(len(_SPACE.sub("", a.text_content())) for a in el.iter("a"))
        density = links / len(text) if text else 1.0
        if words & CHROME_WORDS and (density >= 0.3 or len(text) <= 300):
            return False
        if density >= 0.5 and len(text) <= 1000:
            return False
    if tag in {"ul", "ol", "div"}:  # a list of links with nothing else is navigation
        anchors = el.findall(".//a")
        if len(anchors) >= 3:
            text = _SPACE.sub("", el.text_content())
            links = sum(len(_SPACE.sub("", a.text_content())) for a in anchors)
            if text and links / len(text) > 0.8 and len(text) < 400:
                return False
    return True


def _is_layout_table(table) -> bool:
    if table.find(".//table") is not None:
        return True
    cells = [c for c in table.iter("td", "th")]
    if len(cells) <= 1:
        return True
    for cell in cells:
        blocks = [c for c in cell.iter("p", "div", "h1", "h2", "h3", "h4", "ul", "ol") if c is not cell]
        if len(blocks) >= 2 and len(_SPACE.sub("", cell.text_content())) > 300:
            return True
    return False


class _Walker:
    """Writes the visible text of a tree into a TextBuilder, block by block."""

    def __init__(self) -> None:
        self.out = TextBuilder()
        self.line: list[tuple[str, Place]] = []  # inline pieces of the current line
        self.tables = 0

    # -- inline text ---------------------------------------------------------
    def _piece(self, text: str | None, el) -> None:
        if text:
            self.line.append((text, {"line": el.sourceline or 1}))

    def flush(self) -> None:
        """End the current line: collapse its whitespace and write it."""
        pieces, self.line = self.line, []
        written = False
        pending_space = False
        previous = ""
        for text, place in pieces:
            parts = _SPACE.split(text)
            for n, part in enumerate(parts):
                if n:  # a whitespace run stood here
                    pending_space = True
                if not part:
                    continue
                if pending_space and written and not (_CJK.match(previous) and _CJK.match(part[0])):
                    self.out.write(" ")
                pending_space = False
                self.out.write(part, place)
                written = True
                previous = part[-1]
        if written:
            self.out.write("\n")

    # -- blocks ----------------------------------------------------------------
    def block(self, el) -> None:
        self._children(el)
        self.flush()

    def _children(self, el) -> None:
        self._piece(el.text, el)
        for child in el:
            if _visible(child):
                tag = child.tag.lower()
                if tag == "br":
                    self.flush()
                elif tag == "table" and not _is_layout_table(child):
                    self.flush()
                    self.table(child)
                elif tag in {"pre", "xmp", "plaintext", "listing"}:
                    self.flush()  # preformatted: its lines are lines (whole reports are posted so)
                    start = child.sourceline or 1
                    for k, line in enumerate(child.text_content().split("\n")):
                        # after the first line, the source column is the text's column
                        self.out.line(line.rstrip(), {"line": start + k, "column": 1} if k else {"line": start})
                    self.out.blank_line()
                elif tag in {"td", "th"}:
                    self._children(child)
                    self.line.append((" ", {"line": child.sourceline or 1}))
                elif tag in BLOCK_TAGS:
                    self.flush()
                    self._children(child)
                    self.flush()
                    if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table"}:
                        self.out.blank_line()
                else:
                    self._children(child)
            if isinstance(child.tag, str) or child.tail:
                self._piece(child.tail, child)

    def table(self, table) -> None:
        self.tables += 1
        number = self.tables
        rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table and _visible(tr)]
        self.out.blank_line()
        for r, tr in enumerate(rows, start=1):
            cells = []
            for c, td in enumerate((x for x in tr if isinstance(x.tag, str) and x.tag.lower() in {"td", "th"}
                                    and _visible(x)), start=1):
                cells.append((cell_text(_cell_lines(td)),
                              {"line": td.sourceline or 1, "table": number, "row": r, "cell": c}))
            if any(text for text, _ in cells):
                self.out.row(cells)
        self.out.blank_line()


def _owner_table(tr):
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cell_lines(td) -> str:
    """A cell's visible text, with its inner line breaks (joined later by cell_text)."""
    parts: list[str] = []

    def walk(el) -> None:
        if el.text:
            parts.append(_SPACE.sub(" ", el.text))
        for child in el:
            if _visible(child):
                tag = child.tag.lower()
                if tag == "br" or tag in BLOCK_TAGS:
                    parts.append("\n")
                walk(child)
                if tag in BLOCK_TAGS:
                    parts.append("\n")
            if child.tail:
                parts.append(_SPACE.sub(" ", child.tail))

    walk(td)
    return "".join(parts)
