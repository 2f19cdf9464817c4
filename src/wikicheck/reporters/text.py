"""``--format text``: one line per finding, ``path:line:col: CODE message``, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..findings import Applicability
from .results import FileResult


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render(results: Sequence[FileResult]) -> str:
    lines: list[str] = []
    severities: Counter[str] = Counter()
    fixable = 0
    for result in results:
        if result.error is not None:
            lines.append(f"{result.path}: error: {result.error}")
            continue
        for finding in result.findings:
            severities[finding.severity.value] += 1
            mark = ""
            if finding.fix is not None and finding.fix.applicability is Applicability.SAFE:
                fixable += 1
                mark = "[*] "
            lines.append(
                f"{finding.path}:{finding.start.line}:{finding.start.column}: "
                f"{finding.code} {mark}{finding.message}"
            )
            if finding.fix is not None:
                lines.append(f"  help: {finding.fix.title} ({finding.fix.applicability.value})")
    total = sum(severities.values())
    errors = sum(1 for result in results if result.error is not None)
    files = _plural(len(results), "file")
    if total:
        detail = ", ".join(
            _plural(severities[level], level if level != "info" else "note")
            for level in ("error", "warning", "info")
            if severities[level]
        )
        summary = f"Found {_plural(total, 'finding')} ({detail}) in {files}."
        if fixable:
            summary += f" [*] {fixable} with a safe fix."
    else:
        summary = f"No findings in {files}."
    if errors:
        summary += f" {_plural(errors, 'file')} could not be checked."
    lines.append(summary)
    return "\n".join(lines) + "\n"
