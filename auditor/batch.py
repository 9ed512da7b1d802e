"""Inputs and running: which files to check, and checking them — many at once.

`collect` turns the command line's files and folders into a list of inputs: a
`Path` per report, or a `Together` group (a report and its attachments,
checked as one document).  Folders are walked for the extensions the loaders
read (`auditor.load.REPORT_SUFFIXES`), narrowed by `--glob` patterns.

`run` audits the inputs and yields one `Outcome` per input, *in input order*,
each as soon as it and every input before it are done, so a reporter can
stream them.  With enough work it runs them in a process pool (`jobs`
workers; by default as many as the size of the work pays for, at most every
core the process may use) and shows a Rich progress bar on stderr when stderr
is a terminal.  Workers send back slim results (`AuditResult.slim`): the
document, the findings and the counts, the facts only when the reporter shows
them.  A file that cannot be read — or that
trips an internal error — yields an Outcome with a one-line error instead of
stopping the batch.

`summarising` wraps a reporter so that, when more than one input was checked,
it receives a summary (file, errors, warnings, worst rule; worst first) just
before `finish`, if it has a `summary` method; with `quiet`, files without
findings reach only the summary.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterator, Sequence, Union

from auditor.check.rulebook import Rule
from auditor.extract.vocabulary import Vocabulary
from auditor.load import REPORT_SUFFIXES, LoadError, load_bytes, load_together, not_a_file
from auditor.pipeline import AuditResult, audit_document
from auditor.records import dataclass


class InputError(Exception):
    """A command-line input that is not usable (missing, empty folder …); str() is one line in the
    language of the run (auditor.messages "input.*")."""


def _words(lang: str, key: str, **values) -> str:
    from auditor import messages

    return messages.text(lang, key, **values)


class Stdin:
    """A report read from standard input (`audit -`): its bytes, read once in the parent."""

    name = "<stdin>"

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __str__(self) -> str:
        return self.name

    def __iter__(self):
        return iter(())


class Together(tuple):
    """Several files checked as ONE document: a report and its attachments."""

    def __new__(cls, paths):
        return super().__new__(cls, tuple(Path(p) for p in paths))

    def __str__(self) -> str:
        return str(self[0])


Input = Union[Path, Together, Stdin]


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its result, or the one-line error that stopped it."""

    path: str
    result: AuditResult | None = None
    error: str | None = None


# -- which files --------------------------------------------------------------------

def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")  # dot files, Office lock files


def walk(folder: Path, globs: Sequence[str] = (), lang: str = "zh") -> list[Path]:
    """The reports in a folder and its subfolders, sorted by path.

    Linked folders are not followed (a link to a parent would loop forever).  What
    cannot be read is skipped with one line on stderr — a link that loops or leads
    nowhere, a FIFO or device named like a report (opening it would block or never
    end), a subfolder without permission — and the rest is checked; the folder
    itself unreadable is an InputError.
    """
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        if exc.filename is None or Path(exc.filename) == folder:
            raise InputError(_words(lang, "input.folder_unreadable", path=folder, reason=_reason(lang, exc)))
        _warn(lang, "warn.folder_skipped", path=exc.filename, reason=_reason(lang, exc))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if _hidden(name) or Path(name).suffix.lower() not in REPORT_SUFFIXES:
                continue
            path = Path(root) / name
            if globs:
                relative = path.relative_to(folder).as_posix()
                if not any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(name, g) for g in globs):
                    continue
            try:
                kind = not_a_file(path.stat().st_mode)
            except OSError as exc:
                reason = "link_loop" if exc.errno == errno.ELOOP else "broken_link" \
                    if exc.errno == errno.ENOENT else None
                if reason is None:
                    _warn(lang, "warn.file_skipped", path=path, reason=_reason(lang, exc))
                else:
                    _warn(lang, f"warn.{reason}", path=path)
                continue
            if kind is not None:
                from auditor.messages import text

                _warn(lang, "warn.not_a_file", path=path, kind=text(lang, f"kind.{kind}"))
                continue
            found.append(path)
    return found


