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

    python benchmarks/encoding_detection.py --corrupt [TRIES]

One damaged byte in a whole report (issue 9, item 16): TRIES times (default
200) per encoding, a report of examples/corpus (over 500 characters) is
encoded as UTF-8 or GB18030 and one byte at a random place is replaced by a
random byte or a random byte is inserted; the damaged bytes are decoded by
decode_report.  Counted: refused (LoadError); intact (at most 4 characters
differ around the damage); local (more differ, but under 5 % of the text: a
GB18030 byte inserted shifts the byte pairs until the next ASCII character);
wrong (read in another encoding); and the tries whose decoding said so
(the one-line warning), with the most characters lost by any read.
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


def _kept(original: str, decoded: str) -> int:
    """Characters of `original` found unchanged at its start and end in `decoded`."""
    n = min(len(original), len(decoded))
    head = next((i for i in range(n) if original[i] != decoded[i]), n)
    tail = next((i for i in range(n - head) if original[-1 - i] != decoded[-1 - i]), n - head)
    return head + tail


def corrupt(tries: int = 200) -> None:
    from auditor.load import LoadError

    try:
        from auditor.load.text import decode_report
    except ImportError:  # before issue 9: no lenient reading, no warning
        from auditor.load.text import decode_text

        def decode_report(data: bytes, name: str) -> tuple[str, bool]:
            return decode_text(data, name), False

    reports = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "corpus").glob("*.txt"))]
    reports = [t for t in reports if len(t) > 500]
    rng = random.Random(9)
    print(f"{'encoding':9} {'tries':>6} {'refused':>9} {'intact':>9} {'local':>9} {'wrong':>9} {'warned':>9} "
          f"{'most lost':>9}")
    for codec in ("utf-8", "gb18030"):
        counts = {"refused": 0, "intact": 0, "local": 0, "wrong": 0, "warned": 0}
        most = 0
        for _ in range(tries):
            text = rng.choice(reports)
            data = bytearray(text.encode(codec))
            at = rng.randrange(len(data))
            if rng.random() < 0.5:
                data[at] = rng.randrange(256)
            else:
                data.insert(at, rng.randrange(256))
            try:
                decoded, damaged = decode_report(bytes(data), "x")
            except LoadError:
                counts["refused"] += 1
                continue
            counts["warned"] += bool(damaged)
            lost = len(text) - _kept(text, decoded)
            counts["intact" if lost <= 4 else "local" if lost < 0.05 * len(text) else "wrong"] += 1
            most = max(most, lost)
        cells = [f"{n:>4} {100 * n / tries:3.0f}%" for n in counts.values()]
        print(f"{codec:9} {tries:>6} " + " ".join(cells) + f" {most:>9}")


if __name__ == "__main__":
    if "--corrupt" in sys.argv:
        rest = [a for a in sys.argv[1:] if a != "--corrupt"]
        corrupt(int(rest[0]) if rest else 200)
    else:
        main()
