"""The per-page time budget (issue 14, item 5b): a page that overruns it gets WC001 and the
run goes on with the other pages; the library call itself installs nothing process-wide.

The slow page is one that the linear pre-checks let through (just under every limit, 1 MB):
about 6 s to parse here, so a 2 s budget must cut it short. Every command runs in a child
process under a memory limit and a wall-clock timeout, so a regression fails the test
instead of stalling the machine.
"""

from __future__ import annotations

import json
import math
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wikicheck import lint
from wikicheck.budget import run_bounded
from wikicheck.config_schema import page_timeout
from wikicheck.errors import ConfigError

from .conftest import ROOT
from .scan.dumpbuilder import Page, write_dump

MEMORY_LIMIT = 1 << 30  # bytes of address space per process


def slow_page() -> str:
    """About 1 MB with as much unclosed markup as the pre-checks let through."""
    filler = "lorem ipsum dolor sit amet, consectetur adipiscing elit " * 2 + "\n"
    units = ["<x "] * 5 + ["<ref>"] * 10 + ["<div>"] * 10 + ["[[a|"] * 20 + ["\n{|\n"] * 20
    units += ["{{a|"] * 499
    step = 1_000_000 // len(units)
    body = (filler * (step // len(filler) + 1))[:step]
    return "".join(unit + body for unit in units)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "wikicheck", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        preexec_fn=_limits,
    )


def test_lint_reports_the_slow_file_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.wiki").write_text("== A ==\n==== B ====\nText.\n", encoding="utf-8")
    (tmp_path / "b.wiki").write_text(slow_page(), encoding="utf-8")
    (tmp_path / "c.wiki").write_text("Text {{cn}}.\n", encoding="utf-8")
    started = time.monotonic()
    result = run_cli(
        "lint", str(tmp_path), "--isolated", "--format", "json", "--page-timeout", "2",
        "--today", "2026-11-30", "-j", "2",
    )  # fmt: skip
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stderr  # findings, not an error: the usual rules
    assert "Traceback" not in result.stderr
    findings = [f for entry in json.loads(result.stdout)["files"] for f in entry["findings"]]
    found = {(Path(f["path"]).name, f["code"]) for f in findings}
    assert found == {("a.wiki", "WC101"), ("b.wiki", "WC001"), ("c.wiki", "WC503")}
    budget = next(f for f in findings if f["code"] == "WC001")
    assert budget["severity"] == "error"
    assert "page time budget of 2 s" in budget["message"]
    assert (budget["line"], budget["column"]) == (1, 1)
    assert elapsed < 20


def test_link_checker_reads_each_page_within_the_budget(tmp_path: Path) -> None:
    """`wikicheck links` parses as the lint run does: a page that overruns the budget is
    reported by name (exit 2) and the other pages' URLs are still collected."""
    (tmp_path / "wikicheck.toml").write_text("page-timeout = 2\n", encoding="utf-8")
    (tmp_path / "a.wiki").write_text("No links here.\n", encoding="utf-8")
    (tmp_path / "b.wiki").write_text(slow_page(), encoding="utf-8")
    started = time.monotonic()
    result = run_cli(
        "links", str(tmp_path / "a.wiki"), str(tmp_path / "b.wiki"), "--no-cache",
        "--format", "json", "--config", str(tmp_path / "wikicheck.toml"),
    )  # fmt: skip
    assert time.monotonic() - started < 20
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{tmp_path / 'b.wiki'}: not read: parsing took longer than the page budget of 2 s" in (
        result.stderr
    )
    assert "a.wiki" not in result.stderr
    assert json.loads(result.stdout)["links"] == []


def test_without_a_budget_the_slow_file_is_linted(tmp_path: Path) -> None:
    """The page is slow, not impossible: with --page-timeout 0 it is checked."""
    (tmp_path / "b.wiki").write_text(slow_page(), encoding="utf-8")
    result = run_cli("lint", str(tmp_path / "b.wiki"), "--isolated", "--page-timeout", "0")
    assert result.returncode in (0, 1), result.stderr
    assert "WC001" not in result.stdout


def test_scan_reports_the_slow_page_and_goes_on(tmp_path: Path) -> None:
    pages = [
        Page("Good", 1, "== A ==\n==== B ====\nText."),
        Page("Slow", 2, slow_page()),
        Page("Good too", 3, "Text {{cn}}."),
    ]
    dump = write_dump(pages, tmp_path / "slow.xml.bz2")
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = run_cli(
        "scan", str(dump), "--out", str(out), "--isolated", "--page-timeout", "2", "-j", "1",
        "--quiet", "--today", "2026-11-30",
    )  # fmt: skip
    assert time.monotonic() - started < 20
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    codes = {record["title"]: [f["code"] for f in record["findings"]] for record in records}
    assert codes == {"Good": ["WC101"], "Slow": ["WC001"], "Good too": ["WC503"]}


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def _die(code: int) -> int:
    if code:
        os._exit(code)
    return code


def test_run_bounded_keeps_order_and_replaces_overrunning_workers() -> None:
    started = time.monotonic()
    results = list(
        run_bounded(
            [0.0, 30.0, 0.01, 30.0, 0.0],
            _sleep,
            workers=2,
            budget=0.5,
            on_timeout=lambda seconds: -seconds,
            on_crash=lambda seconds, detail: math.nan,
        )
    )
    assert results == [0.0, -30.0, 0.01, -30.0, 0.0]
    assert time.monotonic() - started < 10


def test_run_bounded_survives_a_dying_worker() -> None:
    results = list(
        run_bounded(
            [0, 7, 0, 0],
            _die,
            workers=1,
            budget=10,
            on_timeout=lambda code: -1,
            on_crash=lambda code, detail: detail,
            batch_size=4,
        )
    )
    assert results == [0, "exit code 7", 0, 0]


def test_the_library_call_installs_no_handler_and_starts_no_process() -> None:
    before = (signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL))
    lint("<ref>a " * 100 + "== A ==\n==== B ====\n", select=["ALL"])
    assert (signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL)) == before
    import multiprocessing

    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("value", [math.nan, math.inf, -1, "30", True])
def test_page_timeout_rejects_what_is_not_seconds(value: object) -> None:
    with pytest.raises(ConfigError, match="page-timeout"):
        page_timeout(value, "page-timeout")


def test_page_timeout_from_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "wikicheck.toml").write_text("page-timeout = 2.5\n", encoding="utf-8")
    result = run_cli("config", str(tmp_path), "--config", str(tmp_path / "wikicheck.toml"))
    assert "page-timeout = 2.5" in result.stdout
    bad = run_cli("lint", "--page-timeout", "nan", "x.wiki")
    assert bad.returncode == 2
    assert "--page-timeout" in bad.stderr
