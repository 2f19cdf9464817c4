"""``--output-format full`` (the default, ``text``): each finding as
``path:line:col: CODE message``, then its code frame (:mod:`.frames`) and its fix; then a
summary. ``--output-format concise``: the first line of each finding only.

With ``--diff`` the report is the diffs and a one-line summary; ``--show-fixes`` lists the
fixes applied (``--fix``) or that would be (``--diff``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..findings import Applicability, Finding, Severity
from .escape import visible, visible_lines
from .frames import frame
from .results import Report

_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\033[31m",
    Severity.WARNING: "\033[33m",
    Severity.INFO: "\033[36m",
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass
class _Tally:
    severities: Counter[str] = field(default_factory=Counter)
    fixable: int = 0
    fixed: int = 0
    would_fix: int = 0


def render(report: Report) -> str:
    """The full text report: findings with code frames."""
    return _render(report, frames=True)


def render_concise(report: Report) -> str:
    """One line a finding, and the summary."""
    return _render(report, frames=False)


def _render(report: Report, *, frames: bool) -> str:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if report.color else text

    lines: list[str] = []
    tally = _Tally()
    for result in report.files:
        tally.fixed += result.fixed
        if result.diff:
            lines.append(visible_lines(result.diff).rstrip("\n"))
        if result.error is not None:
            label = paint("error", _SEVERITY_COLOR[Severity.ERROR])
            lines.append(f"{paint(visible(result.path), _BOLD)}: {label}: {visible(result.error)}")
            continue
        if report.diff:
            tally.would_fix += len(result.applied)
        for finding in result.findings:
            tally.severities[finding.severity.value] += 1
            safe = finding.fix is not None and finding.fix.applicability is Applicability.SAFE
            tally.fixable += safe
            if report.diff:
                continue  # a --diff run shows what would change, not every finding again
            place = f"{visible(finding.path)}:{finding.start.line}:{finding.start.column}:"
            code = paint(finding.code, _SEVERITY_COLOR[finding.severity])
            mark = "[*] " if safe else ""
            lines.append(f"{paint(place, _BOLD)} {code} {mark}{visible(finding.message)}")
            hint = None
            if finding.fix is not None:
                title = visible(finding.fix.title)
                hint = f"{title} ({finding.fix.applicability.value})"
            text = report.texts.get(result.path)
            if frames and text is not None:
                framed = frame(finding, text, hint)
                lines += [line if i == 1 else paint(line, _DIM) for i, line in enumerate(framed)]
                lines.append("")
            elif hint is not None:
                lines.append(paint(f"  help: {hint}", _DIM))
    if report.show_fixes:
        lines += _fix_list(report)
    lines.append(_summary(report, tally))
    return "\n".join(lines) + "\n"


def _fix_list(report: Report) -> list[str]:
    """``--show-fixes``: per file, each fix applied (or that would be) and how often."""
    verb = "Would fix" if report.diff else "Fixed"
    lines: list[str] = []
    for result in report.files:
        if not result.applied:
            continue
        lines.append(f"{verb} in {visible(result.path)}:")
        counts = Counter(_fix_label(finding) for finding in result.applied)
        lines += [f"  {count} × {label}" for label, count in sorted(counts.items())]
    return lines


def _fix_label(finding: Finding) -> str:
    title = finding.fix.title if finding.fix is not None else finding.message
    return f"{finding.code} ({finding.rule}): {visible(title)}"


def _summary(report: Report, tally: _Tally) -> str:
    severities = tally.severities
    total = sum(severities.values())
    errors = sum(1 for result in report.files if result.error is not None)
    checked = len(report.files) - errors
    files = _plural(checked, "file")
    if report.diff:
        summary = f"Would fix {_plural(tally.would_fix, 'finding')} in {files}."
    elif total:
        detail = ", ".join(
            _plural(severities[level], level if level != "info" else "note")
            for level in ("error", "warning", "info")
            if severities[level]
        )
        summary = f"Found {_plural(total, 'finding')} ({detail}) in {files}."
        if tally.fixable:
            summary += f" [*] {tally.fixable} fixable with --fix."
    elif checked:
        summary = f"No findings in {files}."
    else:
        summary = ""  # nothing was checked: the errors say why
    if tally.fixed:
        summary += f" Fixed {_plural(tally.fixed, 'finding')}."
    if errors:
        summary += f" {_plural(errors, 'file')} could not be checked."
    return summary.strip()
