"""Every --format: one reporter lifecycle, many outputs; SARIF validated against the official 2.1.0 schema."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from auditor.baseline import fingerprint
from auditor.check import default_rules
from auditor.cli import main
from auditor.pipeline import audit_text
from auditor.report import reporters
from auditor.report.markdown import cell

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
RULES = {r.id: r for r in default_rules()}
# errors and a warning, one contradiction per line, from the rules' own failing examples
TEXT = "\n".join(RULES[i].examples.failing[0].text for i in ("SUM001", "SUM003", "PLA001")) + "\n"


@pytest.fixture(scope="module")
def result():
    r = audit_text(TEXT, path="reports/draft 1.txt")
    assert {f.rule for f in r.findings} >= {"SUM001", "SUM003", "PLA001"}
    assert {f.severity for f in r.findings} >= {"error", "warning"}
    return r


def render(fmt: str, results, failed=(), lang="zh", rules=None) -> str:
    out = io.StringIO()
    reporter = reporters()[fmt](out, lang=lang, color=False, rules=list(RULES.values()) if rules is None else rules)
    reporter.start()
    for r in results:
        reporter.file(r)
    for path, message in failed:
        reporter.failed(path, message)
    reporter.finish()
    return out.getvalue()


def test_every_format_is_registered():
    assert set(reporters()) == {"rich", "text", "json", "jsonl", "sarif", "markdown", "html", "csv", "github"}


# ------------------------------------------------------------------ sarif


def validate(log: dict) -> None:
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)


def test_the_vendored_schema_is_the_sarif_2_1_0_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    with pytest.raises(jsonschema.ValidationError):  # the validator really checks
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]})


def test_sarif_validates_and_carries_every_finding(result):
    failed = [("reports/broken.txt", "reports/broken.txt: the file is empty")]
    log = json.loads(render("sarif", [result], failed))
    validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "audit"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted(RULES)
    assert len(run["results"]) == len(result.findings)
    for item, f in zip(run["results"], result.findings):
        assert item["ruleId"] == f.rule
        assert run["tool"]["driver"]["rules"][item["ruleIndex"]]["id"] == f.rule
        assert item["level"] == {"error": "error", "warning": "warning"}[f.severity]
        region = item["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (f.line, f.column)
        assert region["snippet"]["text"] == result.text[f.start:f.end] == f.stated
        assert item["partialFingerprints"]["auditFingerprint/v1"] == fingerprint(f, result.text)
        assert item["message"]["text"] == f.message("zh")
        related = {loc["physicalLocation"]["region"]["snippet"]["text"] for loc in item.get("relatedLocations", [])}
        assert related == {e.text for e in f.evidence if (e.start, e.end) != (f.start, f.end)}
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "reports/draft%201.txt" and location["uriBaseId"] == "SRCROOT"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].endswith("the file is empty")


def test_sarif_maps_info_to_note_and_validates_in_english(result):
    rules = [r.with_severity("info") for r in RULES.values()]
    quiet = audit_text(TEXT, path="draft.txt", rules=rules)
    log = json.loads(render("sarif", [quiet, result], lang="en", rules=rules))
    validate(log)
    levels = [r["level"] for r in log["runs"][0]["results"]]
    assert "note" in levels and log["runs"][0]["language"] == "en-US"
    assert len(log["runs"][0]["artifacts"]) == 2


def test_sarif_with_no_findings_is_valid():
    log = json.loads(render("sarif", [audit_text("本年收入100万元。", path="ok.txt")]))
    validate(log)
    assert log["runs"][0]["results"] == []


# ------------------------------------------------------------------ json, jsonl


def test_json_keeps_its_contract(result):
    data = json.loads(render("json", [result]))
    assert set(data) >= {"file", "findings", "facts"}
    assert set(data["findings"][0]) >= {"rule", "severity", "message", "line", "column", "start", "end", "stated",
                                        "expected", "evidence"}


class Recorder(io.StringIO):
    """A stream that remembers what had been written each time it was flushed."""

    def __init__(self):
        super().__init__()
        self.flushed: list[str] = []

    def flush(self):
        self.flushed.append(self.getvalue())


@pytest.mark.parametrize("payload", [
    {"value": 4.3, "big": 2**70, "neg": -(2**63) - 1, "u64": 2**64 - 1},  # beyond 64 bits: the standard library
    {"tiny": 1e-05, "small": 0.0001, "huge": 1.5e16, "edge": 9999999999999998.0, "nan": float("nan")},
    {"text": "合计\u0000\x1f\x7f\u2028\"\\/\b\f\n\r\t", "lone": "\ud800", "empty": [{}, [], ()]},
    [{"file": "a.txt", "facts": [{"value": 0.30000000000000004, "location": {}}], "findings": []}, 12.5, None, True],
    # a float the standard library writes with an exponent, deep inside, after the containers beside it
    {"a": [{"b": ({"c": [1, "x", 2.5, {"d": [[], {}, 3e-05]}]},)}], "z": [4.25, {"y": "合计"}]},
    [[[[[[1e16]]]]], "after"],
    {"files": [{"facts": [{"value": v / 8, "text": f"{v}万元"} for v in range(1, 300)]}]},
])
def test_indented_json_is_what_the_standard_library_writes(payload):
    from auditor.report.jsonfmt import write_indented

    out = io.StringIO()
    write_indented(payload, out)
    assert out.getvalue() == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def test_jsonl_writes_one_object_per_file_as_each_file_finishes(result):
    out = Recorder()
    reporter = reporters()["jsonl"](out, lang="en")
    reporter.start()
    reporter.file(result)
    assert len(out.getvalue().splitlines()) == 1 and out.flushed, "streamed before the batch ends"
    reporter.failed("gone.txt", "gone.txt: no such file")
    reporter.file(audit_text("本年收入100万元。", path="ok.txt"))
    reporter.finish()
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [obj["file"] for obj in lines] == ["reports/draft 1.txt", "gone.txt", "ok.txt"]
    assert lines[0] == json.loads(render("json", [result], lang="en"))
    assert lines[1]["error"] == "gone.txt: no such file"


# ------------------------------------------------------------------ csv, markdown, text


def test_csv_has_one_row_per_finding(result):
    text = render("csv", [result], [("x.txt", "x.txt: no such file")])
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == len(result.findings) + 1
    for row, f in zip(rows, result.findings):
        assert (row["file"], row["line"], row["column"], row["rule"], row["severity"]) == (
            result.path, str(f.line), str(f.column), f.rule, f.severity)
        assert row["stated"] == f.stated and row["fingerprint"] == fingerprint(f, result.text)
        assert row["message"] == f.message("zh")
    assert rows[-1]["file"] == "x.txt" and rows[-1]["severity"] == "error"


def test_markdown_is_a_table_per_file(result):
    text = render("markdown", [result], lang="en")
    assert text.startswith("### reports/draft 1.txt\n")
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert table[0] == "| Place | Rule | Severity | Stated | Expected | Message |"
    assert len(table) == 1 + len(result.findings)
    for line, f in zip(table[1:], result.findings):
        assert line.startswith(f"| {f.line}:{f.column} | {f.rule} | {f.severity} | {f.stated} |")
        assert len(re.findall(r"(?<!\\)\|", line)) == 7


def test_markdown_cells_escape_what_would_break_the_table():
    assert cell("a|b\nc`d<e>") == "a\\|b c\\`d&lt;e>"


def test_text_format_is_one_line_per_finding(result):
    lines = render("text", [result]).splitlines()
    assert lines[:-1] == [f"{result.path}:{f.line}:{f.column}: {f.rule} {f.severity} {f.message('zh')}"
                          + (f"（应为 {f.expected}）" if f.expected else "") for f in result.findings]
    # 应为 is shown where the evidence names the figure; otherwise the message says what may be wrong
    assert all(f.expected or "有误" in f.message("zh") for f in result.findings if f.rule in ("SUM001", "SUM003"))


# ------------------------------------------------------------------ html (structure; the browser test renders it)


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks: list[dict] = []
        self.cards: list[dict] = []
        self.external: list[str] = []
        self._mark: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])
        if tag == "link":
            self.external.append(str(a))
        if tag == "a" and "fig" in a.get("class", ""):
            self._mark = {**a, "text": ""}
            self.marks.append(self._mark)
        if tag == "li" and "finding" in a.get("class", ""):
            self.cards.append(a)

    def handle_endtag(self, tag):
        if tag == "a":
            self._mark = None

    def handle_data(self, data):
        if self._mark is not None:
            self._mark["text"] += data


def test_html_links_every_cited_figure_to_its_finding_and_needs_no_network(result):
    page = Page()
    page.feed(render("html", [result]))
    assert page.external == []
    assert [c["data-rule"] for c in page.cards] == [f.rule for f in result.findings]
    card_ids = {c["id"] for c in page.cards}
    cited = {(f.start, f.end) for f in result.findings} | {(e.start, e.end) for f in result.findings for e in f.evidence}
    assert {m["text"] for m in page.marks} == {result.text[s:e] for s, e in cited}
    for mark in page.marks:
        linked = set(mark["data-findings"].split())
        assert linked <= card_ids and mark["href"][1:] in linked
    primaries = [m for m in page.marks if "primary" in m["class"]]
    assert {m["text"] for m in primaries} == {f.stated for f in result.findings}
    for card, f in zip(page.cards, result.findings):
        assert card["data-severity"] == f.severity
        assert any(m.get("id") == card["data-primary"] and m["text"] == f.stated for m in page.marks)


def test_html_shows_the_arithmetic_and_escapes_the_text():
    r = audit_text("<script>alert(1)</script>\n" + TEXT, path="x.txt")
    page = render("html", [r], lang="en")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert r.findings
    for f in r.findings:
        assert f"<code>{html.escape(f.arithmetic_text('en'))}</code>" in page


# ------------------------------------------------------------------ the command line


def test_output_writes_a_file_instead_of_stdout(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    for fmt in ("sarif", "html", "csv", "markdown", "jsonl"):
        target = tmp_path / f"out.{fmt}"
        result = CliRunner().invoke(main, [str(report), "--format", fmt, "--output", str(target)])
        assert result.exit_code == 1 and result.stdout == "", fmt
        assert target.stat().st_size > 100
    validate(json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8")))


def test_a_batch_with_an_unreadable_file_in_sarif(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    result = CliRunner().invoke(main, [str(folder), "--format", "sarif"])
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    validate(log)
    assert len(log["runs"][0]["results"]) >= 3
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
