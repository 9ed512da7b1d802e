"""Excel cell comments written into the package itself: the copy is the original file with its
comment parts added or changed, every other part copied byte for byte.

Why not a round trip through openpyxl: it writes back only what it models, so shapes and text
boxes, form controls, slicers, threaded comments, data-validation and other extensions, some
conditional formats, the VBA of an .xlsm and the values formula cells last showed would be lost,
and charts and pictures kept only as far as it understands them.  A reviewer's copy loses nothing.

For each worksheet that gets findings (or holds the auditor's notes of an earlier run):
- xl/commentsN.xml, the comment texts: added, or rewritten with the other comments kept;
- the legacy VML drawing Excel needs to show them (xl/drawings/vmlDrawingN.vml): a note shape per
  new comment is inserted as text, every other shape (form controls, other notes) stays as written;
- the sheet's relationships and [Content_Types].xml: entries inserted or taken out as text;
- the sheet XML only when it has no <legacyDrawing> yet: the element is inserted where the schema
  puts it (before legacyDrawingHF … extLst), the other bytes untouched.
A cell that already has a comment keeps it, the findings added below it; the auditor's notes of an
earlier run are taken out first (auditor.annotate.without_own_notes).  A comment the auditor wrote
to is its author's (AUTHOR), so that the next run knows its notes again.

Not done: Excel 365's threaded comments.  On a cell that has a thread, the findings go into the
legacy note that stands for the thread (what other programs and older Excel show, and what the
auditor reads back); Excel 365 itself shows the thread.
"""

from __future__ import annotations

import posixpath
import re
import time
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote
from xml.parsers import expat
from xml.sax.saxutils import escape

from auditor.annotate import AUTHOR, AnnotateError, Written, comment_lines, in_file, without_own_notes
from auditor.records import dataclass

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TYPE_DOCUMENT = _REL + "/officeDocument"
_TYPE_WORKSHEET = _REL + "/worksheet"
_TYPE_COMMENTS = _REL + "/comments"
_TYPE_VML = _REL + "/vmlDrawing"
_CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
_CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_CT_PART = "[Content_Types].xml"
# a worksheet's children that come after <legacyDrawing> (ECMA-376 Part 1, CT_Worksheet)
_AFTER_LEGACY = {"legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                 "tableParts", "extLst"}
_RELS_SKELETON = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  b'<Relationships xmlns="' + _PKG_REL.encode() + b'"></Relationships>')
_NOT_XML_CHARS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)$")


class _Damaged(Exception):
    """A part the copy must change cannot be read (str: the part's name)."""


def annotate_xlsx(result, source: Path, target: Path, lang: str) -> Written:
    from auditor import messages

    by_sheet: dict[str, dict[str, list[str]]] = {}
    skipped = 0
    for f in result.findings:
        if not in_file(result, f, source):
            skipped += 1
            continue
        where = result.document.location_at(f.start)
        if "sheet" not in where or "cell" not in where:
            continue
        by_sheet.setdefault(where["sheet"], {}).setdefault(where["cell"], []).append(
            "\n".join(comment_lines(f, lang)))
    written = 0
    try:
        with zipfile.ZipFile(source) as archive:
            package = _Package(archive)
            for name, part in _worksheets(package).items():
                notes = by_sheet.get(name, {})
                _annotate_sheet(package, part, notes)
                written += sum(len(texts) for texts in notes.values())
            package.save(target)
    except zipfile.BadZipFile:
        raise AnnotateError(messages.text(lang, "annotate.damaged", path=source, part="zip")) from None
    except _Damaged as exc:
        raise AnnotateError(messages.text(lang, "annotate.damaged", path=source, part=str(exc))) from None
    return Written(written, skipped)


# ---------------------------------------------------------------------------------------------
# the package: original parts, and the few this run changes


