"""Golden readings: rewrite every tests/binding/<folder>/<case>.relations from the current code.

    python tests/binding/regenerate.py                 # every case
    python tests/binding/regenerate.py change rate     # the cases of some folders (or some .txt files)
    python tests/binding/regenerate.py --check         # write nothing: list the cases that differ (exit 1)

Review what a change does to every reading with `git diff tests/binding`.

A case is the smallest text that shows a reading, `<folder>/<case>.txt`, in the folder
of the resolver (auditor/extract/bind/resolvers/) or topic it is about.  Beside it,
`<case>.relations` lists every relation the auditor checks in that text
(`audit_text(text).outcomes`), in the order it checks them, one per line:

    RULE VERDICT [SEVERITY] [ALTERNATIVE] REASON | role figure | role figure …
      finding: STATED → EXPECTED      (the figure a failing relation blames, and what it should be)
      via: …                           (how the resolver got there)
      rejected: …                      (what the relation beat in the arbiter)
      reading: …                       (the other reading under which an explained relation holds)
      note: …                          (why a relation is undecided, or which reading holds)

A figure written the same way at two places of the text carries its place, `100万元@3:5`
(line and column of the text, as the auditor counts them: the header lines below do not count).  A finding that belongs to no relation is listed as
`RULE SEVERITY (no relation) | role figure …`.

A .txt may open with header lines, each starting with "# "; they are not part of the text:

    # what the case shows
    # expect: silent                  no error or warning
    # expect: found RULE on FIGURE    a finding of RULE that blames FIGURE (a contradiction a reviewer sees)
    # expect: error on FIGURE         an error that blames FIGURE
    # expect: finding on FIGURE       an error or a warning (an inferred reading warns) that blames FIGURE
    # expect: reason NAME             a relation bound with that reason
    # expect: explained ALTnnn        no error; a relation the alternative reading explains
    # expect: doubted ALTnnn          no error; a failing relation that doubt (ALT008) made a warning
    # known: why the expectation is not met today (its test is then an expected failure)
    # source: where a generated case comes from

`expect:` lines say what a careful reviewer expects, not what the code does today:
tests/test_binding_golden.py checks them beside the .relations.  The cases of
`reasons/` and `alternatives/` are written by this script from the examples of
auditor/extract/bind/reasons.py and rules/alternatives.toml (a `known:` line
added by hand is kept).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from auditor.pipeline import AuditResult, audit_text  # noqa: E402

RESOLVERS = ROOT / "auditor" / "extract" / "bind" / "resolvers"
GENERATED = ("reasons", "alternatives")  # folders this script writes from the sources
_EXPECT = re.compile(r"(silent)|found (\S+) on (.+)|error on (.+)|finding on (.+)|reason (\S+)|explained (ALT\d+)|doubted (ALT\d+)")


@dataclass(frozen=True)
class Case:
    path: Path  # the .txt
    text: str  # what is audited: the file without its header
    header: tuple[str, ...] = ()  # the header lines, without "# "
    expect: tuple[str, ...] = ()
    known: str = ""

    @property
    def name(self) -> str:
        return self.path.relative_to(HERE).with_suffix("").as_posix()

    @property
    def golden(self) -> Path:
        return self.path.with_suffix(".relations")


def read_case(path: Path) -> Case:
    raw = path.read_text(encoding="utf-8")
    header: list[str] = []
    while raw.startswith("# "):
        line, _, raw = raw.partition("\n")
        header.append(line[2:].strip())
    expect = tuple(h[len("expect:"):].strip() for h in header if h.startswith("expect:"))
    for e in expect:
        if not _EXPECT.fullmatch(e):
            raise ValueError(f"{path}: unknown expectation {e!r}")
    known = " ".join(h[len("known:"):].strip() for h in header if h.startswith("known:"))
    return Case(path, raw, tuple(header), expect, known)


def cases(selection: list[str] | None = None) -> list[Case]:
    """Every case under tests/binding, or those of the named folders / files, sorted."""
    paths = sorted(HERE.glob("*/*.txt"))
    if selection:
        wanted = [Path(s).resolve() if Path(s).exists() else HERE / s for s in selection]
        paths = [p for p in paths if any(p == w or p.with_suffix("") == w.with_suffix("")
                                         or w in p.parents for w in wanted)]
    return [read_case(p) for p in paths]


def audit(case: Case) -> AuditResult:
    return audit_text(case.text, path=case.name)


# ------------------------------------------------------------------ rendering

def render(case: Case, result: AuditResult | None = None) -> str:
    """The .relations text of a case: every relation checked, one per line."""
    result = result or audit(case)
    starts: dict[str, set[int]] = defaultdict(set)
    for f in result.facts:
        starts[f.text].add(f.span.start)
    for o in result.outcomes:
        for e in o.figures:
            starts[e.text].add(e.start)
    for f in result.findings:
        for e in f.evidence:
            starts[e.text].add(e.start)

    def figure(e) -> str:
        text = _one_line(e.text)
        if len(starts[e.text]) > 1:
            text += f"@{e.line}:{e.column}"
        return f"{e.role} {text}"

    ids = {f.id: _one_line(f.text) for f in result.facts}

    def facts_named(s: str) -> str:
        """"qizhong_list: total #3, parts [4, 5]" with the figures as written, not their ids."""
        s = re.sub(r"#(\d+)", lambda m: ids.get(int(m.group(1)), m.group(0)), s)
        return re.sub(r"parts \[([\d, ]*)\]", lambda m: "parts [" + ", ".join(
            ids.get(int(n), n) for n in m.group(1).replace(" ", "").split(",") if n) + "]", s)

    lines: list[str] = []
    linked = set()
    for o in result.outcomes:
        head = [o.rule, o.verdict]
        if o.finding is not None:
            linked.add(id(o.finding))
            if o.verdict == "fails":
                head.append(o.finding.severity)
        if o.alternative:
            head.append(o.alternative)
        head.append(o.reason or "-")
        lines.append(" | ".join([" ".join(head), *(figure(e) for e in o.figures)]))
        if o.verdict == "fails" and o.finding is not None and o.finding.stated is not None:
            blamed = _one_line(o.finding.stated)
            if o.finding.expected is not None:
                blamed += f" → {_one_line(o.finding.expected)}"
            lines.append(f"  finding: {blamed}")
        if o.verdict == "explained" and o.finding is not None:
            lines.append(f"  reading: {_reading(o)}")
        lines += [f"  via: {v}" for v in o.via]
        lines += [f"  rejected: {facts_named(r)}" for r in o.rejected]
        if o.note:
            lines.append(f"  note: {o.note}")
    for f in result.findings:
        if id(f) not in linked:
            lines.append(" | ".join([f"{f.rule} {f.severity} (no relation)", *(figure(e) for e in f.evidence)]))
    return "".join(line + "\n" for line in lines)


def _reading(o) -> str:
    """The arithmetic of the other reading, as the explained finding states it."""
    from auditor.check.doubt import alternatives

    message = o.finding.message("en")
    alt = alternatives()[o.alternative]
    lead = f"{alt.id} {alt.summary_en or alt.name}: "
    at = message.rfind(lead)
    return _one_line(message[at + len(lead):].removesuffix(")")) if at >= 0 else "?"


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n")


# --------------------------------------------------------------- expectations

def unmet(case: Case, result: AuditResult) -> list[str]:
    """The case's expectations the result does not meet."""
    out = []
    loud = [f for f in result.findings if f.severity in {"error", "warning"}]
    errors = [f for f in result.findings if f.severity == "error"]
    for e in case.expect:
        m = _EXPECT.fullmatch(e)
        silent, rule, on, error_on, finding_on, reason, alt, doubted = m.groups()
        if silent:
            ok = not loud
        elif rule:
            ok = any(f.rule == rule and f.stated == on.strip() for f in result.findings)
        elif error_on:
            ok = any(f.stated == error_on.strip() for f in errors)
        elif finding_on:
            ok = any(f.stated == finding_on.strip() for f in loud)
        elif reason:
            ok = any(o.reason == reason for o in result.outcomes)
        elif doubted:
            ok = not errors and any(o.verdict == "fails" and o.alternative == doubted for o in result.outcomes)
        else:
            ok = not errors and any(o.verdict == "explained" and o.alternative == alt for o in result.outcomes)
        if not ok:
            out.append(e)
    return out


