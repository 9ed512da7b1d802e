"""Validate the corpus label files against their texts.

Run: python examples/corpus/check_labels.py [--dir FOLDER] [ID ...]

Checks, for every relation: the stated figure stands on the given line, every
other figure stands somewhere in the text, and the formula evaluates (exactly,
with Decimal) to the recorded computed value. Exit 1 when anything is off.
It checks the labels' bookkeeping only; whether a relation is consistent is the
labeller's judgement, written down in the file.
"""

from __future__ import annotations

import ast
import operator
import sys
import tomllib
from decimal import Decimal, getcontext
from pathlib import Path

getcontext().prec = 40
HERE = Path(__file__).resolve().parent
KINDS = {
    "sum", "ratio", "change", "growth", "change_sum", "score_sum", "weight_sum",
    "score_cap", "score_prose", "grade", "repeat", "heading",
    # added with issue 11 (see README.md): differences, products, scores computed by a
    # formula, shares adding to 100 %, unit slips, arithmetic the report writes out
    "difference", "product", "score_formula", "shares_total", "unit", "calculation",
}
GENRES = {"zt", "xm", "js", "ys"}
OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def evaluate(formula: str) -> Decimal:
    """Evaluate + - * / and parentheses over decimal literals, exactly."""

    def walk(node: ast.AST) -> Decimal:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in OPS:
            return OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return Decimal(ast.get_source_segment(formula, node) or str(node.value))
        raise ValueError(f"unsupported element in formula: {ast.dump(node)}")

    return walk(ast.parse(formula, mode="eval"))


def check(label_path: Path) -> list[str]:
    problems: list[str] = []
    text_path = label_path.with_name(label_path.name.replace(".labels.toml", ".txt"))
    if not text_path.exists():
        return [f"{label_path.name}: no text file {text_path.name}"]
    text = text_path.read_text(encoding="utf-8")
    lines = text.split("\n")
    try:
        labels = tomllib.loads(label_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return [f"{label_path.name}: not valid TOML: {exc}"]
    if lines[0].strip() != labels.get("source", "").strip():
        problems.append(f"{label_path.name}: line 1 of the text is not the source URL")
    if labels.get("genre") not in GENRES:
        problems.append(f"{label_path.name}: genre must be one of {sorted(GENRES)}")
    seen_ids = set()
    for rel in labels.get("relation", []):
        rid = rel.get("id", "?")
        where = f"{label_path.name} {rid}"
        if rid in seen_ids:
            problems.append(f"{where}: duplicate id")
        seen_ids.add(rid)
        if rel.get("kind") not in KINDS:
            problems.append(f"{where}: unknown kind {rel.get('kind')!r}")
        line = rel.get("line", 0)
        if not 1 <= line <= len(lines):
            problems.append(f"{where}: line {line} out of range")
        elif rel.get("stated", "") not in lines[line - 1]:
            problems.append(f"{where}: stated {rel.get('stated')!r} not on line {line}")
        for fig in rel.get("figures", []):
            if fig not in text:
                problems.append(f"{where}: figure {fig!r} not in the text")
        for key in ("consistent", "rounding"):
            if not isinstance(rel.get(key), bool):
                problems.append(f"{where}: {key} must be true or false")
        formula, computed = rel.get("formula"), rel.get("computed")
        if formula:
            try:
                value = evaluate(formula)
                if computed is None or abs(value - Decimal(str(computed))) > Decimal("0.0001"):
                    problems.append(f"{where}: formula gives {value:.6f}, computed says {computed}")
            except (ValueError, SyntaxError, ArithmeticError) as exc:
                problems.append(f"{where}: formula {formula!r}: {exc}")
    return problems


def main(argv: list[str]) -> int:
    folder = HERE
    if argv[:1] == ["--dir"]:
        folder, argv = Path(argv[1]), argv[2:]
    paths = sorted(folder.glob("*.labels.toml"))
    if argv:
        paths = [p for p in paths if p.name.split(".labels")[0] in argv]
    problems = [p for path in paths for p in check(path)]
    for p in problems:
        print(p)
    print(f"{len(paths)} label files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
