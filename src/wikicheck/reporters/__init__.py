"""Reporters turn a :class:`Report` into text. They format only: no selection, no sorting."""

from __future__ import annotations

from collections.abc import Callable

from . import github, json_report, sarif, statistics, text
from .results import FileResult, Report

Reporter = Callable[[Report], str]


def _html(report: Report) -> str:
    from .html import render_lint_report  # the HTML machinery loads only when asked for

    return render_lint_report(report, report.texts, report.site)


FORMATS: dict[str, Reporter] = {
    "text": text.render,
    "full": text.render,
    "concise": text.render_concise,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "statistics": statistics.render,
    "html": _html,
}

__all__ = ["FORMATS", "FileResult", "Report", "Reporter"]
