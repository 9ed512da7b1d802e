"""The HTML report in a real browser: headless Chromium renders it, a screenshot shows the
highlighted figures and the findings panel, and the filters work once its script has run.

The screenshot is kept as a test artefact in artifacts/ (git-ignored).  The test
skips only when no Chromium is installed (Debian: `apt-get install chromium`).
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.check import default_rules
from auditor.pipeline import audit_text
from auditor.report import reporters
from auditor.report.htmlfmt import CSS

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
RULES = {r.id: r for r in default_rules()}
TEXT = "\n".join(RULES[i].examples.failing[0].text for i in ("SUM001", "SUM003", "PLA001")) + "\n"


def chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "/usr/bin/chromium"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


BROWSER = chromium()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium is not installed (apt-get install chromium): "
                                                         "the HTML report cannot be rendered in a browser")


def browser(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
               "--force-device-scale-factor=1", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def css_colour(name: str) -> tuple[int, int, int]:
    value = CSS.split(f"--{name}:#", 1)[1][:6]
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def read_png(data: bytes) -> tuple[int, int, list[bytearray], int]:
    """A minimal PNG decoder (8-bit RGB/RGBA, not interlaced): width, height, rows, bytes per pixel."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytearray] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        filt, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = row[x - bpp] if x >= bpp else 0
            b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
            if filt == 1:
                row[x] = (row[x] + a) & 255
            elif filt == 2:
                row[x] = (row[x] + b) & 255
            elif filt == 3:
                row[x] = (row[x] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(row)
        prev = row
    return width, height, rows, bpp


def pixels_near(image, colour, tolerance=4):
    """(x, y) of every pixel within `tolerance` of `colour`."""
    width, height, rows, bpp = image
    r0, g0, b0 = colour
    out = []
    for y, row in enumerate(rows):
        for x in range(width):
            r, g, b = row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]
            if abs(r - r0) <= tolerance and abs(g - g0) <= tolerance and abs(b - b0) <= tolerance:
                out.append((x, y))
    return out


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    result = audit_text(TEXT, path="draft.txt")
    severities = {f.severity for f in result.findings}
    assert {"error", "warning"} <= severities
    out = io.StringIO()
    reporter = reporters()["html"](out, lang="zh", rules=list(RULES.values()))
    reporter.start()
    reporter.file(result)
    reporter.finish()
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, result


def test_screenshot_shows_highlighted_figures_and_the_findings_panel(page, tmp_path):
    path, result = page
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    shot.unlink(missing_ok=True)
    shutil.copy(path, ARTIFACTS / "html-report.html")
    proc = browser([f"--screenshot={shot}", "--window-size=1280,900", path.as_uri()], tmp_path / "profile")
    assert shot.is_file(), proc.stderr[-2000:]
    image = read_png(shot.read_bytes())
    width = image[0]
    assert width == 1280

    red = pixels_near(image, css_colour("primary"))
    yellow = pixels_near(image, css_colour("evidence"))
    panel = pixels_near(image, css_colour("panel"), tolerance=2)
    # the figures found wrong (one per finding) and the other figures of their arithmetic are highlighted …
    assert len(red) > 150 * len(result.findings), len(red)
    assert len(yellow) > 300, len(yellow)
    # … in the document on the left, beside the findings panel on the right
    text_side = [x for x, y in red + yellow if y > 150]
    assert text_side and max(text_side) < width * 0.62
    assert len(panel) > 20000, len(panel)
    on_the_right = [x for x, y in panel if x > width * 0.55]
    assert len(on_the_right) > 0.98 * len(panel)


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cards: list[dict] = []
        self.marks: list[dict] = []
        self.body: dict = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if tag == "li" and "finding" in (a.get("class") or ""):
            self.cards.append(a)
        if tag == "a" and "fig" in (a.get("class") or ""):
            self.marks.append(a)


def rendered(path: Path, fragment: str, profile: Path) -> Dom:
    proc = browser(["--dump-dom", f"{path.as_uri()}#{fragment}"], profile)
    assert "<body" in proc.stdout, proc.stderr[-2000:]
    dom = Dom()
    dom.feed(proc.stdout)
    return dom


def test_filters_hide_findings_and_dim_their_figures_in_the_browser(page, tmp_path):
    path, result = page
    warnings = [f for f in result.findings if f.severity == "warning"]

    everything = rendered(path, "", tmp_path / "p1")
    assert everything.body.get("data-shown") == str(len(result.findings)), "the page script ran"
    assert not any("hidden" in c for c in everything.cards)
    assert not any("muted" in m["class"] for m in everything.marks)

    only_warnings = rendered(path, "severity=warning", tmp_path / "p2")
    assert only_warnings.body.get("data-shown") == str(len(warnings))
    shown = [c for c in only_warnings.cards if "hidden" not in c]
    assert [c["data-severity"] for c in shown] == ["warning"] * len(warnings)
    visible = {c["id"] for c in shown}
    for mark in only_warnings.marks:
        cited_by_visible = bool(set(mark["data-findings"].split()) & visible)
        assert ("muted" not in mark["class"]) == cited_by_visible

    one_rule = rendered(path, "rule=SUM003", tmp_path / "p3")
    assert [c["data-rule"] for c in one_rule.cards if "hidden" not in c] == ["SUM003"]


