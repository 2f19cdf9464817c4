"""wikicheck: an article model and a linter for MediaWiki wikitext.

>>> import wikicheck
>>> article = wikicheck.parse("== History ==\\nText.<ref name=a>Source</ref>")
>>> [section.title for section in article.sections]
['History']
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import ConfigError, InputError, UnknownRuleError, WikicheckError
from .findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from .linkcheck.results import LinkResult, Outcome
from .model import Article, Position, Span
from .parse import parse
from .settings import LinkSettings, Settings

if TYPE_CHECKING:
    from .engine import lint_article
    from .linkcheck.cache import LinkCache
    from .linkcheck.checker import check_links
    from .pipeline import FixResult, Selectors, lint

__all__ = [
    "Applicability",
    "Article",
    "ConfigError",
    "Edit",
    "Finding",
    "Fix",
    "FixResult",
    "InputError",
    "LinkCache",
    "LinkResult",
    "LinkSettings",
    "Outcome",
    "Position",
    "RuleFamily",
    "Settings",
    "Severity",
    "Span",
    "UnknownRuleError",
    "WikicheckError",
    "__version__",
    "check_links",
    "fix",
    "lint",
    "lint_article",
    "parse",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


_LAZY = {
    "lint": "pipeline",
    "FixResult": "pipeline",
    "lint_article": "engine",
    "check_links": "linkcheck.checker",
    "LinkCache": "linkcheck.cache",
}
_RENAMED = {"Category": "RuleFamily"}
"""Old public names: ``wikicheck.Category`` was the rule family, a name ``model.Category`` (a
``[[Category:...]]`` link) also had. The old name still works, with a DeprecationWarning."""


def __getattr__(name: str) -> Any:
    """The linter and the link checker, imported when first used: ``import wikicheck`` (and
    so ``wikicheck --version``) loads neither the rules nor a network (requests, urllib3) or
    SQLite module (tests/test_imports.py)."""
    if name in _RENAMED:
        new = _RENAMED[name]
        message = f"wikicheck.{name} is now wikicheck.{new}; the old name will be removed"
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return globals()[new]
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def fix(
    text: str,
    *,
    select: Selectors | None = None,
    ignore: Selectors = (),
    unsafe: bool = False,
    today: dt.date | None = None,
    rule_options: Mapping[str, Mapping[str, Any]] | None = None,
    settings: Settings | None = None,
    path: str | None = None,
    title: str | None = None,
) -> FixResult:
    """Apply the fixes of the selected rules to ``text``; the new text and the findings
    whose fixes were applied (``text, applied = wikicheck.fix(...)``).

    As ``wikicheck lint --fix``: safe fixes only unless ``unsafe``; lint and fix again until
    nothing changes; never a fix that would change a link target, a heading, a comment or
    [sic]-marked text; each application checked to keep the text outside its edits. The
    keywords are :func:`lint`'s (``select``/``ignore`` as a list or a comma-separated
    string, ``rule_options`` by code or name).

    >>> import wikicheck
    >>> wikicheck.fix("== A ==\\n==== B ====\\ntext", select="WC101", unsafe=True).text
    '== A ==\\n=== B ===\\ntext'
    """
    from .pipeline import api_plan, fix_text

    plan = api_plan(settings, today, select, ignore, rule_options, None)
    return fix_text(text, plan, unsafe=unsafe, path=path, title=title)