class _Package:
    """The original's parts (read lazily) and the edits made to them; names compare without case,
    as part names do (OPC)."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.names = {info.filename.lower(): info for info in archive.infolist()}
        self.edits: dict[str, tuple[str, bytes | None]] = {}  # lower name → (name, content; None: removed)

    def read(self, part: str) -> bytes | None:
        key = part.lower()
        if key in self.edits:
            return self.edits[key][1]
        info = self.names.get(key)
        if info is None:
            return None
        try:
            return self.archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError):
            raise _Damaged(part) from None

    def exists(self, part: str) -> bool:
        key = part.lower()
        return self.edits[key][1] is not None if key in self.edits else key in self.names

    def write(self, part: str, data: bytes | None) -> None:
        key = part.lower()
        name = self.names[key].filename if key in self.names else self.edits.get(key, (part,))[0]
        self.edits[key] = (name, data)

    def free_name(self, pattern: str) -> str:
        """The first pattern.format(n), n = 1, 2 …, that names no part."""
        n = 1
        while self.exists(pattern.format(n)):
            n += 1
        return pattern.format(n)

    def parts(self, suffix: str) -> list[str]:
        names = [info.filename for key, info in self.names.items() if key.endswith(suffix)]
        return names + [name for key, (name, _) in self.edits.items() if key.endswith(suffix) and key not in self.names]

    def save(self, target: Path) -> None:
        """The original's entries in their order, each as it was unless edited, then the new parts."""
        now = time.localtime()[:6]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in self.archive.infolist():
                key = info.filename.lower()
                data = self.edits[key][1] if key in self.edits else self.read(info.filename)
                if data is not None:
                    out.writestr(_entry(info.filename, info.date_time, info), data)
            for key, (name, data) in self.edits.items():
                if key not in self.names and data is not None:
                    out.writestr(_entry(name, now), data)
            out.comment = self.archive.comment


def _entry(name: str, date_time, like: zipfile.ZipInfo | None = None) -> zipfile.ZipInfo:
    """A fresh zip entry (the original's extra fields describe its own layout, not the copy's)."""
    info = zipfile.ZipInfo(name, date_time=date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    if like is not None:
        if like.compress_type == zipfile.ZIP_STORED:
            info.compress_type = zipfile.ZIP_STORED
        info.external_attr = like.external_attr
        info.create_system = like.create_system
    return info


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _resolve(source_part: str, target: str) -> str:
    target = unquote(target)
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


@dataclass
class _Rel:
    id: str
    type: str
    part: str | None  # the part it points to (None: an external target)


def _relationships(package: _Package, part: str) -> list[_Rel]:
    rels_part = _rels_name(part)
    data = package.read(rels_part)
    if data is None:
        return []
    out = []
    for rel in _tree(data, rels_part).iter(f"{{{_PKG_REL}}}Relationship"):
        external = rel.get("TargetMode") == "External"
        out.append(_Rel(rel.get("Id", ""), rel.get("Type", ""),
                        None if external else _resolve(part, rel.get("Target", ""))))
    return out


def _tree(data: bytes, part: str):
    from lxml import etree

    try:
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError:
        raise _Damaged(part) from None


def _worksheets(package: _Package) -> dict[str, str]:
    """Sheet name → the part holding the worksheet (xl/worksheets/sheet1.xml)."""
    workbook = next((r.part for r in _relationships(package, "") if r.type == _TYPE_DOCUMENT and r.part), None)
    if workbook is None or not package.exists(workbook):
        raise _Damaged("xl/workbook.xml")
    targets = {r.id: r.part for r in _relationships(package, workbook) if r.type == _TYPE_WORKSHEET and r.part}
    out = {}
    for sheet in _tree(package.read(workbook), workbook).iter(f"{{{_MAIN}}}sheet"):
        part = targets.get(sheet.get(f"{{{_REL}}}id"))
        if part is not None and package.exists(part):
            out[sheet.get("name")] = part
    return out


# ---------------------------------------------------------------------------------------------
# XML edited as text: where the root's children stand, byte for byte


@dataclass
class _Element:
    name: str  # as written, with its prefix
    attrs: dict[str, str]
    start: int  # offset of '<'
    tag_end: int  # offset after the start tag's '>'
    end: int = -1  # offset after the element
    close: int | None = None  # offset of its end tag (None: written as an empty element)
    inner: str | None = None  # mc:AlternateContent: the local name of what its first choice holds


_START_TAG = re.compile(rb"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""")


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _prefix(name: str) -> str:
    return name.rsplit(":", 1)[0] + ":" if ":" in name else ""


_SHEET_DATA = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?sheetData)\b[^>]*?(/?)>")


