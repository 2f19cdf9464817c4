"""``--format text``: ``path:line:col: CODE message`` per finding, fix hints, and a summary."""

from __future__ import annotations

from collections import Counter

from ..findings import Applicability, Severity
from .escape import visible, visible_lines
from .results import Report

_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\033[31m",
    Severity.WARNING: "\033[33m",
    Severity.INFO: "\033[36m",
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render(report: Report) -> str:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if report.color else text

    lines: list[str] = []
    severities: Counter[str] = Counter()
    fixable = fixed = 0
    for result in report.files:
        fixed += result.fixed
        if result.diff:
            lines.append(visible_lines(result.diff).rstrip("\n"))
        if result.error is not None:
            label = paint("error", _SEVERITY_COLOR[Severity.ERROR])
            lines.append(f"{paint(visible(result.path), _BOLD)}: {label}: {visible(result.error)}")
            continue
        for finding in result.findings:
            severities[finding.severity.value] += 1
            mark = ""
            if finding.fix is not None and finding.fix.applicability is Applicability.SAFE:
                fixable += 1
                mark = "[*] "
            place = f"{visible(finding.path)}:{finding.start.line}:{finding.start.column}:"
            code = paint(finding.code, _SEVERITY_COLOR[finding.severity])
            lines.append(f"{paint(place, _BOLD)} {code} {mark}{visible(finding.message)}")
            if finding.fix is not None:
                hint = f"  help: {visible(finding.fix.title)} ({finding.fix.applicability.value})"
                lines.append(paint(hint, _DIM))
    lines.append(_summary(report, severities, fixable, fixed))
    return "\n".join(lines) + "\n"


def _summary(report: Report, severities: Counter[str], fixable: int, fixed: int) -> str:
    total = sum(severities.values())
    errors = sum(1 for result in report.files if result.error is not None)
    files = _plural(len(report.files), "file")
    if total:
        detail = ", ".join(
            _plural(severities[level], level if level != "info" else "note")
            for level in ("error", "warning", "info")
            if severities[level]
        )
        summary = f"Found {_plural(total, 'finding')} ({detail}) in {files}."
        if fixable:
            summary += f" [*] {fixable} fixable with --fix."
    else:
        summary = f"No findings in {files}."
    if fixed:
        summary += f" Fixed {_plural(fixed, 'finding')}."
    if errors:
        summary += f" {_plural(errors, 'file')} could not be checked."
    return summary