# ------------------------------------------------------------------ a page for 100 reports


@pytest.fixture(scope="module")
def batch_page(tmp_path_factory):
    """The page `audit FOLDER -o report.html` writes for 100 reports (the examples, and edited copies)."""
    from click.testing import CliRunner

    from auditor.cli import main

    root = Path(__file__).resolve().parents[1] / "examples"
    folder = tmp_path_factory.mktemp("hundred")
    reports = sorted(root.glob("*/*.txt"))[:100]
    for n, p in enumerate(reports):
        (folder / f"r{n:03d}-{p.name}").write_bytes(p.read_bytes())
    seeds = sorted((root / "seeds").glob("*.txt"))
    n = len(reports)
    while n < 100:  # copies of the seeds with one figure changed
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (folder / f"r{n:03d}-copy.txt").write_text(text.replace("万元", "0万元", 1), encoding="utf-8")
        n += 1
    page = tmp_path_factory.mktemp("html") / "batch.html"
    result = CliRunner().invoke(main, [str(folder), "-o", str(page), "--jobs", "2"])
    assert result.exit_code == 1 and page.is_file(), result.output
    return page


class Index(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows: list[dict] = []
        self.sections: list[dict] = []
        self.body: dict = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if tag == "tr" and "data-path" in a:
            self.rows.append(a)
        if tag == "section" and "doc" in (a.get("class") or ""):
            self.sections.append(a)


def dumped(path: Path, fragment: str, profile: Path) -> Index:
    proc = browser(["--dump-dom", f"{path.as_uri()}#{fragment}"], profile)
    assert "<body" in proc.stdout, proc.stderr[-2000:]
    dom = Index()
    dom.feed(proc.stdout)
    return dom


def test_the_index_of_100_reports_is_worst_first_and_filters_in_the_browser(batch_page, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-batch.png"
    shot.unlink(missing_ok=True)
    shutil.copy(batch_page, ARTIFACTS / "html-batch.html")
    proc = browser([f"--screenshot={shot}", "--window-size=1280,1400", batch_page.as_uri()], tmp_path / "shot")
    assert shot.is_file(), proc.stderr[-2000:]
    assert read_png(shot.read_bytes())[0] == 1280

    everything = dumped(batch_page, "", tmp_path / "p1")
    assert everything.body.get("data-files") == "100" and len(everything.rows) == 100
    kinds = [r["class"] for r in everything.rows]
    rank = {"failed": 0, "sev-error": 1, "sev-warning": 2, "sev-info": 3, "clean": 4}
    assert [rank[k] for k in kinds] == sorted(rank[k] for k in kinds), "worst first"
    assert [s["id"] for s in everything.sections] == [r["data-doc"] for r in everything.rows], "sections follow"
    assert not any("hidden" in r for r in everything.rows)

    with_findings = sum(1 for k in kinds if k != "clean")
    only = dumped(batch_page, "only=1", tmp_path / "p2")
    assert only.body.get("data-files") == str(with_findings) and 0 < with_findings < 100
    assert all(("hidden" in r) == (r["class"] == "clean") for r in only.rows)

    named = dumped(batch_page, "file=xm.txt", tmp_path / "p3")  # the 项目支出 reports
    shown = [r["data-path"] for r in named.rows if "hidden" not in r]
    assert 0 < len(shown) < 100 and all(p.endswith("xm.txt") for p in shown)
    assert named.body.get("data-files") == str(len(shown))
    hidden_sections = {s["id"] for s in named.sections if "hidden" in s}
    assert hidden_sections == {r["data-doc"] for r in named.rows if "hidden" in r}


def test_the_page_prints_without_its_controls(batch_page, tmp_path):
    import pypdfium2

    pdf = ARTIFACTS / "html-batch-print.pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf.unlink(missing_ok=True)
    proc = browser([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", batch_page.as_uri()], tmp_path / "print")
    assert pdf.is_file(), proc.stderr[-2000:]
    import unicodedata

    doc = pypdfium2.PdfDocument(pdf)  # NFKC: the font maps some characters to Kangxi radicals
    try:
        pages = [doc[k].get_textpage().get_text_range() for k in range(min(30, len(doc)))]
        assert len(doc) > 3
    finally:
        doc.close()
    first = unicodedata.normalize("NFKC", pages[0])
    some = unicodedata.normalize("NFKC", "".join(pages[1:]))
    assert "文件一览" in first and "共 " in first  # the index and the grand total print
    assert "筛选文件" not in first and "只看有发现的文件" not in first  # the controls do not
    assert "应为" in some or "所写" in some  # findings print beside their text
