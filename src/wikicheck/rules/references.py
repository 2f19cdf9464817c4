"""WC4xx: <ref> tags and reference lists, as the Cite extension judges them.

Ref names and groups in the model are as Cite compares them (see ``parse.names``); the rules
on names defined and used (WC401, WC404, WC411, WC412) are in ``ref_names``, and the one on
the same source cited twice (WC408) in ``ref_duplicates``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Ref
from ..textutil import mediawiki_trim, strip_comments
from ._base import RuleContext, rule

_BARE_URL = re.compile(r"^\s*(?:\[\s*)?(?:https?:)?//[^\s\]]+\s*\]?\s*$", re.IGNORECASE)


def _key(ref: Ref) -> tuple[str, str | None]:
    return ref.group, ref.name


def _content(ref: Ref) -> str:
    return " ".join(strip_comments(ref.content or "").split())


@rule(
    code="WC402",
    name="conflicting-ref-definitions",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def conflicting_ref_definitions(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags one reference name defined twice with different content.

    Why: Cite shows 'The named reference "x" was defined multiple times with different
    content' and keeps only the first; the second source is lost.

    Example:
        A.<ref name="a">Smith 2001.</ref> B.<ref name="a">Jones 2002.</ref>

    Use instead:
        A.<ref name="a">Smith 2001.</ref> B.<ref name="b">Jones 2002.</ref>
    """
    first: dict[tuple[str, str | None], Ref] = {}
    for ref in article.refs:
        if not ref.name or ref.is_reuse:
            continue
        earlier = first.setdefault(_key(ref), ref)
        if earlier is not ref and _content(earlier) != _content(ref):
            line = article.position(earlier.span.start).line
            yield ctx.finding(
                ref.span,
                f'The named reference "{ref.name}" was defined multiple times with different '
                f"content (first on line {line})",
            )


@rule(code="WC403", name="empty-ref", family=RuleFamily.REFERENCE, severity=Severity.ERROR)
def empty_ref(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a <ref> with neither a name nor content.

    Why: Cite shows "There are <ref> tags on this page without content in them" (or, for
    <ref />, "The opening <ref> tag is malformed or has a bad name").

    Example:
        Text.<ref></ref>

    Use instead:
        Text.<ref>Smith 2001, p. 4.</ref>

    A comment is content to Cite (``<ref><!-- to do --></ref>`` shows no error, only an
    empty footnote): that is WC419's case.
    """
    for ref in article.refs:
        # Cite trims the raw content (PHP trim, comments kept) and reports only what is empty
        if ref.name is None and not mediawiki_trim(ref.content or ""):
            yield ctx.finding(ref.span, "<ref> tag without a name or content")


@rule(
    code="WC405",
    name="group-without-reference-list",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def group_without_reference_list(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags refs of a named group (<ref group="note">) when no list shows that group.

    Why: Cite shows "There are <ref group=note> tags on this page, but the references will
    not show without a {{reflist|group=note}} template".

    Example:
        Text.<ref group="note">A note.</ref>
        {{Reflist}}

    Use instead:
        Text.<ref group="note">A note.</ref>
        {{Reflist|group=note}}
        {{Reflist}}
    """
    listed = {item.group for item in article.reference_lists}
    reported: set[str] = set()
    for ref in article.refs:
        group = ref.group
        if group and group not in listed and group not in reported:
            reported.add(group)
            yield ctx.finding(
                ref.span,
                f"There are <ref group={group}> tags on this page, but the references will not "
                f"show without a {{{{reflist|group={group}}}}} template",
            )


@rule(
    code="WC406",
    name="missing-reference-list",
    family=RuleFamily.REFERENCE,
    severity=Severity.WARNING,
)
def missing_reference_list(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an article with references but no {{Reflist}} or <references />.

    Why: MediaWiki appends the list at the very end of the page, after navigation boxes and
    categories, where readers do not look for it (AWB and Check Wikipedia #3 report it).

    Example:
        Text.<ref>Smith 2001.</ref>

    Use instead:
        Text.<ref>Smith 2001.</ref>
        == References ==
        {{Reflist}}
    """
    if any(not item.group for item in article.reference_lists):
        return
    first = next((ref for ref in article.refs if not ref.group), None)
    if first is not None:
        yield ctx.finding(
            first.span, "references but no {{Reflist}} or <references /> to show them"
        )


@rule(
    code="WC407", name="bare-url-reference", family=RuleFamily.REFERENCE, severity=Severity.WARNING
)
def bare_url_reference(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a reference that is nothing but a URL (WP:BAREURLS).

    Why: a bare URL tells readers nothing about the source and dies with the link; editors
    tag these {{Bare URL inline}}. Give a citation with title, publisher and date.

    Example:
        Text.<ref>https://example.org/report</ref>

    Use instead:
        Text.<ref>{{cite web |url=https://example.org/report |title=Annual report |publisher=Example |date=2024-01-05}}</ref>
    """
    for ref in article.refs:
        if ref.content is not None and _BARE_URL.match(strip_comments(ref.content)):
            yield ctx.finding(ref.span, f"bare URL as the whole reference: {_content(ref)}")


@rule(
    code="WC409",
    name="ref-after-reference-list",
    family=RuleFamily.REFERENCE,
    severity=Severity.WARNING,
)
def ref_after_reference_list(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a reference placed after the last list that shows its group.

    Why: it is not shown in that list; MediaWiki starts a second, automatic list at the end of
    the page for it (AWB's "reference after reference list").

    Example:
        Text.<ref>Smith 2001.</ref>
        {{Reflist}}
        A late claim.<ref>Jones 2002.</ref>

    Use instead:
        Text.<ref>Smith 2001.</ref> A late claim.<ref>Jones 2002.</ref>
        {{Reflist}}
    """
    last_list: dict[str, int] = {}
    for item in article.reference_lists:
        last_list[item.group] = max(last_list.get(item.group, 0), item.span.end)
    for ref in article.refs:
        end = last_list.get(ref.group)
        if end is not None and ref.span.start >= end and not ref.list_defined:
            yield ctx.finding(
                ref.span, "reference after the reference list; it will not be shown there"
            )


@rule(code="WC410", name="numeric-ref-name", family=RuleFamily.REFERENCE, severity=Severity.ERROR)
def numeric_ref_name(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a reference name that is only digits (<ref name="1">).

    Why: Cite shows "The <ref> tag name cannot be a simple integer" and ignores the name, so
    reuses of it break.

    Example:
        Text.<ref name="1">Smith 2001.</ref>

    Use instead:
        Text.<ref name="smith2001">Smith 2001.</ref>
    """
    for ref in article.refs:
        if ref.name and ref.name.isdigit():
            yield ctx.finding(
                ref.span, f'The <ref> tag name "{ref.name}" cannot be a simple integer'
            )


RULES = (
    conflicting_ref_definitions, empty_ref, group_without_reference_list,
    missing_reference_list, bare_url_reference, ref_after_reference_list, numeric_ref_name,
)  # fmt: skip
