"""WC331–WC333: parameter names a citation template does not know (CS1 "Unknown parameter").

Misspelt names, names CS1 removed or deprecated (with their replacement), and empty unknown
parameters; fixes rename or remove them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.checks import check_data
from ..cs1.params import DEPRECATED, parameter_table, whitelist
from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, CitationParam, Span
from ._base import FixAvailability, RuleContext, rule
from ._duplicates import removal
from ._shared import named_params

# Replacements that are not a plain rename: the value must change shape too.
_NOT_RENAMES = frozenset({"author", "editor", "url-access", "name-list-style"})


def _removal(article: Article, param: CitationParam) -> tuple[Edit, ...]:
    """Delete the parameter and its "|", keeping any comment in it."""
    return removal(article, Span(param.span.start - 1, param.span.end))


def _rename(article: Article, param: CitationParam, name: str, value: str) -> Fix:
    text = article.text_at(param.span)
    leading = text[: len(text) - len(text.lstrip())]
    trailing = text[len(text.rstrip()) :]
    return Fix(
        title=f"Replace with |{name}={value}",
        edits=(Edit(param.span, f"{leading}{name}={value}{trailing}"),),
        applicability=Applicability.SAFE,
    )


def _suggest(name: str, template: str) -> tuple[str | None, bool]:
    """The name to suggest for an unknown ``name``, and whether renaming to it is a fix.

    As the module: the lowercased name if the template accepts it; else what the suggestion
    data proposes (a matching pattern decides) if the template accepts that. Only a respelling
    (case, or "-" for "_" or " ") is renamed: |spalten= -> |at= is "not a direct
    replacement", as the module's table says. Failing the module's, wikicheck also proposes
    the "-" respellings (|archive_url= -> |archive-url=), which the module does not.
    """
    accepted = whitelist()
    lower = name.lower()
    respellings = (lower, lower.replace("_", "-"), lower.replace(" ", "-"))
    if lower != name and accepted.accepts(lower, template):
        return lower, True
    decided, suggestion = parameter_table().suggestion(name)
    if suggestion and accepted.accepts(suggestion, template):
        return suggestion, suggestion in respellings
    if decided:
        return None, False  # the module names no other
    for candidate in respellings[1:]:
        if candidate != name and accepted.accepts(candidate, template):
            return candidate, True
    return None, False


@rule(
    code="WC331",
    name="unknown-citation-parameter",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.SOMETIMES,
)
def unknown_citation_parameter(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a parameter the citation template does not know ("Unknown parameter |x= ignored").

    Each template has its own list, read from Module:Citation/CS1/Whitelist: {{cite arXiv}}
    and the other preprint templates take a short list (|class= but no |publisher=), some
    templates add their own names (|people= in {{cite AV media}}, |degree= in
    {{cite thesis}}), the rest share the common list. Parameter names are case-sensitive.
    Where the lowercased name is valid in the template, it is suggested, as CS1 does, and
    so are the module's own suggestions (|auteur= -> |author=, |auther= -> |author=).
    Removed parameters such as |deadurl= are WC332's. Templates that do not render through
    the CS1 module ({{cite tweet}}, {{cite IUCN}} ...) have lists of their own and are not
    checked.

    Why: CS1 shows a red error and ignores the value: what the editor wrote is lost.

    Example:
        {{cite web |url=https://example.org/a |title=T |Publisher=Example}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |publisher=Example}}

    Fix: safe when the suggestion is a respelling (case, or "-" for "_" or " "): the
    parameter is renamed. Other suggestions are only named.
    """
    removed = parameter_table().removed
    for citation in cs1_citations(article):
        for param in named_params(citation):
            if param.known or not param.value or param.raw_name in removed:
                continue
            suggestion, renames = _suggest(param.raw_name, citation.cs1 or citation.template)
            message = f"Unknown parameter |{param.raw_name}= ignored"
            fix = None
            if suggestion:
                message += f" (|{suggestion}= suggested)"
                if renames:
                    fix = _rename(article, param, suggestion, param.value)
            yield ctx.finding(param.trimmed_span, message, fix)


