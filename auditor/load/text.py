"""Plain-text reports in the encodings Chinese offices actually use.

UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM are recognised by
their bytes, UTF-16 without a BOM by its zero bytes.  Otherwise the bytes are
decoded as GB18030 (a superset of GBK and GB2312) and as Big5 (cp950, then
Big5-HKSCS), and the decoding that reads most like Chinese wins.

Why not decode as GB18030 and stop when it succeeds: almost every Big5 byte
pair is also a valid GBK pair, so Big5 text *decodes* as GB18030 — into
nonsense.  Telling the two apart takes a language model, and a tiny one is
enough: in real Chinese text a large share of the characters are the most
frequent ones (的, 是, 年, 为/為 …, and the full-width punctuation), while a
wrong decoding scatters over thousands of rare characters.  The frequent
characters come from charset-normalizer's frequency table (simplified), with
their traditional forms from OpenCC, plus the words every finance report
uses.  When neither reading looks like Chinese, charset-normalizer decides.
Binary files are refused.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

from auditor import lazyre

# Characters every public-finance report is full of (simplified; traditional added below).
_DOMAIN = "元万亿预算支出项目资金费率计合收入财政绩效单位额数度完成情况其管理部门基本经增减较"
_PUNCTUATION = "，。、：；（）“”《》％！？"
CANDIDATES = ("gb18030", "cp950", "big5hkscs")
_HAS_CJK = lazyre.compile("[\u4e00-\u9fff]")


# control characters no text file holds (tab, line and page breaks are text)
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control > len(sample) // 100 + 2


@lru_cache(maxsize=1)
def _frequent() -> frozenset[str]:
    from charset_normalizer.constant import FREQUENCIES

    simplified = "".join(FREQUENCIES.get("Chinese", [])) + _DOMAIN
    try:
        import opencc

        traditional = opencc.OpenCC("s2t").convert(simplified) + opencc.OpenCC("s2tw").convert(simplified)
    except Exception:  # pragma: no cover - OpenCC is a dependency; stay usable without it
        traditional = ""
    return frozenset(simplified + traditional + _PUNCTUATION)


def _unlikely(ch: str) -> bool:
    """Characters a wrong decoding produces and Chinese reports do not hold:
    private use, unassigned, kana, Hangul and half-width katakana."""
    code = ord(ch)
    if 0x3040 <= code <= 0x30FF or 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0xFF61 <= code <= 0xFF9F:
        return True
    return unicodedata.category(ch) in {"Co", "Cn", "Cs"}


def _common(ch: str) -> bool:
    """In GB2312 (the common simplified set) or Big5 level 1 (the common traditional set)."""
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA440 <= int.from_bytes(ch.encode("big5"), "big") <= 0xC67E
    except UnicodeEncodeError:
        return False


def chinese_score(text: str) -> float:
    """How much `text` reads like Chinese, about the share of its non-ASCII
    characters that are frequent Chinese characters or punctuation; common
    characters count a little, characters no Chinese report holds count against."""
    frequent = _frequent()
    total = hits = common = bad = 0
    for ch in text[:20000]:
        if ch.isascii():
            continue
        total += 1
        if ch in frequent:
            hits += 1
        elif _unlikely(ch):
            bad += 1
        elif _common(ch):
            common += 1
    return (hits + 0.1 * common - bad) / total if total else 0.0


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: its zero bytes (the high halves of ASCII
    characters) fall mostly at odd offsets (little-endian) or mostly at even
    ones (U+4E00 一 and its like put a few on the other side), and it decodes
    to text without control characters that reads like Chinese or is ASCII."""
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if not (even or odd) or min(even, odd) > max(even, odd) * 0.35:
        return None
    for codec in (("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")):
        try:
            text = data[: len(data) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        head = text[:4096]
        controls = sum(1 for ch in head if ch < " " and ch not in "\n\r\t\f")
        if controls <= len(head) // 200 and (head.isascii() or chinese_score(head) > 0.1):
            return text
    return None


def decode_text(data: bytes, name: str) -> str:
    """The text of `data`; raises LoadError (one line) when it is not text."""
    return decode_report(data, name)[0]


Damage = tuple[str, int]  # (the encoding, how many byte sequences were replaced with U+FFFD)


def decode_report(data: bytes, name: str) -> tuple[str, Damage | None]:
    """The text of `data` and, when some bytes were not valid in its encoding, the damage.

    Why not refuse a file with one bad byte: a report damaged in one place (a
    download cut and resumed, a disk error) is still a report; its text is read
    in the most likely encoding with the bad bytes as U+FFFD, the caller says
    so in one line, and the rest is checked.  LoadError (one line) when the
    bytes are not text, or too damaged to tell.
    """
    from auditor.load.base import LoadError

    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError:
                text = data.decode(codec, errors="replace")
                if _few(text.count("\ufffd"), text):
                    return text, (_CODEC_NAMES.get(codec, codec), text.count("\ufffd"))
                raise LoadError("load.bad_bom", path=name, codec=codec) from None
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, None
    if 0 < data.count(b"\x00") <= 2:
        # a NUL or two in a text file is damage, not a binary file: 0xFF is invalid in
        # every candidate encoding, so it is read as one replaced byte
        data = data.replace(b"\x00", b"\xff")
    if _looks_binary(data):
        raise LoadError("load.binary", path=name)
    try:
        text = _utf8(data)
    except UnicodeDecodeError:
        pass
    else:
        # valid UTF-8 holding CJK characters is UTF-8: GBK or Big5 bytes almost never
        # form valid multi-byte UTF-8 sequences (no need for the slower language check)
        if text.isascii() or _HAS_CJK.search(text) or chinese_score(text) > 0:
            return text, None
        # valid UTF-8 without a single Chinese character: a few GBK bytes can look like that
        guess = guess_chinese(data)
        return (guess[1] if guess is not None and guess[0] >= 0.5 else text), None
    guess = guess_chinese(data)
    lenient = data.decode("utf-8", errors="replace")  # UTF-8 with a few damaged bytes
    if lenient.count("\ufffd") <= max(1, len(lenient) // 1000) and (
            guess is None or chinese_score(lenient) > guess[0]):
        return lenient, ("UTF-8", lenient.count("\ufffd"))
    if guess is not None and guess[0] >= 0.12:
        return guess[1], None
    damaged = _least_damaged(data)
    if damaged is not None and chinese_score(damaged[0]) >= 0.12:
        return damaged  # Chinese text with a bad byte or two: before the detector's guess
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    detected = str(best) if best is not None and best.encoding is not None else None
    if guess is not None and (detected is None or chinese_score(detected) <= guess[0]):
        return guess[1], None  # a clean Chinese decoding that merely holds few frequent characters
    if detected is not None:
        return detected, None
    if damaged is not None:
        return damaged
    raise LoadError("load.encoding", path=name)


_CODEC_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32",
                "gb18030": "GB18030", "cp950": "Big5"}


