"""CITEREF anchors: the ids citations give themselves and the ids short citations link to.

Module:Citation/CS1 wraps a citation in ``<cite id="CITEREF…">``: "CITEREF", the surnames of
up to four contributors (else authors, else editors), and the year of ``|date=`` (with its
disambiguating letter, "2017a") or ``|year=``; ``|ref=`` replaces that id and ``|ref=none``
removes it (``make_citeref_id`` and the code around it, with ``dates`` of
Module:Citation/CS1/Date validation for the year). Module:Footnotes links
``{{sfn|Smith|Jones|2001}}`` to "CITEREF" + its positional parameters (``cs1.footnotes``), and
both sides go through ``mw.uri.anchorEncode``. This module re-implements the citation's side;
the parameter lists are data (``data/short_citations.toml``).

An anchor computed from values that hold a template (``|last={{lang|fr|Dupont}}``) is marked
uncertain: what the template expands to is not visible here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from ..model import Citation, Span
from ..parse.names import normalize_template_name
from ..resources import load_toml
from ..textutil import mediawiki_trim, strip_comments
from .checks import without_accept_markup
from .date_grammar import CitationDate
from .dates import DateKind, parse_date

_PIPED_LINK = re.compile(r"\[\[:?([^\[|]+)\|([^\[]+)\]\]")
_LINK = re.compile(r"\[\[:?([^\[]+?)\|?\]\]")
_EXTERNAL_LINK = re.compile(r"\[(?:https?:)?//[^ \]]+? ([^\[]+)\]")
_QUOTES = re.compile(r"''+")
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[\s_]+")


def anchor_encode(text: str) -> str:
    """``mw.uri.anchorEncode``: link markup reduced to its label, bold and italic quotes and
    HTML tags removed, spaces and underscores as one underscore, ends trimmed. Both a
    citation's id and a short citation's link go through it, so this is what they must share."""
    text = _PIPED_LINK.sub(r"\2", strip_comments(text))
    text = _LINK.sub(r"\1", text)
    text = _EXTERNAL_LINK.sub(r"\1", text)
    text = _TAG.sub("", _QUOTES.sub("", text))
    return _SPACES.sub(" ", html.unescape(text)).strip().replace(" ", "_")


def opaque(value: str) -> bool:
    """True when the value holds a template or a parameter, whose expansion is not visible."""
    return "{{" in value


# -- the citation's side -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _NameLists:
    author_last: tuple[str, ...]
    author_first: tuple[str, ...]
    contributor_last: tuple[str, ...]
    contributor_first: tuple[str, ...]
    editor_last: tuple[str, ...]
    editor_first: tuple[str, ...]
    date: tuple[str, ...]
    year: tuple[str, ...]
    publication_date: tuple[str, ...]
    periodical: tuple[str, ...]
    contribution: tuple[str, ...]
    contributor_classes: frozenset[str]
    et_al: tuple[re.Pattern[str], ...]


@cache
def _lists() -> _NameLists:
    table = load_toml("short_citations.toml")["name_lists"]
    return _NameLists(
        **{key: tuple(table[key]) for key in _NameLists.__slots__ if key not in _SPECIAL},
        contributor_classes=frozenset(table["contributor_classes"]),
        et_al=tuple(re.compile(pattern) for pattern in table["et_al"]["patterns"]),
    )


_SPECIAL = frozenset({"contributor_classes", "et_al"})


@cache
def _alias_patterns(
    aliases: tuple[str, ...],
) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """One pattern for any alias of the list (to skip other parameters fast), and one per alias
    in the module's order; group 1 is the enumerator ("" for the unnumbered form)."""
    parts = [re.escape(alias).replace("\\#", "([1-9][0-9]*|)") for alias in aliases]
    each = tuple(re.compile(part) for part in parts)
    return re.compile("|".join(f"(?:{part})" for part in parts)), each


