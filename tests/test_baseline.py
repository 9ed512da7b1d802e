"""Baselines: accept one draft's findings, see only new ones on the next, whatever moved."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner

from auditor import baseline
from auditor.check import default_rules
from auditor.cli import main
from auditor.pipeline import audit_text

RULES = {r.id: r for r in default_rules()}
OLD_A = RULES["SUM001"].examples.failing[0].text  # 三公经费 parts do not add up
OLD_B = RULES["SUM003"].examples.failing[0].text  # 基本支出 ≠ 人员经费 + 公用经费
NEW = RULES["GRD001"].examples.failing[0].text  # grade does not match the score
FILLER = "本部门认真贯彻落实上级决策部署，加强预算管理，提高资金使用效益。\n\n"

DRAFT_1 = f"{OLD_A}\n{OLD_B}\n"
# the next draft: paragraphs inserted above and between, and one new contradiction
DRAFT_2 = f"{FILLER * 3}{OLD_A}\n{FILLER * 2}{OLD_B}\n{FILLER}{NEW}\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_fingerprints_do_not_depend_on_lines_or_file_names():
    first = audit_text(DRAFT_1, path="draft-1.txt")
    second = audit_text(DRAFT_2, path="draft-2.txt")
    old = {baseline.fingerprint(f, first.text) for f in first.findings}
    moved = {baseline.fingerprint(f, second.text): f for f in second.findings}
    assert first.findings and old <= set(moved)
    assert {f.line for f in first.findings} != {moved[k].line for k in old}, "the findings really moved"
    assert [f.rule for k, f in moved.items() if k not in old] == ["GRD001"]


def test_a_changed_figure_is_a_new_finding():
    first = audit_text(OLD_A)
    changed = audit_text(OLD_A.replace("1.24万元", "1.34万元"))
    assert first.findings and changed.findings
    assert baseline.fingerprint(first.findings[0], first.text) != baseline.fingerprint(changed.findings[0], changed.text)


def test_re_wrapped_or_reworded_surroundings_keep_a_finding_accepted():
    first = audit_text(f"情况如下：{OLD_A}")
    accepted = baseline.Baseline(accepted=Counter(e["fingerprint"] for e in baseline.entries([first])),
                                 figures=Counter(e["figures"] for e in baseline.entries([first])))
    wrapped = audit_text(f"情况如下：\n{OLD_A}")
    reworded = audit_text(f"情况如下：{OLD_A}".replace("三公经费预算", "三公经费年初预算"))
    for edited in (wrapped, reworded):
        assert [f.rule for f in edited.findings] == [f.rule for f in first.findings]
        assert baseline.fingerprint(edited.findings[0], edited.text) != baseline.fingerprint(first.findings[0], first.text)
        assert accepted.apply(edited).findings == []


def test_the_surrounding_text_tells_apart_findings_with_the_same_figures(tmp_path):
    one = f"（一）{OLD_A}\n"
    two = f"（二）{OLD_A}\n{FILLER}{one}"
    draft_1, draft_2, accepted = tmp_path / "d1.txt", tmp_path / "d2.txt", tmp_path / "b.json"
    draft_1.write_text(one, encoding="utf-8")
    draft_2.write_text(two, encoding="utf-8")
    assert run(draft_1, "--write-baseline", accepted).exit_code == 0
    everything = [f for f in json.loads(run(draft_2, "--format", "json").stdout)["findings"] if f["rule"] == "SUM001"]
    assert [f["line"] for f in everything] == [1, 4]
    shown = json.loads(run(draft_2, "--format", "json", "--baseline", accepted).stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in shown if f["rule"] == "SUM001"] == [("SUM001", 1)], \
        "the accepted one is the one under （一）; the copy under （二） is new"


def test_full_width_and_spaces_do_not_change_a_fingerprint():
    first = audit_text(OLD_A)
    wide = audit_text(OLD_A.replace("2.09", "２.０９"))
    assert [f.rule for f in wide.findings] == [f.rule for f in first.findings]
    assert baseline.fingerprint(first.findings[0], first.text) == baseline.fingerprint(wide.findings[0], wide.text)


def test_baseline_written_for_one_draft_hides_exactly_those_on_the_edited_draft(tmp_path):
    draft_1, draft_2, accepted = tmp_path / "draft-1.txt", tmp_path / "draft-2.txt", tmp_path / "accepted.json"
    draft_1.write_text(DRAFT_1, encoding="utf-8")
    draft_2.write_text(DRAFT_2, encoding="utf-8")

    first = json.loads(run(draft_1, "--format", "json").stdout)["findings"]
    assert {f["rule"] for f in first} == {"SUM001", "SUM003"}

    written = run(draft_1, "--format", "json", "--write-baseline", accepted)
    assert written.exit_code == 0, "writing a baseline accepts the findings"
    saved = json.loads(accepted.read_text(encoding="utf-8"))
    assert saved["format"] == "audit-baseline" and len(saved["findings"]) == len(first)
    assert {e["rule"] for e in saved["findings"]} == {"SUM001", "SUM003"}

    everything = json.loads(run(draft_2, "--format", "json").stdout)["findings"]
    assert {f["rule"] for f in everything} == {"SUM001", "SUM003", "GRD001"}

    result = run(draft_2, "--format", "json", "--baseline", accepted)
    shown = json.loads(result.stdout)["findings"]
    assert [f["rule"] for f in shown] == ["GRD001"], "only the new contradiction is shown"
    assert shown[0]["line"] == DRAFT_2.splitlines().index(NEW) + 1
    assert result.exit_code == 1, "the new finding is an error"
    assert f"audit: 基线 {accepted} 已接受 {len(first)} 个发现，未显示" in result.stderr
    english = run(draft_2, "--format", "json", "--baseline", accepted, "--lang", "en")
    assert f"audit: {len(first)} findings accepted in the baseline {accepted} not shown" in english.stderr

    # on the first draft itself the baseline hides everything, and says so
    clean = run(draft_1, "--format", "json", "--baseline", accepted)
    assert json.loads(clean.stdout)["findings"] == [] and clean.exit_code == 0
    assert f"没有新的发现（基线 {accepted} 已接受全部 {len(first)} 个）" in clean.stderr


def test_each_accepted_fingerprint_hides_one_finding_per_file():
    result = audit_text(OLD_A)
    accepted = baseline.Baseline(accepted=Counter({baseline.fingerprint(result.findings[0], result.text): 1}))
    twice = audit_text(f"{OLD_A}\n{FILLER}{OLD_A}\n")
    same = [f for f in twice.findings if f.rule == "SUM001"]
    assert len(same) == 2 and len({baseline.fingerprint(f, twice.text) for f in same}) == 1
    kept = accepted.apply(twice).findings
    assert len([f for f in kept if f.rule == "SUM001"]) == 1
    assert accepted.hidden == len(twice.findings) - len(kept) == 1


def test_a_baseline_named_in_audit_toml_is_used_when_it_exists(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(DRAFT_1, encoding="utf-8")
    (tmp_path / "audit.toml").write_text('baseline = "accepted.json"\n', encoding="utf-8")
    assert run(report, "--format", "text").exit_code == 1  # no baseline file yet: nothing hidden
    assert run(report, "--write-baseline", tmp_path / "accepted.json").exit_code == 0
    result = run(report, "--format", "text")
    assert result.exit_code == 0 and "SUM001" not in result.stdout


@pytest.mark.parametrize("content,problem", [
    (None, "no such baseline file"),
    ("{not json", "not a baseline file: Expecting property name"),
    ('{"findings": []}', "not a baseline file written by `audit --write-baseline`"),
    ('{"format": "audit-baseline", "version": 9, "findings": []}', "baseline version 9 is not supported"),
])
def test_an_unusable_baseline_is_a_usage_error(tmp_path, content, problem):
    report = tmp_path / "r.txt"
    report.write_text(DRAFT_1, encoding="utf-8")
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run(report, "--baseline", path, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"audit: {path}") and problem in result.stderr