def _reason(lang: str, exc: OSError) -> str:
    from auditor.messages import os_reason

    return os_reason(lang, exc)


def _warn(lang: str, key: str, **values) -> None:
    """One line on stderr (the parent's: folders are walked and warnings printed there)."""
    from auditor.messages import warning

    print(f"audit: {warning(lang, key, values)}", file=sys.stderr, flush=True)


def warn_loaded(outcome: "Outcome", lang: str = "zh") -> None:
    """The warnings of a loaded document (damaged bytes replaced …), one line each on stderr."""
    if outcome.result is not None:
        for key, values in outcome.result.document.warnings:
            _warn(lang, key, **values)


def collect(paths: Sequence[str], globs: Sequence[str] = (), attachments: Sequence[str] = (),
            together: bool = False, lang: str = "zh", max_bytes: int | None = None) -> list[Input]:
    """The inputs the command line names, in order, each once.

    globs narrow what folders contribute (fnmatch patterns on the file name or
    the path below the folder: "*.pdf", "2023/*"); attachments (--with) join
    the single report they are given with; together checks every file as one.
    max_bytes bounds what standard input may hold (files are bounded as they are read).
    """
    out: list = []
    for raw in paths:
        if raw == "-":
            if any(isinstance(item, Stdin) for item in out):
                continue
            out.append(Stdin(_read_stdin(max_bytes, lang)))
            continue
        p = Path(raw)
        if not p.exists():
            if p.is_symlink():
                raise InputError(_words(lang, "input.dangling_link", path=raw))
            raise InputError(_words(lang, "input.missing", path=raw))
        if p.is_dir():
            found = walk(p, globs, lang)
            if not found:
                looked = ", ".join(sorted(REPORT_SUFFIXES))
                if globs:
                    raise InputError(_words(lang, "input.no_reports_matching", path=raw, globs=" | ".join(globs),
                                            looked=looked))
                raise InputError(_words(lang, "input.no_reports", path=raw, looked=looked))
            out.extend(found)
        else:
            out.append(p)
    seen: set = set()
    unique = []
    for p in out:
        try:
            key = p.resolve() if isinstance(p, Path) else id(p)
        except (OSError, RuntimeError):  # a link loop made after the walk: its reading says so
            key = p
        if key not in seen:
            seen.add(key)
            unique.append(p)
    if attachments:
        if len(unique) != 1:
            raise InputError(_words(lang, "input.with_many", n=len(unique)))
        for raw in attachments:
            if not Path(raw).is_file():
                raise InputError(_words(lang, "input.with_missing", path=raw))
        return [Together([unique[0], *attachments])]
    if together and len(unique) > 1:
        return [Together(unique)]
    return list(unique)


def _read_stdin(max_bytes: int | None = None, lang: str = "zh") -> bytes:
    from auditor.load import DEFAULT_MAX_BYTES

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(_words(lang, "input.no_stdin"))
    if sys.stdin.isatty():
        raise InputError(_words(lang, "input.stdin_terminal"))
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    data = stream.read(limit + 1)  # `audit - < /dev/zero` must not read until memory runs out
    if len(data) > limit:
        from auditor.messages import size

        raise InputError(_words(lang, "input.stdin_too_large", limit=size(lang, limit)))
    return data


def size_of(item: Input) -> int:
    """Bytes of an input (0 when it cannot be told)."""
    if isinstance(item, Stdin):
        return len(item.data)
    total = 0
    for p in (item if isinstance(item, Together) else [item]):
        try:
            total += Path(p).stat().st_size
        except OSError:
            pass
    return total


# -- names every output can write -----------------------------------------------------------

