"""How a rule is declared: a frozen :class:`Rule` spec made by ``@rule``, and its context."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from ..findings import Finding, Fix, RuleFamily, Severity
from ..linkcheck.results import LinkResult
from ..model import Article, Span

CheckFunction = Callable[[Article, "RuleContext"], Iterable[Finding]]
T = TypeVar("T")

_CODE = re.compile(r"^WC\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED_SECTIONS = ("Why", "Example", "Use instead")
KNOWN_SECTIONS = (*REQUIRED_SECTIONS, "Fix", "Options", "References")
_SECTION = re.compile(rf"^({'|'.join(KNOWN_SECTIONS)}):[ \t]*", re.MULTILINE)


class FixAvailability(StrEnum):
    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's specification. The docstring of ``check`` is the rule's documentation."""

    code: str
    name: str
    family: RuleFamily
    severity: Severity
    check: CheckFunction = field(repr=False)
    fix_availability: FixAvailability = FixAvailability.NONE
    """Whether the rule's findings come with a fix (a finding's own ``fix`` is the edit)."""
    needs_network: bool = False
    options: Mapping[str, type] = field(default_factory=dict)
    """Option names (as written in config) and their types; config values are checked against them."""
    summary: str = field(init=False)
    sections: Mapping[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise ValueError(f"rule code {self.code!r} must look like WC123")
        if not _NAME.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")
        summary, sections = parse_docstring(self.check.__doc__ or "")
        missing = [name for name in REQUIRED_SECTIONS if name not in sections]
        if not summary or missing:
            raise ValueError(
                f"rule {self.code} docstring needs a summary line and sections {missing}"
            )
        object.__setattr__(self, "summary", summary)
        object.__setattr__(self, "sections", sections)

    @property
    def doc(self) -> str:
        """The documentation as ``wikicheck rule CODE`` prints it."""
        parts = [f"{self.code} {self.name}", "", self.summary]
        for name, body in self.sections.items():
            parts += ["", f"{name}:", *("    " + line for line in body.splitlines())]
        return "\n".join(parts).rstrip() + "\n"


def parse_docstring(doc: str) -> tuple[str, dict[str, str]]:
    """Split a rule docstring into its summary (first paragraph) and named sections."""
    text = _dedent(doc)
    matches = list(_SECTION.finditer(text))
    head = text[: matches[0].start()] if matches else text
    summary = " ".join(head.strip().split("\n\n")[0].split())
    sections: dict[str, str] = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        sections[match.group(1)] = _dedent(text[match.end() : end]).strip()
    return summary, sections


def _dedent(text: str) -> str:
    lines = text.expandtabs().splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(indents, default=0)
    return "\n".join([lines[0].strip()] + [line[margin:] for line in lines[1:]]) if lines else ""


def rule(
    *,
    code: str,
    name: str,
    family: RuleFamily,
    severity: Severity,
    fix_availability: FixAvailability = FixAvailability.NONE,
    needs_network: bool = False,
    options: Mapping[str, type] | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Turn a check function into a :class:`Rule`. It registers nothing: see ``rules.ALL_RULES``."""

    def wrap(check: CheckFunction) -> Rule:
        return Rule(
            code,
            name,
            family,
            severity,
            check,
            fix_availability,
            needs_network,
            dict(options or {}),
        )

    return wrap


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may use besides the article. Rules never read the clock or the network.

    ``shared`` is one dictionary per article, shared by all rules run on it, so that an
    analysis several rules need (the prose words, the citation dates) is computed once.
    ``links`` holds the link checker's results by URL as written, when links were checked
    (``--check-links``); link rules read them and find nothing without them.
    """

    rule: Rule
    article: Article
    path: str
    today: dt.date
    options: Mapping[str, Any] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)
    links: Mapping[str, LinkResult] | None = None

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per article; later calls with the same key reuse the result."""
        if key not in self.shared:
            self.shared[key] = compute()
        value: T = self.shared[key]
        return value

    def finding(
        self,
        span: Span,
        message: str,
        fix: Fix | None = None,
        data: Mapping[str, object] | None = None,
    ) -> Finding:
        lines = self.article.lines
        return Finding(
            code=self.rule.code,
            rule=self.rule.name,
            category=self.rule.family,
            severity=self.rule.severity,
            message=message,
            path=self.path,
            span=span,
            start=lines.position(span.start),
            end=lines.position(span.end),
            fix=fix,
            data=tuple((data or {}).items()),
        )
