"""What a rule reports: findings, their severity and rule family, and fixes as text edits."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import Position, Span


class Severity(StrEnum):
    """How serious a finding is; SARIF levels error / warning / note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class RuleFamily(StrEnum):
    """The family a rule belongs to (its code prefix: WC3 is CITATION). A finding's
    ``category`` (the JSON field) is its rule's family."""

    ENGINE = "engine"
    SYNTAX = "syntax"
    STRUCTURE = "structure"
    REFERENCE = "reference"
    CITATION = "citation"
    DATE = "date"
    MAINTENANCE = "maintenance"
    TYPO = "typo"
    LINK = "link"


class Applicability(StrEnum):
    """Whether ``--fix`` may apply a fix on its own (ruff's three levels)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text at ``span`` with ``replacement``."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    rule: str
    category: RuleFamily
    severity: Severity
    message: str
    path: str
    span: Span
    start: Position
    end: Position
    fix: Fix | None = None
    data: tuple[tuple[str, object], ...] = ()
    """Rule-specific facts for machines (a typo's word, suggestions, confidence ...)."""

    @property
    def sort_key(self) -> tuple[str, int, int, str, int]:
        return (self.path, self.start.line, self.start.column, self.code, self.span.end)

    def __str__(self) -> str:
        """``path:line:col: CODE message``, as the concise text output prints it."""
        return f"{self.path}:{self.start.line}:{self.start.column}: {self.code} {self.message}"

    def as_dict(self) -> dict[str, object]:
        """The flat JSON record (a public contract: see docs/json-schema.md)."""
        return {
            "code": self.code,
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "line": self.start.line,
            "column": self.start.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "offset": self.span.start,
            "end_offset": self.span.end,
            "data": dict(self.data),
            "fix": None
            if self.fix is None
            else {
                "title": self.fix.title,
                "applicability": self.fix.applicability.value,
                "edits": [
                    {
                        "offset": edit.span.start,
                        "end_offset": edit.span.end,
                        "replacement": edit.replacement,
                    }
                    for edit in self.fix.edits
                ],
            },
        }
