"""Quality harness: how the auditor does on hand-labelled real reports.

    python -m auditor.eval                    corpus + seeds, per genre and overall
    python -m auditor.eval --check benchmarks/quality_baseline.json   fail if worse than accepted
    python -m auditor.eval --json out.json    the figures for tools
    python -m auditor.eval --misses           list what was missed and each false error
    python -m auditor.eval --reasons          precision of the findings of each binding reason
    python -m auditor.eval --sealed examples/sealed/round6 --findings-out round6.json
                                              score a sealed round (once, at its end): its labelled
                                              part, and every error and warning on all its pages
                                              for judging by hand

Figures (see examples/corpus/README.md for the label format):

- recall: labelled contradictions (consistent = false, rounding = false) that a
  finding cites (its figure, or one of its evidence figures, on the labelled line);
- false errors: error findings on relations labelled consistent (or explained by
  rounding), plus error findings that cite no labelled relation at all;
- coverage: share of money/percent/score figures in the text that became facts
  with a concept;
- mutation recall: consistent relations whose stated figure, changed by a few
  percent in a copy, gains a finding that cites it;
- recall of all contradictions: gross ones and those labelled rounding = true;
- relation coverage: labelled relations whose stated figure appears in a relation
  the auditor checked (its "relations" output, verdict holds / fails / explained).

Genre groups: 绩效表格 (zt/xm laid out as tables), 绩效文字 (zt/xm in prose), 决算 (js),
预算 (ys).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import defaultdict
from dataclasses import field
from decimal import Decimal
from pathlib import Path

from auditor.check import default_rules
from auditor.normalise import normalise
from auditor.pipeline import audit_text
from auditor.records import dataclass

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
SEEDS = ROOT / "examples" / "seeds"
FIGURE = re.compile(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?\s*(?:万元|亿元|元|%|％|分(?![之别配类析])|万)")
NUMBER = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")
_CHINESE_NUMERAL = re.compile(r"[〇○零一二三四五六七八九两十百千廿卅]")
MUTABLE_KINDS = {"sum", "ratio", "change", "growth", "score_sum", "weight_sum", "change_sum", "difference", "product",
                 "repeat", "unit"}


@dataclass
class Item:
    name: str
    genre: str
    text: str
    relations: list[dict]
    layout: str = "prose"

    @property
    def group(self) -> str:
        if self.genre in {"zt", "xm"}:
            return "绩效表格" if self.layout in {"table", "mixed"} else "绩效文字"
        return {"js": "决算", "ys": "预算"}.get(self.genre, self.genre)


@dataclass
class Tally:
    contradictions: int = 0
    found: int = 0
    contradictions_all: int = 0  # gross and rounding
    found_all: int = 0
    relations: int = 0
    relations_covered: int = 0
    consistent: int = 0
    false_on_consistent: int = 0
    unlabelled_errors: int = 0
    figures: int = 0
    covered: int = 0
    mutations: int = 0
    mutations_found: int = 0
    crashes: int = 0  # audits that ended in an internal error (the CLI reports it and finds nothing there)
    misses: list[str] = field(default_factory=list)
    false_errors: list[str] = field(default_factory=list)
    mutation_misses: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    crash_notes: list[str] = field(default_factory=list)
    # reason → [findings citing a labelled contradiction, findings on a consistent or unlabelled relation]
    by_reason: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: "Tally") -> None:
        for k, v in vars(other).items():
            if isinstance(v, list):
                getattr(self, k).extend(v)
            elif isinstance(v, dict):
                for reason, (right, wrong) in v.items():
                    mine = getattr(self, k).setdefault(reason, [0, 0])
                    mine[0] += right
                    mine[1] += wrong
            else:
                setattr(self, k, getattr(self, k) + v)

    def figures_dict(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            "contradictions": self.contradictions,
            "recall": ratio(self.found, self.contradictions),
            "contradictions_all": self.contradictions_all,
            "recall_all": ratio(self.found_all, self.contradictions_all),
            "relations": self.relations,
            "relation_coverage": ratio(self.relations_covered, self.relations),
            "consistent_relations": self.consistent,
            "false_errors_on_consistent": self.false_on_consistent,
            "unlabelled_errors": self.unlabelled_errors,
            "false_errors": self.false_on_consistent + self.unlabelled_errors,
            "coverage": ratio(self.covered, self.figures),
            "mutations": self.mutations,
            "mutation_recall": ratio(self.mutations_found, self.mutations),
            "crashes": self.crashes,
        }


def load_items(folders: list[Path]) -> list[Item]:
    items = []
    for folder in folders:
        for label_path in sorted(folder.glob("*.labels.toml")):
            name = label_path.name.removesuffix(".labels.toml")
            text_path = folder / f"{name}.txt"
            if not text_path.exists():
                continue
            labels = tomllib.loads(label_path.read_text(encoding="utf-8"))
            items.append(Item(name, labels.get("genre", "?"), text_path.read_text(encoding="utf-8"),
                              labels.get("relation", []), labels.get("layout", "prose")))
    return items


_DATE_AFTER = re.compile(r"[年月日号]")


def _number(text: str) -> str | None:
    """The first number a stated figure writes (not a year before it), as the auditor reads it: "五十萬元" is 50 as
    "50万元" is (Chinese numerals read as the normaliser reads them; leading zeros dropped)."""
    if _CHINESE_NUMERAL.search(text):
        text = normalise(text).text
    text = text.replace(" ", "")
    found = list(NUMBER.finditer(text))
    # (a year, a month or a number of years before the figure is no figure: "2026年年初预算数593.34万元", "4年共计348亿元")
    found = [m for m in found if not _DATE_AFTER.match(text, m.end())] or found
    if not found:
        return None
    number = found[0].group().replace(",", "")
    return number.lstrip("0") or "0" if "." not in number else number


def cites(finding, rel: dict) -> bool:
    """Does the finding point at the relation's stated figure (or use it as evidence)?"""
    stated = rel["stated"]
    num = _number(stated)
    spots = [(finding.line, finding.stated or ""), *((e.line, e.text) for e in finding.evidence)]
    for line, text in spots:
        if line != rel["line"]:
            continue
        if num is None:
            if stated.strip() and (stated in text or text in stated):
                return True
        elif _number(text) == num:
            return True
    return False


