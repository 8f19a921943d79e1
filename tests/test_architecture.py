"""Structural facts: which package may import which."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# nlp is pure and stands alone; providers speak nlp's EventDraft; bot wires everything.
ALLOWED = {
    "nlp": {"nlp"},
    "providers": {"nlp", "providers"},
    "bot": {"nlp", "providers", "bot"},
}
OURS = set(ALLOWED)


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_what_it_may(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ has no modules"
    wrong = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files
        for name in imported_packages(path) & OURS
        if name not in ALLOWED[package]
    }
    assert not wrong, sorted(wrong)


NLP_FORBIDDEN = {"httpx", "slack_bolt", "slack_sdk", "sqlalchemy", "socket", "requests", "aiohttp"}


def test_parser_does_no_io() -> None:
    used = set().union(*(imported_packages(p) for p in (ROOT / "nlp").rglob("*.py")))
    assert not used & NLP_FORBIDDEN


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_every_module_opens_with_a_docstring(package: str) -> None:
    missing = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.stat().st_size and ast.get_docstring(ast.parse(path.read_text("utf-8"))) is None
    ]
    assert not missing


def test_no_grab_bag_modules() -> None:
    bad = [p for p in ROOT.glob("*/*.py") if p.stem in {"utils", "helpers", "misc", "common"}]
    assert not bad
