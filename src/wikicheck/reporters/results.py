"""What reporters receive: per-file outcomes and the rules that were run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..findings import Finding

if TYPE_CHECKING:  # the rules' modules load only when rules run, not to print
    from ..rules import Rule


@dataclass(frozen=True, slots=True)
class FileResult:
    """Findings for one input, or the error that stopped it from being linted."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    fixed: int = 0
    diff: str | None = None
    maintenance: dict[str, Any] | None = None
    """The page's cleanup load (wikicheck.parse.maintenance.summarize), when it could be parsed."""
    applied: tuple[Finding, ...] = ()
    """With --fix, the findings whose fixes were applied; with --diff, would be."""


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileResult, ...]
    rules: tuple[Rule, ...] = ()
    color: bool = False
    texts: Mapping[str, str] = field(default_factory=dict)
    """The linted texts by path, for reporters that show them (HTML, text code frames)."""
    diff: bool = False
    """A --diff run: the text report shows the diffs and a summary, not the findings."""
    show_fixes: bool = False
    """List the fixes applied (--fix) or that would be (--diff)."""
    site: str | None = None
    """The wiki's article path (``https://en.wikipedia.org/wiki/``) when the pages came from
    one (``--wiki``): the HTML report links each page there."""
