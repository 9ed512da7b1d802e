"""One language at a time: every word outside the rule messages comes from auditor.messages, which
holds the same keys in both languages, and no output carries the other language's script outside
quoted text (the document's own words, file names, rule IDs and the rule messages)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import string
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from auditor import messages
from auditor.check import default_rules
from auditor.cli import main
from auditor.normalise import normalise
from auditor.pipeline import audit_path, audit_text
from auditor.report import reporters

RULES = default_rules()
# every failing example of every rule, as `audit explain` shows it (its text alone)
EXAMPLES_FAILING = [ex.text for r in RULES for ex in r.examples.failing]
HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
LATIN = re.compile(r"[A-Za-z]{2,}")
# names, not English: formats, products, encodings, units, file names and extensions
NAMES = re.compile(r"(?<![A-Za-z0-9])(?:PDF|Word|Excel|PowerPoint|Office|OpenDocument|OLE2|zip|gzip|RAR|7-Zip|PNG|JPEG|GIF|TIFF|RTF"
                   r"|UTF-8|GB18030|Big5|OCR|ToUnicode|TOML|KB|MB|GB)(?![\w-])"
                   r"|pyproject\.toml|\[tool\.(?:audit)?\]|\.[a-z]{3,4}\b")
# the failing example of every rule: every kind of finding, every role
TEXT = "\n".join(ex.text.strip() for r in RULES for ex in r.examples.failing) + "\n"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_hold_the_same_keys_and_placeholders():
    zh, en = messages.CATALOGUE["zh"], messages.CATALOGUE["en"]
    assert set(zh) == set(en), f"only zh: {set(zh) - set(en)}; only en: {set(en) - set(zh)}"
    for key in zh:
        assert placeholders(zh[key]) == placeholders(en[key]), key
        assert not LATIN.search(NAMES.sub("", re.sub(r"\{[^}]*\}|audit|ID|`[^`]*`|“[^”]*”", "", zh[key]))), \
            f"English in zh {key}"
        assert not HAN.search(en[key].replace("“", "").replace("”", "")), f"Chinese in en {key}"


def test_every_role_the_checks_emit_has_words_in_both_languages():
    roles = set()
    for rule in RULES:
        for ex in (*rule.examples.failing, *rule.examples.passing):
            roles |= {e.role for f in audit_text(ex.text, rules=RULES).findings for e in f.evidence}
    assert len(roles) >= 15
    for role in roles:
        for lang in ("zh", "en"):
            assert f"role.{role.replace(' ', '_')}" in messages.CATALOGUE[lang], role
    assert messages.role("zh", "total change") == "总额增减额" and messages.role("en", "part change") == "part change"


def test_places_in_each_language():
    assert messages.place_text({"table": 1, "row": 2, "cell": 2}, "zh") == "表1 第2行 第2列"
    assert messages.place_text({"table": 1, "row": 2, "cell": 2}, "en") == "table 1 row 2 cell 2"
    assert messages.place_text({"page": 3}, "zh") == "第3页"
    assert messages.place_text({"paragraph": 12}, "en") == "¶ 12"
    assert messages.place_text({"file": "评分表.xlsx", "sheet": "评分表", "row": 5, "cell": "C5"}, "en") == \
        "评分表.xlsx 评分表!C5"


class Visible(HTMLParser):
    """The text a reader sees, and the attributes shown as tooltips and placeholders."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script") or (tag == "article" and ("class", "text") in attrs):
            self.skip += 1  # the document's own text is quoted
        for name, value in attrs:
            if name in ("title", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("style", "script", "article") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def shown(fmt: str, output: str) -> str:
    if fmt == "html":
        page = Visible()
        page.feed(output)
        return "\n".join(page.parts)
    if fmt == "csv":  # not the header (stable keys), the severity keys or the fingerprints
        rows = list(csv.reader(io.StringIO(output.lstrip("\ufeff"))))
        return "\n".join(" ".join(cell for n, cell in enumerate(row) if n not in (5, 11)) for row in rows[1:])
    if fmt == "github":  # the messages, not the command syntax
        return "\n".join(line.split("::", 2)[-1] for line in output.splitlines())
    if fmt == "markdown":
        return html.unescape(output)
    if fmt == "sarif":
        run = json.loads(output)["runs"][0]
        return "\n".join(loc["message"]["text"] for r in run["results"] for loc in r.get("relatedLocations", []))
    return output


def quoted(results, lang: str) -> list[str]:
    """What a report quotes: file names, rule IDs and names, figures, the rule messages, the document."""
    out = ["missing.txt: no such file", "no such file", "missing.txt"]  # a loader's reason (English) and a name
    for r in results:
        out += [r.path, r.text, normalise(r.text).text]
        out += [str(v) for _, _, place in r.document.locations for k, v in place.items() if k in ("file", "sheet")]
        for f in r.findings:
            out += [f.message(lang), f.arithmetic_text(lang), f.stated or "", f.expected or ""]
            out += [e.text for e in f.evidence]
    out += [r.id for r in RULES] + [r.name for r in RULES]
    return sorted(set(out), key=len, reverse=True)


def leaks(text: str, results, lang: str) -> list[str]:
    text = re.sub(r"(?m)^\s*\d+ │ .*$", " ", text)  # the report's own lines, quoted under a finding
    for piece in quoted(results, lang):
        if piece and len(piece) < 2000:
            text = text.replace(piece, " ")
    sources = "\n".join(q for q in quoted(results, lang))
    if lang == "en":
        zh_words = {v for v in messages.CATALOGUE["zh"].values() if len(HAN.findall(v)) == 1 and len(v) >= 2}
        return [run for run in HAN.findall(text) if run not in sources or run in zh_words]
    allowed = {"audit", "ID", "error", "warning", "info"}  # the command, and severity keys (text format)
    return [w for w in LATIN.findall(text) if w not in allowed]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lang")
    seed = (Path(__file__).resolve().parents[1] / "examples" / "seeds" / "004_9b6aaad42b3395ab.txt").read_text(
        encoding="utf-8")
    scores = "一级指标 | 指标分值 | 评价得分\n投入 | 50 | 48.4\n过程 | 50 | 50\n合计 | 100 | 97.4\n"
    paths = [docgen.write_docx(seed + "\n" + scores, folder / "a.docx"), docgen.write_pdf(seed, folder / "b.pdf"),
             docgen.write_xlsx(scores, folder / "c.xlsx", sheet="评分表"), docgen.write_html(seed, folder / "d.html")]
    out = [audit_text(TEXT, path="examples.txt")] + [audit_path(str(p)) for p in paths]
    assert all(r.findings for r in out)
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fmt", ["rich", "text", "markdown", "html", "csv", "sarif", "github"])
def test_no_output_carries_the_other_languages_script(results, fmt, lang, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")  # rich does not fold a long path
    out = io.StringIO()
    reporter = reporters()[fmt](out, lang=lang, color=False, rules=RULES)
    reporter.start()
    for r in results:
        reporter.file(r)
    reporter.failed("missing.txt", "missing.txt: no such file")
    if hasattr(reporter, "summary"):
        from auditor.batch import SummaryRow, summary_row

        rows = [summary_row(r) for r in results] + [SummaryRow("missing.txt", failure="missing.txt: no such file")]
        reporter.summary(rows, totals=rows)
    reporter.finish()
    text = shown(fmt, out.getvalue())
    found = leaks(text, results, lang)
    where = [text[max(0, text.find(w) - 40):text.find(w) + 40] for w in found[:3]]
    assert not found, f"{fmt} --lang {lang}: {found[:10]} in {where}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_inspection_commands_speak_one_language(results, lang, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(results[0].text, encoding="utf-8")
    runner = CliRunner()
    for args in (["rules"], ["explain", "CHG004"], ["explain", "SCO002"], ["facts", str(report)]):
        result = runner.invoke(main, [*args, "--lang", lang])
        assert result.exit_code == 0, result.output
        text = result.stdout
        pieces = [r.id for r in RULES] + [r.name for r in RULES]
        for rule in RULES:  # the rule's own texts are quoted: relation, description, examples, summary
            for piece in (rule.relation, rule.description, rule.source, rule.summary, rule.summary_en,
                          *(ex.text for ex in (*rule.examples.failing, *rule.examples.passing)),
                          *(ex.stated or "" for ex in rule.examples.failing),
                          *(ex.note or "" for ex in (*rule.examples.failing, *rule.examples.passing))):
                pieces += [line.strip() for line in (piece or "").strip().splitlines() if line.strip()]
        for ex in EXAMPLES_FAILING:  # each example audited alone, as `explain` does (joined, one example's reading
            pieces += [f.message(lang) for f in audit_text(ex, rules=RULES).findings]  # may reach into the next's)
        for piece in sorted(set(pieces), key=len, reverse=True):
            text = text.replace(piece, " ")
        if args[0] == "facts":  # the cells are the document's figures and the vocabulary's words:
            rows = [line.split("\t") for line in result.stdout.splitlines()]  # the header and periods are ours
            period = rows[0].index(messages.text(lang, "cat.period"))
            text = "\t".join(rows[0] + [row[period] for row in rows[1:] if not row[period].isdigit()])
        if lang == "en":
            assert not HAN.findall(text), (args, HAN.findall(text)[:10])
        else:
            left = [w for w in LATIN.findall(text) if w not in {"ID", "audit", "error", "warning", "info", "rules"}
                    and not re.fullmatch(r"[a-z]+(-[a-z]+)*", w)]  # rule names are identifiers
            assert not left, (args, left[:10])



# -- files that cannot be read, and inputs that cannot be used: stderr in the language of the run ----

NAMES_QUOTED = re.compile(r"`[^`]*`|audit")


def _broken_inputs(folder: Path) -> Path:
    """A folder of reports that cannot be read, each for a different reason (and a big one beside it)."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    whole = docgen.write_docx("本年支出100万元。", folder / "whole.docx").read_bytes()
    (folder / "whole.docx").unlink()
    (folder / "damaged.docx").write_bytes(whole[: len(whole) // 2])  # a download cut in half
    (folder / "damaged.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage")
    sheet = docgen.write_xlsx("项目 | 金额\n合计 | 100\n", folder / "whole.xlsx").read_bytes()
    (folder / "whole.xlsx").unlink()
    (folder / "damaged.xlsx").write_bytes(sheet[: len(sheet) // 2])
    (folder.parent / "big.txt").write_text("本年支出100万元。\n" * 200, encoding="utf-8")  # > 1KB
    (folder / "plain.pdf").write_text("只是一段文字", encoding="utf-8")  # text named .pdf
    return folder


def _details(folder: Path) -> list[str]:
    """What the libraries said about each broken file: quoted as they said it, in either language."""
    from auditor.load import LoadError, load_document

    out = []
    for p in folder.iterdir():
        try:
            load_document(p, max_bytes=1024)
        except LoadError as exc:
            out += [str(v) for k, v in exc.params.items() if k in ("detail", "reason")]
    return out


def _other_script(text: str, lang: str, quoted: list[str]) -> list[str]:
    for piece in sorted(set(quoted), key=len, reverse=True):
        text = text.replace(piece, " ")
    if lang == "en":
        return HAN.findall(text)
    text = NAMES.sub(" ", NAMES_QUOTED.sub(" ", text))
    return LATIN.findall(text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_errors_about_files_and_inputs_speak_one_language(tmp_path, lang):
    folder = _broken_inputs(tmp_path / "broken")
    quoted = [str(folder)] + [str(p) for p in folder.iterdir()] + _details(folder) + [str(tmp_path / "big.txt")]
    (tmp_path / "nothing").mkdir()
    runner = CliRunner()
    outputs = []
    big = str(tmp_path / "big.txt")
    for args in ([str(folder), "--format", "text"],  # every file: one line each
                 [str(folder), "--format", "text", "-j", "2"],  # rendered in the workers
                 [str(folder / "empty.txt")], [str(folder / "damaged.docx")], [str(folder / "damaged.pdf")],
                 [str(folder / "damaged.xlsx")], [str(folder / "plain.pdf")],
                 [big, "--max-size", "1KB"],
                 [str(tmp_path / "missing.txt")], [str(tmp_path / "nothing")],
                 ["relations", str(tmp_path / "nothing")], ["relations", str(tmp_path / "missing.txt")],
                 [big, "--with", str(tmp_path / "missing.txt")],
                 [big, "--config", str(tmp_path / "missing.toml")],
                 [big, "--annotate", str(tmp_path / "copy.txt")]):
        result = runner.invoke(main, [*args, "--lang", lang])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
        outputs.append((args, result.stderr + result.stdout))
        quoted += [str(tmp_path / "missing.txt"), str(tmp_path / "missing.toml"), str(tmp_path / "nothing"),
                   str(tmp_path / "copy.txt")]
    batch_lines = outputs[0][1].splitlines()
    assert sum(line.startswith("audit: ") for line in batch_lines) == 5, outputs[0][1]  # one line per broken file
    assert outputs[1][1].splitlines()[:5] == batch_lines[:5]
    for args, text in outputs:
        found = _other_script(text, lang, quoted)
        assert not found, (lang, args, found[:10], text)
    if lang == "zh":  # and it is Chinese indeed, not a blank
        assert "文件是空的" in outputs[2][1] and "超过 1 KB 的上限" in outputs[7][1]
    else:
        assert "the file is empty" in outputs[2][1] and "larger than the 1 KB limit" in outputs[7][1]


def test_a_load_error_keeps_its_key_through_a_pickle():
    import pickle

    from auditor.load import LoadError

    error = pickle.loads(pickle.dumps(LoadError("load.not_a_file", path="x.txt", kind="fifo")))
    assert isinstance(error, LoadError) and error.key == "load.not_a_file"
    assert error.render("zh") == "x.txt：命名管道，不是普通文件；只读取普通文件"
    assert str(error) == "x.txt: a FIFO (named pipe), not a file; only regular files are read"


# -- configuration, rule files, baselines and the command line itself: in the language of the run too -------

RULE_FILE = Path(__file__).resolve().parents[1] / "rules" / "SUM001.toml"
REPORT = "年初预算100万元,其中基本支出60万元,项目支出50万元。\n"


def _user_rule(folder: Path, *edits: tuple[str, str]) -> Path:
    """A folder holding one user rule: the built-in SUM001 as USR001, with `edits` (old, new) made to it."""
    text = RULE_FILE.read_text(encoding="utf-8").replace('id = "SUM001"', 'id = "USR001"')
    text = text.replace('name = "', 'name = "usr-', 1)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "USR001.toml").write_text(text, encoding="utf-8")
    return folder


# (what goes wrong, audit.toml beside the report or None, the arguments after the report, the words the user typed)
MISTAKES = [
    ("unknown setting, bad severity", 'ignroe = ["PLA"]\n\n[severity]\nDUP001 = "warn"\n', [], ["ignroe", "warn"]),
    ("bad lang", 'lang = "fr"\n', [], ["fr"]),
    ("bad fail-on", 'fail-on = "sometimes"\n', [], ["sometimes"]),
    ("selectors that match no rule", 'select = ["QQQ"]\n[severity]\nDUX001 = "warning"\n[params.ZZZ001]\nx = 1\n',
     [], ["QQQ", "DUX001", "ZZZ001"]),
    ("parameters of the wrong type", '[params.SUM001]\nmin_parts = "x"\n[params.TGT001]\nmeasure = "fast"\n', [],
     ["min_parts", "measure", "fast"]),
    ("unknown grade", '[grade-bands]\n"优秀" = 85\n', [], ["优秀"]),
    ("grade out of range", '[grade-bands]\n"优" = 120\n', [], ["优"]),
    ("values of the wrong type", 'select = "SUM"\nbaseline = 5\n[vocabulary.families.x]\ntotals = []\n', [],
     ["SUM"]),
    ("unknown table key", '[vocabulary]\nfoo = 1\n', [], ["vocabulary.foo"]),
    ("TOML syntax", 'ignore = ["PLA"\n', [], []),
    ("TOML table twice", '[a]\n[a]\n', [], []),
    ("--select matching nothing", None, ["--select", "GRX"], ["--select", "GRX"]),
    ("rule file typos", None, ["--rules", "{rules}"], ["eror", "identiy", "sumary_en", "sum7"]),
    ("rule file family", None, ["--rules", "{family}"], ["经济分内"]),
    ("rule folder missing", None, ["--rules", "{nope}"], []),
    ("baseline missing", None, ["--baseline", "{missing.json}"], []),
    ("baseline not JSON", None, ["--baseline", "{broken.json}"], []),
    ("baseline of another tool", None, ["--baseline", "{foreign.json}"], []),
    ("baseline version", None, ["--baseline", "{v9.json}"], []),
    ("no such option", None, ["--bogus"], []),
    ("bad choice", None, ["--format", "xml"], ["xml"]),
    ("jobs below 1", None, ["--jobs", "0"], []),
    ("jobs not a number", None, ["--jobs", "x"], []),
    ("max-size not a size", None, ["--max-size", "12QB"], ["12QB"]),
    ("max-size zero", None, ["--max-size", "0"], []),
    ("flag given a value", None, ["--quiet=yes"], ["yes"]),
    ("option without its value", None, ["--select"], []),
    ("config is a folder", None, ["--config", "{folder}"], []),
]


def _mistake(tmp_path: Path, config_text, extra: list[str]) -> tuple[Path, list[str]]:
    """The report (with its audit.toml) and the arguments of one mistake."""
    report = tmp_path / "case" / "r.txt"
    report.parent.mkdir()
    report.write_text(REPORT, encoding="utf-8")
    if config_text is not None:
        (report.parent / "audit.toml").write_text(config_text, encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "foreign.json").write_text('{"findings": []}', encoding="utf-8")
    (tmp_path / "v9.json").write_text('{"format": "audit-baseline", "version": 9, "findings": []}', encoding="utf-8")
    (tmp_path / "folder").mkdir()
    places = {"{rules}": _user_rule(tmp_path / "typos", ('severity = "error"', 'severity = "eror"'),
                                    ('kind = "breakdown"', 'kind = "identiy"'), ("summary_en =", "sumary_en ="),
                                    ('id = "USR001"', 'id = "sum7"')),
              "{family}": _user_rule(tmp_path / "family", ('kind = "breakdown"', 'kind = "identity"'),
                                     ("params = {", 'params = { family = "经济分内",')),
              "{nope}": tmp_path / "nope", "{missing.json}": tmp_path / "missing.json",
              "{broken.json}": tmp_path / "broken.json", "{foreign.json}": tmp_path / "foreign.json",
              "{v9.json}": tmp_path / "v9.json", "{folder}": tmp_path / "folder"}
    return report, [str(places.get(a, a)) for a in extra]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("what,config_text,extra,typed", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_configuration_rule_file_and_usage_errors_speak_one_language(tmp_path, lang, what, config_text, extra,
                                                                     typed):
    report, args = _mistake(tmp_path, config_text, extra)
    result = CliRunner().invoke(main, ["--lang", lang, str(report), *args], prog_name="audit")
    assert result.exit_code == 2, (what, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == "" and result.stderr.startswith("audit: "), result.output
    quoted = [str(tmp_path), *(str(p) for p in tmp_path.rglob("*")), *args, *typed, *(r.id for r in RULES), "USR001",
              "ID"]
    if lang == "en":  # the vocabulary's and the rules' own names
        from auditor.extract.vocabulary import default_vocabulary

        quoted += [*default_vocabulary().families, *(g for r in RULES for g in r.params.get("bands", {}))]
    found = _other_script(result.stderr, lang, quoted)
    assert not found, (what, found[:10], result.stderr)
    for line in result.stderr.splitlines():  # every problem in words of the language, not only names and values
        assert (HAN if lang == "zh" else LATIN).search(_other_script_free(line, quoted)), (what, line)


def _other_script_free(line: str, quoted: list[str]) -> str:
    for piece in sorted(set(quoted), key=len, reverse=True):
        line = line.replace(piece, " ")
    return NAMES_QUOTED.sub(" ", line)


def test_a_usage_error_keeps_its_exit_status_and_help_pointer_in_chinese(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(main, [str(report), "--format", "xml"], prog_name="audit")
    assert result.exit_code == 2
    assert result.stderr == ("audit: `--format` 的值 'xml' 无效：应为 `rich`、`text`、`json`、`jsonl`、`sarif`、"
                             "`markdown`、`html`、`csv`、`github` 之一（见 `audit check --help`）\n")
    english = CliRunner().invoke(main, [str(report), "--format", "xml", "--lang", "en"], prog_name="audit")
    assert english.exit_code == 2 and english.stderr.startswith("audit: Invalid value for '--format': 'xml' is not one")
    assert english.stderr.endswith(" (see `audit check --help`)\n")
    for args, words in ((["rules", "extra"], "多余的参数：`extra`（见 `audit rules --help`）"),
                        (["explain"], "缺少参数 `RULE_ID`（见 `audit explain --help`）"),
                        ([str(report), "--progres"], "没有选项 `--progres`（是不是以下之一："),
                        ([], "请给出要检查的报告，如 `audit report.txt`（见 `audit --help`）")):
        result = CliRunner().invoke(main, args, prog_name="audit")
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.output
        assert result.stderr.startswith(f"audit: {words}"), result.stderr


def test_an_error_before_the_settings_are_known_speaks_the_configurations_language(tmp_path):
    """--lang if given, else `lang` of the configuration the run would read (if it can be read), else zh."""
    report = tmp_path / "reports" / "r.txt"
    report.parent.mkdir()
    report.write_text(REPORT, encoding="utf-8")
    config = report.parent / "audit.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")

    def stderr(*args) -> str:
        result = CliRunner().invoke(main, [str(a) for a in args])
        assert result.exit_code == 2, result.output
        return result.stderr

    assert stderr(report, "--format", "xml").startswith("audit: Invalid value for '--format'")
    assert stderr("facts", report, "--jobs", "x").startswith("audit: Invalid value for '--jobs'")
    assert stderr(report, "--format", "xml", "--lang", "zh").startswith("audit: `--format` 的值 'xml' 无效")
    assert stderr(report, "--isolated", "--jobs", "x").startswith("audit: `--jobs` 的值 'x' 无效")  # no configuration
    elsewhere = tmp_path / "r.txt"
    elsewhere.write_text(REPORT, encoding="utf-8")
    assert stderr(elsewhere, "--jobs", "x").startswith("audit: `--jobs`")
    assert stderr(elsewhere, "--config", config, "--jobs", "x").startswith("audit: Invalid value for '--jobs'")
    assert stderr(elsewhere, "--config", config, "--isolated") == \
        "audit: --isolated and --config cannot be used together\n"
    config.write_text('lang = "en"\nignroe = ["PLA"]\n', encoding="utf-8")  # a mistake in a file that says en
    assert stderr(report) == f"audit: {config}:2: unknown setting 'ignroe' (did you mean 'ignore'?)\n"
    assert stderr(report, "--lang", "zh") == f"audit: {config}:2: 未知的设置 'ignroe'（是不是 `ignore`？）\n"
    config.write_text('lang = "en"\nignore = ["PLA"\n', encoding="utf-8")  # a file that cannot be read says nothing
    assert stderr(report) == f"audit: {config}:2: 不是有效的 TOML：数组没有闭合\n"


def test_parser_messages_in_words_and_an_unknown_one_as_said():
    assert messages.parser_problem("zh", "toml", "Cannot declare ('severity', 'SUM001') twice") == \
        "severity.SUM001 重复声明"
    assert messages.parser_problem("en", "toml", "Invalid value") == "Invalid value"
    assert messages.parser_problem("zh", "json", "Expecting ',' delimiter") == "此处应为 `,`"
    assert messages.parser_problem("zh", "toml", "Something new") == "Something new"


def test_the_rules_listing_names_its_configuration_in_the_language_of_the_run(tmp_path):
    from auditor import config
    from auditor.report.catalogue import rules_listing

    (tmp_path / "audit.toml").write_text('ignore = ["PLA"]\n', encoding="utf-8")
    for lang, words in (("zh", "配置：默认设置（未找到 audit.toml）"), ("en", "configuration: defaults (no audit.toml found)")):
        out = io.StringIO()
        rules_listing(RULES, set(), set(), lang, out, True, origin=config.describe(config.Settings(lang=lang)))
        assert words in out.getvalue()
        found = config.resolve(lang=lang, start=tmp_path / "r.txt")
        assert config.describe(found) == messages.text(lang, "cli.config", path=tmp_path / "audit.toml")


COMMANDS = ["check", "rules", "explain", "facts", "relations"]


def _help_syntax() -> list[str]:
    """What `--help` may show in Latin letters in a Chinese run: the command line's syntax (the usage
    line's metavars, option names with their metavars and choices, defaults, command names, the examples)."""
    import click

    from auditor.cli import DefaultGroup

    out = ["[OPTIONS]", "COMMAND [ARGS]...", "FILE_OR_FOLDER...", "RULE_ID", "FILE", *COMMANDS]
    out += [command for command, _ in DefaultGroup.EXAMPLES]
    root = click.Context(main, info_name="audit", **main.context_settings)  # -h as well: click keeps the first
    for command in (main, *main.commands.values()):
        ctx = root if command is main else click.Context(command, info_name=command.name, parent=root)
        options = [p for p in command.get_params(ctx) if isinstance(p, click.Option)]
        out += [p.get_help_spec(ctx) for p in options] + [str(p.default) for p in options if p.show_default]
    return out


def _help_text(args: list[str]) -> str:
    result = CliRunner().invoke(main, args, prog_name="audit")
    assert result.exit_code == 0 and not result.stderr, (args, result.output, result.stderr)
    return result.stdout


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_speaks_the_language_of_the_run(command, tmp_path, monkeypatch):
    """`--help` follows --lang and `lang` of audit.toml like every other message (zh by default)."""
    monkeypatch.chdir(tmp_path)  # no audit.toml above: the default language
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "audit.toml").write_text('lang = "en"\n', encoding="utf-8")
    chinese = _help_text([*command, "--help"])
    assert chinese.startswith(f"用法：audit {' '.join(command)}".rstrip())
    assert "选项：" in chinese and "显示本帮助并退出。" in chinese and ("命令：" in chinese) == (not command)
    found = _other_script(chinese, "zh", _help_syntax())
    assert not found, (command, found, chinese)
    for line in chinese.splitlines():  # a terminal's width: a Chinese character takes two columns
        assert len(line) + sum(len(run) for run in HAN.findall(line)) <= 80, line
    english = [_help_text([*command, "--lang", "en", "--help"]), _help_text([*command, "--lang=en", "-h"])]
    monkeypatch.chdir(tmp_path / "en")
    english.append(_help_text([*command, "--help"]))  # lang = "en" in audit.toml
    for english in english:
        assert english.startswith(f"Usage: audit {' '.join(command)}".rstrip())
        assert "Options:" in english and "Show this message and exit." in english
        assert not HAN.findall(english), english
    assert _help_text([*command, "--lang", "zh", "--help"]) == chinese  # --lang wins over audit.toml


def test_help_keeps_option_names_metavars_and_defaults():
    chinese, english = _help_text(["check", "--help"]), _help_text(["check", "--lang", "en", "--help"])
    for shown in (chinese, english):
        for words in ("--format [rich|text|json|", "-o, --output FILE", "--annotate COPY", "--isolated, --no-config",
                      "-j, --jobs INTEGER RANGE", "--color / --no-color", "--max-size SIZE", "x>=1"):
            assert words in shown, words
    assert "［默认：20MB］" in chinese and "[default: 20MB]" in english
    assert "把报告写入这个文件而不是标准输出" in chinese and "Write the report to this file" in english
    assert "检查报告，列出每一处矛盾" in _help_text(["--help"])


def test_shell_completion_describes_options_and_commands_in_the_language_of_the_run(tmp_path, monkeypatch):
    from click.shell_completion import ShellComplete

    monkeypatch.chdir(tmp_path)

    def described(args, incomplete):
        return {i.value: i.help for i in ShellComplete(main, {}, "audit", "_AUDIT_COMPLETE")
                .get_completions(args, incomplete)}

    assert described([], "")["rules"] == "列出规则"
    assert described(["check"], "--ma")["--max-size"].startswith("拒绝大于 `SIZE` 的文件")
    assert described(["check", "--lang", "en"], "--ma")["--max-size"].startswith("Refuse files larger than SIZE")
    assert described(["rules"], "--is")["--isolated"] == "忽略所有 `audit.toml` 和 `[tool.audit]`。"


def test_a_label_cut_for_a_message_does_not_start_inside_a_year():
    from auditor.check.context import label_tail

    assert label_tail("较2017年部门预算支出总数", 12) == "部门预算支出总数"
    assert label_tail("公务用车购置及运行费", 12) == "公务用车购置及运行费"
    assert label_tail("2018年部门预算支出总数", 12) == "部门预算支出总数"  # not "018年…"
    assert label_tail("2018年部门预算支出总数", 13) == "2018年部门预算支出总数"


def test_a_finding_names_a_lottery_game_as_the_report_writes_it():
    # (extraction reads 快乐8 as 快乐捌, so that no figure starts inside the name: the message says 快乐8; a sum in
    # capitals, 壹佰万元, is no game's name and stays)
    text = ("游戏 1-6月销量 上年同期 增减额 增长%\n双色球 6.42 6.15 0.27 4.4\n福彩3D 2.18 2.31 -0.13 -5.6\n"
            "快乐8 4.97 3.56 1.41 29.6\n七乐彩 0.36 0.41 -0.05 -12.2\n刮刮乐 3.65 2.94 0.71 24.1\n")
    messages = [f.message("zh") for f in audit_text(text).findings]
    assert messages and all("快乐捌" not in m for m in messages) and any("快乐8" in m for m in messages)
    from auditor.extract import digit_names_restored
    from auditor.extract.vocabulary import default_vocabulary
    assert digit_names_restored("人民币壹佰万元,快乐捌的增长率", default_vocabulary()) == "人民币壹佰万元,快乐8的增长率"


@pytest.mark.parametrize("text, named, not_named", [
    # (a total counting its names: the noun, not the words pointing back to them)
    ("从省份来看,2021年最高奖金来自天津,为1002万元;中得百万以上大奖的省份还有广东、江苏、山东和浙江,分别中奖2110万元、"
     "1581万元、1499万元和1398万元。这五个省市的中奖总额为8499万元。", "中奖总额的分项之和", "这五个"),
    # (a total restated with 在这…当中: named by the figure it restates)
    ("在2009-10年度,社署的实际开支总额为395亿元。在这395亿元当中,280亿元(71%)为经济援助金,83亿元(21%)为提供予非政府机构的"
     "经常资助,7亿元(2%)为雇用服务的开支,其余35亿元(6%)为部门开支。", "开支总额的分项之和", "在这"),
    # (a table's row by its whole name, not the last characters of row and column)
    ("附表4  2023年镇级财力测算表\n单位：万元\n序号 | 项目 | 金额\n1 | 本级一般公共预算收入 | 2,134.56\n"
     "3 | 上解上级支出（含专项上解） | -45.00\n", "“上解上级支出(含专项上解)”", "“级支出"),
])
def test_a_finding_names_its_subject_by_its_noun(text, named, not_named):
    messages = [f.message("zh") for f in audit_text(text).findings]
    assert any(named in m for m in messages), messages
    assert not any(not_named in m for m in messages), messages
