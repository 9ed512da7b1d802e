"""Files the command writes (-o, --annotate, --write-baseline): checked before the audit, written whole or not at all.

`problem` tells, before any file is read, why a target cannot be written (its
folder is missing or read-only, it is a folder), so a long audit never ends in
a traceback.  `Atomic` writes a regular file through a temporary file in the
same folder and `os.replace`: a full disk, a crash or Ctrl-C leave the old file
(or none), never half a report.  A target that is not a regular file
(/dev/stdout, /dev/null, a pipe) is written in place: replacing it would
replace the device.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import IO

from auditor import lazyre


class OutputError(Exception):
    """A target that cannot be written; str() is one line (in the language of the run)."""


def _special(path: Path) -> bool:
    """An existing target that is not a regular file (a device, a pipe): written in place."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def final_path(path: str | Path) -> Path:
    """Where the bytes end up: a link's target (replacing the link would cut it)."""
    p = Path(path)
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def problem(path: str | Path, lang: str = "zh") -> str | None:
    """Why `path` cannot be written, in one line; None when it can (or seems to)."""
    from auditor import messages

    p = final_path(path)
    if p.is_dir():
        return messages.text(lang, "cli.is_a_folder", path=path)
    if _special(p):
        return None
    folder = p.parent
    if not folder.exists():
        return messages.text(lang, "cli.no_folder", path=path, folder=folder)
    if not folder.is_dir():
        return messages.text(lang, "cli.not_a_folder", path=path, folder=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return messages.text(lang, "cli.folder_not_writable", path=path, folder=folder)
    return None


def cannot_write(path: str | Path, exc: OSError, lang: str = "zh") -> str:
    from auditor import messages

    return messages.text(lang, "cli.cannot_write", path=path, reason=messages.os_reason(lang, exc))


class Atomic:
    """A text file written whole: `open()` a stream, then `commit()` (or `discard()`)."""

    def __init__(self, path: str | Path, encoding: str = "utf-8", newline: str | None = None) -> None:
        self.path = final_path(path)
        self.encoding, self.newline = encoding, newline
        self.stream: IO[str] | None = None
        self.temp: str | None = None

    def open(self) -> IO[str]:
        if _special(self.path):
            self.stream = open(self.path, "w", encoding=self.encoding, newline=self.newline)
            return self.stream
        fd, self.temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        try:
            os.chmod(fd, _mode_for(self.path))
            self.stream = os.fdopen(fd, "w", encoding=self.encoding, newline=self.newline)
        except BaseException:
            os.close(fd)
            self.discard()
            raise
        return self.stream

    def commit(self) -> None:
        """Flush and put the file in place; an OSError (a full disk) leaves the old file as it was."""
        try:
            if self.stream is not None:
                self.stream.close()
            if self.temp is not None:
                os.replace(self.temp, self.path)
                self.temp = None
        finally:
            self.discard()

    def discard(self) -> None:
        """Drop what was written (nothing of a regular target changes)."""
        if self.stream is not None and not self.stream.closed:
            try:
                self.stream.close()
            except OSError:
                pass
        if self.temp is not None:
            try:
                os.unlink(self.temp)
            except OSError:
                pass
            self.temp = None


def _mode_for(path: Path) -> int:
    """The permissions a new file would get (or the old file's): mkstemp's 0600 would hide a shared report."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """A whole file at once, atomically."""
    target = Atomic(path, encoding=encoding)
    stream = target.open()
    try:
        stream.write(text)
    except BaseException:
        target.discard()
        raise
    target.commit()


# -- never read or overwrite what is being checked ------------------------------------------------------

_HEAD = 8192
_COUNTED = (r"(读取 \d+ 个数字，核对 \d+ 个关系|read \d+ figures?, checked \d+ relations?"
            r"|未核对任何关系|no relation checked)")
# the first lines of each format audit writes (a report of public finance never starts so)
_OWN_STARTS = [lazyre.compile(p) for p in (
    r'<meta name="generator" content="audit ',                                  # html
    r'\A\ufeff?file,line,column,place,rule,severity,message,',                  # csv
    r'\A\s*\{\s*"\$schema": "[^"]*sarif[^"]*",(?s:.*?)"name": "audit"',          # sarif
    r'\A\s*\[?\s*\{\s*"file": "(?:[^"\\]|\\.)*",\s*"(?:findings|error)": ',      # json, jsonl
    r'\A::(?:error|warning|notice) file=',                                      # github
    r'\A[^\n]*:\S+: [A-Z]{2,4}\d{3} (?:error|warning|info) ',                   # text: a finding
    r'\A[^\n]*: (?:无法读取|unreadable): ',                                      # text: an unreadable file
    r'\A[^\n]*: [^\n]*' + _COUNTED,                                             # text: a clean file
    r'\A### [^\n]*\n\n(?:[^\n]*' + _COUNTED + r'|> (?:无法读取|Cannot read): )',    # markdown
)]


def is_own_output(path: str | Path) -> bool:
    """Whether a file is a report audit wrote (-o), recognised by how each format begins."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD).decode("utf-8", "replace")
    except OSError:
        return False
    return any(p.search(head) for p in _OWN_STARTS)


def same_file(a: Path, b: Path) -> bool:
    """Do two paths name one file (a link, a hard link, another spelling)?"""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def guard(inputs: list, named: list[str], targets: list[tuple[str, str]], lang: str = "zh") -> tuple[list, list]:
    """The inputs to check, and the reports audit wrote that a folder walk picked up (skipped).

    targets: (option, path) of every file the run writes.  A target that is an
    input, or the same file as another target, is refused (OutputError): `audit
    r.txt -o r.txt` would empty the report before reading it.  In a folder, the
    files audit wrote (an earlier run's -o, recognised by how they begin) are not
    reports: skipped, so a second run does not read the first one's output; any
    other file there is an input, never overwritten.
    """
    from auditor import batch, messages

    targets = [(option, path) for option, path in targets if path]
    for n, (option, path) in enumerate(targets):
        for other_option, other in targets[n + 1:]:
            if Path(path).exists() and same_file(Path(path), Path(other)) or \
                    os.path.abspath(path) == os.path.abspath(other):
                raise OutputError(messages.text(lang, "cli.same_target", first=option, second=other_option,
                                                path=path))
    explicit = [Path(raw) for raw in named if raw != "-"]
    kept, skipped = [], []
    for item in inputs:
        if isinstance(item, Path) and not any(same_file(item, e) or item == e for e in explicit) \
                and is_own_output(item):
            skipped.append(item)  # found in a folder, written by audit (an earlier -o): not a report
            continue
        kept.append(item)
    for item in kept:
        if isinstance(item, batch.Stdin):
            continue
        for part in (item if isinstance(item, batch.Together) else [item]):
            for option, path in targets:
                if same_file(Path(part), Path(path)):
                    raise OutputError(messages.text(lang, "cli.overwrites_input", option=option, path=path,
                                                    input=part))
    return kept, skipped