def _outcome_cites(outcome, rel: dict) -> bool:
    """Does a checked relation use the labelled relation's stated figure?"""
    num = _number(rel["stated"])
    return any(e.line == rel["line"] and (_number(e.text) == num if num is not None else rel["stated"] in e.text)
               for e in outcome.figures)


def _audit(text: str, name: str, rules, t: Tally):
    """The audit as a user gets it: an internal error loses that text's findings, it does not stop the batch."""
    try:
        return audit_text(text, path=name, rules=rules)
    except Exception as exc:  # noqa: BLE001 - counted and listed, like the CLI's per-file "internal error"
        t.crashes += 1
        t.crash_notes.append(f"{name}: internal error ({type(exc).__name__}: {exc})")
        return audit_text("", path=name, rules=rules)


def evaluate(item: Item, rules, mutate: bool = True) -> Tally:
    t = Tally()
    result = _audit(item.text, item.name, rules, t)
    findings = result.findings
    errors = [f for f in findings if f.severity == "error"]
    matched_errors: set[int] = set()
    checked = [o for o in result.outcomes if o.verdict != "undecided"]
    counted_false: set[int] = set()
    for rel in item.relations:
        contradiction = not rel.get("consistent", True) and not rel.get("rounding", False)
        # (an info finding — a reading doubted or explained, shown only on request — finds nothing)
        citing = [f for f in findings if f.severity in ("error", "warning") and cites(f, rel)]
        t.relations += 1
        if any(_outcome_cites(o, rel) for o in checked):
            t.relations_covered += 1
        if not rel.get("consistent", True):
            t.contradictions_all += 1
            t.found_all += 1 if citing else 0
        if contradiction:
            t.contradictions += 1
            if citing:
                t.found += 1
            else:
                t.misses.append(f"{item.name}:{rel['line']} {rel['kind']} {rel['stated']} ({rel.get('note', '')})")
        else:
            t.consistent += 1
            bad = [f for f in citing if f.severity == "error" and f.stated and _number(f.stated) == _number(rel["stated"])
                   and f.line == rel["line"]]
            if bad:
                counted_false.add(id(bad[0]))
                t.false_on_consistent += 1
                t.false_errors.append(f"{item.name}:{bad[0].line} {bad[0].rule} on consistent {rel['kind']} "
                                      f"{rel['stated']}: {bad[0].message('en')}")
        for f in citing:
            matched_errors.add(id(f))
    # an error is right only if it cites a labelled contradiction; any other error is false (on a
    # consistent relation's figures, or on a relation nobody labelled)
    contradicted = [rel for rel in item.relations if not rel.get("consistent", True)]
    for f in errors:
        if id(f) in counted_false:
            continue
        if not any(cites(f, rel) for rel in contradicted):
            t.unlabelled_errors += 1
            t.false_errors.append(f"{item.name}:{f.line} {f.rule} cites no labelled contradiction: {f.message('en')}")
    # per-reason precision: is each finding (error or warning) a labelled contradiction?
    contradictions = [rel for rel in item.relations if not rel.get("consistent", True)]
    for o in result.outcomes:
        if o.finding is None or o.finding.severity == "info":
            continue
        right = any(cites(o.finding, rel) for rel in contradictions)
        key = f"{o.reason or '?'}/{o.finding.severity}"
        t.by_reason.setdefault(key, [0, 0])[0 if right else 1] += 1
    # coverage: figures in the text that became facts with a concept
    covered_spans = {(x.span.start, x.span.end) for x in result.extraction.facts if x.concept}
    starts = {s for s, _ in covered_spans}
    body = item.text.split("\n", 1)[1] if item.text.startswith("http") else item.text
    offset = len(item.text) - len(body)
    facts_at = {x.span.start: x for x in result.extraction.facts}
    for m in FIGURE.finditer(body):
        t.figures += 1
        if m.start() + offset in starts:
            t.covered += 1
        else:
            t.uncovered.append(_shape(body, m, facts_at.get(m.start() + offset)))
    if mutate:
        for rel in item.relations:
            if rel.get("kind") in MUTABLE_KINDS and rel.get("consistent", True) and _number(rel["stated"]):
                mutated = mutate_relation(item.text, rel)
                if mutated is None:
                    continue
                text, line = mutated
                t.mutations += 1
                found = _audit(text, item.name, rules, t).findings
                if any(f.severity in ("error", "warning") and cites(f, {**rel, "stated": line}) for f in found):
                    t.mutations_found += 1
                else:
                    t.mutation_misses.append(f"{item.name}:{rel['line']} {rel['kind']} {rel['stated']} -> {line} "
                                             f"({rel.get('formula', '')[:60]})")
    return t


