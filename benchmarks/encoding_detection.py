"""How well are GB18030/GBK and Big5 text files recognised?  Measured on snippets.

    python benchmarks/encoding_detection.py

Snippets of 12 … 1000 characters are cut at random from every report of
examples/corpus and examples/seeds; each is encoded as GB18030 (simplified)
and as Big5/cp950 (converted to traditional with OpenCC first; characters
Big5 lacks are dropped), and decoded by

    auditor     auditor.load.text.decode_text (frequent-character scoring)
    previous    the first heuristic (GB18030 unless it decodes to <90 % common CJK)
    cn          charset-normalizer alone

A snippet counts when the decoded text equals the original exactly.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def previous(data: bytes) -> str | None:
    """The heuristic auditor.load.text used before (kept here for the comparison)."""
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = [ch for ch in text if not ch.isspace() and not ch.isascii()]
        common = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fa5" or ch in "，。：；、（）“”％")
        if codec == "gb18030" and letters and common / len(letters) <= 0.9:
            break
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def main() -> None:
    import opencc
    from charset_normalizer import from_bytes

    from auditor.load import LoadError
    from auditor.load.text import decode_text

    to_traditional = opencc.OpenCC("s2t")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*/*.txt"))]
    rng = random.Random(1)

    def ours(data: bytes) -> str | None:
        try:
            return decode_text(data, "x")
        except LoadError:
            return None

    def cn(data: bytes) -> str | None:
        best = from_bytes(data).best()
        return str(best) if best is not None else None

    deciders = {"auditor": ours, "previous": previous, "cn": cn}
    print(f"{'chars':>6} {'encoding':9} " + " ".join(f"{name:>16}" for name in deciders))
    for size in (12, 24, 60, 200, 1000):
        scores = {(enc, name): [0, 0] for enc in ("gb18030", "big5") for name in deciders}
        for text in texts:
            for _ in range(20):
                start = rng.randrange(0, max(1, len(text) - size))
                snippet = text[start:start + size]
                if snippet.isascii():
                    continue
                for enc, codec, source in (("gb18030", "gb18030", snippet),
                                           ("big5", "cp950", to_traditional.convert(snippet))):
                    data = source.encode(codec, errors="ignore")
                    expected = data.decode(codec)
                    if expected.isascii():
                        continue
                    for name, decide in deciders.items():
                        scores[enc, name][0] += decide(data) == expected
                        scores[enc, name][1] += 1
        for enc in ("gb18030", "big5"):
            cells = []
            for name in deciders:
                ok, n = scores[enc, name]
                cells.append(f"{ok:>5}/{n:<5} {100 * ok / n:5.1f}%")
            print(f"{size:>6} {enc:9} " + " ".join(cells))


if __name__ == "__main__":
    main()
