"""PDF loading: milliseconds per page, and the same findings as the .txt.

    python benchmarks/pdf_speed.py [--limit N] [--repeat 3] [--keep DIR]

Every report of examples/seeds and examples/corpus is written as a PDF with
reportlab, as the tests do (tests/docgen.py: paragraphs wrapped at the margin,
tables as ruled grids, page numbers in the footer, the CID font STSong-Light,
not embedded), then

    load     auditor.load.load_document(pdf): best of --repeat, per page
             (PDFium's characters → lines, ruled tables, re-joined paragraphs)
    audit    auditor.pipeline.audit_document on the loaded text, per page
             (for scale: what the rest of the work costs)
    findings the set of (rule, stated figure) of the PDF against the .txt's

and prints the median and the total milliseconds per page against the target
of issue 13 (≤ 12 ms a page), and how many reports give the .txt's findings
(the reports that do not are listed with the difference).

This is a measurement, not a test: nothing fails when it is slow.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

TARGET_MS = 12.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N reports")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the PDFs here (and reuse them) instead of a temporary folder")
    args = parser.parse_args()

    import docgen

    from auditor.load import Document, load_document
    from auditor.pipeline import audit_document

    sources = sorted((ROOT / "examples" / "seeds").glob("*.txt")) + sorted((ROOT / "examples" / "corpus").glob("*.txt"))
    if args.limit:
        sources = sources[: args.limit]
    with tempfile.TemporaryDirectory() as tmp_name:
        folder = args.keep or Path(tmp_name)
        folder.mkdir(parents=True, exist_ok=True)
        pdfs = []
        for src in sources:
            pdf = folder / f"{src.stem}.pdf"
            if not pdf.exists():
                docgen.write_pdf(load_document(src).text, pdf)
            pdfs.append((src, pdf))
        load_document(pdfs[0][1])  # libraries imported, fonts set up
        per_page, audit_per_page, pages_total, load_total, same = [], [], 0, 0.0, []
        for src, pdf in pdfs:
            best, document = float("inf"), None
            for _ in range(args.repeat):
                start = time.perf_counter()
                document = load_document(pdf)
                best = min(best, time.perf_counter() - start)
            pages = max(place["page"] for _, _, place in document.locations)
            start = time.perf_counter()
            got = {(f.rule, f.stated) for f in audit_document(document).findings}
            audit_time = time.perf_counter() - start
            text = load_document(src).text
            want = {(f.rule, f.stated) for f in audit_document(Document(str(src), text)).findings}
            per_page.append(best * 1000 / pages)
            audit_per_page.append(audit_time * 1000 / pages)
            pages_total += pages
            load_total += best
            same.append((src.stem, want == got, want - got, got - want))
    print(f"{len(pdfs)} reports as PDF, {pages_total} pages (reportlab, STSong-Light not embedded)\n")
    print(f"load   median {statistics.median(per_page):6.2f} ms/page   overall {load_total * 1000 / pages_total:6.2f} "
          f"ms/page   (best of {args.repeat})   target <= {TARGET_MS} ms/page")
    print(f"audit  median {statistics.median(audit_per_page):6.2f} ms/page (the text, once loaded)")
    print(f"\nsame findings as the .txt: {sum(ok for _, ok, _, _ in same)} of {len(same)}")
    for name, ok, missing, extra in same:
        if not ok:
            print(f"  {name}: only in the .txt {sorted(missing)}; only in the PDF {sorted(extra)}")


if __name__ == "__main__":
    main()
