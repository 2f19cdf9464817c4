"""WC5xx: maintenance notes: cleanup tags and their age, hidden to-do notes, placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, Span
from ..parse.maintenance import age_in_months, describe_age, intended_month, tags_of, template_kinds
from ._base import FixAvailability, RuleContext, rule

_SUBJECT_FIELDS = frozenset({"name", "title", "conflict", "official_name", "native_name"})


def _tags(article: Article, ctx: RuleContext, inline: bool) -> Iterator[Finding]:
    minimum = ctx.options.get("min-age-months", 0)
    for tag in tags_of(article, ctx):
        if tag.inline is not inline:
            continue
        if tag.date is None:
            if minimum:
                continue  # undated tags are WC503's; with a minimum age they cannot qualify
            when = (
                "undated"
                if tag.date_text is None
                else f"with |date={tag.date_text}, not a Month YYYY date"
            )
        else:
            months = age_in_months(tag.date, ctx.today)
            if months < minimum:
                continue
            when = f"since {tag.date_text} ({describe_age(months)})"
        alias = f" (as {{{{{tag.name}}}}})" if tag.name.casefold() != tag.kind.casefold() else ""
        yield ctx.finding(
            tag.span,
            f"{{{{{tag.kind}}}}}{alias} {when}",
            data={
                "kind": tag.kind,
                "date": tag.date.isoformat()[:7] if tag.date else None,
                "age_months": age_in_months(tag.date, ctx.today) if tag.date else None,
            },
        )


@rule(
    code="WC501",
    name="inline-cleanup-tag",
    family=RuleFamily.MAINTENANCE,
    severity=Severity.INFO,
    options={"min-age-months": int},
)
def inline_cleanup_tag(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports an inline cleanup tag ({{citation needed}}, {{dead link}}, {{clarify}} ...) and its age.

    Redirects count as their template ({{cn}} and {{fact}} are {{citation needed}}).

    Why: each tag is an open question a reader sees; their number and age show how much a
    page needs attention.

    Options: min-age-months (int): report only tags at least this many months old.

    Example:
        The bridge opened in 1932.{{cn|date=March 2021}}

    Use instead:
        The bridge opened in 1932.<ref>{{cite book |title=Bridges of the county |year=1990}}</ref>
    """
    yield from _tags(article, ctx, inline=True)


@rule(
    code="WC502",
    name="cleanup-banner",
    family=RuleFamily.MAINTENANCE,
    severity=Severity.INFO,
    options={"min-age-months": int},
)
def cleanup_banner(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports a page or section banner ({{more citations needed}}, {{orphan}} ...) and its age.

    Banners inside {{multiple issues}} count one by one, in the new syntax and the old
    (|refimprove=May 2010).

    Why: banners tell readers the page has known problems; old ones are often resolved or
    forgotten.

    Options: min-age-months (int): report only banners at least this many months old.

    Example:
        {{More citations needed|date=May 2010}}
        The bridge opened in 1932.

    Use instead:
        The bridge opened in 1932.<ref>{{cite book |title=Bridges of the county |year=1990}}</ref>
    """
    yield from _tags(article, ctx, inline=False)


@rule(
    code="WC503",
    name="undated-maintenance-tag",
    family=RuleFamily.MAINTENANCE,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.SOMETIMES,
)
def undated_maintenance_tag(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a cleanup tag with no |date=, or a date that is not "Month YYYY".

    Why: the date sorts the tag into the monthly cleanup categories ("Articles with unsourced
    statements from March 2021") that editors work through; without it, bots must guess.

    Example:
        The bridge opened in 1932.{{citation needed}}

    Use instead:
        The bridge opened in 1932.{{citation needed|date=November 2026}}

    Fix: safe when a malformed date clearly names a month and year ("2021-03" or "jan 2021"
    -> "March 2021", "January 2021"); unsafe when there is no date or an empty one: the
    current month is written in, as the dating bots do, though the tag may be older. A date
    that is there but cannot be read gets no fix: a fix would have to invent the month.
    """
    stamp = ctx.today.strftime("%B %Y")
    for tag in tags_of(article, ctx):
        if not tag.needs_date or tag.date is not None:
            continue
        if tag.date_text is None or tag.date_span is None:
            fix = Fix(
                f"Add |date={stamp}",
                (Edit(Span(tag.insert_at, tag.insert_at), f"|date={stamp}"),),
                Applicability.UNSAFE,
            )
            yield ctx.finding(tag.span, f"{{{{{tag.name}}}}} has no |date=", fix)
        else:
            span = tag.date_span
            meant = intended_month(tag.date_text)
            if meant is not None:
                text = meant.strftime("%B %Y")
                fix = Fix(f"Write |date={text}", (Edit(span, text),), Applicability.SAFE)
            elif not tag.date_text.strip():
                fix = Fix(f"Write |date={stamp}", (Edit(span, stamp),), Applicability.UNSAFE)
            else:
                fix = None  # never replace what the editor wrote with a date they did not
            yield ctx.finding(
                span if span.end > span.start else tag.span,
                f'{{{{{tag.name}}}}} has |date={tag.date_text}, not a "Month YYYY" date',
                fix,
            )


@rule(code="WC504", name="hidden-todo-note", family=RuleFamily.MAINTENANCE, severity=Severity.INFO)
def hidden_todo_note(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports a hidden comment that is a note to do something (<!-- TODO: ... -->).

    Why: hidden notes are invisible to readers and easy to forget; listing them keeps the
    work in view.

    Example:
        The bridge opened in 1932. <!-- TODO: add the architect -->

    Use instead:
        The bridge, designed by A. Smith, opened in 1932.
    """
    markers = template_kinds().hidden_markers
    pattern = re.compile(r"\b(" + "|".join(re.escape(marker) for marker in markers) + r")\b")
    for comment in article.comments:
        if pattern.search(comment.text) and not comment.text.strip().startswith("wikicheck:"):
            text = " ".join(comment.text.split())
            yield ctx.finding(comment.span, f"hidden note: {text[:80]}")


@rule(
    code="WC505",
    name="infobox-placeholder",
    family=RuleFamily.MAINTENANCE,
    severity=Severity.WARNING,
)
def infobox_placeholder(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an infobox field left holding a placeholder ("?", "TBD", "xxx", "lorem ipsum").

    "Unknown" is not a placeholder: it is information. An empty field is not flagged either:
    infoboxes hide empty fields. Name fields are the subject's name (a film can be called "?").

    Why: readers see the placeholder in the infobox as if it were a fact.

    Example:
        {{Infobox building
        | name = Old Mill
        | architect = ???
        }}

    Use instead:
        {{Infobox building
        | name = Old Mill
        | architect =
        }}
    """
    placeholders = template_kinds().placeholders
    for infobox in article.infoboxes:
        for field in infobox.fields:
            if field.name in _SUBJECT_FIELDS:
                continue  # the subject's own name: a film can be called "?"
            if field.text.strip().casefold() in placeholders:
                yield ctx.finding(
                    field.trimmed_value_span,
                    f'infobox field "{field.name}" holds the placeholder {field.text.strip()!r}',
                )


RULES = (
    inline_cleanup_tag,
    cleanup_banner,
    undated_maintenance_tag,
    hidden_todo_note,
    infobox_placeholder,
)
