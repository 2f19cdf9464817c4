"""``wikicheck links`` output: a table grouped by outcome, or JSON (one entry per URL)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..linkcheck.results import CONFIRM_RULE, LinkResult, Outcome
from ..linkcheck.urls import LinkSource
from .escape import visible

# The order a reader wants: what needs fixing first, what is fine last.
_ORDER = (
    Outcome.BROKEN, Outcome.UNREACHABLE, Outcome.TIMEOUT, Outcome.INCONCLUSIVE,
    Outcome.REDIRECTED, Outcome.BLOCKED, Outcome.SKIPPED, Outcome.OK,
)  # fmt: skip
_COLOR = {
    Outcome.BROKEN: "\033[31m", Outcome.UNREACHABLE: "\033[31m", Outcome.TIMEOUT: "\033[33m",
    Outcome.INCONCLUSIVE: "\033[33m", Outcome.REDIRECTED: "\033[36m", Outcome.OK: "\033[32m",
}  # fmt: skip
_BOLD, _RESET = "\033[1m", "\033[0m"
Sources = Mapping[str, Sequence[LinkSource]]


def render_text(
    results: Sequence[LinkResult], sources: Sources, *, color: bool = False, verbose: bool = False
) -> str:
    """Groups by outcome; ``ok`` URLs are counted but listed only with ``verbose``."""

    def paint(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if color and style else text

    lines: list[str] = []
    for outcome in _ORDER:
        group = [result for result in results if result.outcome is outcome]
        if not group or (outcome is Outcome.OK and not verbose):
            continue
        lines.append(paint(f"{outcome.value} ({len(group)})", _BOLD + _COLOR.get(outcome, "")))
        for result in group:
            status = "---" if result.status is None else str(result.status)
            cached = f" ({_cached(result)})" if result.cached else ""
            lines.append(f"  {status:>3}  {visible(result.url)}")
            history = result.history.describe()
            detail = result.reason + (f"; {history}" if history else "")
            lines.append(f"       {visible(detail)}{cached}")
            for source in sources.get(result.url, ())[:3]:
                lines.append(f"       at {visible(source.path)}:{source.line}:{source.column}")
            more = len(sources.get(result.url, ())) - 3
            if more > 0:
                lines.append(f"       and {more} more")
    counts = ", ".join(
        f"{sum(r.outcome is outcome for r in results)} {outcome.value}"
        for outcome in _ORDER
        if any(r.outcome is outcome for r in results)
    )
    if any(r.history.failures and not r.confirmed_dead for r in results):
        lines.append(f"Note: {CONFIRM_RULE}.")  # once, not on every failing URL
    from_cache = sum(result.cached for result in results)
    lines.append(
        f"{len(results)} distinct URLs: {counts or 'none'}"
        + (
            f" ({from_cache} of them as found by an earlier run, from the cache)"
            if from_cache
            else ""
        )
    )
    return "\n".join(lines) + "\n"


def _cached(result: LinkResult) -> str:
    """Where a cached result comes from: its outcome is the earlier run's, not a fresh check."""
    when = result.checked_at
    return "not checked again: cached from " + (
        "an earlier run" if when is None else when.strftime("%Y-%m-%d %H:%M UTC")
    )


def render_json(results: Sequence[LinkResult], sources: Sources) -> str:
    """``{"version": 1, "links": [...]}``: see docs/json-schema.md."""
    return json.dumps({"version": 1, "links": [as_dict(r, sources) for r in results]}, indent=2)


def as_dict(result: LinkResult, sources: Sources) -> dict[str, object]:
    history = result.history
    archive = result.archive
    return {
        "url": result.url,
        "outcome": result.outcome.value,
        "status": result.status,
        "final_url": result.final_url,
        "reason": result.reason,
        "elapsed_ms": result.elapsed_ms,
        "redirects": result.redirects,
        "suggested_url": result.suggested_url,
        "cached": result.cached,
        "checked_at": None if result.checked_at is None else result.checked_at.isoformat(),
        "history": {
            "failures": history.failures,
            "first_failure": None
            if history.first_failure is None
            else history.first_failure.isoformat(),
            "last_failure": None
            if history.last_failure is None
            else history.last_failure.isoformat(),
            "confirmed_dead": result.confirmed_dead,
        },
        "archive": None
        if archive is None
        else {
            "service": archive.service,
            "original": archive.original,
            "timestamp": archive.timestamp,
        },
        "sources": [
            {"path": s.path, "line": s.line, "column": s.column}
            for s in sources.get(result.url, ())
        ],
    }
