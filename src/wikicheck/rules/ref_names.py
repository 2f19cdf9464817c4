"""WC401, WC404, WC411, WC412: ref names defined and used, and what the page cannot see.

Names and groups in the model are already as Cite compares them (quotes removed, trimmed,
case kept: see ``parse.names.tag_attribute``). A name reused but never defined on the page,
or defined in a list but never used on it, is Cite's error only if no template whose output
the page does not show could define or use it (``Article.ref_sources``); when one could, the
finding goes to a separate, lower-severity rule, because the page alone cannot tell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Ref, RefSource
from ._base import RuleContext, rule


def _key(ref: Ref) -> tuple[str, str | None]:
    return ref.group, ref.name


def _unseen_definers(article: Article, ref: Ref) -> list[RefSource]:
    """Templates that could define the name of reuse ``ref`` out of sight: those before the
    list that shows its entry (the first list of its group after it; a definition after that
    list comes too late), or anywhere when no list follows, as Cite then adds one at the end."""
    limit = next(
        (
            item.span.start
            for item in article.reference_lists
            if item.group == ref.group and item.span.start >= ref.span.end
        ),
        len(article.source),
    )
    name = ref.name or ""
    return [s for s in article.ref_sources if s.span.start < limit and s.may_make(name)]


def _unseen_users(article: Article, ref: Ref) -> list[RefSource]:
    """Templates that could use list-defined ``ref`` out of sight: those before the list that
    holds it (Cite accepts a list-defined ref only for a name already used above the list).
    Infoboxes are left out: one may define refs in its own code, but a template made for
    many articles does not reuse a name that one article's reference list defines."""
    holder = next((item for item in article.reference_lists if item.span.contains(ref.span)), None)
    limit = ref.span.start if holder is None else holder.span.start
    name = ref.name or ""
    infoboxes = {infobox.span for infobox in article.infoboxes}
    return [
        s
        for s in article.ref_sources
        if s.span.start < limit and s.may_make(name) and s.span not in infoboxes
    ]


_QUOTES = str.maketrans("", "", "\"'`\u2018\u2019\u201c\u201d")


def _folded(name: str) -> str:
    """What a mistyped name keeps: letters whatever their case, spaces for underscores."""
    return " ".join(name.translate(_QUOTES).replace("_", " ").casefold().split())


@dataclass(frozen=True, slots=True)
class _Undefined:
    ref: Ref
    sources: list[RefSource]
    near: str | None
    """A name the page defines that differs only in case, underscores, spaces or quotes:
    then the reuse is a typo of it, whatever the templates could define."""

    @property
    def certain(self) -> bool:
        return not self.sources or self.near is not None


def _undefined(article: Article) -> Iterator[_Undefined]:
    defined = {_key(ref) for ref in article.refs if ref.name and not ref.is_reuse}
    folded = {(group, _folded(name)): name for group, name in sorted(defined) if name}
    for ref in article.refs:
        if ref.is_reuse and _key(ref) not in defined:
            near = folded.get((ref.group, _folded(ref.name or "")))
            yield _Undefined(ref, _unseen_definers(article, ref), near)


def _unused(article: Article) -> Iterator[tuple[Ref, list[RefSource]]]:
    used = {_key(ref) for ref in article.refs if not ref.list_defined}
    for ref in article.refs:
        if ref.list_defined and ref.name and _key(ref) not in used:
            yield ref, _unseen_users(article, ref)


def _templates(article: Article, sources: list[RefSource]) -> str:
    """The templates to look at, transclusions and modules ({{#section-h:}}, {{#invoke:}})
    first: they are the likeliest to bring refs in."""
    sources = sorted(sources, key=lambda source: not source.template.startswith("#"))
    shown = ", ".join(
        f"{{{{{s.template}}}}} (line {article.position(s.span.start).line})" for s in sources[:3]
    )
    more = len(sources) - 3
    return shown + (f" and {more} more" if more > 0 else "")


