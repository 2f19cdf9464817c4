"""Link results kept between runs in SQLite, with each URL's failure history.

A result younger than the TTL is reused without a request. Failures are counted across runs
(first seen, last seen, how many) so that a link is called dead only after repeated failures
over days, as InternetArchiveBot and pywikibot decide; a success clears the history.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .results import History, LinkResult, Outcome

_SCHEMA = """
CREATE TABLE IF NOT EXISTS links (
    url TEXT PRIMARY KEY,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    status INTEGER,
    final_url TEXT,
    redirects INTEGER NOT NULL,
    elapsed_ms INTEGER NOT NULL,
    suggested_url TEXT,
    checked_at TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    first_failure TEXT,
    last_failure TEXT
)
"""
_COLUMNS = (
    "url, outcome, reason, status, final_url, redirects, elapsed_ms, suggested_url, "
    "checked_at, failures, first_failure, last_failure"
)
Clock = Callable[[], dt.datetime]


def default_cache_path() -> Path:
    """``links.sqlite3`` in the user cache directory (``$XDG_CACHE_HOME/wikicheck`` on Linux)."""
    import platformdirs

    return platformdirs.user_cache_path("wikicheck") / "links.sqlite3"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _time(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


class LinkCache:
    """One SQLite file; safe for several wikicheck processes at once (WAL, busy timeout).

    Use it from one thread: the checker reads and writes it from its coordinating thread.
    """

    def __init__(
        self, path: Path, *, ttl: dt.timedelta = dt.timedelta(days=1), clock: Clock = _utc_now
    ) -> None:
        self.path = path
        self.ttl = ttl
        self.clock = clock
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> LinkCache:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _row(self, url: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self._db.execute(
            f"SELECT {_COLUMNS} FROM links WHERE url = ?", (url,)
        ).fetchone()
        return row

    @staticmethod
    def _history(row: sqlite3.Row) -> History:
        return History(row["failures"], _time(row["first_failure"]), _time(row["last_failure"]))

    def history(self, url: str) -> History:
        row = self._row(url)
        return History() if row is None else self._history(row)

    def fresh(self, url: str) -> LinkResult | None:
        """The stored result if it is younger than the TTL (marked ``cached``), else None."""
        row = self._row(url)
        if row is None:
            return None
        checked_at = _time(row["checked_at"])
        if checked_at is None or self.clock() - checked_at >= self.ttl:
            return None
        return LinkResult(
            url=url,
            outcome=Outcome(row["outcome"]),
            reason=row["reason"],
            status=row["status"],
            final_url=row["final_url"],
            redirects=row["redirects"],
            elapsed_ms=row["elapsed_ms"],
            suggested_url=row["suggested_url"],
            checked_at=checked_at,
            cached=True,
            history=self._history(row),
        )

    def record(self, result: LinkResult) -> LinkResult:
        """Store a fresh result and update the failure history; returns it with both set."""
        now = self.clock()
        before = self.history(result.url)
        if result.outcome.is_failure:
            history = History(before.failures + 1, before.first_failure or now, now)
        elif result.outcome in (Outcome.OK, Outcome.REDIRECTED):
            history = History()
        else:
            history = before
        result = replace(result, checked_at=now, history=history)
        if not result.outcome.is_network_result:
            return result
        self._db.execute(
            f"INSERT OR REPLACE INTO links ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                result.url, result.outcome.value, result.reason, result.status,
                result.final_url, result.redirects, result.elapsed_ms, result.suggested_url,
                now.isoformat(), history.failures,
                None if history.first_failure is None else history.first_failure.isoformat(),
                None if history.last_failure is None else history.last_failure.isoformat(),
            ),
        )  # fmt: skip
        self._db.commit()
        return result