def _numbered(args: Mapping[str, str], aliases: tuple[str, ...]) -> dict[int, str]:
    """Module:Citation/CS1/Utilities ``select_one`` for every number at once: for each name
    number, the value of the first alias in the list's order that is set ("last" before
    "last1" for the first name)."""
    anywhere, each = _alias_patterns(aliases)
    best: dict[int, tuple[tuple[int, int], str]] = {}
    for name, value in args.items():
        if not value or anywhere.fullmatch(name) is None:
            continue
        for order, pattern in enumerate(each):
            match = pattern.fullmatch(name)
            if match is None:
                continue
            number = match.group(1) if pattern.groups else "1"
            rank = (order, 0 if not number else 1)
            index = int(number or "1")
            if index not in best or rank < best[index][0]:
                best[index] = (rank, value)
            break
    return {index: value for index, (_, value) in best.items()}


def without_et_al(name: str) -> str:
    """The name as the module keeps it, with "et al." and its kin removed."""
    for pattern in _lists().et_al:
        name = pattern.sub("", name)
    return name


def has_et_al(name: str) -> bool:
    """Whether a name holds "et al." or its kin, by the module's ``et_al_patterns``."""
    return any(pattern.search(name) for pattern in _lists().et_al)


def _extract(surnames: Mapping[int, str], givens: Mapping[int, str]) -> list[str]:
    """``extract_names``: surnames 1, 2, ... until two numbers in a row have neither a last
    nor a first name; a first name without a last one adds nothing."""
    names: list[str] = []
    missing = 0
    index = 1
    while True:
        surname = surnames.get(index)
        given = givens.get(index)
        if surname is not None:
            names.append(without_accept_markup(without_et_al(surname)))
            missing = 0
        elif given is None:
            missing += 1
            if missing >= 2:
                return names
        index += 1


def _vancouver(value: str) -> list[str]:
    """``parse_vauthors_veditors``: the surname of each comma-separated Vancouver name."""
    names: list[str] = []
    parts = re.split(r"\s*,\s*", without_et_al(value))
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.startswith("((") and not part.endswith("))"):  # a corporate name with commas
            while index + 1 < len(parts) and not part.endswith("))"):
                index += 1
                part = f"{part}, {parts[index]}"
        index += 1
        link = re.fullmatch(r"\[\[(?:[^|\]]+\|)?([^\]]+)\]\]", part)
        if link is not None:
            part = link.group(1).strip(" |")
        accepted = without_accept_markup(part)
        if accepted != part or not re.search(r"\s", part):
            names.append(accepted)
            continue
        words = part.split()
        initials = words.pop()
        if not initials.isupper() and words:  # a generational suffix ("Jr") before them
            words.pop()
        names.append(" ".join(words) or part)
    return names


def _name_list(
    args: Mapping[str, str], last: tuple[str, ...], first: tuple[str, ...], vancouver: str
) -> list[str]:
    """``select_author_editor_source``: a first or second |last=/|first= wins over
    |vauthors=."""
    surnames = _numbered(args, last)
    givens = _numbered(args, first)
    numbered = any(index in names for names in (surnames, givens) for index in (1, 2))
    if numbered or not args.get(vancouver):
        return _extract(surnames, givens)
    return _vancouver(args[vancouver])


def citation_names(citation: Citation) -> list[str]:
    """The surnames the anchor is made of: contributors, else authors, else editors."""
    lists = _lists()
    args = {param.raw_name: param.value for param in citation.params}
    authors = _name_list(args, lists.author_last, lists.author_first, "vauthors")
    contributors: list[str] = []
    if citation.cs1 in lists.contributor_classes and not _first(args, lists.periodical):
        contributors = _extract(
            _numbered(args, lists.contributor_last), _numbered(args, lists.contributor_first)
        )
        if not _first(args, lists.contribution) or not authors:
            contributors = []
    if contributors:
        return contributors
    if authors:
        return authors
    return _name_list(args, lists.editor_last, lists.editor_first, "veditors")


