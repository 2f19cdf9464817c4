"""Every rule wikicheck ships, registered explicitly in one table."""

from __future__ import annotations

from . import (
    citation_date_consistency,
    citation_date_formats,
    citation_dates,
    citation_identifiers,
    citation_links,
    citation_names,
    citation_params,
    citation_values,
    cite_errors,
    links,
    maintenance,
    meta,
    ref_duplicates,
    ref_names,
    references,
    short_citations,
    structure,
    syntax_attributes,
    syntax_balance,
    syntax_brackets,
    syntax_cleanup,
    syntax_headings,
    syntax_html,
    syntax_images,
    syntax_nesting,
    typos,
)
from ._base import FixAvailability, Rule, RuleContext, rule

ALL_RULES: tuple[Rule, ...] = (
    *meta.RULES,
    *structure.RULES,
    *citation_dates.RULES,
    *citation_date_consistency.RULES,
    *citation_date_formats.RULES,
    *citation_names.RULES,
    *citation_links.RULES,
    *citation_params.RULES,
    *citation_values.RULES,
    *citation_identifiers.RULES,
    *references.RULES,
    *cite_errors.RULES,
    *ref_duplicates.RULES,
    *ref_names.RULES,
    *short_citations.RULES,
    *maintenance.RULES,
    *typos.RULES,
    *links.RULES,
    *syntax_balance.RULES,
    *syntax_nesting.RULES,
    *syntax_attributes.RULES,
    *syntax_html.RULES,
    *syntax_images.RULES,
    *syntax_headings.RULES,
    *syntax_cleanup.RULES,
    *syntax_brackets.RULES,
)

__all__ = ["ALL_RULES", "FixAvailability", "Rule", "RuleContext", "rule"]
