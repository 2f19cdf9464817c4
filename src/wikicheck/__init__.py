"""wikicheck: an article model and a linter for MediaWiki wikitext.

>>> import wikicheck
>>> article = wikicheck.parse("== History ==\\nText.<ref name=a>Source</ref>")
>>> [section.title for section in article.sections]
['History']
"""

from __future__ import annotations

import logging

from ._version import __version__
from .engine import lint_article
from .errors import ConfigError, InputError, UnknownRuleError, WikicheckError
from .findings import Applicability, Category, Edit, Finding, Fix, Severity
from .linkcheck.cache import LinkCache
from .linkcheck.checker import check_links
from .linkcheck.results import LinkResult, Outcome
from .model import Article, Position, Span
from .parse import parse
from .pipeline import lint
from .settings import LinkSettings, Settings

__all__ = [
    "Applicability",
    "Article",
    "Category",
    "ConfigError",
    "Edit",
    "Finding",
    "Fix",
    "InputError",
    "LinkCache",
    "LinkResult",
    "LinkSettings",
    "Outcome",
    "Position",
    "Settings",
    "Severity",
    "Span",
    "UnknownRuleError",
    "WikicheckError",
    "__version__",
    "check_links",
    "lint",
    "lint_article",
    "parse",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