@rule(
    code="WC401", name="undefined-named-ref", family=RuleFamily.REFERENCE, severity=Severity.ERROR
)
def undefined_named_ref(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a reused reference whose name is never given content ("invoked but never defined").

    Why: Cite shows "The named reference x was invoked but never defined" in red; usually a
    typo in the name (names are case-sensitive), curly quotes, or a definition deleted in
    another edit. Names are compared as Cite compares them: name="x", name='x', name=x and
    name=" x " are one name, and {{efn|name="x"}} or {{r|x}} reuse it too. When a template
    whose output the page cannot see (an infobox, a transcluded section, an unknown
    template) comes before the reference list, it may define the name: WC411 reports that
    case instead, as a warning, unless the page defines a name that differs only in case,
    underscores, spaces or quotes ("Smith_2001" for "Smith 2001"): that is a typo.

    Example:
        Text.<ref name="smith" /> More.<ref name="jones">Jones 2001.</ref>

    Use instead:
        Text.<ref name="smith">Smith 2001.</ref> More.<ref name="jones">Jones 2001.</ref>
    """
    for found in _undefined(article):
        if found.certain:
            hint = "" if found.near is None else f' (did you mean "{found.near}"?)'
            yield ctx.finding(
                found.ref.span,
                f'The named reference "{found.ref.name}" was invoked but never defined{hint}',
            )


@rule(
    code="WC411",
    name="ref-maybe-defined-elsewhere",
    family=RuleFamily.REFERENCE,
    severity=Severity.WARNING,
)
def ref_maybe_defined_by_template(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a reused reference name that the page never defines but a template it calls may.

    Why: Cite resolves names across the whole rendered page, including what templates add.
    An element infobox, for example, defines refs in its own code that the article then
    reuses with <ref name=GE28 />; a transcluded section ({{#section-h:}}, {{Excerpt}})
    brings in another page's refs. wikicheck cannot see those templates' code, so it cannot
    tell whether Wikipedia shows "invoked but never defined" here: check the rendered page
    once. When no such template comes before the reference list, WC401 reports the name as
    an error instead.

    Example:
        {{Infobox gold}}
        Gold is dense.<ref name="GE28" />
        {{Reflist}}

    Use instead:
        {{Infobox gold}}
        Gold is dense.<ref name="GE28">Greenwood & Earnshaw, p. 28.</ref>
        {{Reflist}}
    """
    for found in _undefined(article):
        if not found.certain:
            yield ctx.finding(
                found.ref.span,
                f'The named reference "{found.ref.name}" is not defined on this page; '
                f"{_templates(article, found.sources)} may define it",
            )


@rule(
    code="WC404",
    name="unused-list-defined-ref",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def unused_list_defined_ref(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a reference defined in the reference list but never used in the text.

    Why: Cite shows 'A list-defined reference named "x" is not used in the content' in red.
    When a template whose output the page cannot see (a transcluded section, an infobox, an
    unknown template) comes before the list, it may use the name: WC412 reports that case
    instead, as a warning.

    Example:
        Text.<ref name="a" />
        {{Reflist|refs=
        <ref name="a">Smith 2001.</ref>
        <ref name="b">Jones 2002.</ref>
        }}

    Use instead:
        Text.<ref name="a" /> More.<ref name="b" />
        {{Reflist|refs=
        <ref name="a">Smith 2001.</ref>
        <ref name="b">Jones 2002.</ref>
        }}
    """
    for ref, sources in _unused(article):
        if not sources:
            yield ctx.finding(
                ref.span, f'A list-defined reference named "{ref.name}" is not used in the content'
            )


@rule(
    code="WC412",
    name="list-ref-maybe-used-elsewhere",
    family=RuleFamily.REFERENCE,
    severity=Severity.WARNING,
)
def list_defined_ref_maybe_used_by_template(
    article: Article, ctx: RuleContext
) -> Iterator[Finding]:
    """Flags a list-defined reference that the page never uses but a template it calls may.

    Why: articles that transclude sections of other articles ({{#section-h:Page|Section}})
    often define the refs those sections reuse in their own reference list. wikicheck
    cannot see the transcluded text, so it cannot tell whether Wikipedia shows "not used in
    the content" here: check the rendered page once. When no such template comes before the
    list, WC404 reports the name as an error instead.

    Example:
        {{#section-h:Launch history|Flights}}
        {{Reflist|refs=
        <ref name="flight5">Smith 2024.</ref>
        }}

    Use instead:
        {{#section-h:Launch history|Flights}} Flight 5 flew in 2024.<ref name="flight5" />
        {{Reflist|refs=
        <ref name="flight5">Smith 2024.</ref>
        }}
    """
    for ref, sources in _unused(article):
        if sources:
            yield ctx.finding(
                ref.span,
                f'A list-defined reference named "{ref.name}" is not used in the page\'s own '
                f"text; {_templates(article, sources)} may use it",
            )


RULES = (
    undefined_named_ref,
    unused_list_defined_ref,
    ref_maybe_defined_by_template,
    list_defined_ref_maybe_used_by_template,
)
