"""WC413–WC419: the rest of what the Cite extension says about <ref> tags.

Attributes are as MediaWiki hands them to Cite (``Ref.attributes``); the checks follow Cite's
``Validator`` (validateRef, validateRefInReferenceList, filterRefArguments) and
``ReferenceStack::pushRef`` for follow=. A <ref> that is missing its name or content is WC403's
case; a group with no list to show it is WC405's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Ref, ReferenceList
from ..textutil import mediawiki_trim, strip_comments
from ._base import RuleContext, rule

_ATTRIBUTES = ("name", "group", "follow", "dir", "details")
"""What Cite accepts on a <ref> (``details`` with sub-referencing; WC418 checks its use)."""


def _attributes(ref: Ref) -> dict[str, str]:
    return dict(ref.attributes)


def _holder(ctx: RuleContext, ref: Ref) -> ReferenceList | None:
    """The reference list a ref is written directly inside (list-defined), if any: a ref
    nested in the content of another one ({{efn|… <ref>…</ref>}} in a notes list) is not."""
    article = ctx.article
    holder = next((item for item in article.reference_lists if item.span.contains(ref.span)), None)
    if holder is None:
        return None
    # Whether some ref's content holds this one: the contents sorted by start, with the
    # furthest end reached so far, answer by bisection (asking every ref for every
    # list-defined one was quadratic). A ref's own content never holds the ref itself.
    starts, reach = ctx.memo("ref-contents", lambda: _contents_reach(article))
    before = bisect_right(starts, ref.span.start)
    nested = before > 0 and reach[before - 1] >= ref.span.end
    return None if nested else holder


def _contents_reach(article: Article) -> tuple[list[int], list[int]]:
    contents = sorted(ref.content_span for ref in article.refs if ref.content_span is not None)
    return [span.start for span in contents], list(accumulate((s.end for s in contents), max))


def _tags(article: Article) -> Iterator[Ref]:
    """The refs written as tags (the ones whose attributes the page shows)."""
    return (ref for ref in article.refs if ref.template is None)


@rule(
    code="WC413", name="invalid-ref-attribute", family=RuleFamily.REFERENCE, severity=Severity.ERROR
)
def invalid_ref_attribute(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a <ref> attribute Cite does not accept, a dir= other than ltr or rtl, and a
    follow= beside a name=.

    Why: Cite accepts only name, group, follow, dir (and details, for sub-references). Any
    other attribute makes it show "Invalid <ref> tag; invalid names, e.g. too many" instead
    of the footnote; most often a name with a space left unquoted (<ref name=Smith 2001>,
    which MediaWiki reads as name=Smith plus an attribute "2001"). A follow= continues an
    earlier footnote and cannot have a name of its own.

    Example:
        Text.<ref name=Smith 2001>Smith, J. (2001). Rivers.</ref>

    Use instead:
        Text.<ref name="Smith 2001">Smith, J. (2001). Rivers.</ref>
    """
    for ref in _tags(article):
        attributes = _attributes(ref)
        unknown = [name for name in attributes if name not in _ATTRIBUTES]
        if unknown:
            listed = ", ".join(f'"{name}"' for name in unknown)
            yield ctx.finding(
                ref.span,
                f"Invalid <ref> tag; invalid names, e.g. too many (Cite does not accept {listed})",
            )
        direction = attributes.get("dir")
        if direction is not None and direction.lower() not in ("ltr", "rtl"):
            yield ctx.finding(
                ref.span, f'Invalid dir="{direction}" on a <ref> tag; use "ltr" or "rtl"'
            )
        if attributes.get("follow") and (attributes.get("name") or "details" in attributes):
            yield ctx.finding(
                ref.span, "Invalid <ref> tag; follow= cannot be used together with name="
            )


