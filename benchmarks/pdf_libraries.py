"""pdfplumber, PyMuPDF or the auditor's own loader for Chinese PDFs?  Quality and speed, measured.

    python benchmarks/pdf_libraries.py [--limit N]

Needs `pip install pdfplumber pymupdf` besides the test dependencies (neither
is a dependency of the auditor; this script is how they were judged, before
the loader moved to pypdfium2 — see benchmarks/pdf_speed.py).

Every report of examples/corpus and examples/seeds is written as a PDF twice,
with reportlab (paragraphs wrapped at the margin, tables as ruled grids, page
numbers in the footer — tests/docgen.py):

    cid   the Adobe CID font STSong-Light (not embedded; text through the UniGB-UCS2-H CMap)
    ttf   an embedded, subset TrueType CJK font (Droid Sans Fallback, taken from PyMuPDF)

and read back four ways:

    plumber-raw    pdfplumber page.extract_text()
    auditor        auditor.load.pdf (PDFium characters + ruled tables + re-joined wrapped lines)
    mupdf-raw      PyMuPDF page.get_text(sort=True)  (sorted: natural reading order)
    mupdf-tables   PyMuPDF page.find_tables() + page.get_text(sort=True)  (what a table-aware loader needs)

Quality: characters — similarity of the text without whitespace to the source
without whitespace (difflib ratio; the table bars and bullets the PDF does not
carry are left out of the source); figures — share of the source's figures
(number + 万元/元/%/分/人 …) found, as a multiset, in the extracted text, read
line by line: a figure the PDF wrapped over two lines only counts when the
reader joined the lines again (the raw readers do not; that is the loader's job).
Findings — for the auditor's loader only: same (rule, stated figure) set as the .txt.
Speed: milliseconds per page, best of 3 runs.
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万元|亿元|元|%|个百分点|分|人|个|项)")


def _clean(text: str) -> str:
    return re.sub(r"[\s|｜•]", "", text)


def figures(text: str) -> Counter:
    """Figures line by line (table cells count as lines): a figure a PDF wrapped
    over two lines counts only when the reader joined them again."""
    return Counter(f for line in re.split(r"[\n|｜]", text) for f in FIGURE.findall(re.sub(r"\s", "", line)))


def _ttf_font(tmp: Path) -> str | None:
    try:
        import pymupdf
    except ImportError:
        return None
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = tmp / "droid.ttf"
    path.write_bytes(pymupdf.Font("china-s").buffer)
    pdfmetrics.registerFont(TTFont("DroidFallback", str(path)))
    return "DroidFallback"


def plumber_raw(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages), len(pdf.pages)


def auditor_loader(path: Path) -> tuple[str, int]:
    from auditor.load import load_document

    doc = load_document(path)
    return doc.text, max(loc[2]["page"] for loc in doc.locations)


def mupdf_raw(path: Path) -> tuple[str, int]:
    import pymupdf

    with pymupdf.open(path) as pdf:
        return "\n".join(p.get_text(sort=True) for p in pdf), pdf.page_count


def mupdf_tables(path: Path) -> tuple[str, int]:
    import pymupdf

    with pymupdf.open(path) as pdf:
        parts = []
        for page in pdf:
            for table in page.find_tables().tables:
                parts.extend(" | ".join(c or "" for c in row) for row in table.extract())
            parts.append(page.get_text(sort=True))
        return "\n".join(parts), pdf.page_count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N reports")
    args = parser.parse_args()
    import docgen
    from auditor.load import load_document
    from auditor.pipeline import audit_document

    sources = sorted((ROOT / "examples" / "corpus").glob("*.txt")) + sorted((ROOT / "examples" / "seeds").glob("*.txt"))
    if args.limit:
        sources = sources[: args.limit]
    readers = {"auditor": auditor_loader}
    try:
        import pdfplumber  # noqa: F401

        readers["plumber-raw"] = plumber_raw
    except ImportError:
        print("pdfplumber is not installed: not measured")
    try:
        import pymupdf  # noqa: F401

        readers.update({"mupdf-raw": mupdf_raw, "mupdf-tables": mupdf_tables})
    except ImportError:
        print("PyMuPDF is not installed: not measured")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        fonts = {"cid": None, "ttf": _ttf_font(tmp)}
        if fonts["ttf"] is None:
            del fonts["ttf"]
        print(f"{len(sources)} reports, {sum(len(s.read_text(encoding='utf-8')) for s in sources):,} characters\n")
        print(f"{'font':5} {'reader':14} {'chars':>7} {'figures':>8} {'findings':>9} {'ms/page':>8} {'pages':>6}")
        for font_name, font in fonts.items():
            pdfs = []
            for src in sources:
                text = load_document(src).text
                pdf = tmp / f"{src.stem}.{font_name}.pdf"
                docgen.write_pdf(text, pdf, font=font)
                pdfs.append((src, text, pdf))
            for reader_name, reader in readers.items():
                sims, recalls, same, per_page, pages_total = [], [], 0, [], 0
                for src, text, pdf in pdfs:
                    best = float("inf")
                    for _ in range(3):
                        t0 = time.perf_counter()
                        out, pages = reader(pdf)
                        best = min(best, time.perf_counter() - t0)
                    per_page.append(best * 1000 / pages)
                    pages_total += pages
                    a, b = _clean(text).replace("•", ""), _clean(out)
                    sims.append(difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if len(a) < 40000 else
                                difflib.SequenceMatcher(None, a[:40000], b[:40000], autojunk=False).ratio())
                    want = figures(text)
                    got = figures(out)
                    if want:
                        recalls.append(sum((want & got).values()) / sum(want.values()))
                    if reader_name == "auditor":
                        from auditor.load import Document

                        f1 = sorted((f.rule, f.stated) for f in audit_document(Document(str(src), text)).findings)
                        f2 = sorted((f.rule, f.stated) for f in audit_document(load_document(pdf)).findings)
                        same += f1 == f2
                findings = f"{same}/{len(pdfs)}" if reader_name == "auditor" else "-"
                print(f"{font_name:5} {reader_name:14} {statistics.mean(sims):7.4f} {statistics.mean(recalls):8.4f} "
                      f"{findings:>9} {statistics.median(per_page):8.1f} {pages_total:6}")


if __name__ == "__main__":
    main()
