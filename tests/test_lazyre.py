"""auditor.lazyre: a pattern compiled on first use answers as the compiled pattern does."""

from __future__ import annotations

import re

from auditor import lazyre


def test_a_lazy_pattern_compiles_once_and_answers_like_re():
    lazy = lazyre.compile(r"(\d+)\s*万元", re.IGNORECASE)
    assert "search" not in vars(lazy)  # nothing compiled yet
    plain = re.compile(r"(\d+)\s*万元", re.IGNORECASE)
    text = "支出 12 万元，收入30万元"
    assert lazy.search(text).span() == plain.search(text).span()
    assert "search" in vars(lazy)  # from now on the compiled pattern's own method
    assert [m.group(1) for m in lazy.finditer(text)] == ["12", "30"]
    assert lazy.sub("X", text) == plain.sub("X", text)
    assert lazy.match(text) is None and lazy.fullmatch("7万元")
    assert (lazy.pattern, lazy.flags, lazy.groups) == (plain.pattern, plain.flags, plain.groups)


def test_a_compiled_lazy_pattern_pickles_as_its_source():
    """The rules and vocabulary are pickled to every worker of a batch: a pattern already used (its groupindex, a
    mappingproxy, copied onto it) pickles too, and answers as before."""
    import pickle

    lazy = lazyre.compile(r"(?P<a>税收收入)|(?P<b>非税收入)")
    assert lazy.search("非税收入").lastgroup == "b"  # compiled
    again = pickle.loads(pickle.dumps(lazy))
    assert again.search("税收收入").lastgroup == "a"
    assert (again.pattern, again.flags) == (lazy.pattern, lazy.flags)