def _scan(data: bytes, part: str) -> tuple[_Element, list[_Element]]:
    """The root element and its children, with their byte offsets in `data`.

    A sheet's cells are most of it and none of them is wanted: the parser reads the sheet with
    the inside of <sheetData> cut out (a 12 MB sheet in a tenth of the time), and the whole part
    when the cut does not leave well-formed XML."""
    found = _SHEET_DATA.search(data)
    if found is not None and not found.group(2):
        close = data.rfind(b"</" + found.group(1), found.end())
        if close > found.end():
            try:
                return _scan_offsets(data[:found.end()] + data[close:], part, found.end(), close - found.end())
            except _Damaged:
                pass
    return _scan_offsets(data, part, len(data), 0)


def _scan_offsets(data: bytes, part: str, cut: int, shift: int) -> tuple[_Element, list[_Element]]:
    """_scan on `data` from which `shift` bytes were cut out at `cut`: offsets are the uncut part's."""
    parser = expat.ParserCreate()
    stack: list[_Element | None] = []
    children: list[_Element] = []
    roots: list[_Element] = []

    def element(name: str, attrs: dict[str, str]) -> _Element:
        at = parser.CurrentByteIndex
        tag = _START_TAG.match(data, at)
        if tag is None:
            raise _Damaged(part)
        el = _Element(name, attrs, at, tag.end())
        if tag.group(1):
            el.end = tag.end()
        return el

    def start(name, attrs):
        depth = len(stack)
        if depth <= 1:
            el = element(name, attrs)
            if depth == 1:
                children.append(el)
            stack.append(el)
            return
        if depth == 3 and stack[1].inner is None and _local(stack[1].name) == "AlternateContent":
            stack[1].inner = _local(name)
        stack.append(None)

    def end(name):
        el = stack.pop()
        if el is not None and el.end < 0:
            el.close = parser.CurrentByteIndex
            el.end = data.index(b">", el.close) + 1
        if not stack:
            roots.append(el)

    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        raise _Damaged(part) from None
    if not roots:
        raise _Damaged(part)
    def moved(at: int | None, ends: bool = False) -> int | None:
        """Where an offset was before the cut: what starts at the cut stood after it, what ends there before."""
        return at + shift if at is not None and (at > cut or (at == cut and not ends)) else at

    for el in [roots[0], *children]:
        el.start, el.close = moved(el.start), moved(el.close)
        el.tag_end, el.end = moved(el.tag_end, ends=True), moved(el.end, ends=True)
    return roots[0], children


