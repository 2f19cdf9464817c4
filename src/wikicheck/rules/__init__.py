"""Every rule wikicheck ships, registered explicitly in one table."""

from __future__ import annotations

from . import citation_dates, meta, structure
from ._base import FixAvailability, Rule, RuleContext, rule

ALL_RULES: tuple[Rule, ...] = (*meta.RULES, *structure.RULES, *citation_dates.RULES)

__all__ = ["ALL_RULES", "FixAvailability", "Rule", "RuleContext", "rule"]
