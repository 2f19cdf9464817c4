"""WC0xx: findings the engine itself reports."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Category, Finding, Severity
from ..model import Article
from ._base import RuleContext, rule


@rule(code="WC000", name="rule-crashed", category=Category.ENGINE, severity=Severity.ERROR)
def rule_crashed(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports that a rule failed on this article, instead of stopping the run.

    The engine emits it; the rule function itself finds nothing. It names the rule and the
    error so the article can be attached to a bug report.

    Why: one odd article must not stop a run over thousands, and a silent skip would hide
    that the article was not fully checked.

    Example:
        (any article on which a rule raises an exception)

    Use instead:
        (report the article and the message as a wikicheck bug)
    """
    return iter(())


@rule(code="WC002", name="unused-suppression", category=Category.ENGINE, severity=Severity.WARNING)
def unused_suppression(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports a <!-- wikicheck: disable ... --> comment that suppresses nothing.

    The engine emits it after applying suppressions.

    Why: a stale suppression hides the next real problem on that line; remove it once the
    finding it was written for is fixed.

    Example:
        == History ==
        Text. <!-- wikicheck: disable-line WC101 -->

    Use instead:
        == History ==
        Text.
    """
    return iter(())


RULES = (rule_crashed, unused_suppression)
