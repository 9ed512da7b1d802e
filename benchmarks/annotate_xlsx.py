"""How long does --annotate take on a large workbook, and what would an openpyxl round trip take?

    python benchmarks/annotate_xlsx.py [--rows 1000,10000,30000] [--openpyxl]

For each size, a workbook is written with a score table (one SCO002 finding on C4) and then
ROWS rows of ten cells; the check runs once (not timed), then the annotated copy is written
by auditor.annotate.annotate, timed in CPU seconds (time.process_time: other work on a shared
machine does not count).  The copy changes the comment parts only, so the time should grow with
the size of the package (copied entry by entry), far below the check's.  --openpyxl also times
load_workbook + save of the same file: what the copy cost when it was written by openpyxl (before
the package-level writer), for comparison.

A measurement, not a test: nothing fails when it is slow.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def workbook(path: Path, rows: int) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("评分表")
    for row in (("一级指标", "指标分值", "评价得分"), ("投入", 50, 48.4), ("过程", 50, 50), ("合计", 100, 97.4)):
        sheet.append(row)
    sheet.append(())
    for i in range(rows):
        sheet.append([f"项目{i}"] + [i + k / 10 for k in range(9)])
    book.save(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", default="1000,10000,30000")
    parser.add_argument("--openpyxl", action="store_true", help="also time an openpyxl load + save")
    args = parser.parse_args()

    import openpyxl

    from auditor.annotate import annotate
    from auditor.pipeline import audit_path

    print(f"{'rows':>8} {'MB':>6} {'annotate s':>11} {'openpyxl s':>11}")
    with tempfile.TemporaryDirectory() as folder:
        for rows in (int(n) for n in args.rows.split(",")):
            source = workbook(Path(folder) / f"book{rows}.xlsx", rows)
            result = audit_path(str(source))
            assert [f.rule for f in result.findings] == ["SCO002"], [f.rule for f in result.findings]
            start = time.process_time()
            annotate(result, source, Path(folder) / f"book{rows}-审核.xlsx")
            ours = time.process_time() - start
            theirs = ""
            if args.openpyxl:
                start = time.process_time()
                openpyxl.load_workbook(source).save(Path(folder) / "roundtrip.xlsx")
                theirs = f"{time.process_time() - start:.2f}"
            print(f"{rows:>8} {source.stat().st_size / 1e6:>6.2f} {ours:>11.2f} {theirs:>11}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
