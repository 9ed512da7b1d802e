"""SARIF 2.1.0, the format code-review tools (GitHub code scanning, VS Code's SARIF viewer …) read.

One run for the whole batch: the rules that ran as `tool.driver.rules`, each
checked file as an artifact, each finding as a result whose location is the
figure it points at and whose related locations are the other figures of its
arithmetic.  Columns count characters (`columnKind: unicodeCodePoints`).  The
baseline fingerprints are given as `partialFingerprints` ("auditFingerprint/v1":
figures and surrounding text; "auditFigures/v1": figures only) so tools can
track a finding across drafts.  Unreadable files become
tool-execution notifications.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from auditor import __version__
from auditor.baseline import figures_key, fingerprint
from auditor.report import Reporter
from auditor.report.common import Lines, role_word
from auditor.report.jsonfmt import write_indented

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "SRCROOT"


def artifact_location(path: str, index: int | None = None) -> dict:
    p = Path(path)
    loc: dict = {"uri": p.resolve().as_uri()} if p.is_absolute() else {"uri": quote(p.as_posix()), "uriBaseId": SRCROOT}
    if index is not None:
        loc["index"] = index
    return loc


def region(lines: Lines, start: int, end: int) -> dict:
    start_line, start_column = lines.position(start)
    end_line, end_column = lines.position(end)
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column,
            "charOffset": start, "charLength": end - start, "snippet": {"text": lines.text[start:end]}}


class SarifReporter(Reporter):
    name = "sarif"

    def start(self) -> None:
        self.artifacts: list[dict] = []
        self.results: list[dict] = []
        self.notifications: list[dict] = []
        self.rule_index = {r.id: n for n, r in enumerate(self.rules)}

    def _descriptor(self, rule) -> dict:
        summary = rule.summary if self.lang == "zh" else (rule.summary_en or rule.summary)
        help_lines = [f"{rule.id} {rule.name}: {summary}", f"relation: {rule.relation}"]
        if rule.source:
            help_lines.append(f"source: {rule.source}")
        return {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": rule.description.strip() or summary},
            "help": {"text": "\n".join(help_lines)},
            "defaultConfiguration": {"level": LEVEL[rule.severity]},
            "properties": {"relation": rule.relation, "source": rule.source, "tags": [rule.kind]},
        }

    def file(self, result) -> None:
        index = len(self.artifacts)
        lines = Lines(result.text)
        self.artifacts.append({"location": artifact_location(result.path), "length": len(result.text),
                               "roles": ["analysisTarget"]})
        for f in result.findings:
            physical = {"artifactLocation": artifact_location(result.path, index), "region": region(lines, f.start, f.end)}
            item: dict = {
                "ruleId": f.rule,
                "level": LEVEL[f.severity],
                "message": {"text": f.message(self.lang)},
                "locations": [{"physicalLocation": physical}],
                "partialFingerprints": {"auditFingerprint/v1": fingerprint(f, result.text),
                                        "auditFigures/v1": figures_key(f)},
                "properties": {"severity": f.severity, "stated": f.stated, "expected": f.expected,
                               "arithmetic": f.arithmetic_text(self.lang)},
            }
            if f.rule in self.rule_index:
                item["ruleIndex"] = self.rule_index[f.rule]
            related = []
            for e in f.evidence:
                if (e.start, e.end) == (f.start, f.end):
                    continue
                related.append({
                    "id": len(related) + 1,
                    "physicalLocation": {"artifactLocation": artifact_location(result.path, index),
                                         "region": region(lines, e.start, e.end)},
                    "message": {"text": f"{role_word(self.lang, e.role)}: {e.text}"},
                })
            if related:
                item["relatedLocations"] = related
            self.results.append(item)

    def failed(self, path: str, message: str) -> None:
        self.notifications.append({
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
        })

    def finish(self) -> None:
        invocation: dict = {"executionSuccessful": not self.notifications}
        if self.notifications:
            invocation["toolExecutionNotifications"] = self.notifications
        run = {
            "tool": {"driver": {"name": "audit", "version": __version__, "semanticVersion": __version__,
                                "rules": [self._descriptor(r) for r in self.rules]}},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri().rstrip("/") + "/"}},
            "artifacts": self.artifacts,
            "results": self.results,
            "columnKind": "unicodeCodePoints",
            "language": "zh-CN" if self.lang == "zh" else "en-US",
        }
        write_indented({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, self.stream)