def printable(name: str) -> str:
    """A file name as every output can write it: the bytes of a name that is not UTF-8 (a
    GBK name from a Windows zip, which Python holds as lone surrogates) as \\xNN escapes.

    Without it, JSON gets invalid UTF-8 on standard output and -o fails with
    UnicodeEncodeError; with it, every format writes the same, readable name.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no undecodable byte made
        raw = name.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def printable_document(document):
    """The document with printable names (its own, and its attachments' in the places)."""
    from dataclasses import replace

    path = printable(document.path)
    locations = document.locations
    if any("file" in place and printable(str(place["file"])) != place["file"] for _, _, place in locations):
        locations = tuple((start, end, {**place, "file": printable(str(place["file"]))} if "file" in place else place)
                          for start, end, place in locations)
    if path == document.path and locations is document.locations:
        return document
    return replace(document, path=path, locations=locations)


# -- checking one input ------------------------------------------------------------------

def audit_one(item: Input, rules: list[Rule], vocab: Vocabulary | None, slim: str | None = None,
              explained: bool = False, max_bytes: int | None = None, lang: str = "zh",
              keep: str | None = None) -> Outcome:
    """Load and audit one input; every failure becomes a one-line error, never an exception.

    slim: None keeps the whole result; else `AuditResult.slim(keep=slim)` ("findings", "facts", "all").
    max_bytes: the largest file read (None: auditor.load.DEFAULT_MAX_BYTES).
    lang: the language of the error line (a worker renders it: the parent prints it as it is).
    keep: what the reporter reads, for a long text checked in segments (pipeline.audit_document).
    """
    # standard output is the report's: whatever a library prints while reading or checking goes to stderr
    with contextlib.redirect_stdout(sys.stderr):
        return _audit_one(item, rules, vocab, slim, explained, max_bytes, lang, keep)


def _audit_one(item: Input, rules: list[Rule], vocab: Vocabulary | None, slim: str | None,
               explained: bool, max_bytes: int | None, lang: str, keep: str | None = None) -> Outcome:
    name = printable(str(item))
    try:
        if isinstance(item, Stdin):
            document = load_bytes(item.data, item.name)
        else:
            document = load_together(list(item) if isinstance(item, Together) else [item], max_bytes)
    except LoadError as exc:
        return Outcome(name, error=printable(exc.render(lang)))
    except Exception as exc:  # a loader bug must not end a batch of a thousand files
        return Outcome(name, error=printable(_words(lang, "load.internal_read", path=name,
                                                    detail=f"{type(exc).__name__}: {exc}")))
    document = printable_document(document)
    try:
        result = audit_document(document, rules, vocab, explained, keep=keep or slim)
    except Exception as exc:
        return Outcome(name, error=_words(lang, "load.internal_check", path=name,
                                          detail=f"{type(exc).__name__}: {exc}"))
    return Outcome(name, result=result if slim is None else result.slim(keep=slim))


_WORKER: dict[str, Any] = {}


def _init_worker(rules: list[Rule], vocab: Vocabulary | None, keep: str = "facts", explained: bool = False,
                 max_bytes: int | None = None, lang: str = "zh") -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    _WORKER["rules"], _WORKER["vocab"], _WORKER["keep"], _WORKER["explained"] = rules, vocab, keep, explained
    _WORKER["max_bytes"], _WORKER["lang"] = max_bytes, lang


# tests only (tests/test_hostile_cli.py): a worker that is handed a file of this name dies, as one
# killed by the kernel for lack of memory does; read in workers, never in the main process
DIE_ON = "AUDITOR_TEST_WORKER_DIES_ON"


def _work(item: Input) -> Outcome:
    doomed = os.environ.get(DIE_ON)
    if doomed and Path(str(item)).name == doomed:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
    # a slim result: pickling the whole extraction cost more than checking a small report
    return audit_one(item, _WORKER["rules"], _WORKER["vocab"], slim=_WORKER.get("keep", "facts"),
                     explained=_WORKER.get("explained", False), max_bytes=_WORKER.get("max_bytes"),
                     lang=_WORKER.get("lang", "zh"))


# -- checking many ---------------------------------------------------------------------------

# Work one worker should have before another pays: starting a worker and sending
# results back costs about as much as checking this many bytes of reports
# (benchmarks/scaling.py; measured on examples/: 58 reports, 160 KB, are faster in one process).
BYTES_PER_JOB = 512 * 1024


def usable_cores() -> int:
    """Every core this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except OSError:
            pass
    return max(1, os.cpu_count() or 1)


def default_jobs(inputs: Sequence[Input] = ()) -> int:
    """Workers for this much work: one per BYTES_PER_JOB of input, at most one per core
    (a small batch is faster in this process than in a pool)."""
    if not inputs:
        return usable_cores()
    size = sum(size_of(item) for item in inputs)
    return max(1, min(usable_cores(), len(inputs), size // BYTES_PER_JOB))


def _context():
    import multiprocessing  # only a pool needs it: one report starts faster without

    # fork starts workers in milliseconds with the grammar already built; it is
    # safe here because the pool's processes start before any thread (the
    # progress bar's) does.  Elsewhere (macOS, Windows) the platform default.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class _Bar:
    """A Rich progress bar on stderr, paused while the caller prints a result."""

    def __init__(self, total: int, enabled: bool, lang: str = "zh") -> None:
        self.progress = None
        if not enabled:
            return
        from auditor.messages import text
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
            TimeRemainingColumn

        label = text(lang, "progress.checking").replace("[", "\\[")
        self.progress = Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), TimeRemainingColumn(), TextColumn("{task.fields[name]}"),
                                 console=Console(stderr=True), transient=True, redirect_stdout=False,
                                 redirect_stderr=False)
        self.task = self.progress.add_task(label, total=total, name="")

    def start(self) -> None:
        if self.progress is not None:
            self.progress.start()

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()

    def advance(self, name: str = "", completed: int | None = None) -> None:
        """One more file done (or `completed` files done), `name` the last one reported."""
        if self.progress is not None:
            if completed is None:
                self.progress.update(self.task, advance=1, name=Path(name).name[-40:])
            else:
                self.progress.update(self.task, completed=completed, name=Path(name).name[-40:])

    def show(self, completed: int) -> None:
        if self.progress is not None:
            self.progress.update(self.task, completed=completed)


def run(inputs: Sequence[Input], rules: list[Rule], vocab: Vocabulary | None = None, jobs: int | None = None,
        progress: bool | None = None, keep: str = "facts", lang: str = "zh",
        explained: bool = False, max_bytes: int | None = None) -> Iterator[Outcome]:
    """Audit every input; yield their Outcomes in input order, as they become ready.

    jobs: worker processes (None: as many as the work pays for, see default_jobs;
    1: in this process).  progress: show a progress bar (None: when there are
    several inputs and stderr is a terminal).  keep: what results of several
    inputs keep (AuditResult.slim): "findings" (and the counts), "facts" too,
    or "all"; a single input keeps everything.  explained: also report, as info
    findings, the relations another reading of the text explains.  max_bytes: the
    largest file read.  What a file could be read only in part is said on stderr
    (one line each) as its outcome goes out.
    """
    inputs = list(inputs)
    if not inputs:
        return
    jobs = max(1, min(jobs or default_jobs(inputs), len(inputs)))
    if progress is None:
        progress = len(inputs) > 1 and sys.stderr.isatty()
    bar = _Bar(len(inputs), progress, lang)
    if jobs == 1:
        outcomes = _run_here(inputs, rules, vocab, bar, keep, explained, max_bytes, lang)
    else:
        outcomes = _run_pool(inputs, rules, vocab, jobs, bar, keep, explained, max_bytes, lang)
    for outcome in outcomes:
        warn_loaded(outcome, lang)
        yield outcome


def _run_here(inputs, rules, vocab, bar: _Bar, keep: str = "facts", explained: bool = False,
              max_bytes: int | None = None, lang: str = "zh") -> Iterator[Outcome]:
    bar.start()
    try:
        for item in inputs:
            # several inputs: drop what no reporter reads (the parse, the relations) as each is done
            outcome = audit_one(item, rules, vocab, slim=None if len(inputs) == 1 else keep, explained=explained,
                                max_bytes=max_bytes, lang=lang, keep=keep)
            bar.advance(outcome.path)
            bar.stop()
            yield outcome
            bar.start()
    finally:
        bar.stop()


def _run_pool(inputs, rules, vocab, jobs: int, bar: _Bar, keep: str = "facts",
              explained: bool = False, max_bytes: int | None = None,
              lang: str = "zh") -> Iterator[Outcome]:
    """Outcomes in input order from a pool of `jobs` workers, that survives a worker's death.

    A worker killed while checking (out of memory, a crash in a C library, a
    kill) breaks the whole pool: every file the pool held unfinished fails with
    it.  The files that had finished keep their results; each unfinished one is
    checked again alone in a one-worker pool (`_alone`): the file that kills
    that worker too becomes a per-file error, the others get their results; the
    rest of the batch goes on in a fresh pool.
    """
    from concurrent.futures import Future, wait
    from concurrent.futures.process import BrokenProcessPool

    from auditor.pipeline import audit_text

    audit_text("预算100万元。", rules=rules, vocab=vocab)  # build the grammar once, before the fork
    inputs = list(inputs)
    window = jobs * 4  # inputs in flight: bounds the finished results held back for order
    initargs = (rules, vocab, keep, explained, max_bytes, lang)
    pool = _pool(jobs, initargs, fresh=False)
    inflight: dict[int, Future] = {}
    done: dict[int, Outcome] = {}
    submitted = yielded = 0
    broken = started = False

    try:
        while yielded < len(inputs):
            while not broken and len(inflight) < window and submitted < len(inputs):
                try:
                    inflight[submitted] = pool.submit(_work, inputs[submitted])
                except BrokenProcessPool:  # a worker died between two files
                    broken = True
                    break
                submitted += 1
            if not started:  # the workers start with the first files, before the progress bar's thread
                bar.start()
                started = True
            if not broken and yielded in inflight:
                # results go out in input order: wait for the oldest; meanwhile the bar
                # counts every finished file (a few times a second, not per file)
                wait([inflight[yielded]], timeout=0.25 if bar.progress is not None else None)
            for index, future in list(inflight.items()):
                if future.done():
                    outcome = _harvest(inputs[index], future, lang)
                    if outcome is None:
                        broken = True
                        continue  # stays in flight: checked again below
                    del inflight[index]
                    done[index] = outcome
            if broken:
                pool.shutdown(wait=True, cancel_futures=True)  # settles every file the dead worker took down
                unfinished = []
                for index, future in sorted(inflight.items()):
                    outcome = _harvest(inputs[index], future, lang)
                    if outcome is None:
                        unfinished.append(index)
                    else:
                        done[index] = outcome
                inflight.clear()
                done.update(_alone(inputs, unfinished, initargs, lang))
                pool = _pool(jobs, initargs, fresh=True)
                broken = False
            bar.show(yielded + len(done))
            while yielded in done:
                outcome = done.pop(yielded)
                yielded += 1
                bar.advance(outcome.path, completed=yielded + len(done))
                bar.stop()
                yield outcome
                bar.start()
    finally:
        bar.stop()
        pool.shutdown(wait=True, cancel_futures=True)


def _harvest(item: Input, future, lang: str = "zh") -> Outcome | None:
    """A finished future's Outcome; None when its worker died (or it was cancelled with the pool)."""
    from concurrent.futures import CancelledError
    from concurrent.futures.process import BrokenProcessPool

    if not future.done():
        return None
    try:
        return future.result()
    except (BrokenProcessPool, CancelledError):
        return None
    except Exception as exc:  # pickling trouble and the like: report it, keep going
        return Outcome(printable(str(item)), error=printable(_words(lang, "load.internal", path=item,
                                                                    detail=f"{type(exc).__name__}: {exc}")))


def _pool(jobs: int, initargs: tuple, fresh: bool):
    """A worker pool; `fresh` after a worker died: spawned, since threads (the pool's, the
    progress bar's) now run in this process, and forking a process with threads is unsafe."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn") if fresh else _context()
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=initargs)


def _alone(inputs: Sequence[Input], indices: list[int], initargs: tuple, lang: str) -> dict[int, Outcome]:
    """Check each file a dead worker held, one at a time in a one-worker pool: its result, or, when
    it kills that worker too, a one-line error naming it (and a new worker for the next)."""
    from concurrent.futures.process import BrokenProcessPool

    from auditor.messages import text

    out: dict[int, Outcome] = {}
    pool = None
    try:
        for index in indices:
            item = inputs[index]
            if pool is None:
                pool = _pool(1, initargs, fresh=True)
            try:
                out[index] = pool.submit(_work, item).result()
            except BrokenProcessPool:
                name = printable(str(item))
                out[index] = Outcome(name, error=text(lang, "cli.worker_died", path=name))
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
            except Exception as exc:
                out[index] = Outcome(printable(str(item)),
                                     error=printable(text(lang, "load.internal", path=item,
                                                          detail=f"{type(exc).__name__}: {exc}")))
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return out


# -- the summary of a batch ------------------------------------------------------------------

@dataclass(frozen=True)
class SummaryRow:
    """One file's line of a batch's summary."""

    path: str
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    worst_rule: str = ""
    worst_count: int = 0
    failure: str | None = None  # the file could not be read
    facts: int = 0  # figures read
    relations: int = 0  # relations checked

    @property
    def order(self) -> tuple:
        """Worst first: unreadable files, then by errors, warnings, notes."""
        return (self.failure is None, -self.errors, -self.warnings, -self.infos)

    @property
    def clean(self) -> bool:
        return self.failure is None and not (self.errors or self.warnings or self.infos)


def summary_row(result: AuditResult) -> SummaryRow:
    counts = Counter(f.severity for f in result.findings)
    worst_rule, worst_count = "", 0
    if result.findings:
        top = max(f.rank for f in result.findings)
        by_rule = Counter(f.rule for f in result.findings if f.rank == top)
        worst_rule, worst_count = min(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    return SummaryRow(result.path, counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0),
                      worst_rule, worst_count, facts=getattr(result, "fact_count", 0),
                      relations=getattr(result, "relation_count", 0))


class _Summarising:
    """A reporter that also tallies every file, and hands the summary over before finishing.

    quiet: a file without findings is tallied but not handed to the reporter.
    """

    def __init__(self, inner, expected: int, quiet: bool = False) -> None:
        self.inner = inner
        self.expected = expected
        self.quiet = quiet
        self.rows: list[SummaryRow] = []

    def start(self) -> None:
        self.inner.start()

    def file(self, result) -> None:
        row = summary_row(result)
        self.rows.append(row)
        if self.quiet and row.clean:
            return
        self.inner.file(result)

    def failed(self, path: str, message: str) -> None:
        self.rows.append(SummaryRow(path, failure=message))
        self.inner.failed(path, message)

    @property
    def ordered(self) -> list[SummaryRow]:
        return sorted(self.rows, key=lambda r: r.order)

    def finish(self) -> None:
        if len(self.rows) > 1 and hasattr(self.inner, "summary"):
            rows = self.ordered
            self.inner.summary([r for r in rows if not r.clean] if self.quiet else rows, totals=rows)
        self.inner.finish()

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def summarising(reporter, expected: int = 0, quiet: bool = False):
    """Wrap a reporter so that a batch of several files ends with a summary table."""
    return _Summarising(reporter, expected, quiet)
