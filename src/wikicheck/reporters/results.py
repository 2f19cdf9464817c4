"""The per-file outcome of a lint run, as reporters receive it."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding


@dataclass(frozen=True, slots=True)
class FileResult:
    """Findings for one input, or the error that stopped it from being linted."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None