def _few(replaced: int, text: str) -> bool:
    """Few enough replaced sequences to call the file damaged rather than not of this encoding."""
    return replaced <= max(8, len(text) // 200)


def _least_damaged(data: bytes) -> tuple[str, Damage] | None:
    """The decoding (UTF-8, GB18030 or Big5, bad bytes as U+FFFD) with the fewest
    replacements, the one that reads more like Chinese on a tie; None when every
    one has too many to be a damaged file of that encoding."""
    best: tuple[int, float, str, str] | None = None
    for codec in ("utf-8", "gb18030", "cp950"):
        text = data.decode(codec, errors="replace")
        replaced = text.count("\ufffd")
        if not _few(replaced, text):
            continue
        key = (replaced, -chinese_score(text))
        if best is None or key < best[:2]:
            best = (replaced, key[1], codec, text)
    if best is None:
        return None
    return best[3], (_CODEC_NAMES[best[2]], best[0])


def _utf8(data: bytes) -> str:
    """Strict UTF-8, except that a character cut off at the very end (a truncated
    download) is dropped rather than failing the whole file."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    text = decoder.decode(data, final=False)
    if len(decoder.getstate()[0]) > 3:  # pragma: no cover - the decoder never holds more than 3 bytes
        raise UnicodeDecodeError("utf-8", data, len(data) - 1, len(data), "truncated")
    return text


def guess_chinese(data: bytes) -> tuple[float, str] | None:
    """(score, text) of GB18030 or Big5, whichever reads more like Chinese; None when neither decodes."""
    best: tuple[float, str] | None = None
    for codec in CANDIDATES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = chinese_score(text)
        if best is None or score > best[0]:
            best = (score, text)
    return best
