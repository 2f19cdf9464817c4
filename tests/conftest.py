"""Shared test helpers: where the fixtures and the shared corpus are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS_ARTICLES = SHARED / "corpus" / "articles"
RECENT_ARTICLES = SHARED / "corpus" / "recent" / "articles"
PARSER_TESTS = SHARED / "corpus" / "parsertests" / "parsertests.jsonl"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def fixture_paths() -> list[Path]:
    return sorted(FIXTURES.glob("*.wiki"))


def corpus_paths() -> list[Path]:
    return sorted(CORPUS_ARTICLES.glob("*.wiki"))


def recent_paths() -> list[Path]:
    """The current (2025-2026) English Wikipedia articles of ``corpus/recent``."""
    return sorted(RECENT_ARTICLES.glob("*.wiki"))


def require_corpus(*folders: Path) -> None:
    """Skip locally when ../shared (or one of ``folders`` in it) is absent; in CI its absence
    is a failure."""
    missing = [f for f in (CORPUS_ARTICLES, *folders) if not f.is_dir()]
    if not missing:
        return
    if IN_CI:
        pytest.fail(f"the shared corpus is missing at {missing[0]}")
    pytest.skip("../shared/corpus is not present on this machine")


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")
