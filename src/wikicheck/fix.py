"""Applying fixes: non-overlapping text edits, right to left, re-linted until stable."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .findings import Applicability, Edit, Finding

MAX_PASSES = 10


def applicable(finding: Finding, *, unsafe: bool) -> bool:
    if finding.fix is None:
        return False
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return finding.fix.applicability in allowed


def apply_edits(text: str, findings: Iterable[Finding], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply the fixes of ``findings`` whose edits do not overlap an earlier-chosen fix.

    Returns the new text and how many fixes were applied. A fix is all-or-nothing: if any of
    its edits overlaps an edit already chosen, the whole fix waits for the next pass.
    """
    chosen: list[Edit] = []
    applied = 0
    for finding in findings:
        if not applicable(finding, unsafe=unsafe):
            continue
        assert finding.fix is not None
        edits = tuple(edit for edit in finding.fix.edits if _changes(text, edit))
        if not edits:
            continue  # the text already reads as the fix would make it
        if any(_overlaps(edit, other) for edit in edits for other in chosen):
            continue
        chosen.extend(edits)
        applied += 1
    for edit in sorted(chosen, key=lambda edit: (edit.span.start, edit.span.end), reverse=True):
        text = text[: edit.span.start] + edit.replacement + text[edit.span.end :]
    return text, applied


def _changes(text: str, edit: Edit) -> bool:
    return text[edit.span.start : edit.span.end] != edit.replacement


def _overlaps(first: Edit, second: Edit) -> bool:
    if first.span.start == first.span.end or second.span.start == second.span.end:
        return first.span.start == second.span.start  # two insertions at one point conflict
    return first.span.start < second.span.end and second.span.start < first.span.end


def fix_until_stable(
    text: str, lint: Callable[[str], list[Finding]], *, unsafe: bool = False
) -> tuple[str, int]:
    """Lint, apply, and lint again until no fix applies (at most ``MAX_PASSES`` passes)."""
    total = 0
    for _ in range(MAX_PASSES):
        text, applied = apply_edits(text, lint(text), unsafe=unsafe)
        if not applied:
            break
        total += applied
    return text, total