def _first(args: Mapping[str, str], aliases: Sequence[str]) -> str:
    return next((args[name] for name in aliases if args.get(name)), "")


def _year_of(date: CitationDate) -> str:
    """The ``anchor_year`` Date validation returns for a valid |date=."""
    raw = date.raw
    if date.form in ("n.d.", "c."):
        return raw
    if date.form == "ymd":
        return raw[:4]
    tail = re.search(r"(\d+[A-Za-z]?)$", raw)
    end = tail.group(1) if tail else ""
    if date.form in ("y-y", "y4-y2", "Sy4-y2", "Sy-y", "My-My"):
        first = re.search(r"\d{3,4}", raw)
        return f"{first.group()}–{end}" if first else end
    return end


def citation_year(citation: Citation, today: dt.date) -> tuple[str, bool]:
    """The year part of the anchor, and whether it is certain.

    |year= beside a |date= is taken as written; otherwise |date= (or |year=, or
    |publication-date=, promoted to it) gives its year only when CS1 accepts it as a date
    (and the anchor is uncertain when it does not).
    """
    lists = _lists()
    args = {param.raw_name: param.value for param in citation.params}
    date = _first(args, lists.date)
    year = _first(args, lists.year)
    if date and year:
        return year, not opaque(year)
    date = date or year or _first(args, lists.publication_date)
    if not date:
        return "", True
    if opaque(date):
        return "", False
    checked = parse_date(date, DateKind.DATE, today)
    # CS1 leaves the year out of the id of a date it rejects, but Module:Footnotes may read
    # one from the value: what Wikipedia reports for such a citation is not certain.
    return (_year_of(checked), True) if isinstance(checked, CitationDate) else ("", False)


@dataclass(frozen=True, slots=True)
class Anchor:
    """An id that a short citation can link to.

    ``counted`` is false for plain anchors ({{anchor}}, an HTML id): a link to them works,
    but Module:Footnotes does not count them when it looks for multiple targets.
    """

    id: str
    span: Span
    certain: bool
    counted: bool = True
    citation: Citation | None = None


_HARVID = re.compile(r"\{\{\s*([^{}|]+?)\s*\|([^{}]*)\}\}")


def anchor_id_value(value: str) -> tuple[str, bool] | None:
    """What a |ref= value makes: None for "none", else the id and whether it is certain.
    ``{{harvid|Smith|2001}}`` (and {{sfnref}}) is expanded; other templates are not."""
    value = value.strip()
    if value.lower() == "none":
        return None
    match = _HARVID.fullmatch(value)
    if match is not None and normalize_template_name(match.group(1)) in _anchor_id_templates():
        parts = [mediawiki_trim(part) for part in match.group(2).split("|") if "=" not in part]
        return anchor_encode("CITEREF" + "".join(parts[:5])), True
    return anchor_encode(value), not opaque(value)


@cache
def _anchor_id_templates() -> frozenset[str]:
    return frozenset(load_toml("short_citations.toml")["anchors"]["anchor_ids"])


def citation_anchor(citation: Citation, today: dt.date, ignore_ref: bool = False) -> Anchor | None:
    """The id Module:Citation/CS1 gives this citation, or None when it makes none
    (|ref=none, or neither a name nor a |ref=). |ref=harv is ignored, as CS1 now does;
    ``ignore_ref`` ignores any |ref=, for the id the names and year alone make."""
    ref = "" if ignore_ref else citation.value("ref")
    if ref and ref.lower() != "harv":
        made = anchor_id_value(ref)
        if made is None:
            return None
        return Anchor(made[0], citation.span, made[1], citation=citation)
    names = citation_names(citation)
    if not names:
        return None
    year, year_certain = citation_year(citation, today)
    parts = [*names[:4], year]
    certain = year_certain and not any(opaque(part) for part in parts)
    return Anchor(
        anchor_encode("CITEREF" + "".join(parts)), citation.span, certain, citation=citation
    )
