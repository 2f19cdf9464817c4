"""Shared test helpers: where the fixtures and the shared corpus are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS_ARTICLES = SHARED / "corpus" / "articles"
PARSER_TESTS = SHARED / "corpus" / "parsertests" / "parsertests.jsonl"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def fixture_paths() -> list[Path]:
    return sorted(FIXTURES.glob("*.wiki"))


def corpus_paths() -> list[Path]:
    return sorted(CORPUS_ARTICLES.glob("*.wiki"))


def require_corpus() -> None:
    """Skip locally when ../shared is absent; in CI its absence is a failure."""
    if CORPUS_ARTICLES.is_dir():
        return
    if IN_CI:
        pytest.fail(f"the shared corpus is missing at {CORPUS_ARTICLES}")
    pytest.skip("../shared/corpus is not present on this machine")


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")