@rule(
    code="WC332",
    name="removed-citation-parameter",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.SOMETIMES,
)
def removed_citation_parameter(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a parameter CS1 no longer supports, naming its replacement (|deadurl= -> |url-status=).

    Also a parameter the module's whitelist marks deprecated ("Cite uses deprecated
    parameter"; none is, in the revision wikicheck reads). The replacement is named only
    when the template accepts it ({{cite arXiv}} has no |url-status=).

    Why: removed parameters are ignored with a red "Unknown parameter" error, so a dead link
    marked |deadurl=yes is shown as if it were live.

    Example:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01 |deadurl=yes}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01 |url-status=dead}}

    Fix: safe where the replacement is a plain rename, or a known value mapping
    (deadurl=yes -> url-status=dead, deadurl=no -> url-status=live); without an archive-url
    the |deadurl= family is simply removed, since |url-status= would do nothing there.
    """
    table = parameter_table()
    accepted = whitelist()
    values = check_data().removed_values
    for citation in cs1_citations(article):
        template = citation.cs1 or citation.template
        for param in named_params(citation):
            if not param.value:
                continue
            if accepted.state(param.raw_name, template) == DEPRECATED:
                yield ctx.finding(
                    param.trimmed_span,
                    f"Cite uses deprecated parameter |{param.raw_name}=",
                )
                continue
            replacement = table.removed.get(param.raw_name)
            if replacement is None or param.known:
                continue
            if replacement and not accepted.accepts(replacement, template):
                replacement = ""  # CS1 suggests only a name this template accepts
            message = f"Unknown parameter |{param.raw_name}= ignored"
            fix = None
            if replacement:
                message += f" (|{replacement}= suggested)"
                if replacement in values:
                    mapped = values[replacement].get(param.value.lower())
                    has_archive = bool(citation.value("archive-url"))
                    if mapped and has_archive:
                        fix = _rename(article, param, replacement, mapped)
                    elif mapped:
                        # |url-status= only matters with an archive (else CS1 maint:
                        # url-status), and the removed parameter was ignored anyway.
                        fix = Fix(
                            f"Remove |{param.raw_name}= (there is no archive to choose)",
                            _removal(article, param),
                            Applicability.SAFE,
                        )
                elif replacement not in _NOT_RENAMES and not citation.get(replacement):
                    fix = _rename(article, param, replacement, param.value)
            yield ctx.finding(param.trimmed_span, message, fix)


@rule(
    code="WC333",
    name="empty-unknown-parameter",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.ALWAYS,
)
def empty_unknown_parameter(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags empty parameters the template does not know ("Cite web has empty unknown parameter(s)").

    An empty positional parameter counts: "|}}" or "|<!-- old value -->|" leaves a |1=
    that the module lists as unknown.

    Why: CS1 shows a red error for them. They are usually left over from a removed or
    misspelt parameter, or a stray "|".

    Example:
        {{cite web |url=https://example.org/a |title=T |deadurl=}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T}}

    Fix: safe: an empty unknown parameter does nothing, so removing it changes nothing shown;
    a comment in it is kept.
    """
    for citation in cs1_citations(article):
        for param in citation.params:
            if param.positional:
                if param.value.strip():
                    continue  # text ignored: WC336's
                span = Span(param.span.start - 1, param.span.end)  # with its "|": visible
            elif not param.known and not param.value:
                span = param.trimmed_span if param.raw_name else param.span
            else:
                continue
            yield ctx.finding(
                span,
                f"{citation.template} has empty unknown parameter: |{param.raw_name}=",
                Fix(f"Remove |{param.raw_name}=", _removal(article, param), Applicability.SAFE),
            )


RULES = (unknown_citation_parameter, removed_citation_parameter, empty_unknown_parameter)