@rule(
    code="WC414",
    name="follow-without-earlier-ref",
    family=RuleFamily.REFERENCE,
    severity=Severity.WARNING,
)
def follow_without_earlier_ref(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags <ref follow="x"> when no ref named x comes before it in the same group.

    Why: follow= adds its text to the end of the footnote named x, which must already exist.
    When it does not (a typo in the name, or the footnote comes later or was deleted), Cite
    shows no error: the text appears at the end of the reference list as a paragraph with no
    number and no link back to the article (that is meant for Wikisource's page-split
    footnotes).

    Example:
        Text.<ref follow="smith">Continued on p. 5.</ref> More.<ref name="smith">Smith 2001.</ref>

    Use instead:
        More.<ref name="smith">Smith 2001.</ref> Text.<ref follow="smith">Continued on p. 5.</ref>
    """
    seen: set[tuple[str, str]] = set()
    for ref in article.refs:
        follow = _attributes(ref).get("follow")
        if follow and not ref.list_defined and (ref.group, follow) not in seen:
            yield ctx.finding(
                ref.span,
                f'<ref follow="{follow}"> follows no ref named "{follow}" before it; its text '
                f"will show at the end of the list, unnumbered",
            )
        if ref.name and not ref.list_defined:
            seen.add((ref.group, ref.name))


@rule(
    code="WC415",
    name="list-defined-ref-group-mismatch",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def list_defined_ref_group_mismatch(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a <ref> written inside a reference list with a group= other than the list's.

    Why: a list-defined reference belongs to the list that holds it; Cite shows '<ref> tag in
    <references> has conflicting group attribute "x"' and drops the definition, so its
    uses show "invoked but never defined".

    Example:
        Text.<ref name="a" group="note" />
        {{Reflist|refs=
        <ref name="a" group="note">A note.</ref>
        }}

    Use instead:
        Text.<ref name="a" group="note" />
        {{Reflist|group=note|refs=
        <ref name="a">A note.</ref>
        }}
    """
    for ref in _tags(article):
        holder = _holder(ctx, ref)
        if holder is not None and ref.group != holder.group:
            yield ctx.finding(
                ref.span,
                f'<ref> tag in <references> has conflicting group attribute "{ref.group}"',
            )


@rule(
    code="WC416",
    name="list-defined-ref-without-name",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def list_defined_ref_without_name(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a <ref> inside a reference list that has no name.

    Why: a reference in the list is shown only where the text reuses it by name; Cite shows
    "<ref> tag defined in <references> has no name attribute" and drops it.

    Example:
        Text.<ref name="a" />
        {{Reflist|refs=
        <ref name="a">Smith 2001.</ref>
        <ref>Jones 2002.</ref>
        }}

    Use instead:
        Text.<ref name="a" /> More.<ref>Jones 2002.</ref>
        {{Reflist|refs=
        <ref name="a">Smith 2001.</ref>
        }}
    """
    for ref in _tags(article):
        if not ref.name and _holder(ctx, ref) is not None:
            yield ctx.finding(ref.span, "<ref> tag defined in <references> has no name attribute")


@rule(
    code="WC417",
    name="empty-list-defined-ref",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def empty_list_defined_ref(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a named <ref> inside a reference list that has no content.

    Why: a reference list defines references; an empty one (<ref name="a" /> inside
    {{Reflist|refs=}}) defines nothing, and Cite shows '<ref> tag defined in <references>
    with name "a" has no content'.

    Example:
        Text.<ref name="a" />
        {{Reflist|refs=
        <ref name="a" />
        }}

    Use instead:
        Text.<ref name="a" />
        {{Reflist|refs=
        <ref name="a">Smith 2001.</ref>
        }}
    """
    for ref in _tags(article):
        if ref.name and ref.is_reuse and _holder(ctx, ref) is not None:
            yield ctx.finding(
                ref.span,
                f'<ref> tag defined in <references> with name "{ref.name}" has no content',
            )


@rule(code="WC418", name="ref-details-misuse", family=RuleFamily.REFERENCE, severity=Severity.ERROR)
def ref_details_misuse(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a sub-reference (<ref details="…">) that Cite cannot attach to a main reference.

    Why: details= adds a page or chapter to the reference named by name=; without a name and
    content Cite has nothing to attach it to, and inside a reference list it is not
    supported. Where sub-referencing is not enabled, details= is an invalid attribute and
    Cite shows an error for any use of it.

    Example:
        Text.<ref details="p. 5" />

    Use instead:
        Text.<ref name="smith" details="p. 5" />
    """
    for ref in _tags(article):
        attributes = _attributes(ref)
        if "details" not in attributes:
            continue
        has_text = bool((ref.content or "").strip())
        if _holder(ctx, ref) is not None:
            message = "details= is not supported on a <ref> inside a reference list"
        elif not ref.name and not has_text:
            message = "<ref details=…> has no main reference: give it a name= or content"
        elif not ref.name and attributes["details"]:
            message = "A <ref> with details= must have a name="
        else:
            continue
        yield ctx.finding(ref.span, message)


@rule(
    code="WC419",
    name="ref-content-only-comment",
    family=RuleFamily.REFERENCE,
    severity=Severity.WARNING,
)
def ref_content_only_comment(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a <ref> whose content is only an HTML comment.

    Why: Cite sees the comment as content, so it shows no error, but the footnote it makes is
    empty: readers get a number that leads to nothing. (A ref with no content at all is
    WC403's case: Cite shows an error for it.)

    Example:
        Text.<ref name="smith"><!-- to do --></ref>

    Use instead:
        Text.<ref name="smith">Smith, J. (2001). Rivers. p. 4.</ref>
    """
    for ref in _tags(article):
        content = ref.content or ""
        if mediawiki_trim(content) and not strip_comments(content).strip():
            which = f'The reference "{ref.name}"' if ref.name else "This <ref>"
            yield ctx.finding(ref.span, f"{which} has only a comment as content")


RULES = (
    invalid_ref_attribute,
    follow_without_earlier_ref,
    list_defined_ref_group_mismatch,
    list_defined_ref_without_name,
    empty_list_defined_ref,
    ref_details_misuse,
    ref_content_only_comment,
)
