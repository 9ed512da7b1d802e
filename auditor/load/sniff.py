"""What a file *is*, from its bytes: the extension is only a hint.

Binary containers are told apart by their signatures and, for zip and OLE2
(Compound File) containers, by the parts inside them (zipfile, olefile):

    %PDF-                       pdf
    zip with word/document.xml  docx      zip with xl/workbook.xml   xlsx
    OLE2 with Workbook/Book     xls       OLE2 with EncryptedPackage  a password-protected docx/xlsx
    OLE2 with WordDocument      a legacy .doc (refused with a hint)
    anything that is text       html when it looks like markup, else txt — but plain
                                text named .pdf/.docx/.xlsx/.xls is refused (a failed
                                download, an error page saved under the report's name);
                                a web page named .xls/.xlsx is read as one (web systems
                                export such "spreadsheets")

A file whose bytes match none of them, or match a format the auditor cannot
read (images, archives, .doc, .odt …), is refused with one line that says what
the file appears to be.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from auditor import lazyre
from auditor.load.base import LoadError

SUFFIX_FORMAT = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
                 ".xls": "xls", ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
                 ".txt": "txt", ".text": "txt", ".md": "txt", ".csv": "txt"}

# Formats the auditor cannot read, by signature: a clear refusal beats a garbled read.
_FOREIGN = (  # (signature, what it is: auditor.messages "what.*")
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
    (b"{\\rtf", "rtf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None),  # OLE2: looked into below
    (b"PK\x03\x04", None),  # zip: looked into below
    (b"PK\x05\x06", "empty_zip"),
)


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MARKUP = lazyre.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAGS = lazyre.compile(rb"<(?:p|div|table|tr|td|br|span|body|h[1-6])\b[^>]*>", re.IGNORECASE)


def sniff(data: bytes, path: str | Path) -> str:
    """The format of `data`: pdf, docx, xlsx, xls, html or txt; LoadError when unreadable."""
    name = str(path)
    suffix = Path(path).suffix.lower()
    head = data[:1024]
    if re.search(rb"%PDF-\d", head):
        return "pdf"
    for signature, what in _FOREIGN:
        if data.startswith(signature):
            if data.startswith(_OLE2):
                return _ole2_kind(data, name)
            if data.startswith(b"PK\x03\x04"):
                return _zip_kind(data, name)
            raise LoadError("load.foreign", path=name, what=what)
    claimed = SUFFIX_FORMAT.get(suffix)
    binary_claim = claimed in {"pdf", "docx", "xlsx", "xls"}
    if binary_claim and _binary(data):
        raise LoadError("load.mislabelled", path=name, format=claimed, suffix=suffix)
    if _is_markup(data, claimed == "html" or binary_claim):
        if claimed in {"pdf", "docx"}:
            raise LoadError("load.web_page_named", path=name, format=claimed)
        return "html"  # the ".xls" many web systems export is an HTML table: read it as one
    if binary_claim:
        raise LoadError("load.text_named", path=name, format=claimed)
    return "txt"


def _binary(data: bytes) -> bool:
    from auditor.load.text import _looks_binary, _utf16_without_bom

    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data.startswith(b"\xef\xbb\xbf"):
        return False
    return _looks_binary(data) and _utf16_without_bom(data) is None


def _is_markup(data: bytes, claimed_html: bool) -> bool:
    head = data[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 markup: look at it as text
        try:
            head = data[:8192].decode("utf-16").encode("utf-8", "ignore")
        except UnicodeDecodeError:
            return False
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if _MARKUP.match(head):
        return True
    return claimed_html and len(_TAGS.findall(head)) >= 2


def _zip_kind(data: bytes, name: str) -> str:
    import zipfile  # only for a zip container (with shutil, 4 ms of a start that reads text)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").decode("ascii", "ignore") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, NotImplementedError):
        raise LoadError("load.zip_damaged", path=name) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        raise LoadError("load.powerpoint", path=name)
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        raise LoadError("load.opendocument", path=name)
    if any(n.startswith("word/") for n in names) or any(n.startswith("xl/") for n in names):
        raise LoadError("load.office_damaged", path=name)
    raise LoadError("load.zip_archive", path=name)


def _ole2_kind(data: bytes, name: str) -> str:
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            streams = {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # olefile raises plain OSError and others on damaged containers
        raise LoadError("load.ole_damaged", path=name) from None
    if "encryptedpackage" in streams or "encryptioninfo" in streams:
        raise LoadError("load.office_password", path=name)
    if "workbook" in streams or "book" in streams:
        return "xls"
    if "worddocument" in streams:
        raise LoadError("load.legacy_doc", path=name)
    if "powerpoint document" in streams:
        raise LoadError("load.powerpoint", path=name)
    raise LoadError("load.office_unknown", path=name)
