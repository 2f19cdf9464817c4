"""Words in the prose a reader reads, with their offsets and what surrounds them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain

from ..model import Article, TextContext, TextRun

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_HIDING = re.compile(r"'{2,}|\"|“|”")
_SENTENCE_END = ".!?"
_MARKUP_BEFORE = "]}>/_=&"  # a word right after "]]" or "}}" is glued to what they render
_MARKUP_AFTER = "[{</_=&"
_LINE_MARKUP = ("", "\n", "*", "#", ":", ";")  # before a list's "*"; else "*libb" is a form


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: int
    end: int
    sentence_start: bool
    fragment: bool
    """Glued to a digit, a letter across markup, or a hyphen of an affix in the source
    ("2nd", '''A'''griculture, "the suffix -ane"), a reconstructed *form, or in bold: not a
    word of running prose."""


WordSelection = Callable[[set[str]], set[str]]
"""Given the distinct words of a run of prose, those worth a closer look."""


def prose_words(article: Article, keep: WordSelection | None = None) -> Iterator[Word]:
    """Words of prose text runs, leaving out italics (foreign words, titles), quotations and
    a link wrapped whole in italics; words in bold (terms, linguistic forms) are fragments.

    Italic ('' … ''), bold and quoted ("…", “…”) stretches are paired within one text run: carrying
    the state across links and templates, as MediaWiki's full quote algorithm would, turns one
    odd apostrophe into a wrong state for the rest of the paragraph. ``keep`` chooses words by
    their text before the (costlier) look at their surroundings, a run at a time.
    """
    source = article.source
    runs = [run for run in article.text_runs if run.context is not TextContext.QUOTE]
    if keep is None:
        for run in runs:
            yield from _run_words(source, run, None)
        return
    # ``keep`` is asked once for the article's distinct words, not once per run: a page has
    # hundreds of runs and four in five hold no word worth a look; those are skipped by a
    # test in C (isdisjoint) instead of a Python call each. The answer is the same, since
    # ``keep`` judges each word on its own.
    run_words = [_WORD.findall(run.text) for run in runs]
    wanted = keep(set(chain.from_iterable(run_words)))
    if not wanted:
        return
    for run, words in zip(runs, run_words, strict=True):
        if not wanted.isdisjoint(words):
            yield from _run_words(source, run, wanted)


def _run_words(source: str, run: TextRun, wanted: set[str] | None) -> Iterator[Word]:
    """The words of ``run`` (only those in ``wanted``, when given) outside italics and
    quotations."""
    text = run.text
    if run.context is TextContext.LINK and _italic_link(source, run):
        return  # ''[[Prosalirus bitis]]'': a link's text in italics, as a species name is
    position = 0
    hidden = bold = False  # in italics or a quotation; in bold (forms and terms, not prose)
    for marker in [*_HIDING.finditer(text), None]:
        end = marker.start() if marker else len(text)
        if not hidden:  # bold words are fragments: names in bold still vouch for themselves
            piece = text[position:end]
            yield from _words(source, piece, run.span.start + position, wanted, bold)
        if marker is None:
            break
        if len(marker.group()) in (3, 5):  # bold, bold italics
            bold = not bold
        if len(marker.group()) != 3:
            hidden = not hidden
        position = marker.end()


def _italic_link(source: str, run: TextRun) -> bool:
    """The link holding ``run`` is wrapped whole in two (or five) apostrophes each side."""
    opening = source.rfind("[[", 0, run.span.start)
    closing = source.find("]]", run.span.end)
    if opening < 0 or closing < 0:
        return False
    head, tail = source[max(0, opening - 5) : opening], source[closing + 2 : closing + 7]
    before, after = len(head) - len(head.rstrip("'")), len(tail) - len(tail.lstrip("'"))
    return before in (2, 5) and after in (2, 5)


def _neighbour(source: str, index: int, step: int) -> str:
    """The character next to a word, looking through '' and ''' markup."""
    if not 0 <= index < len(source):
        return " "
    if source[index] != "'":
        return source[index]
    probe = index
    while 0 <= probe < len(source) and source[probe] == "'":
        probe += step
    if probe != index and abs(probe - index) < 2:
        return "'"  # a single apostrophe is punctuation, not markup
    return source[probe] if 0 <= probe < len(source) else " "


def _words(
    source: str, text: str, offset: int, wanted: set[str] | None, bold: bool = False
) -> Iterator[Word]:
    length = len(source)
    for match in _WORD.finditer(text):
        if wanted is not None and match.group() not in wanted:
            continue
        start, end = offset + match.start(), offset + match.end()
        before = source[start - 1] if start > 0 else " "
        after = source[end] if end < length else " "
        if before == "'":
            before = _neighbour(source, start - 1, -1)
        if after == "'":
            after = _neighbour(source, end, 1)
        link_trail = source[end : end + 2] == "]]" and source[end + 2 : end + 3].isalpha()
        fragment = (
            bold or before.isalnum() or after.isalnum() or link_trail
            or before in _MARKUP_BEFORE or after in _MARKUP_AFTER
            or (before == "-" and not source[start - 2 : start - 1].isalpha())
            or (after == "-" and not source[end + 1 : end + 2].isalpha())
            or (before == "*" and source[start - 2 : start - 1] not in _LINE_MARKUP)
        )  # fmt: skip
        word = match.group()
        # Only capitalised words care whether they open a sentence.
        sentence_start = word[0].isupper() and _starts_sentence(source, start)
        yield Word(word, start, end, sentence_start, fragment)


def _starts_sentence(source: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and source[index] in " \t\"'“‘([*#:":
        index -= 1
    return index < 0 or source[index] in _SENTENCE_END or source[index] == "\n"


def prose_words_between(article: Article, run: TextRun, match: re.Match[str]) -> list[Word]:
    """The prose words of ``run`` inside ``match`` (a match on ``run.text``), leaving out
    italics and quotations as ``prose_words`` does."""
    start, end = run.span.start + match.start(), run.span.start + match.end()
    words = _run_words(article.source, run, None)
    return [word for word in words if start <= word.start and word.end <= end]
