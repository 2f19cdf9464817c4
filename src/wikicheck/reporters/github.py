"""``--format github``: GitHub Actions workflow commands that annotate the changed lines."""

from __future__ import annotations

from ..findings import Severity
from .escape import visible
from .results import Report

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """GitHub's escaping of a command's message (actions/toolkit ``escapeData``): ``%``,
    CR and LF; then every other control character made visible (``\\x1b``), since the
    runner would pass it on to the log as it is."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    """A property (``file=``, ``title=``): also ``:`` and ``,`` (``escapeProperty``)."""
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
