"""auditor — a rule-based consistency checker for Chinese public-finance reports.

The pipeline runs one way, one module per stage:

    load (auditor.load)          bytes → Document (decoded text)
    normalise (auditor.normalise) text → same-length text for matching
    extract (auditor.extract)    Lark grammar → typed facts and statements
    check (auditor.check)        declarative rules → findings
    report (auditor.report)      findings → terminal, JSON, ...

`auditor.pipeline.audit_text` composes them.
"""

__version__ = "0.1.0"
