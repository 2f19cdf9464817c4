"""WC6xx: misspellings and slips in the prose a reader reads."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, Span, TextContext
from ..typos.detector import Source, find_typos
from ..typos.lexicon import lexicon
from ..typos.words import prose_words_between
from ._base import FixAvailability, RuleContext, rule
from ._shared import typo_words

# A lowercase word (or a capitalised one) followed by the same word in lowercase: "The the".
# Possessive (++): giving back a letter or a space could never let the rest match, and not
# trying saves a sixth of the rule's time.
_REPEAT = re.compile(r"(?<![\w'’-])([a-z]++)[ \t]++(\1)(?![\w'’-])", re.IGNORECASE)
_LEGITIMATE_REPEATS = frozenset(
    {
        "had",
        "that",
        "is",
        "do",
        "can",
        "will",
        "so",
        "very",
        "no",
        "yes",
        "ha",
        "la",
        "bye",
        "tut",
        "pom",
        "dum",
        "bora",
    }
)


@rule(
    code="WC601",
    name="misspelling",
    family=RuleFamily.TYPO,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.SOMETIMES,
    options={"allow": list},
)
def misspelling(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a misspelt word in the article's prose, with the word it probably should be.

    Two sources: a curated list of common misspellings (codespell's, from Wikipedia's "Lists
    of common misspellings"), and a frequency model of English (wordfreq) that catches a word
    English text has never shown when it is one slip — a transposition, a dropped, doubled or
    wrong letter — from a common word ("casaulties" -> "casualties"). Only prose is read:
    templates, citations, refs, links' targets, URLs, math, code, comments, quotations,
    italics and {{lang}}/{{sic}}/{{not a typo}} are left alone, and capitalised words
    (names) are judged only against the list, at the start of a sentence.

    Why: typos undermine a reader's trust; this finds the ones list-based tools miss.

    Options: allow (list of words): words never to report, such as a project's terms.

    Example:
        The government did not mention any casaulties in a statement.

    Use instead:
        The government did not mention any casualties in a statement.

    A word a standard English dictionary (SCOWL) knows is never a safe fix: the list cannot
    see that "gage" is a rail term, "despatched" British or "cancelation" American. Core
    dictionary words are not reported from the list at all; rarer ones ("equipments",
    "pincher") only at confidence 0.50, with an unsafe fix. The model never reports a
    dictionary word, nor a word that reads as well as a regular formation of known words
    ("loadbed": load + bed) or a hyphenated word's part ("pre-empted").

    Fix: safe only for a curated entry with a single correction that no dictionary lists; a
    model suggestion or a dictionary word is an unsafe fix; several suggestions are shown
    without a fix.
    """
    allow = [str(word) for word in ctx.options.get("allow", [])]
    for typo in find_typos(article, lexicon(), typo_words(ctx), allow):
        span = Span(typo.start, typo.end)
        fix = None
        if len(typo.suggestions) == 1:
            applicability = Applicability.SAFE if typo.certain else Applicability.UNSAFE
            fix = Fix(
                f'Replace with "{typo.suggestions[0]}"',
                (Edit(span, typo.suggestions[0]),),
                applicability,
            )
        if typo.in_dictionary:
            options = " or ".join(f'"{s}"' for s in typo.suggestions)
            message = f'"{typo.word}" is usually a misspelling of {options}, though a word too'
        elif typo.source is Source.LIST:
            options = " or ".join(f'"{s}"' for s in typo.suggestions)
            message = f'"{typo.word}" is a misspelling of {options}'
        else:
            message = f'"{typo.word}" is probably a misspelling of "{typo.suggestions[0]}"'
        data = {
            "word": typo.word,
            "suggestions": list(typo.suggestions),
            "confidence": typo.confidence,
            "source": typo.source.value,
        }
        yield ctx.finding(span, f"{message} (confidence {typo.confidence:.2f})", fix, data)


@rule(
    code="WC602",
    name="repeated-word",
    family=RuleFamily.TYPO,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.ALWAYS,
)
def repeated_word(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a word written twice in a row ("the the").

    Only lowercase English words are compared ("The the" counts; names such as "Opa Opa",
    single letters and other scripts do not). Pairs that English allows ("had had", "that
    that") are not reported.

    Why: a doubled word is almost always an editing slip; readers stumble on it.

    Example:
        The attack was launched in the the morning.

    Use instead:
        The attack was launched in the morning.

    Fix: unsafe: the second copy is removed.
    """
    for run in article.text_runs:
        if run.context is TextContext.QUOTE:
            continue
        for match in _REPEAT.finditer(run.text):
            first, second = match.group(1), match.group(2)
            if second in _LEGITIMATE_REPEATS or first.lower() != second:
                continue
            start = run.span.start + match.start(2)
            pair = prose_words_between(article, run, match)
            if len(pair) != 2 or any(word.fragment for word in pair):
                continue  # inside italics or quotes, or glued to markup
            span = Span(run.span.start + match.end(1), start + len(second))
            yield ctx.finding(
                Span(start, start + len(second)),
                f'"{second}" is repeated',
                Fix(f'Remove the second "{second}"', (Edit(span, ""),), Applicability.UNSAFE),
            )


RULES = (misspelling, repeated_word)