def _shape(body: str, m: re.Match, fact) -> str:
    """What stands before an unbound figure, with digits folded: the pattern to teach next."""
    before = body[max(0, m.start() - 6):m.start()].replace("\n", "⏎")
    unit = re.sub(r"[\d.,\s]", "", m.group())
    why = "no fact" if fact is None else "no concept"
    return f"{why}: …{re.sub(r'[0-9]', '#', before)}[#{unit}]"


def mutate_relation(text: str, rel: dict, factor: Decimal = Decimal("1.03")) -> tuple[str, str] | None:
    """A copy of the text with the relation's stated figure changed by a few percent."""
    lines = text.split("\n")
    index = rel["line"] - 1
    line = lines[index]
    # the stated figure itself, not a longer number it ends ("3.34万元" inside "93.34万元")
    found = re.search(r"(?<![\d.])" + re.escape(rel["stated"]), line)
    if found is None:
        return None
    pos = found.start()
    m = NUMBER.search(rel["stated"])
    if not m:
        return None
    raw = m.group().replace(",", "")
    value = Decimal(raw)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    new = (value * factor).quantize(Decimal(1).scaleb(-decimals))
    if new == value:
        new = value + Decimal(1).scaleb(-decimals) * (3 if decimals == 0 else 7)
    new_text = f"{new:f}"
    stated_new = rel["stated"][: m.start()] + new_text + rel["stated"][m.end():]
    lines[index] = line[:pos] + stated_new + line[pos + len(rel["stated"]):]
    return "\n".join(lines), stated_new


