"""``--format github``: GitHub Actions workflow commands that annotate the changed lines."""

from __future__ import annotations

from ..findings import Severity
from .results import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for result in report.files:
        if result.error is not None:
            lines.append(
                f"::error file={_property(result.path)},title=wikicheck::{_data(result.error)}"
            )
        for finding in result.findings:
            lines.append(
                f"::{_LEVEL[finding.severity]} file={_property(finding.path)},"
                f"line={finding.start.line},col={finding.start.column},"
                f"endLine={finding.end.line},endColumn={finding.end.column},"
                f"title={_property(finding.code + ' ' + finding.rule)}::{_data(finding.message)}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
