"""Run the selected rules over a parsed article, apply suppressions, guard and sort the findings."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from . import suppressions
from .file_patterns import ignores_for
from .findings import Finding
from .linkcheck.results import LinkResult
from .model import Article, Span
from .protected import guard_fixes
from .registry import Registry, default_registry
from .rules import Rule, RuleContext
from .rules.meta import rule_crashed, unused_suppression
from .selection import matches_any
from .settings import Settings, utc_today

logger = logging.getLogger(__name__)


def lint_article(
    article: Article,
    *,
    settings: Settings | None = None,
    rules: Sequence[Rule] | None = None,
    registry: Registry | None = None,
    links: Mapping[str, LinkResult] | None = None,
    today: dt.date | None = None,
    shared: dict[str, Any] | None = None,
) -> list[Finding]:
    """Run rules over a parsed article, apply suppressions; findings sorted by position.

    ``rules`` overrides the selection in ``settings`` (the CLI resolves it once for many
    files). Per-file ignores from the settings still apply to ``article.path``. ``links``
    (URL as written → result, from :func:`wikicheck.check_links`) feeds the link rules.
    ``shared`` is the per-article memo the rules share (see ``RuleContext.memo``); a caller
    passes its own to reuse what the rules computed (the pipeline's maintenance summary).
    """
    settings = settings or Settings()
    if rules is None:
        rules = (registry or default_registry()).for_settings(
            settings, include_network=links is not None
        )
    if article.path and settings.per_file_ignores:
        ignored = ignores_for(article.path, settings)
        rules = [rule for rule in rules if not matches_any(ignored, rule.code, rule.name)]
    return _run_rules(
        article,
        settings,
        rules,
        links,
        today or settings.today or utc_today(),
        {} if shared is None else shared,
    )


def _run_rules(
    article: Article,
    settings: Settings,
    rules: Sequence[Rule],
    links: Mapping[str, LinkResult] | None,
    today: dt.date,
    shared: dict[str, Any],
) -> list[Finding]:
    path = article.path or article.title or "<string>"
    findings: list[Finding] = []
    for rule in rules:
        # keyed by code (the config resolves names) or, from the API, by name
        options = settings.rule_options.get(rule.code) or settings.rule_options.get(rule.name, {})
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
                    matches_any(directive.codes, rule.code, rule.name) for rule in rules
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
