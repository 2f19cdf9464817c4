"""One document through wikicheck: parse, run the rules, suppress, guard fixes, summarise.

Every caller that lints a page goes through :func:`check_document`: :func:`wikicheck.lint`,
the command line's runner (and its budget workers), the dump scan's workers and, later, a
language server. What a run decides once — the settings, the selected rules, ``today``, the
link results — is a :class:`Plan`, made at the edge (the CLI, ``lint()``) and shared by every
document of the run. What can go wrong with one document becomes a reason in one place,
:func:`failure_reason`.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from .engine import lint_article
from .errors import InputError
from .findings import Finding
from .model import Article
from .parse import parse
from .parse.maintenance import SHARED_KEY, maintenance_tags, summarize
from .registry import Registry, default_registry, rules_for
from .rules import Rule
from .settings import Settings, utc_today

if TYPE_CHECKING:  # the link checker's modules are not imported to lint
    from .linkcheck.results import LinkResult
    from .linkcheck.urls import LinkSource


@dataclass(frozen=True, slots=True)
class Plan:
    """What a run decides once for all its documents."""

    settings: Settings
    rules: tuple[Rule, ...]
    today: dt.date
    links: Mapping[str, LinkResult] | None = field(default=None)

    @classmethod
    def of(
        cls,
        settings: Settings | None = None,
        *,
        rules: Sequence[Rule] | None = None,
        registry: Registry | None = None,
        links: Mapping[str, LinkResult] | None = None,
    ) -> Plan:
        """Resolve the selection (unless ``rules`` is given) and ``today`` once."""
        settings = settings or Settings()
        if rules is None:
            rules = (registry or default_registry()).for_settings(
                settings, include_network=links is not None
            )
        return cls(settings, tuple(rules), settings.today or utc_today(), links)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rule objects do not pickle (a rule's module attribute is the Rule, not its check
        # function): a worker process gets the codes and resolves them once (rules_for).
        return (Plan.from_codes, (self.settings, self.codes, self.today, self.links))

    @property
    def codes(self) -> tuple[str, ...]:
        """The selection as codes, for worker processes (see :meth:`from_codes`)."""
        return tuple(rule.code for rule in self.rules)

    @classmethod
    def from_codes(
        cls,
        settings: Settings,
        codes: tuple[str, ...],
        today: dt.date,
        links: Mapping[str, LinkResult] | None = None,
    ) -> Plan:
        """The plan a worker process rebuilds from codes (rules resolved once per process)."""
        return cls(settings, rules_for(codes), today, links)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    article: Article
    findings: list[Finding]
    summary: dict[str, Any]
    """The maintenance summary (the JSON ``maintenance`` section)."""


def check_document(
    text: str, plan: Plan, *, path: str | None = None, title: str | None = None
) -> DocumentResult:
    """Parse ``text``, run the plan's rules on it and summarise its maintenance tags.

    Raises :class:`~wikicheck.errors.InputError` when the text cannot be parsed; a rule that
    fails becomes a WC000 finding (see :func:`~wikicheck.engine.lint_article`).
    """
    article = parse(text, path=path, title=title)
    shared: dict[str, Any] = {}
    findings = lint_article(
        article,
        settings=plan.settings,
        rules=plan.rules,
        links=plan.links,
        today=plan.today,
        shared=shared,
    )
    tags = shared.get(SHARED_KEY)
    if tags is None:  # no maintenance rule ran
        tags = maintenance_tags(article)
    return DocumentResult(article, findings, summarize(tags, plan.today))


def document_links(
    text: str, *, path: str, title: str | None = None
) -> list[tuple[str, LinkSource]]:
    """The external URLs of a document as its model has them, each with where it is written
    (the link checker's input). Raises as :func:`check_document` does."""
    from .linkcheck.urls import link_sources

    return list(link_sources(parse(text, path=path, title=title), path))


def failure_reason(error: Exception, *, debug: bool | None = False) -> str:
    """What to report for a document that could not be checked.

    ``debug`` adds the traceback to an internal error; ``None`` (dump scans, where one line
    a page is kept) adds where it was raised instead.
    """
    if isinstance(error, InputError):
        where = "" if error.line is None else f"line {error.line}, column {error.column}: "
        return where + error.reason
    if isinstance(error, RecursionError):
        return "nesting too deep to parse"
    if debug is None:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return f"internal error: {error!r} at {frame.filename}:{frame.lineno}"
    detail = "".join(traceback.format_exception(error)) if debug else "run with --debug for details"
    return f"internal error: {error!r} ({detail})"


_WARM_UP_PAGE = (
    "{{Infobox person|name=A}}\n'''A''' teh word.<ref>{{cite web|url=https://example.org"
    "|title=T|access-date=2024-06-05}}</ref> {{citation needed|date=May 2024}} [[Link|text]]"
    " [https://example.org x]\n== History ==\nText.\n== References ==\n{{reflist}}\n"
    "[[Category:A]]\n"
)


def warm_up(plan: Plan) -> None:
    """Check a small page once, so that what rules load on first use (the typo model, data
    tables) is loaded in this process. Worker processes forked afterwards start warm, and a
    page's time budget is spent on the page, not on loading."""
    check_document(_WARM_UP_PAGE, plan, path="<warm-up>")


Selectors = str | Sequence[str]
"""Rule selectors as a list, or one string of comma-separated ones (``"WC601"``,
``"WC1,typo"``)."""


def _selectors(value: Selectors) -> tuple[str, ...]:
    parts = value.split(",") if isinstance(value, str) else value
    return tuple(part.strip() for part in parts if part.strip())


def api_plan(
    settings: Settings | None,
    today: dt.date | None,
    select: Selectors | None,
    ignore: Selectors,
    rule_options: Mapping[str, Mapping[str, Any]] | None,
    links: Mapping[str, LinkResult] | None,
) -> Plan:
    """The plan of a library call: ``settings`` with the call's keywords on top. Rule options
    are checked and keyed by code, whether given by code or name, as in the configuration."""
    from .config_schema import rule_options as checked_options

    settings = settings or Settings()
    changes: dict[str, Any] = {}
    if today is not None:
        changes["today"] = today
    if select is not None:
        changes["select"] = _selectors(select)
    if ignore:
        changes["ignore"] = _selectors(ignore)
    options = {**settings.rule_options, **(rule_options or {})}
    if options:
        changes["rule_options"] = checked_options(options)
    return Plan.of(replace(settings, **changes), links=links)


def lint(
    text: str,
    *,
    path: str | None = None,
    title: str | None = None,
    today: dt.date | None = None,
    select: Selectors | None = None,
    ignore: Selectors = (),
    rule_options: Mapping[str, Mapping[str, Any]] | None = None,
    settings: Settings | None = None,
    links: Mapping[str, LinkResult] | None = None,
) -> list[Finding]:
    """Lint wikitext and return the findings; with ``links``, the link rules run too.

    ``select`` and ``ignore`` take selectors as in the configuration (codes, prefixes, names,
    families), as a list or a comma-separated string; ``rule_options`` maps a rule's code or
    name to its options (``{"stale-access-date": {"years": 5}}``).

    >>> [f.code for f in lint("== A ==\\n==== B ====\\ntext", select="WC101")]
    ['WC101']
    """
    plan = api_plan(settings, today, select, ignore, rule_options, links)
    return check_document(text, plan, path=path, title=title).findings


class FixResult(NamedTuple):
    """What :func:`fix` did: the new text and the findings whose fixes it applied (unpacks
    as ``text, applied = wikicheck.fix(...)``)."""

    text: str
    applied: tuple[Finding, ...]


def fix_text(
    text: str, plan: Plan, *, unsafe: bool, path: str | None, title: str | None
) -> FixResult:
    """The fix loop of :func:`wikicheck.fix` (the package's function, which makes the plan).

    >>> plan = api_plan(None, None, "WC101", (), None, None)
    >>> result = fix_text("== A ==\\n==== B ====\\ntext", plan, unsafe=True, path=None, title=None)
    >>> result.text, [finding.code for finding in result.applied]
    ('== A ==\\n=== B ===\\ntext', ['WC101'])
    """
    from .edits import fix_with_record

    def findings(current: str) -> list[Finding]:
        return check_document(current, plan, path=path, title=title).findings

    fixed, applied = fix_with_record(text, findings, unsafe=unsafe)
    return FixResult(fixed, tuple(applied))