def _utf8(data: bytes, part: str) -> bytes:
    """The part in UTF-8 (what Excel writes): one in another encoding is written again."""
    from lxml import etree

    head = data[:200]
    if not (head.startswith((b"\xff\xfe", b"\xfe\xff"))
            or re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["'](?!utf-?8["'])""", head, re.IGNORECASE)):
        return data
    return etree.tostring(_tree(data, part), xml_declaration=True, encoding="UTF-8", standalone=True)


def _append_child(data: bytes, part: str, make) -> bytes:
    """Insert make(prefix) as the root's last child (prefix: the root's, for a child in its namespace)."""
    data = _utf8(data, part)
    root, _ = _scan(data, part)
    snippet = make(_prefix(root.name)).encode("utf-8")
    if root.close is not None:
        return data[:root.close] + snippet + data[root.close:]
    slash = data.rindex(b"/", root.start, root.tag_end)
    return data[:slash] + b">" + snippet + b"</" + root.name.encode("utf-8") + b">" + data[root.tag_end:]


def _remove_children(data: bytes, part: str, which) -> bytes:
    """Take out the root's children for which which(element) is true."""
    data = _utf8(data, part)
    _, children = _scan(data, part)
    for el in reversed([c for c in children if which(c)]):
        data = data[:el.start] + data[el.end:]
    return data


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _add_rel(package: _Package, part: str, kind: str, target_part: str, rel_id: str | None = None) -> str:
    """A relationship from `part` to `target_part`, added to its .rels (made if missing); returns its Id."""
    rels_part = _rels_name(part)
    data = package.read(rels_part) or _RELS_SKELETON
    taken = {r.id for r in _relationships(package, part)}
    if rel_id is None:
        n = 1
        while f"rId{n}" in taken:
            n += 1
        rel_id = f"rId{n}"
    target = posixpath.relpath(target_part, posixpath.dirname(part) or ".")
    package.write(rels_part, _append_child(data, rels_part, lambda p: (
        f'<{p}Relationship Id="{_attr(rel_id)}" Type="{kind}" Target="{_attr(target)}"/>')))
    return rel_id


def _drop_rel(package: _Package, part: str, rel_id: str) -> None:
    rels_part = _rels_name(part)
    data = package.read(rels_part)
    if data is None:
        return
    data = _remove_children(data, rels_part,
                            lambda el: _local(el.name) == "Relationship" and el.attrs.get("Id") == rel_id)
    _, left = _scan(data, rels_part)
    package.write(rels_part, data if left else None)  # a part with no relationships needs no .rels


def _content_types(package: _Package):
    data = package.read(_CT_PART)
    if data is None:
        raise _Damaged(_CT_PART)
    return data, _tree(data, _CT_PART)


def _ensure_type(package: _Package, part: str, content_type: str, default: bool = False) -> None:
    """[Content_Types].xml names the part's type: an Override for it (default: or a Default for its
    extension, added as one when there is none)."""
    data, tree = _content_types(package)
    name = "/" + part.lstrip("/")
    for override in tree.iter(f"{{{_CONTENT_TYPES}}}Override"):
        if override.get("PartName", "").lower() == name.lower():
            return
    extension = posixpath.splitext(part)[1].lstrip(".")
    if default:
        for entry in tree.iter(f"{{{_CONTENT_TYPES}}}Default"):
            if entry.get("Extension", "").lower() == extension.lower():
                return
        snippet = lambda p: f'<{p}Default Extension="{_attr(extension)}" ContentType="{content_type}"/>'  # noqa: E731
    else:
        snippet = lambda p: f'<{p}Override PartName="{_attr(name)}" ContentType="{content_type}"/>'  # noqa: E731
    package.write(_CT_PART, _append_child(data, _CT_PART, snippet))


def _drop_default(package: _Package, extension: str) -> None:
    data, _ = _content_types(package)
    package.write(_CT_PART, _remove_children(data, _CT_PART, lambda el: (
        _local(el.name) == "Default" and el.attrs.get("Extension", "").lower() == extension)))


def _drop_type(package: _Package, part: str) -> None:
    data, _ = _content_types(package)
    name = "/" + part.lstrip("/")
    package.write(_CT_PART, _remove_children(data, _CT_PART, lambda el: (
        _local(el.name) == "Override" and el.attrs.get("PartName", "").lower() == name.lower())))


# ---------------------------------------------------------------------------------------------
# the comments part


def _cell_index(ref: str) -> tuple[int, int]:
    """'C4' → (3, 2): row and column from 0."""
    m = _CELL.match(ref.strip())
    if m is None:
        return (0, 0)
    column = 0
    for letter in m.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return int(m.group(2)) - 1, column - 1


def _clean(text: str) -> str:
    return _NOT_XML_CHARS.sub("", text)


class _Comments:
    """xl/commentsN.xml as a tree: what a cell's comment says, who wrote it, and changes to both."""

    def __init__(self, data: bytes | None, part: str):
        from lxml import etree

        if data is None:
            self.root = etree.Element(f"{{{_MAIN}}}comments", nsmap={None: _MAIN})
        else:
            self.root = _tree(data, part)
        self.ns = etree.QName(self.root).namespace or _MAIN
        self.authors = self._child(self.root, "authors", 0)
        self.list = self._child(self.root, "commentList", 1)

    def _q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}"

    def _child(self, parent, name: str, index: int):
        from lxml import etree

        found = parent.find(self._q(name))
        if found is None:
            found = etree.Element(self._q(name))
            parent.insert(index, found)
        return found

    def cells(self) -> dict[str, object]:
        return {c.get("ref", ""): c for c in self.list.findall(self._q("comment"))}

    def author(self, comment) -> str | None:
        names = self.authors.findall(self._q("author"))
        try:
            return names[int(comment.get("authorId", "0"))].text
        except (ValueError, IndexError):
            return None

    def text(self, comment) -> str:
        """What openpyxl reads: the plain text and the runs' texts, not the phonetic runs."""
        body = comment.find(self._q("text"))
        if body is None:
            return ""
        pieces = [t.text or "" for t in body.findall(self._q("t"))]
        pieces += [t.text or "" for r in body.findall(self._q("r")) for t in r.findall(self._q("t"))]
        return "".join(pieces)

    def own(self, comment) -> None:
        """The auditor is the comment's author (how the next run knows its notes again)."""
        from lxml import etree

        names = [a.text for a in self.authors.findall(self._q("author"))]
        if AUTHOR not in names:
            etree.SubElement(self.authors, self._q("author")).text = AUTHOR
            names.append(AUTHOR)
        comment.set("authorId", str(names.index(AUTHOR)))

    def _body(self, comment):
        from lxml import etree

        body = comment.find(self._q("text"))
        if body is None:
            body = etree.SubElement(comment, self._q("text"))
        return body

    def set_text(self, comment, text: str) -> None:
        """The comment says only `text` (the reviewer's formatting of what is kept goes)."""
        from lxml import etree

        body = self._body(comment)
        for child in list(body):
            body.remove(child)
        t = etree.SubElement(body, self._q("t"))
        t.text = _clean(text)
        t.set(_XML_SPACE, "preserve")

    def keep_first(self, comment, n: int) -> None:
        """Keep the comment's first n characters in the runs that hold them (their formatting with
        them); what follows goes."""
        from lxml import etree

        body = self._body(comment)
        at = 0
        for child in list(body):
            name = etree.QName(child).localname
            if name not in ("t", "r"):
                continue
            texts = [child] if name == "t" else child.findall(self._q("t"))
            length = sum(len(t.text or "") for t in texts)
            if at >= n:
                body.remove(child)
            elif at + length > n:
                room = n - at
                for t in texts:
                    whole = t.text or ""
                    t.text, room = whole[:room], max(0, room - len(whole))
            at += length

    def add_below(self, comment, text: str) -> None:
        """`text` below what the comment says, in a run of its own after the others (a plain text
        becomes a run first, so that runs alone follow each other); phonetic runs stay last."""
        from lxml import etree

        body = self._body(comment)
        plain = body.find(self._q("t"))
        if plain is not None:
            run = etree.Element(self._q("r"))
            body.replace(plain, run)
            run.append(plain)
        runs = body.findall(self._q("r"))
        run = etree.Element(self._q("r"))
        properties = runs[-1].find(self._q("rPr")) if runs else None
        if properties is not None:
            properties = etree.fromstring(etree.tostring(properties))
            for emphasis in ("b", "i", "u", "strike"):  # the note reads as body text, not as a heading
                for found in properties.findall(self._q(emphasis)):
                    properties.remove(found)
            run.append(properties)
        t = etree.SubElement(run, self._q("t"))
        t.text = _clean(text)
        t.set(_XML_SPACE, "preserve")
        if runs:
            runs[-1].addnext(run)
        else:
            body.insert(0, run)
        self.own(comment)

    def add(self, ref: str, text: str) -> None:
        from lxml import etree

        comment = etree.SubElement(self.list, self._q("comment"), ref=ref, authorId="0", shapeId="0")
        self.own(comment)
        self.set_text(comment, text)

    def remove(self, comment) -> None:
        self.list.remove(comment)

    def sort(self) -> None:
        """Row by row, as Excel writes them."""
        comments = self.list.findall(self._q("comment"))
        for c in comments:
            self.list.remove(c)
        for c in sorted(comments, key=lambda c: _cell_index(c.get("ref", ""))):
            self.list.append(c)

    def to_bytes(self) -> bytes:
        from lxml import etree

        declaration = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        return declaration + etree.tostring(self.root, encoding="UTF-8", xml_declaration=False)


# ---------------------------------------------------------------------------------------------
# the legacy VML drawing, edited as text: Excel's VML is not always well-formed XML


# any prefix: Excel writes v: o: x:, openpyxl ns0: ns1: … declared on each element
_NAME = rb"[A-Za-z_][\w.-]*"
_VML_SHAPE = re.compile(rb"<(" + _NAME + rb"):shape\b(?:[^>]*?/>|.*?</\1:shape\s*>)", re.DOTALL)
_VML_NOTE = re.compile(rb"""ObjectType\s*=\s*["']Note["']""")
_VML_ROW = re.compile(rb"<(?:" + _NAME + rb":)?Row>\s*(\d+)\s*</")
_VML_COLUMN = re.compile(rb"<(?:" + _NAME + rb":)?Column>\s*(\d+)\s*</")
_VML_IDS = re.compile(rb"_x0000_s(\d+)")
_VML_IDMAP = re.compile(rb"(<" + _NAME + rb""":idmap\b[^>]*?\bdata\s*=\s*)(["'])([^"']*)\2""")
_VML_NOTE_TYPE = re.compile(rb"<" + _NAME + rb""":shapetype\b[^>]*\bid\s*=\s*["']_x0000_t202["']""")
_VML_LAYOUT_AND_TYPES = re.compile(rb"<(" + _NAME + rb"):(shapetype|shapelayout)\b.*?</\1:\2\s*>", re.DOTALL)
_VML_NAMESPACES = {b"v": b"urn:schemas-microsoft-com:vml", b"o": b"urn:schemas-microsoft-com:office:office",
                   b"x": b"urn:schemas-microsoft-com:office:excel"}
_VML_LAYOUT = '<o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="{blocks}"/>\n </o:shapelayout>'
_VML_NOTE_SHAPETYPE = (
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n'
    '  path="m,l,21600r21600,l21600,xe">\n'
    '  <v:stroke joinstyle="miter"/>\n'
    '  <v:path gradientshapeok="t" o:connecttype="rect"/>\n'
    ' </v:shapetype>')
_VML_SKELETON = ('<xml xmlns:v="urn:schemas-microsoft-com:vml"\n'
                 ' xmlns:o="urn:schemas-microsoft-com:office:office"\n'
                 ' xmlns:x="urn:schemas-microsoft-com:office:excel">\n '
                 + _VML_LAYOUT.format(blocks="") + _VML_NOTE_SHAPETYPE + "\n</xml>")


def _blocks(vml: bytes) -> list[int]:
    """The blocks of 1024 shape IDs this drawing holds (<o:idmap data="1,2">)."""
    m = _VML_IDMAP.search(vml)
    return [int(n) for n in re.findall(rb"\d+", m.group(3))] if m else []


def _notes_in(vml: bytes) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) → the byte span of the note shape standing on that cell."""
    out = {}
    for m in _VML_SHAPE.finditer(vml):
        shape = m.group(0)
        row, column = _VML_ROW.search(shape), _VML_COLUMN.search(shape)
        if _VML_NOTE.search(shape) and row and column:
            out[(int(row.group(1)), int(column.group(1)))] = m.span()
    return out


def _note_shape(shape_id: int, row: int, column: int, z: int, lines: int) -> str:
    """A hidden note box beside the cell, sized for the findings (like the ones Excel writes)."""
    top = max(row - 1, 0)
    height = 80 + 60 * lines  # pixels, as the comments were sized before
    bottom = top + height // 20 + 1
    return (f'<v:shape id="_x0000_s{shape_id}" type="#_x0000_t202" style="position:absolute;'
            f'margin-left:{(column + 1) * 48 + 11.25:g}pt;margin-top:{top * 15 + 7.5:g}pt;width:270pt;'
            f'height:{height * 0.75:g}pt;z-index:{z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">\n'
            '  <v:fill color2="#ffffe1"/>\n'
            '  <v:shadow on="t" color="black" obscured="t"/>\n'
            '  <v:path o:connecttype="none"/>\n'
            '  <v:textbox style="mso-direction-alt:auto">\n'
            '   <div style="text-align:left"></div>\n'
            '  </v:textbox>\n'
            '  <x:ClientData ObjectType="Note">\n'
            '   <x:MoveWithCells/>\n'
            '   <x:SizeWithCells/>\n'
            f'   <x:Anchor>{column + 1}, 15, {top}, 10, {column + 6}, 15, {bottom}, 4</x:Anchor>\n'
            '   <x:AutoFill>False</x:AutoFill>\n'
            f'   <x:Row>{row}</x:Row>\n'
            f'   <x:Column>{column}</x:Column>\n'
            '  </x:ClientData>\n'
            ' </v:shape>')


def _taken_blocks(package: _Package, but: str | None) -> set[int]:
    """The shape-ID blocks the workbook's other VML drawings hold (each drawing has its own)."""
    taken: set[int] = set()
    for part in package.parts(".vml"):
        if but is not None and part.lower() == but.lower():
            continue
        data = package.read(part) or b""
        taken.update(_blocks(data))
        taken.update(int(n) // 1024 for n in _VML_IDS.findall(data))
    return taken


def _shape_ids(vml: bytes, taken: set[int], n: int) -> tuple[list[int], list[int]]:
    """n new shape IDs for this drawing, and the blocks it then holds (new ones not taken elsewhere)."""
    blocks = _blocks(vml)
    used = [int(m) for m in _VML_IDS.findall(vml)]
    if not blocks:
        blocks = sorted({u // 1024 for u in used} - taken) or [max(taken | {0}) + 1]
    ids: list[int] = []
    next_id = max(used + [min(blocks) * 1024]) + 1
    while len(ids) < n:
        block = next_id // 1024
        if block not in blocks:
            if block in taken:
                block = max(taken | set(blocks)) + 1
                next_id = block * 1024
            blocks.append(block)
        if next_id % 1024:  # Excel starts a block at …1025, never on the block's first number
            ids.append(next_id)
        next_id += 1
    return ids, blocks


def _edit_vml(vml: bytes, part: str, drop: set[tuple[int, int]], add: dict[tuple[int, int], int],
              taken: set[int]) -> bytes:
    """Take out the note shapes on the `drop` cells, add one on each `add` cell ((row, column) → lines)."""
    notes = _notes_in(vml)
    for start, end in sorted((notes[cell] for cell in drop if cell in notes), reverse=True):
        vml = vml[:start] + vml[end:]
    if not add:
        return vml
    root = re.search(rb"<xml\b[^>]*>", vml)
    close = vml.rfind(b"</xml")
    if root is None or close < root.end():
        raise _Damaged(part)
    missing = b"".join(b' xmlns:%s="%s"' % (prefix, uri) for prefix, uri in _VML_NAMESPACES.items()
                       if not re.search(rb"\bxmlns:" + prefix + rb"\s*=", root.group(0)))
    ids, blocks = _shape_ids(vml, taken, len(add))
    z = len(_VML_SHAPE.findall(vml))
    shapes = [_note_shape(shape_id, row, column, z + k + 1, lines)
              for k, (shape_id, ((row, column), lines)) in enumerate(zip(ids, sorted(add.items())))]
    head = "" if _VML_NOTE_TYPE.search(vml) else _VML_NOTE_SHAPETYPE
    vml = vml[:close] + (" " + head + "".join(shapes) + "\n").encode("utf-8") + vml[close:]
    layout = ",".join(str(b) for b in blocks).encode()
    idmap = _VML_IDMAP.search(vml)
    if idmap is not None:
        vml = vml[:idmap.start(3)] + layout + vml[idmap.end(3):]
    else:
        vml = vml[:root.end()] + ("\n " + _VML_LAYOUT.format(blocks=layout.decode())).encode() + vml[root.end():]
    return vml[:root.end() - 1] + missing + vml[root.end() - 1:] if missing else vml


def _has_shapes(vml: bytes) -> bool:
    """Anything drawn left besides the shape layout and shape types."""
    return re.search(rb"<" + _NAME + rb":", _VML_LAYOUT_AND_TYPES.sub(b"", vml)) is not None


# ---------------------------------------------------------------------------------------------
# one worksheet


def _annotate_sheet(package: _Package, part: str, notes: dict[str, list[str]]) -> None:
    """Write the sheet's notes (cell → texts) and take the auditor's notes of an earlier run out."""
    rels = _relationships(package, part)
    comments_rel = next((r for r in rels if r.type == _TYPE_COMMENTS and r.part), None)
    comments_part = comments_rel.part if comments_rel else None
    existing = package.read(comments_part) if comments_part else None
    if existing is None and not notes:
        return
    comments = _Comments(existing, comments_part or "comments")
    before = comments.cells()
    changed = False
    for ref, comment in before.items():
        if comments.author(comment) != AUTHOR:
            continue
        text = comments.text(comment)
        left = without_own_notes(text)
        if not left.strip():
            comments.remove(comment)
            changed = True
        elif left != text:
            if text.startswith(left):  # a reviewer's words above the notes: kept as they were written
                comments.keep_first(comment, len(left.rstrip()))
            else:
                comments.set_text(comment, left)
            changed = True
    if not notes and not changed:
        return
    present = comments.cells()
    by_index = {_cell_index(ref): ref for ref in present}
    for cell, texts in notes.items():
        note = "\n\n".join(texts)
        ref = by_index.get(_cell_index(cell))
        if ref is not None and comments.text(present[ref]).strip():
            comments.add_below(present[ref], "\n\n" + note)
        elif ref is not None:
            comments.set_text(present[ref], note)
            comments.own(present[ref])
        else:
            comments.add(cell.replace("$", "").upper(), note)
    comments.sort()
    after = {_cell_index(ref) for ref in comments.cells()}
    lines = {_cell_index(cell): len(texts) for cell, texts in notes.items()}

    if not after and comments_rel is not None:  # nothing left to say: the part goes
        package.write(comments_part, None)
        _drop_rel(package, part, comments_rel.id)
        _drop_type(package, comments_part)
    elif after:
        if comments_part is None:
            comments_part = package.free_name("xl/comments{}.xml")
            _add_rel(package, part, _TYPE_COMMENTS, comments_part)
        package.write(comments_part, comments.to_bytes())
        _ensure_type(package, comments_part, _CT_COMMENTS)
    _sheet_drawing(package, part, {_cell_index(ref) for ref in before} - after, after, lines)


def _sheet_drawing(package: _Package, part: str, dropped: set, after: set, lines: dict) -> None:
    """The note shapes in the sheet's legacy drawing follow its comments: those of the comments
    taken out go, each comment without one gets one; a drawing left empty goes with its
    <legacyDrawing>, and one is made when the sheet has none."""
    sheet = _utf8(package.read(part), part)
    root, children = _scan(sheet, part)
    legacy = next((c for c in children if _local(c.name) == "legacyDrawing"), None)
    legacy_id = None
    if legacy is not None:
        legacy_id = next((v for k, v in legacy.attrs.items() if _local(k) == "id"), None)
    rel = next((r for r in _relationships(package, part) if r.id == legacy_id and r.part), None)
    vml_part = rel.part if rel else None
    vml = package.read(vml_part) if vml_part else None
    shapes = set(_notes_in(vml)) if vml is not None else set()
    add = {cell: lines.get(cell, 1) for cell in after - shapes}
    if vml is None and not add:
        return
    if vml is None:
        vml_part = vml_part or package.free_name("xl/drawings/vmlDrawing{}.vml")
        new = _edit_vml(_VML_SKELETON.encode(), vml_part, set(), add, _taken_blocks(package, vml_part))
        package.write(vml_part, new)
        _ensure_type(package, vml_part, _CT_VML, default=True)
        if legacy is None:
            rel_id = _add_rel(package, part, _TYPE_VML, vml_part)
            _insert_legacy(package, part, sheet, root, children, rel_id)
        elif rel is None:
            _add_rel(package, part, _TYPE_VML, vml_part, rel_id=legacy_id)
        return
    new = _edit_vml(vml, vml_part, dropped & shapes, add, _taken_blocks(package, vml_part))
    if new == vml:
        return
    if _has_shapes(new):
        package.write(vml_part, new)
        return
    package.write(vml_part, None)  # only our notes were drawn there
    _drop_rel(package, part, rel.id)
    _drop_type(package, vml_part)
    if not any(package.exists(p) for p in package.parts(".vml")):
        _drop_default(package, "vml")
    package.write(part, sheet[:legacy.start] + sheet[legacy.end:])


def _insert_legacy(package: _Package, part: str, sheet: bytes, root: _Element, children: list[_Element],
                   rel_id: str) -> None:
    """<legacyDrawing r:id="…"/> where CT_Worksheet wants it: before legacyDrawingHF … extLst (an
    mc:AlternateContent by what its choice holds), else last."""
    at = next((c.start for c in children
               if _local(c.name) in _AFTER_LEGACY
               or (_local(c.name) == "AlternateContent" and c.inner in _AFTER_LEGACY)), root.close)
    prefixes = {_local(k) if k.startswith("xmlns:") else "": v for k, v in root.attrs.items()
                if k == "xmlns" or k.startswith("xmlns:")}
    r = next((p for p, uri in prefixes.items() if p and uri == _REL), None)
    id_attr = f'{r}:id="{_attr(rel_id)}"' if r else f'xmlns:r="{_REL}" r:id="{_attr(rel_id)}"'
    element = f"<{_prefix(root.name)}legacyDrawing {id_attr}/>".encode("utf-8")
    if at is None:  # an empty worksheet element
        package.write(part, _append_child(sheet, part, lambda p: element.decode("utf-8")))
        return
    package.write(part, sheet[:at] + element + sheet[at:])
