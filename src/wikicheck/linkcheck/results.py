"""What a link check found: an outcome class, the evidence, and the URL's failure history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    """How a URL answered. Only ``broken`` says the page is gone; the rest say why not sure."""

    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    INCONCLUSIVE = "inconclusive"
    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"
    BLOCKED = "blocked"
    SKIPPED = "skipped"

    @property
    def is_failure(self) -> bool:
        """The URL did not deliver a page (what the Wikipedia bots count towards "dead")."""
        return self in _FAILURES

    @property
    def is_network_result(self) -> bool:
        """A server was asked (so the result is worth caching and counting)."""
        return self not in (Outcome.BLOCKED, Outcome.SKIPPED)


_FAILURES = frozenset({Outcome.BROKEN, Outcome.TIMEOUT, Outcome.UNREACHABLE})

# A link is "confirmed dead" the way InternetArchiveBot decides it: three failed checks,
# the first and last at least three days apart (a server down for an afternoon is not dead).
CONFIRM_FAILURES = 3
CONFIRM_SPAN = dt.timedelta(days=3)


CONFIRM_RULE = (
    f"a URL is confirmed dead after {CONFIRM_FAILURES} failures over {CONFIRM_SPAN.days} days"
)


@dataclass(frozen=True, slots=True)
class History:
    """The failures seen for a URL across runs (kept in the cache)."""

    failures: int = 0
    first_failure: dt.datetime | None = None
    last_failure: dt.datetime | None = None

    @property
    def confirmed_dead(self) -> bool:
        if self.failures < CONFIRM_FAILURES or not self.first_failure or not self.last_failure:
            return False
        return self.last_failure - self.first_failure >= CONFIRM_SPAN

    def describe(self) -> str:
        """The failures in a few words; what "confirmed" takes is said once, by
        :data:`CONFIRM_RULE`, not for every URL."""
        if not self.failures or not self.first_failure or not self.last_failure:
            return ""
        first, last = self.first_failure.date(), self.last_failure.date()
        times = "once" if self.failures == 1 else f"{self.failures} times"
        since = f"on {first}" if first == last else f"from {first} to {last}"
        verdict = "confirmed dead" if self.confirmed_dead else "not yet confirmed dead"
        return f"failed {times} {since}; {verdict}"


@dataclass(frozen=True, slots=True)
class ArchiveCopy:
    """What an archive URL says about itself: the service, the original URL, the snapshot time."""

    service: str
    original: str | None
    timestamp: str | None


@dataclass(frozen=True, slots=True)
class LinkResult:
    """One URL's check. ``suggested_url`` is set for ``redirected``: the URL to cite instead."""

    url: str
    outcome: Outcome
    reason: str
    status: int | None = None
    final_url: str | None = None
    redirects: int = 0
    elapsed_ms: int = 0
    suggested_url: str | None = None
    checked_at: dt.datetime | None = None
    cached: bool = False
    history: History = History()
    archive: ArchiveCopy | None = None

    @property
    def confirmed_dead(self) -> bool:
        return self.outcome.is_failure and self.history.confirmed_dead