# ---------------------------------------------------------- generated cases

def sources() -> dict[Path, tuple[list[str], str]]:
    """The cases written from the reasons' and the alternatives' examples: path → (header, text)."""
    from auditor.check.doubt import alternatives
    from auditor.extract.bind.reasons import REASONS

    out: dict[Path, tuple[list[str], str]] = {}
    for r in REASONS.values():
        out[HERE / "reasons" / f"{r.name}.txt"] = (
            [r.summary, f"source: auditor/extract/bind/reasons.py ({r.name})", f"expect: reason {r.name}"], r.example)
    for a in alternatives().values():
        for n, text in enumerate(a.passing, 1):
            out[HERE / "alternatives" / f"{a.id}_pass_{n}.txt"] = (
                [a.summary_en, f"source: rules/alternatives.toml ({a.id}, pass {n})",
                 f"expect: {'explained' if a.effect == 'explained' else 'doubted'} {a.id}"],
                text)
        for n, (text, stated) in enumerate(a.failing, 1):
            out[HERE / "alternatives" / f"{a.id}_fail_{n}.txt"] = (
                [f"{a.summary_en}: not here", f"source: rules/alternatives.toml ({a.id}, fail {n})",
                 f"expect: finding on {stated}"], text)
    return out


def generated_text(path: Path, header: list[str], text: str) -> str:
    """A generated case's file, keeping the `known:` lines a reviewer added to the one already there."""
    if path.exists():
        header = header + [h for h in read_case(path).header if h.startswith("known:")]
    return "".join(f"# {h}\n" for h in header) + text


