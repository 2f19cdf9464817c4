"""Reporters turn results into text. They format only: no selection, no sorting."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import json_report, text
from .results import FileResult

Reporter = Callable[[Sequence[FileResult]], str]

FORMATS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
}

__all__ = ["FORMATS", "FileResult", "Reporter"]