_tallies: list[Tally] = []  # the last run's tally of each item, in order


def run(folders: list[Path], limit: int | None = None, mutate: bool = True):
    items = load_items(folders)
    if limit:
        items = items[:limit]
    rules = default_rules()
    by_genre: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    _tallies.clear()
    for item in items:
        t = evaluate(item, rules, mutate)
        _tallies.append(t)
        by_genre[item.genre].add(t)
        overall.add(t)
    return items, by_genre, overall


def sealed_findings(folder: Path) -> list[dict]:
    """Every error and warning on every page of a sealed round, with its line, to judge by hand."""
    indexes = {}
    for index in sorted(folder.glob("INDEX*.toml")):
        for entry in tomllib.loads(index.read_text(encoding="utf-8")).get("report", []):
            indexes[entry["id"]] = entry
    rules = default_rules()
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        entry = indexes.get(path.stem, {})
        group = Item(path.stem, entry.get("genre", "?"), "", [], entry.get("layout", "prose")).group
        crashed = Tally()
        result = _audit(text, path.name, rules, crashed)
        for note in crashed.crash_notes:
            out.append({"report": path.stem, "group": group, "rule": "CRASH", "severity": "crash", "line": 0,
                        "message": note, "verdict": ""})
        lines = text.split("\n")
        for f in result.findings:
            if f.severity not in ("error", "warning"):
                continue
            out.append({"report": path.stem, "group": group, "rule": f.rule, "severity": f.severity,
                        "line": f.line, "stated": f.stated, "expected": f.expected, "message": f.message("zh"),
                        "text": lines[f.line - 1][:400] if f.line <= len(lines) else "",
                        "evidence_lines": sorted({e.line for e in f.evidence}), "verdict": ""})
        out.append({"report": path.stem, "group": group, "pages": 1, "figures": result.checked[0],
                    "relations": result.checked[1]})
    return out


