"""Baselines: accept the findings of one draft and see only new ones on the next.

    audit draft1.txt --write-baseline accepted.json    # accept what is there now
    audit draft2.txt --baseline accepted.json          # show only what is new

A finding is recognised by its *fingerprint*, not by its line: the rule, the
figures it cites (stated, expected and every figure of its arithmetic, with
full-width characters folded and spaces removed) and the few characters right
before the figure it points at on its line.  Inserting or deleting paragraphs
above a finding, re-wrapping lines or renaming the file keeps it accepted;
changing one of its figures makes it a new finding.  The surrounding text tells
apart findings whose figures are the same: when a finding's exact fingerprint
is not in the baseline, an accepted entry with the same rule and figures that no
other finding of the file matched exactly still accepts it.

A baseline is a multiset: a fingerprint accepted once hides one finding with
that fingerprint per file.  Matching ignores the file name, so a baseline
written for `draft-v1.txt` applies to `draft-v2.txt`.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from auditor import lazyre
from auditor import __version__
from auditor.findings import Finding
from auditor.records import dataclass

if TYPE_CHECKING:
    from auditor.pipeline import AuditResult

FORMAT = "audit-baseline"
VERSION = 1
CONTEXT = 8  # characters of text before the figure that belong to the fingerprint

_SPACE = lazyre.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be used; str() is one line naming the file."""


def normalise(text: str | None) -> str:
    """Figures and context compared the way a reader would: full-width folded, no spaces."""
    if not text:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def context_before(text: str, start: int, width: int = CONTEXT) -> str:
    """Up to `width` non-space characters before offset `start`, on the same line."""
    line_start = text.rfind("\n", 0, start) + 1
    return normalise(text[line_start:start])[-width:]


def _digest(key: list) -> str:
    import hashlib  # only baselines need it

    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()[:20]


def figures_key(finding: Finding) -> str:
    """The finding without its surroundings: rule and normalised figures."""
    return _digest([
        finding.rule,
        normalise(finding.stated),
        normalise(finding.expected),
        sorted(f"{e.role}={normalise(e.text)}" for e in finding.evidence),
    ])


def fingerprint(finding: Finding, text: str) -> str:
    """A stable identity of a finding in a document: independent of line numbers and file names."""
    return _digest([figures_key(finding), context_before(text, finding.start)])


def entries(results: Iterable["AuditResult"]) -> list[dict]:
    """The baseline entries of some results: a fingerprint, plus what a reviewer needs to recognise it."""
    out = []
    for result in results:
        for f in result.findings:
            out.append({
                "fingerprint": fingerprint(f, result.text),
                "figures": figures_key(f),
                "rule": f.rule,
                "severity": f.severity,
                "file": result.path,
                "line": f.line,
                "stated": f.stated,
                "expected": f.expected,
                "message": f.message("zh"),
            })
    return out


def write(path: str | Path, results: Iterable["AuditResult"]) -> int:
    """Write a baseline accepting every finding of `results`; returns how many."""
    items = sorted(entries(results), key=lambda e: (e["file"], e["line"], e["rule"], e["fingerprint"]))
    payload = {"format": FORMAT, "version": VERSION, "tool": f"audit {__version__}", "findings": items}
    from auditor.outfile import write_text  # whole or not at all: a full disk leaves the old baseline

    write_text(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return len(items)


@dataclass
class Baseline:
    """Accepted findings (with multiplicity), and how many findings they hid so far.

    `accepted` counts full fingerprints, `figures` the same entries by their
    figures alone.  A finding is accepted when its fingerprint is; failing that,
    when an accepted entry with the same rule and figures is still unused (its
    words were edited, or a line break moved next to it).  The surrounding text
    thus only tells apart findings whose figures are the same.
    """

    accepted: Counter
    figures: Counter = dataclasses.field(default_factory=Counter)
    path: str = ""
    hidden: int = 0

    @classmethod
    def load(cls, path: str | Path, lang: str = "zh") -> "Baseline":
        from auditor import messages

        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(messages.text(lang, "baseline.missing", path=p)) from None
        except (OSError, UnicodeDecodeError) as exc:
            reason = messages.os_reason(lang, exc) if isinstance(exc, OSError) else messages.text(lang, "reason.not_utf8")
            raise BaselineError(messages.text(lang, "baseline.cannot_read", path=p, reason=reason)) from None
        except json.JSONDecodeError as exc:
            raise BaselineError(messages.text(lang, "baseline.not_json", path=p, line=exc.lineno,
                                              problem=messages.parser_problem(lang, "json", exc.msg))) from None
        except RecursionError:  # arrays nested thousands deep
            raise BaselineError(messages.text(lang, "cli.too_deep", path=p)) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BaselineError(messages.text(lang, "baseline.foreign", path=p))
        if data.get("version") != VERSION:
            raise BaselineError(messages.text(lang, "baseline.version", path=p, version=repr(data.get("version")),
                                              supported=VERSION))
        try:
            accepted = Counter(str(item["fingerprint"]) for item in data["findings"])
            figures = Counter(str(item["figures"]) for item in data["findings"] if item.get("figures"))
        except (KeyError, TypeError, AttributeError):
            raise BaselineError(messages.text(lang, "baseline.no_fingerprint", path=p)) from None
        return cls(accepted=accepted, figures=figures, path=str(p))

    def known(self, findings: list[Finding], text: str) -> list[bool]:
        """For each finding, whether the baseline accepts it (each accepted entry once per file)."""
        exact, loose = Counter(self.accepted), Counter(self.figures)
        keys = [(fingerprint(f, text), figures_key(f)) for f in findings]
        out = [False] * len(findings)
        for n, (full, core) in enumerate(keys):  # first the findings that did not move a character
            if exact[full] > 0:
                exact[full] -= 1
                loose[core] -= 1
                out[n] = True
        for n, (_, core) in enumerate(keys):  # then the ones whose surroundings changed
            if not out[n] and loose[core] > 0:
                loose[core] -= 1
                out[n] = True
        return out

    def apply(self, result: "AuditResult") -> "AuditResult":
        """`result` without the findings the baseline accepts."""
        known = self.known(result.findings, result.text)
        kept = [f for f, k in zip(result.findings, known) if not k]
        self.hidden += len(result.findings) - len(kept)
        if len(kept) == len(result.findings):
            return result
        return dataclasses.replace(result, findings=kept)


def load_for(settings, explicit: str | Path | None = None) -> Baseline | None:
    """The baseline of a run: --baseline FILE, else `baseline` of the configuration if that file exists."""
    lang = getattr(settings, "lang", "zh")
    if explicit is not None:
        return Baseline.load(explicit, lang)
    configured = getattr(settings, "baseline", None)
    if configured is not None and Path(configured).is_file():
        return Baseline.load(configured, lang)
    return None
