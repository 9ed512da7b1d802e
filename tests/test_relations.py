"""Relations you can see (issue 10, item 3): every relation checked, with its reason
and verdict, in the JSON output and in `audit relations`; every output says how much
was checked, and "no contradictions" is never said when nothing was checked."""

from __future__ import annotations

import json

from click.testing import CliRunner

from auditor.cli import main
from auditor.pipeline import audit_text

TEXT = ("2023年部门支出100万元,其中基本支出60万元,项目支出40万元。"
        "三公经费预算2.09万元,其中:公务接待费0.95万元,公务用车运行费1.24万元。"
        "项目执行率92%。\n")


def _run(tmp_path, *args: str):
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    return CliRunner().invoke(main, [*args[:1], str(report), *args[1:]] if args and args[0] == "relations"
                              else [str(report), *args])


def test_every_relation_checked_has_a_reason_and_a_verdict():
    result = audit_text(TEXT)
    verdicts = {(o.rule, o.verdict, o.reason) for o in result.outcomes}
    assert ("SUM001", "holds", "qizhong_list") in verdicts
    assert ("SUM001", "fails", "qizhong_list") in verdicts
    assert ("RAT001", "undecided", "rate_in_sentence") in verdicts  # 92 % with no amounts beside it
    failing = [o for o in result.outcomes if o.verdict == "fails"]
    assert [o.finding for o in failing] == result.findings
    assert result.checked == (len(result.extraction.facts), 2, 1)


def test_json_gains_relations_and_the_amount_checked(tmp_path):
    out = _run(tmp_path, "--format", "json")
    payload = json.loads(out.stdout)
    assert set(payload) >= {"file", "findings", "facts", "relations", "checked"}
    assert payload["checked"] == {"figures": 7, "relations": 2, "undecided": 1}
    failing = [r for r in payload["relations"] if r["verdict"] == "fails"]
    assert len(failing) == 1 and failing[0]["finding"] and failing[0]["reason"] == "qizhong_list"
    roles = [f["role"] for f in failing[0]["figures"]]
    assert roles == ["total", "part", "part"]
    assert failing[0]["figures"][0]["text"] == "2.09万元"


def test_audit_relations_lists_them(tmp_path):
    out = _run(tmp_path, "relations", "--format", "text")
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert any("\tSUM001\t不符\tqizhong_list" in line and "2.09万元" in line for line in lines)
    assert any("\tRAT001\t无法判定\t" in line for line in lines)
    assert lines[-1].endswith("读取 7 个数字，核对 2 个关系，1 个无法判定")


def test_nothing_checked_is_not_called_clean(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("本单位有职工12人。\n", encoding="utf-8")
    out = CliRunner().invoke(main, [str(report), "--format", "text"])
    assert out.exit_code == 0
    assert "未发现矛盾" not in out.stdout
    assert "未核对任何关系" in out.stdout


def test_audit_relations_names_the_reading_that_explains_or_doubts_a_relation(tmp_path):
    report = tmp_path / "w.txt"
    # a miss too wide for a slip of one figure: a warning that names ALT008
    report.write_text("本年收入合计1355.81万元,其中:财政拨款收入177.80万元,事业收入61.35万元,其他收入2.78万元。\n",
                      encoding="utf-8")
    out = CliRunner().invoke(main, ["relations", str(report), "--format", "text"])
    assert "\tSUM001\t不符\tqizhong_list — ALT008\t" in out.stdout, out.stdout
