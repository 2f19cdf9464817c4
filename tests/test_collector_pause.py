"""The cyclic collector is paused while a page is linted: safe only if linting makes no cycles."""

from __future__ import annotations

import datetime
import gc
import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

import wikicheck
from wikicheck import Settings
from wikicheck.gcpause import cycle_collector_paused

from .conftest import corpus_paths, fixture_paths, read_text, require_corpus


@pytest.fixture
def collector_running() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


ALL_RULES = Settings(today=datetime.date(2026, 11, 23))


def _cyclic_garbage_left_by(work: Callable[[], object]) -> int:
    work()  # the first use loads data files and fills caches: not garbage
    gc.collect()
    gc.disable()
    try:
        work()
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda path: path.name)
def test_linting_the_fixtures_leaves_no_cycles(path: Path, collector_running: None) -> None:
    text = read_text(path)
    assert _cyclic_garbage_left_by(lambda: wikicheck.parse(text)) == 0
    assert _cyclic_garbage_left_by(lambda: wikicheck.lint(text, settings=ALL_RULES)) == 0


@pytest.mark.corpus
def test_linting_corpus_articles_leaves_no_cycles(collector_running: None) -> None:
    require_corpus()
    for path in corpus_paths()[::5]:
        text = read_text(path)
        garbage = _cyclic_garbage_left_by(partial(wikicheck.lint, text, settings=ALL_RULES))
        assert garbage == 0, path.name


def test_parse_resumes_the_collector(collector_running: None) -> None:
    wikicheck.parse("== A ==\n{{cite web|title=x}}")
    assert gc.isenabled()
    seen: list[bool] = []

    def failing_parse() -> None:
        with cycle_collector_paused():
            seen.append(gc.isenabled())
            raise RuntimeError("the parser failed")

    with pytest.raises(RuntimeError):
        failing_parse()
    assert seen == [False]
    assert gc.isenabled()


def test_parse_leaves_a_paused_collector_paused(collector_running: None) -> None:
    gc.disable()
    wikicheck.parse("text")
    assert not gc.isenabled()


def test_concurrent_parses_resume_the_collector_once_all_end(collector_running: None) -> None:
    text = read_text(fixture_paths()[0]) * 20
    errors: list[BaseException] = []

    def parse_many() -> None:
        try:
            for _ in range(5):
                wikicheck.parse(text)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=parse_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert gc.isenabled()


def test_library_calls_leave_the_collector_alone(
    collector_running: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """parse() and lint() change no process-wide state: only the runner and the scan workers
    pause the collector."""
    calls: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    wikicheck.lint("== A ==\nText.<ref>{{cite web|title=x}}</ref>", settings=ALL_RULES)
    wikicheck.parse("== A ==\nText.")
    assert calls == []
