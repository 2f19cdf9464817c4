"""WC860–WC865: cheap Check Wikipedia cleanups: links, transclusions, invisible characters,
reference lists and ISBN magic links."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, Span
from ._base import FixAvailability, RuleContext, rule
from .syntax_images import split_parts

_NO_LABEL_NAMESPACES = frozenset({"File", "Image", "Media", "Category"})
_MEDIA_FILE = re.compile(
    r"\.(?:jpe?g|png|gif|svg|tiff?|webp|xcf|pdf|djvu|ogg|oga|ogv|webm|mp3|wav|flac|mid|opus)\s*$",
    re.IGNORECASE,
)
_REFPUNCT = ".,;:!?"
_TEMPLATE_PREFIX = re.compile(r"\s*template\s*:\s*", re.IGNORECASE)
# Direction marks, soft hyphen, zero-width space, byte-order mark, bidi embeddings and
# isolates: invisible in the rendered page, and they break searches and links. ZWNJ and ZWJ
# are left alone: scripts such as Persian and Devanagari need them.
_INVISIBLE = re.compile("[\u200e\u200f\u00ad\u200b\ufeff\u202a-\u202e\u2066-\u2069]+")
_NAMES = {
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\ufeff": "byte-order mark",
}
# MediaWiki's ISBN magic link (Parser::magicLinkCallback's pattern)
_ISBN = re.compile(r"\bISBN[ \t]+(\b(?:97[89][ \-]?)?(?:[0-9][ \-]?){9}[0-9Xx]\b)")


@rule(
    code="WC860",
    name="redundant-link-text",
    family=RuleFamily.SYNTAX,
    severity=Severity.INFO,
    fix_availability=FixAvailability.ALWAYS,
)
def redundant_link_text(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a wikilink whose label repeats its target ([[Paris|Paris]]).

    Why: the label changes nothing; it is clutter in the source. Check Wikipedia reports it
    as error 64.

    Example:
        [[Paris|Paris]]

    Use instead:
        [[Paris]]

    Fix:
        Drops the label (safe: the link shows the same text).
    """
    for link in article.wikilinks:
        if link.text_span is not None and link.text == link.target and "|" not in link.text:
            if link.namespace in _NO_LABEL_NAMESPACES or link.target.startswith(":"):
                continue
            # only the "|label" goes: the link target is left as written
            label = Span(link.text_span.start - len("|"), link.text_span.end)
            fix = Fix("Drop the label", (Edit(label, ""),), Applicability.SAFE)
            yield ctx.finding(link.span, f"[[{link.target}|{link.text}]] repeats the target", fix)


