"""Plain-text reports in the encodings Chinese offices actually use.

UTF-8 (with or without BOM) and UTF-16 are recognised by their bytes; GB18030
(a superset of GBK and GB2312) is tried next; anything else is left to
charset-normalizer (Big5 and the rest).  Binary files are refused.
"""

from __future__ import annotations

import codecs


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) // 100 + 2


def decode_text(data: bytes, name: str) -> str:
    from auditor.load import LoadError

    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise LoadError(f"{name}: starts like {codec} but is not valid {codec} text") from None
    if _looks_binary(data):
        raise LoadError(f"{name}: looks like a binary file, not a text report")
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "gb18030" and not _mostly_cjk(text):
            break  # decodes, but into nonsense: let detection decide
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise LoadError(f"{name}: cannot tell the text encoding (tried UTF-8, GB18030 and detection)")
    return str(best)


def _mostly_cjk(text: str) -> bool:
    """A GB18030 decoding of Big5 or Latin-1 bytes yields rare characters, not common Chinese."""
    letters = [ch for ch in text if not ch.isspace() and not ch.isascii()]
    if not letters:
        return True
    common = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fa5" or ch in "，。：；、（）“”％")
    return common / len(letters) > 0.9