def sync(write: bool) -> list[str]:
    """Bring reasons/ and alternatives/ in line with their sources; what was (or would be) changed."""
    changed = []
    wanted = sources()
    for path, (header, body) in wanted.items():
        text = generated_text(path, header, body)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(f"{path.relative_to(HERE)} (from its source)")
            if write:
                path.parent.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for folder in GENERATED:
        for path in sorted((HERE / folder).glob("*.txt")):
            if path not in wanted:
                changed.append(f"{path.relative_to(HERE)} (its source is gone)")
                if write:
                    path.unlink()
                    path.with_suffix(".relations").unlink(missing_ok=True)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("select", nargs="*", help="folders or .txt files under tests/binding (default: all)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a case differs")
    args = parser.parse_args(argv)
    changed = sync(write=not args.check) if not args.select else []
    selected = cases(args.select)
    if args.select and not selected:
        parser.error(f"no case under {HERE.relative_to(ROOT)} matches {' '.join(args.select)}")
    for case in selected:
        new = render(case)
        old = case.golden.read_text(encoding="utf-8") if case.golden.exists() else None
        if new != old:
            changed.append(case.name + (" (new)" if old is None else ""))
            if not args.check:
                case.golden.write_text(new, encoding="utf-8")
    for path in sorted(HERE.glob("*/*.relations")):
        if not path.with_suffix(".txt").exists():
            changed.append(f"{path.relative_to(HERE)} (no .txt beside it)")
            if not args.check:
                path.unlink()
    verb = "differ" if args.check else "rewritten"
    print(f"{len(selected)} cases, {len(changed)} {verb}" + "".join(f"\n  {c}" for c in changed))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
