"""auditor — a rule-based consistency checker for Chinese public-finance reports.

The pipeline runs one way, one module per stage:

    load (auditor.load)          bytes → Document (decoded text)
    normalise (auditor.normalise) text → same-length text for matching
    extract (auditor.extract)    Lark grammar → typed facts and statements
    check (auditor.check)        declarative rules → findings
    report (auditor.report)      findings → terminal, JSON, ...

`auditor.pipeline.audit_text` composes them.  For scripts and notebooks,
`auditor.check(paths, config=…)` (auditor.api) checks files and folders and
returns their findings, facts and relations, as records or DataFrames.
"""

import sys as _sys
import types as _types

__version__ = "0.1.0"


def __getattr__(name: str):
    # imported on first use: `audit --version` and the workers stay light
    if name in ("check", "Run"):
        from auditor import api

        return getattr(api, name)
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")


class _Package(_types.ModuleType):
    """`auditor.check` is the API function, though auditor/check/ is the checking stage's
    package: importing that subpackage must not replace the function on this module
    (the subpackage stays reachable as sys.modules["auditor.check"] and by `from auditor.check import …`)."""

    def __setattr__(self, name: str, value) -> None:
        if name == "check" and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