def _invariance(folders: list[Path]) -> int:
    """Print the errors that depend on layout, neighbours or where an excerpt stops."""
    from auditor.check import default_rules
    from auditor.variants import load_reports, unstable_errors

    reports = load_reports(folders)
    found = unstable_errors(reports, default_rules())
    print(f"{len(reports)} reports: errors raised only in another layout {len(found['layouts'])}, "
          f"only next to another report {len(found['documents'])}, only as an excerpt {len(found['excerpts'])}; "
          f"errors lost in another layout {len(found['lost in layouts'])}")
    for family, lines in found.items():
        for line in lines:
            print(f"  {family}: {line}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m auditor.eval", description=__doc__.split("\n")[0])
    ap.add_argument("--slice", type=int, default=None, help="only the first N labelled reports (CI)")
    ap.add_argument("--no-mutations", action="store_true", help="skip the mutation run (faster)")
    ap.add_argument("--json", help="write the figures as JSON to this file")
    ap.add_argument("--check", help="fail (exit 1) if recall or false errors are worse than this baseline JSON")
    ap.add_argument("--misses", action="store_true", help="list missed contradictions and false errors")
    ap.add_argument("--coverage", type=int, metavar="N", help="print the N most common shapes of unbound figures")
    ap.add_argument("--reasons", action="store_true", help="precision of the findings of each binding reason")
    ap.add_argument("--sealed", metavar="DIR", help="score a sealed round's labelled reports instead of the corpus")
    ap.add_argument("--findings-out", metavar="FILE",
                    help="with --sealed: write every error and warning on all of its pages to FILE (JSON) for judging")
    ap.add_argument("--invariance", action="store_true",
                    help="count the errors a report raises only in another layout, next to another report, "
                         "or as an excerpt (auditor/variants.py), over all pages of the folders")
    args = ap.parse_args(argv)
    folders = [Path(args.sealed)] if args.sealed else [SEEDS, CORPUS]
    if args.invariance:
        return _invariance(folders)
    items, by_genre, overall = run(folders, args.slice, not args.no_mutations)
    by_group: dict[str, Tally] = defaultdict(Tally)
    for item, t in zip(items, _tallies):
        by_group[item.group].add(t)
    print(f"{len(items)} labelled reports" + (f" in {args.sealed}" if args.sealed else ""))
    print(f"{'genre':<12}{'gross':>6}{'recall':>8}{'all':>5}{'recall':>8}{'consist':>8}{'falseE':>7}{'unlab':>6}"
          f"{'rels':>6}{'relCov':>8}{'cover':>7}{'mut':>6}{'mutRec':>8}")
    for name, t in [*sorted(by_group.items()), ("overall", overall)]:
        f = t.figures_dict()
        print(f"{name:<10}{f['contradictions']:>8}{f['recall']:>8.1%}{f['contradictions_all']:>5}{f['recall_all']:>8.1%}"
              f"{f['consistent_relations']:>8}{f['false_errors_on_consistent']:>7}{f['unlabelled_errors']:>6}"
              f"{f['relations']:>6}{f['relation_coverage']:>8.1%}{f['coverage']:>7.1%}{f['mutations']:>6}"
              f"{f['mutation_recall']:>8.1%}")
    if args.misses:
        print("\nmissed contradictions:")
        for m in overall.misses:
            print("  " + m)
        print("\nfalse errors:")
        for m in overall.false_errors:
            print("  " + m)
        print("\nmutations not detected:")
        for m in overall.mutation_misses:
            print("  " + m)
    if overall.crash_notes:
        print(f"\n{overall.crashes} audits ended in an internal error (their findings are lost):")
        for m in overall.crash_notes[:20]:
            print("  " + m)
    if args.reasons:
        print("\nprecision by reason (findings citing a labelled contradiction / all findings):")
        for key, (right, wrong) in sorted(overall.by_reason.items(), key=lambda kv: -sum(kv[1])):
            print(f"  {key:<40}{right:>4} / {right + wrong:<4} {right / (right + wrong):>6.0%}")
    if args.coverage:
        from collections import Counter

        print(f"\nmost common unbound figure shapes ({len(overall.uncovered)} unbound):")
        for shape, n in Counter(overall.uncovered).most_common(args.coverage):
            print(f"  {n:4}  {shape}")
    f = overall.figures_dict()
    if args.sealed and args.findings_out:
        judged = sealed_findings(Path(args.sealed))
        Path(args.findings_out).write_text(json.dumps(judged, ensure_ascii=False, indent=1), encoding="utf-8")
        pages = sum(1 for x in judged if "pages" in x)
        errors = sum(1 for x in judged if x.get("severity") == "error")
        warnings = sum(1 for x in judged if x.get("severity") == "warning")
        print(f"\n{pages} pages: {errors} errors, {warnings} warnings written to {args.findings_out} for judging")
    report = {"overall": f, "by_genre": {g: t.figures_dict() for g, t in by_genre.items()},
              "by_group": {g: t.figures_dict() for g, t in by_group.items()}, "reports": len(items),
              "slice": args.slice, "by_reason": {k: {"right": r, "wrong": w} for k, (r, w) in sorted(overall.by_reason.items())}}
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    if args.check:
        baseline = json.loads(Path(args.check).read_text(encoding="utf-8"))
        if baseline.get("slice") != args.slice:  # figures of other reports are no yardstick
            print(f"error: {args.check} was written with --slice {baseline.get('slice')}, not {args.slice}",
                  file=sys.stderr)
            return 2
        base = baseline["overall"]
        worse = []
        if f["recall"] < base["recall"]:
            worse.append(f"recall {f['recall']:.1%} < baseline {base['recall']:.1%}")
        if f["false_errors"] > base["false_errors"]:
            worse.append(f"false errors {f['false_errors']} > baseline {base['false_errors']}")
        if f["mutation_recall"] < base["mutation_recall"]:
            worse.append(f"mutation recall {f['mutation_recall']:.1%} < baseline {base['mutation_recall']:.1%}")
        for w in worse:
            print("WORSE: " + w)
        return 1 if worse else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