@rule(code="WC861", name="link-with-two-pipes", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def link_with_two_pipes(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a wikilink with a second pipe in its label ([[A|B|C]]).

    Why: MediaWiki shows everything after the first pipe, second pipe included ("B|C").
    Check Wikipedia reports it as error 32.

    Example:
        [[Paris|Paris|the capital]]

    Use instead:
        [[Paris|the capital]]
    """
    for link in article.wikilinks:
        if link.text is None or "|" not in link.text or link.namespace in _NO_LABEL_NAMESPACES:
            continue
        if _MEDIA_FILE.search(link.target):  # an image in another wiki's namespace (Datei:)
            continue
        if len(list(split_parts(link.text, 0))) > 1:
            yield ctx.finding(link.span, "a second | in the link's label shows as text")


@rule(
    code="WC862",
    name="duplicate-reference-list",
    family=RuleFamily.SYNTAX,
    severity=Severity.INFO,
)
def duplicate_reference_list(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a second reference list of a group with no reference of that group before it
    since the first.

    Why: each list shows the references given since the list before it: the second one is
    empty (or a bare heading) on the page.

    Example:
        Text.<ref>A.</ref>
        <references />
        {{Reflist}}

    Use instead:
        Text.<ref>A.</ref>
        {{Reflist}}
    """
    last: dict[str, int] = {}
    for item in article.reference_lists:
        previous = last.get(item.group)
        last[item.group] = item.span.end
        if previous is None:
            continue
        between = Span(previous, item.span.start)
        if not any(
            ref.group == item.group and not ref.list_defined and between.contains(ref.span)
            for ref in article.refs
        ):
            yield ctx.finding(
                item.span, "a second reference list with no new references: it shows nothing"
            )


@rule(
    code="WC863",
    name="template-namespace-prefix",
    family=RuleFamily.SYNTAX,
    severity=Severity.INFO,
    fix_availability=FixAvailability.ALWAYS,
)
def template_namespace_prefix(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a transclusion written with the namespace ({{Template:Citation needed}}).

    Why: "Template:" is implied; the prefix is clutter. Check Wikipedia reports it as error 1.

    Example:
        Text.{{Template:Citation needed}}

    Use instead:
        Text.{{Citation needed}}

    Fix:
        Drops the prefix (safe: the same template is called).
    """
    for template in article.templates:
        match = _TEMPLATE_PREFIX.match(template.raw_name)
        if match is None or not template.raw_name[match.end() :].strip():
            continue
        start = template.name_span.start
        prefix = Span(start + len(match.group()) - len(match.group().lstrip()), start + match.end())
        fix = Fix('Drop "Template:"', (Edit(prefix, ""),), Applicability.SAFE)
        yield ctx.finding(prefix, '"Template:" is implied in a transclusion', fix)


@rule(
    code="WC864",
    name="invisible-characters",
    family=RuleFamily.SYNTAX,
    severity=Severity.INFO,
    fix_availability=FixAvailability.ALWAYS,
)
def invisible_characters(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags invisible control characters in prose: direction marks, soft hyphens,
    zero-width spaces, byte-order marks, bidi embeddings.

    Why: readers do not see them, but they break searching, copying and links, and they
    are almost always pasted in by accident. Check Wikipedia reports them as error 16.

    Example:
        Paris\u200e is the capital.

    Use instead:
        Paris is the capital.

    Fix:
        Removes them (unsafe: a direction mark next to right-to-left text may be meant).
    """
    runs = article.text_runs
    starts = [run.span.start for run in runs] if _INVISIBLE.search(article.source) else []
    for match in _INVISIBLE.finditer(article.source) if starts else ():
        index = bisect_right(starts, match.start()) - 1
        if index < 0 or runs[index].span.end <= match.start():
            continue  # not in prose (a template argument, a URL, a comment ...)
        span = Span(match.start(), min(match.end(), runs[index].span.end))
        chars = article.text_at(span)
        names = sorted({_NAMES.get(char, f"U+{ord(char):04X}") for char in chars})
        fix = Fix("Remove", (Edit(span, ""),), Applicability.UNSAFE)
        yield ctx.finding(span, f"invisible character in the text: {', '.join(names)}", fix)


def isbn_valid(digits: str) -> bool:
    if len(digits) == 10:
        total = sum(
            (10 - index) * (10 if char in "Xx" else int(char)) for index, char in enumerate(digits)
        )
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        total = sum((3 if index % 2 else 1) * int(char) for index, char in enumerate(digits))
        return total % 10 == 0
    return False


@rule(code="WC865", name="isbn-checksum", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def isbn_checksum(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an ISBN magic link (ISBN 978-...) whose check digit is wrong.

    Why: the number is mistyped: Special:BookSources finds no book, or the wrong one.
    Check Wikipedia reports it as errors 72 and 73 (citations' |isbn= is checked by CS1).

    Example:
        Smith, ''A Book'' (2001), ISBN 978-0-306-40615-6.

    Use instead:
        Smith, ''A Book'' (2001), ISBN 978-0-306-40615-7.
    """
    if "ISBN" not in article.source:
        return
    for run in article.text_runs:
        if "ISBN" not in run.text:
            continue
        for match in _ISBN.finditer(run.text):
            number = match.group(1)
            digits = re.sub(r"[ \-]", "", number)
            if not isbn_valid(digits):
                start = run.span.start + match.start(1)
                span = Span(start, start + len(number))
                yield ctx.finding(span, f"ISBN {number} has a wrong check digit")


@rule(
    code="WC866",
    name="ref-before-punctuation",
    family=RuleFamily.SYNTAX,
    severity=Severity.INFO,
    fix_availability=FixAvailability.ALWAYS,
)
def ref_before_punctuation(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a reference placed before the punctuation that follows it ("text<ref/>.").

    Why: MOS:REFPUNCT puts references after adjacent punctuation (dashes excepted); bots
    and AWB move them. Check Wikipedia reports it as error 61.

    Example:
        Paris is the capital<ref>A.</ref>.

    Use instead:
        Paris is the capital.<ref>A.</ref>

    Fix:
        Moves the punctuation before the reference or run of references (unsafe: an
        article may follow another consistent style, WP:CITEVAR).
    """
    source = article.source
    refs = sorted(
        (ref for ref in article.refs if ref.template is None and not ref.list_defined),
        key=lambda ref: ref.span.start,
    )
    run_start: int | None = None
    for index, ref in enumerate(refs):
        if run_start is None:
            run_start = ref.span.start
        following = refs[index + 1] if index + 1 < len(refs) else None
        end = ref.span.end
        if following is not None and following.span.start == end:
            continue  # the run of references goes on
        start, run_start = run_start, None
        mark = source[end : end + 1]
        if mark not in _REFPUNCT or source[end : end + 2] in ("..", "!!"):  # "!!": a table
            continue
        if start and source[start - 1] in _REFPUNCT + " ":
            continue  # punctuation on both sides: not a misplaced mark
        edits = (Edit(Span(start, start), mark), Edit(Span(end, end + 1), ""))
        fix = Fix(f'Move "{mark}" before the reference', edits, Applicability.UNSAFE)
        yield ctx.finding(Span(start, end + 1), f'"{mark}" belongs before the reference', fix)


RULES = (
    ref_before_punctuation,
    redundant_link_text,
    link_with_two_pipes,
    duplicate_reference_list,
    template_namespace_prefix,
    invisible_characters,
    isbn_checksum,
)
