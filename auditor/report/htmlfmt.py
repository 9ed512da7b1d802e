"""One self-contained HTML page to share with a reviewer.

For every file: the document's text with line numbers, every figure a finding
cites highlighted (red: the figure found wrong; yellow: the other figures of
its arithmetic) and linked to its finding; beside it a findings panel showing
each finding's message, arithmetic, stated and expected values.  Filters by
severity and by rule hide findings and dim their figures; the filter state is
kept in the address (`report.html#severity=error&rule=SUM001`) so a filtered
view can be linked.  For several files the page opens with an index: every
file with its counts, worst first, linked to its section, with a filter by
name and a switch to hide clean files (`#file=2023&only=1` in the address sets
them); the sections follow in the same order
and a clean file's text stays folded.  A print stylesheet prints the findings
beside their text without the controls.  CSS and JavaScript are inline: the
page needs no network.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import field

from auditor import __version__, messages
from auditor.records import dataclass
from auditor.report import Reporter
from auditor.report.common import header, position, role_word, severity_word
from auditor.report.summary import count_line, total_line

CSS = """
:root{--primary:#ff7875;--evidence:#ffe58f;--panel:#f0f5ff;--border:#adc6ff;--ink:#1f1f1f}
*{box-sizing:border-box}
body{margin:0;font:14px/1.65 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#fff}
header.top{padding:12px 20px;border-bottom:1px solid #d9d9d9;background:#fafafa}
h1{font-size:20px;margin:0 0 2px}
h2{font-size:16px;margin:0 0 8px;word-break:break-all}
.summary{margin:0 0 8px;color:#555}
#filters{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:center}
#filters fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:2px 12px;align-items:center}
#filters legend{float:left;font-weight:600;padding:0;margin-right:6px}
#filters label{white-space:nowrap;cursor:pointer}
.legend{display:flex;gap:16px;margin-top:6px;color:#555;font-size:13px}
.swatch{display:inline-block;width:1.2em;height:.9em;border-radius:2px;vertical-align:-1px;margin-right:4px}
.doc{padding:14px 20px 24px;border-bottom:1px solid #eee}
.failed .error{color:#a8071a}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(340px,38%);gap:20px;align-items:start}
.text{border:1px solid #e5e5e5;border-radius:6px;padding:8px 0;overflow:auto;background:#fff}
.ln{display:flex}
.no{flex:0 0 3.6em;text-align:right;padding-right:10px;color:#aaa;user-select:none}
.src{flex:1;white-space:pre-wrap;word-break:break-all;padding-right:12px;min-height:1.65em}
a.fig{color:inherit;text-decoration:none;border-radius:3px;padding:1px 1px}
a.fig.primary{background:var(--primary)}
a.fig.evidence{background:var(--evidence)}
a.fig.muted{background:transparent;border-bottom:1px dotted #999}
a.fig.active{outline:2px solid #1d39c4}
.panel{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto;background:var(--panel);border:1px solid var(--border);border-radius:6px;padding:10px}
.findings{list-style:none;margin:0;padding:0}
.finding{background:#fff;border:1px solid #d6e4ff;border-left:5px solid #8c8c8c;border-radius:4px;padding:6px 10px;margin:0 0 8px}
.finding.sev-error{border-left-color:#cf1322}
.finding.sev-warning{border-left-color:#d48806}
.finding.sev-info{border-left-color:#1677ff}
.finding.active{box-shadow:0 0 0 2px #1d39c4}
.finding p{margin:4px 0}
.head{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.badge{font-size:12px;border-radius:3px;padding:0 6px;color:#fff;background:#8c8c8c}
.badge.error{background:#cf1322}.badge.warning{background:#d48806}.badge.info{background:#1677ff}
.rule{font-weight:700}
.rname{color:#666;font-size:12px}
.loc{margin-left:auto;font-size:12px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f5f5f5;border-radius:3px;padding:1px 4px;white-space:pre-wrap}
.vals b{font-weight:600}
.ev a{margin-right:8px}
.clean h2 small{color:#389e0d}
details summary{cursor:pointer;color:#555}
.nomatch{color:#666}
footer{padding:10px 20px;color:#999;font-size:12px}
#index{padding:10px 20px;border-bottom:1px solid #eee}
#index h2{font-size:15px}
#index .controls{display:flex;flex-wrap:wrap;gap:6px 20px;align-items:center;margin-bottom:6px}
#index input[type=search]{font:inherit;padding:2px 6px;min-width:16em}
#index table{border-collapse:collapse;font-size:13px}
#index th,#index td{padding:2px 10px;border-bottom:1px solid #f0f0f0;text-align:left}
#index td.n{text-align:right;font-variant-numeric:tabular-nums}
#index tr.sev-error td.e{color:#cf1322;font-weight:700}
#index tr.sev-warning td.w{color:#d48806;font-weight:700}
#index tr.clean a{color:#389e0d}
#index tr.failed a{color:#a8071a}
@media (max-width:900px){.cols{grid-template-columns:1fr}.panel{position:static;max-height:none}}
@media print{
  body{font-size:11pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  #filters,#index .controls,script{display:none!important}
  header.top{background:none;border:0}
  .cols{display:block}
  .panel{position:static;max-height:none;overflow:visible;border:0;background:none;padding:0;margin-top:8px}
  .text{overflow:visible;border:0}
  .doc{break-before:page}
  .doc.clean{break-before:auto}
  .finding,.ln{break-inside:avoid}
  h2{break-after:avoid}
  a{color:inherit;text-decoration:none}
  [hidden]{display:none!important}
}
"""

SCRIPT = """
(function(){
  var cards=[].slice.call(document.querySelectorAll('.finding'));
  var marks=[].slice.call(document.querySelectorAll('a.fig'));
  var boxes=[].slice.call(document.querySelectorAll('#filters input[type=checkbox]'));
  function chosen(kind){return boxes.filter(function(b){return b.dataset.kind===kind&&b.checked;}).map(function(b){return b.value;});}
  function apply(){
    var sev=chosen('severity'),rules=chosen('rule'),visible={},n=0;
    cards.forEach(function(c){
      var show=sev.indexOf(c.dataset.severity)>=0&&rules.indexOf(c.dataset.rule)>=0;
      c.hidden=!show; if(show){visible[c.id]=true;n++;}
    });
    marks.forEach(function(m){
      var ids=m.dataset.findings.split(' ');
      m.classList.toggle('muted',!ids.some(function(i){return visible[i];}));
    });
    document.querySelectorAll('.panel').forEach(function(p){
      var any=[].some.call(p.querySelectorAll('.finding'),function(c){return !c.hidden;});
      var note=p.querySelector('.nomatch'); if(note){note.hidden=any||!p.querySelector('.finding');}
    });
    var out=document.getElementById('shown-count'); if(out){out.textContent=String(n);}
    document.body.dataset.shown=String(n);
  }
  function readHash(){
    var params=new URLSearchParams(location.hash.replace(/^#/,''));
    ['severity','rule'].forEach(function(kind){
      if(!params.has(kind)){return;}
      var want=params.get(kind).split(',');
      boxes.forEach(function(b){if(b.dataset.kind===kind){b.checked=want.indexOf(b.value)>=0;}});
    });
  }
  function writeHash(){
    var parts=[];
    ['severity','rule'].forEach(function(kind){
      var all=boxes.filter(function(b){return b.dataset.kind===kind;});
      var on=chosen(kind); if(on.length!==all.length){parts.push(kind+'='+on.join(','));}
    });
    history.replaceState(null,'',parts.length?'#'+parts.join('&'):location.pathname+location.search);
  }
  function focus(card,scrollText){
    document.querySelectorAll('.active').forEach(function(x){x.classList.remove('active');});
    card.classList.add('active');
    marks.forEach(function(m){if(m.dataset.findings.split(' ').indexOf(card.id)>=0){m.classList.add('active');}});
    card.scrollIntoView({block:'nearest'});
    if(scrollText){var p=document.getElementById(card.dataset.primary); if(p){p.scrollIntoView({block:'center'});}}
  }
  boxes.forEach(function(b){b.addEventListener('change',function(){apply();writeHash();});});
  marks.forEach(function(m){m.addEventListener('click',function(e){
    var card=m.dataset.findings.split(' ').map(function(i){return document.getElementById(i);})
      .filter(function(c){return c&&!c.hidden;})[0];
    if(card){e.preventDefault();focus(card,false);}
  });});
  cards.forEach(function(c){var a=c.querySelector('a.loc'); if(a){a.addEventListener('click',function(e){e.preventDefault();focus(c,true);});}});
  window.addEventListener('hashchange',function(){readHash();apply();});
  readHash(); apply();
  // the index of files: a filter by name, and a switch for clean files
  var search=document.getElementById('file-filter'),only=document.getElementById('only-findings');
  var rows=[].slice.call(document.querySelectorAll('#index tbody tr'));
  function files(){
    var q=search?search.value.trim().toLowerCase():'',n=0;
    rows.forEach(function(r){
      var show=(!q||r.dataset.path.toLowerCase().indexOf(q)>=0)&&!(only&&only.checked&&r.classList.contains('clean'));
      r.hidden=!show; if(show){n++;}
      var sec=document.getElementById(r.dataset.doc); if(sec){sec.hidden=!show;}
    });
    var out=document.getElementById('files-shown'); if(out){out.textContent=String(n);}
    document.body.dataset.files=String(n);
  }
  function fileHash(){  // #file=part-of-a-name&only=1 : a filtered index can be linked
    var params=new URLSearchParams(location.hash.replace(/^#/,''));
    if(search&&params.has('file')){search.value=params.get('file');}
    if(only&&params.has('only')){only.checked=params.get('only')==='1';}
  }
  if(search){search.addEventListener('input',files);}
  if(only){only.addEventListener('change',files);}
  window.addEventListener('hashchange',function(){fileHash();files();});
  fileHash(); files();
})();
"""


def esc(text: str | None) -> str:
    return html.escape(text or "", quote=True)


@dataclass
class Mark:
    start: int
    end: int
    primary: bool = False
    findings: list[str] = field(default_factory=list)
    id: str = ""


def marks_of(findings, prefix: str) -> tuple[list[Mark], dict[tuple[int, int], str]]:
    """Non-overlapping highlighted spans, each listing the findings citing it; and span → mark id."""
    spans: dict[tuple[int, int], Mark] = {}
    for n, f in enumerate(findings, 1):
        fid = f"{prefix}f{n}"
        cited = [(f.start, f.end, True)] + [(e.start, e.end, (e.start, e.end) == (f.start, f.end)) for e in f.evidence]
        for start, end, primary in cited:
            if end <= start:
                continue
            mark = spans.setdefault((start, end), Mark(start, end))
            mark.primary |= primary
            if fid not in mark.findings:
                mark.findings.append(fid)
    ordered: list[Mark] = []
    alias: dict[tuple[int, int], Mark] = {}
    for mark in sorted(spans.values(), key=lambda m: (m.start, -m.end)):
        if ordered and mark.start < ordered[-1].end:  # overlaps the previous figure: fold into it
            host = ordered[-1]
            host.primary |= mark.primary
            host.findings.extend(f for f in mark.findings if f not in host.findings)
            alias[(mark.start, mark.end)] = host
            continue
        ordered.append(mark)
        alias[(mark.start, mark.end)] = mark
    for k, mark in enumerate(ordered, 1):
        mark.id = f"{prefix}m{k}"
    return ordered, {span: m.id for span, m in alias.items()}


def render_text(text: str, marks: list[Mark], prefix: str) -> str:
    """The document as numbered lines, its cited figures as highlighted links."""
    segments: list[tuple[int, int, Mark | None]] = []
    pos = 0
    for m in marks:
        if m.start > pos:
            segments.append((pos, m.start, None))
        segments.append((m.start, m.end, m))
        pos = m.end
    segments.append((pos, len(text), None))
    rows: list[list[str]] = [[]]
    body = text[:-1] if text.endswith("\n") else text  # no empty numbered line after the last newline
    segments = [(s, min(e, len(body)), m) for s, e, m in segments if s < len(body)]
    for start, end, mark in segments:
        with_id = True
        for k, piece in enumerate(text[start:end].split("\n")):
            if k:
                rows.append([])
            piece = piece.replace("\r", "")
            if not piece:
                continue
            if mark is None:
                rows[-1].append(esc(piece))
                continue
            kind = "primary" if mark.primary else "evidence"
            ident = f' id="{mark.id}"' if with_id else ""
            with_id = False
            rows[-1].append(f'<a class="fig {kind}"{ident} href="#{mark.findings[0]}" '
                            f'data-findings="{" ".join(mark.findings)}">{esc(piece)}</a>')
    return "".join(f'<div class="ln" id="{prefix}L{n}"><span class="no">{n}</span>'
                   f'<span class="src">{"".join(row)}</span></div>' for n, row in enumerate(rows, 1))


class HtmlReporter(Reporter):
    name = "html"

    def start(self) -> None:
        self.sections: list[tuple[tuple, int, str]] = []  # (worst-first order, arrival, html)
        self.index_rows: list[tuple[tuple, int, str]] = []
        self.severities: Counter = Counter()
        self.rule_counts: Counter = Counter()
        self.all_findings: list = []
        self.files = 0
        self.rule_info = {r.id: r for r in self.rules}
        self.summary_rows = None

    def w(self, key: str, **values) -> str:
        return messages.text(self.lang, "html." + key, **values)

    def _card(self, f, fid: str, mark_ids: dict[tuple[int, int], str], where: str = "") -> str:
        rule = self.rule_info.get(f.rule)
        summary = ""
        if rule is not None:
            summary = rule.summary if self.lang == "zh" else (rule.summary_en or rule.summary)
        primary = mark_ids.get((f.start, f.end), "")
        parts = [
            f'<li class="finding sev-{f.severity}" id="{fid}" data-rule="{esc(f.rule)}" '
            f'data-severity="{f.severity}" data-primary="{primary}">',
            '<div class="head">',
            f'<span class="badge {f.severity}">{esc(severity_word(self.lang, f.severity))}</span>',
            f'<span class="rule" title="{esc(summary)}">{esc(f.rule)}</span>',
            f'<span class="rname">{esc(rule.name) if rule else ""}</span>',
            f'<a class="loc" href="#{primary}">{esc(where)}</a>',
            "</div>",
            f'<p class="msg">{esc(f.message(self.lang))}</p>',
        ]
        arithmetic = f.arithmetic_text(self.lang)
        if arithmetic:
            parts.append(f'<p class="arith">{esc(header(self.lang, "arithmetic"))}: <code>{esc(arithmetic)}</code></p>')
        values = []
        if f.stated:
            values.append(f'{esc(header(self.lang, "stated"))} <b>{esc(f.stated)}</b>')
        if f.expected:
            values.append(f'{esc(header(self.lang, "expected"))} <b>{esc(f.expected)}</b>')
        if values:
            parts.append(f'<p class="vals">{" · ".join(values)}</p>')
        links = []
        for e in f.evidence:
            target = mark_ids.get((e.start, e.end))
            label = f"{role_word(self.lang, e.role)} {e.text}"
            links.append(f'<a href="#{target}">{esc(label)}</a>' if target else esc(label))
        if links:
            parts.append(f'<p class="ev">{esc(header(self.lang, "evidence"))}: {"".join(links)}</p>')
        parts.append("</li>")
        return "".join(parts)

    def _index_row(self, order: tuple, prefix: str, path: str, counts: Counter, worst: str, failed: bool = False):
        kind = "failed" if failed else "sev-error" if counts["error"] else "sev-warning" if counts["warning"] \
            else "sev-info" if counts["info"] else "clean"
        cells = "".join(f'<td class="n {c}">{counts[sev] if not failed else "—"}</td>'
                        for sev, c in (("error", "e"), ("warning", "w"), ("info", "i")))
        row = (f'<tr class="{kind}" data-path="{esc(path)}" data-doc="{prefix}doc"><td><a href="#{prefix}doc">'
               f'{esc(path)}</a></td>{cells}<td>{esc(worst)}</td></tr>')
        self.index_rows.append((order, len(self.index_rows), row))

    def file(self, result) -> None:
        prefix = f"d{self.files}-"
        self.files += 1
        findings = result.findings
        marks, mark_ids = marks_of(findings, prefix)
        cards = [self._card(f, f"{prefix}f{n}", mark_ids,
                            position(result, f.start, self.lang, f.line, f.column).words(self.lang))
                 for n, f in enumerate(findings, 1)]
        counts = Counter(f.severity for f in findings)
        for f in findings:
            self.severities[f.severity] += 1
            self.rule_counts[f.rule] += 1
        self.all_findings.extend(findings)
        order = (True, -counts["error"], -counts["warning"], -counts["info"])
        top = max((f.rank for f in findings), default=-1)
        worst = Counter(f.rule for f in findings if f.rank == top)
        worst_rule = min(worst.items(), key=lambda kv: (-kv[1], kv[0]))[0] if worst else ""
        self._index_row(order, prefix, result.path, counts, worst_rule)
        heading = (f'<h2>{esc(result.path)} <small>— {esc(count_line(findings, self.lang, getattr(result, "checked", None)))}</small></h2>')
        text = f'<article class="text">{render_text(result.text, marks, prefix)}</article>'
        if not cards:  # nothing to look at: the text stays folded away
            self.sections.append((order, len(self.sections), f'<section class="doc clean" id="{prefix}doc">{heading}'
                                  f'<details><summary>{esc(self.w("full_text"))}</summary>{text}</details></section>'))
            return
        panel = (f'<ol class="findings">{"".join(cards)}</ol>'
                 f'<p class="nomatch" hidden>{esc(self.w("none_shown"))}</p>')
        self.sections.append((order, len(self.sections), f'<section class="doc" id="{prefix}doc">{heading}'
                              f'<div class="cols">{text}<aside class="panel">{panel}</aside></div></section>'))

    def failed(self, path: str, message: str) -> None:
        prefix = f"d{self.files}-"
        self.files += 1
        self._index_row((False,), prefix, path, Counter(), message.removeprefix(f"{path}: "), failed=True)
        self.sections.append(((False,), len(self.sections),
                              f'<section class="doc failed" id="{prefix}doc"><h2>{esc(path)}</h2>'
                              f'<p class="error">{esc(header(self.lang, "error"))}: {esc(message)}</p></section>'))

    def summary(self, rows, totals=None) -> None:
        """The batch's rows (auditor.batch.SummaryRow): the index says the grand total."""
        self.summary_rows = rows if totals is None else totals

    def _index(self) -> str:
        if len(self.index_rows) < 2:
            return ""
        lang = self.lang
        heads = "".join(f"<th>{esc(messages.text(lang, 'summary.' + k))}</th>" for k in ("file", "errors", "warnings"))
        heads += f"<th>{esc(severity_word(lang, 'info'))}</th><th>{esc(messages.text(lang, 'summary.worst'))}</th>"
        rows = "".join(row for _, _, row in sorted(self.index_rows, key=lambda r: (r[0], r[1])))
        n = len(self.index_rows)
        shown = esc(self.w("files_shown", shown="@@", total=n)).replace("@@", f'<b id="files-shown">{n}</b>')
        total = f'<p class="total">{esc(total_line(self.summary_rows, lang))}</p>' if self.summary_rows else ""
        return (f'<section id="index"><h2>{esc(self.w("index"))}</h2>{total}<div class="controls">'
                f'<label>{esc(self.w("filter"))} <input type="search" id="file-filter" '
                f'placeholder="{esc(self.w("filter_placeholder"))}"></label>'
                f'<label><input type="checkbox" id="only-findings"> {esc(self.w("only_findings"))}</label>'
                f'<span>{shown}</span></div><table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></section>')

    def _filters(self) -> str:
        sev_boxes = "".join(
            f'<label><input type="checkbox" data-kind="severity" value="{sev}" checked> '
            f'{esc(severity_word(self.lang, sev))} ({self.severities[sev]})</label>'
            for sev in ("error", "warning", "info") if self.severities[sev])
        rule_boxes = "".join(
            f'<label title="{esc(self._summary(rid))}"><input type="checkbox" data-kind="rule" value="{esc(rid)}" '
            f'checked> {esc(rid)} ({n})</label>' for rid, n in sorted(self.rule_counts.items()))
        total = sum(self.rule_counts.values())
        return (f'<form id="filters" onsubmit="return false">'
                f'<fieldset><legend>{esc(self.w("severity"))}</legend>{sev_boxes}</fieldset>'
                f'<fieldset><legend>{esc(self.w("rule"))}</legend>{rule_boxes}</fieldset>'
                f'<span>{esc(self.w("shown"))} <b id="shown-count">{total}</b> {esc(self.w("of"))} {total} '
                f'{esc(self.w("findings"))}</span></form>')

    def _summary(self, rule_id: str) -> str:
        rule = self.rule_info.get(rule_id)
        if rule is None:
            return ""
        return rule.summary if self.lang == "zh" else (rule.summary_en or rule.summary)

    def finish(self) -> None:
        lang = "zh-CN" if self.lang == "zh" else "en"
        summary = f"{self.w('files', n=self.files)} · {count_line(self.all_findings, self.lang)}"
        legend = (f'<div class="legend"><span><span class="swatch" style="background:var(--primary)"></span>'
                  f'{esc(self.w("legend_primary"))}</span><span><span class="swatch" '
                  f'style="background:var(--evidence)"></span>{esc(self.w("legend_evidence"))}</span></div>')
        filters = self._filters() if self.all_findings else ""
        page = (
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="audit {esc(__version__)}">'
            f'<title>{esc(self.w("title"))}</title><style>{CSS}</style></head><body>'
            f'<header class="top"><h1>{esc(self.w("title"))}</h1><p class="summary">{esc(summary)}</p>'
            f'{filters}{legend if self.all_findings else ""}</header>'
            f'{self._index()}<main>{"".join(html for _, _, html in sorted(self.sections, key=lambda x: (x[0], x[1])))}</main>'
            f'<footer>{esc(self.w("generated", version=__version__))}</footer>'
            f'<script type="application/json" id="audit-data">{self._data()}</script>'
            f'<script>{SCRIPT}</script></body></html>\n')
        self.stream.write(page)

    def _data(self) -> str:
        """The counts, machine-readable, for tools that scrape the page."""
        data = {"files": self.files, "severities": dict(self.severities), "rules": dict(self.rule_counts)}
        return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
