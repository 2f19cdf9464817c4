"""Orchestration: parse, run the selected rules, and sort what they find."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from . import suppressions
from .config import ignores_for
from .findings import Finding
from .gcpause import cycle_collector_paused
from .model import Article, Span
from .net.results import LinkResult
from .parse import parse
from .protected import guard_fixes
from .registry import Registry, default_registry
from .rules import Rule, RuleContext
from .rules.meta import rule_crashed, unused_suppression
from .settings import Settings, utc_today

logger = logging.getLogger(__name__)


def _matches(selector: str, rule: Rule) -> bool:
    return (
        selector.upper() == "ALL" or selector == rule.name or rule.code.startswith(selector.upper())
    )


def lint_article(
    article: Article,
    *,
    settings: Settings | None = None,
    rules: Sequence[Rule] | None = None,
    registry: Registry | None = None,
    links: Mapping[str, LinkResult] | None = None,
) -> list[Finding]:
    """Run rules over a parsed article, apply suppressions; findings sorted by position.

    ``rules`` overrides the selection in ``settings`` (the CLI resolves it once for many
    files). Per-file ignores from the settings still apply to ``article.path``. ``links``
    (URL as written → result, from :func:`wikicheck.check_links`) feeds the link rules.
    """
    settings = settings or Settings()
    if rules is None:
        rules = (registry or default_registry()).select(
            settings.select,
            settings.ignore,
            settings.extend_select,
            include_network=links is not None,
        )
    if article.path and settings.per_file_ignores:
        ignored = ignores_for(article.path, settings)
        rules = [rule for rule in rules if not any(_matches(s, rule) for s in ignored)]
    with cycle_collector_paused():
        return _run_rules(article, settings, rules, links)


def _run_rules(
    article: Article,
    settings: Settings,
    rules: Sequence[Rule],
    links: Mapping[str, LinkResult] | None,
) -> list[Finding]:
    today = settings.today or utc_today()
    path = article.path or article.title or "<string>"
    findings: list[Finding] = []
    shared: dict[str, Any] = {}
    for rule in rules:
        options = settings.rule_options.get(rule.code, {})
        ctx = RuleContext(rule, article, path, today, options, shared, links)
        try:
            findings.extend(rule.check(article, ctx))
        except Exception as error:  # a rule bug must not stop the run: report it instead
            logger.exception("rule %s failed on %s", rule.code, path)
            crash = RuleContext(rule_crashed, article, path, today)
            findings.append(
                crash.finding(Span(0, 0), f"rule {rule.code} ({rule.name}) failed: {error!r}")
            )
    directives = suppressions.parse_directives(article)
    if directives:
        findings = suppressions.apply(article, findings, directives)
        if any(rule.code == unused_suppression.code for rule in rules):
            ctx = RuleContext(unused_suppression, article, path, today)
            for directive in directives:
                relevant = not directive.codes or any(
                    _matches(code, rule) for code in directive.codes for rule in rules
                )
                if relevant and not directive.used:
                    codes = ", ".join(directive.codes) or "all rules"
                    findings.append(
                        ctx.finding(directive.span, f"suppression of {codes} suppresses nothing")
                    )
    # No fix may change a link target, a heading title, a comment or [sic]-marked text,
    # whichever rule wrote it: such a fix is shown, never applied (see wikicheck.protected).
    findings = guard_fixes(article, findings)
    findings.sort(key=lambda finding: finding.sort_key)
    return findings


def parse_and_lint(
    text: str,
    *,
    path: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
    rules: Sequence[Rule] | None = None,
    links: Mapping[str, LinkResult] | None = None,
) -> tuple[Article, list[Finding]]:
    """:func:`~wikicheck.parse.parse` then :func:`lint_article`, with the cyclic collector
    paused over both (between them it would walk the whole fresh model once)."""
    with cycle_collector_paused():
        article = parse(text, path=path, title=title)
        return article, lint_article(article, settings=settings, rules=rules, links=links)


_WARM_UP_PAGE = (
    "{{Infobox person|name=A}}\n'''A''' teh word.<ref>{{cite web|url=https://example.org"
    "|title=T|access-date=2024-06-05}}</ref> {{citation needed|date=May 2024}} [[Link|text]]"
    " [https://example.org x]\n== History ==\nText.\n== References ==\n{{reflist}}\n"
    "[[Category:A]]\n"
)


def warm_up(settings: Settings, rules: Sequence[Rule]) -> None:
    """Lint a small page once, so that what rules load on first use (the typo model, data
    tables) is loaded in this process. Worker processes forked afterwards start warm, and a
    page's time budget is spent on the page, not on loading."""
    parse_and_lint(_WARM_UP_PAGE, path="<warm-up>", settings=settings, rules=rules)


def lint(
    text: str,
    *,
    path: str | None = None,
    title: str | None = None,
    today: dt.date | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    settings: Settings | None = None,
    links: Mapping[str, LinkResult] | None = None,
) -> list[Finding]:
    """Lint wikitext and return the findings; with ``links``, the link rules run too.

    >>> [f.code for f in lint("== A ==\\n==== B ====\\ntext", select=["WC101"])]
    ['WC101']
    """
    changes: dict[str, Any] = {}
    if today is not None:
        changes["today"] = today
    if select is not None:
        changes["select"] = tuple(select)
    if ignore:
        changes["ignore"] = tuple(ignore)
    settings = replace(settings or Settings(), **changes)
    return parse_and_lint(text, path=path, title=title, settings=settings, links=links)[1]
