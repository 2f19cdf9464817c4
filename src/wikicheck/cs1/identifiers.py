"""Citation identifiers (|isbn=, |doi=, |pmid=, |arxiv= ...) as Module:Citation/CS1/Identifiers
decides them (oldid 1333753785, with Module:Citation/CS1/Configuration oldid 1340931211).

:func:`check_identifier` takes the identifier's handler key (``"ISBN"``, ``"DOI"``), the
value CS1 receives and the citation's context, and returns a :class:`Verdict`. The module's
Lua patterns work on bytes: "digit" is 0-9, "letter" A-Z/a-z, "whitespace" the six ASCII
spaces, and lengths are UTF-8 byte counts; the checks below keep those meanings. Book
numbers are in ``identifiers_books``; facts (limits, dates, registrant ranges, messages) in
``data/cs1_identifiers.toml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .identifiers_books import check_asin, check_isbn, check_ismn, check_issn, check_sbn
from .identifiers_data import Problem, Verdict, identifier_data

PARAMETERS: dict[str, str] = {
    "arxiv": "ARXIV", "asin": "ASIN", "bibcode": "BIBCODE", "biorxiv": "BIORXIV",
    "citeseerx": "CITESEERX", "doi": "DOI", "eissn": "EISSN", "hdl": "HDL", "isbn": "ISBN",
    "ismn": "ISMN", "issn": "ISSN", "jfm": "JFM", "jstor": "JSTOR", "lccn": "LCCN",
    "medrxiv": "MEDRXIV", "message-id": "USENETID", "mr": "MR", "oclc": "OCLC", "ol": "OL",
    "osti": "OSTI", "pmc": "PMC", "pmid": "PMID", "rfc": "RFC", "s2cid": "S2CID", "sbn": "SBN",
    "ssrn": "SSRN", "zbl": "ZBL",
}  # fmt: skip
"""Canonical CS1 parameter name → the module's handler key (Configuration ``id_handlers``)."""

_ACCEPT = re.compile(r"\(\((.+)\)\)", re.DOTALL)
_YEAR = re.compile(r"[0-9]{3}[0-9]?")


@dataclass(frozen=True, slots=True)
class IdContext:
    """What the module passes to the identifier functions besides the value."""

    today: dt.date
    anchor_year: str | None = None  # the CITEREF year from |date=/|year=, for |isbn=
    arxiv_class: str = ""  # |class=
    cite_arxiv: bool = False  # the template is {{cite arXiv}}
    asin_tld: str = ""  # |asin-tld=


def accept_as_written(value: str) -> tuple[str, bool]:
    """has_accept_as_written(): ``((…))`` around the whole value is removed and noted."""
    match = _ACCEPT.fullmatch(value)
    return (match.group(1), True) if match else (value, False)


def check_identifier(hkey: str, value: str, ctx: IdContext) -> Verdict:
    """The module's verdict on one identifier (``value`` as CS1 receives it, trimmed)."""
    value, accepted = accept_as_written(value)
    if hkey in _WITH_ACCEPT:
        return _WITH_ACCEPT[hkey](value, accepted, ctx)
    errors, above, maint = _PLAIN[hkey](value, ctx)
    return Verdict(tuple(errors), above, tuple(maint), accepted)


def message(problem: Problem) -> str:
    return identifier_data().message(problem)


# ---- identifiers whose errors ((…)) silences ------------------------------------------


def _isbn(value: str, accepted: bool, ctx: IdContext) -> Verdict:
    if accepted:
        return Verdict(maintenance=("isbn_ignore",), accepted=True)
    year = _YEAR.search(ctx.anchor_year or "")
    if year and int(year.group()) < identifier_data().isbn_first_year:
        # The module stops here: it does not look at the number of a pre-1965 work.
        return Verdict(errors=(Problem("isbn_date"),))
    problem = check_isbn(value)
    return Verdict(errors=(problem,) if problem else ())


def _sbn(value: str, accepted: bool, ctx: IdContext) -> Verdict:
    if accepted:
        return Verdict(maintenance=("isbn_ignore",), accepted=True)
    problem = check_sbn(value)
    return Verdict(errors=(problem,) if problem else ())


def _issn(electronic: bool) -> Callable[[str, bool, IdContext], Verdict]:
    def check(value: str, accepted: bool, ctx: IdContext) -> Verdict:
        if accepted:
            return Verdict(maintenance=("issn_ignore",), accepted=True)
        problem = check_issn(value, electronic)
        return Verdict(errors=(problem,) if problem else ())

    return check


_DOI = re.compile(r"10\.([^/]+)/[^\s–]*?[^.,]", re.DOTALL)


def doi_problem(value: str) -> Problem | None:
    """doi(): "10.", a registrant in the ranges the module accepts, "/", a suffix without
    spaces or en dashes that does not end in "." or ","."""
    match = _DOI.fullmatch(value)
    if match is None:
        return Problem("doi")
    registrant = match.group(1)
    if any(pattern.match(registrant) for pattern in identifier_data().doi_bad_registrants):
        return Problem("doi")
    return None


def _doi(value: str, accepted: bool, ctx: IdContext) -> Verdict:
    if accepted:
        return Verdict(maintenance=("doi_ignore",), accepted=True)
    problem = doi_problem(value)
    return Verdict(errors=(problem,) if problem else ())


_BIBCODE = re.compile(r"([0-9]{4})[A-Za-z][0-9A-Za-z&.]{3}[0-9A-Za-z.]+[A-Za-z.]")
_BIBCODE_TEMPORARY = re.compile(r".{9}\.tmp\.", re.DOTALL)


def _bibcode(value: str, accepted: bool, ctx: IdContext) -> Verdict:
    data = identifier_data()
    detail = ""
    maint: tuple[str, ...] = ()
    match = _BIBCODE.fullmatch(value)
    if len(value.encode()) != data.bibcode_length:
        detail = "length"
    elif match is None:
        detail = "value"
    else:
        year = int(match.group(1))
        if not data.bibcode_first_year <= year <= ctx.today.year + 1:
            detail = "year"
        if "&." in value:
            detail = "journal"
        if _BIBCODE_TEMPORARY.search(value):
            maint = ("bibcode",)
    errors = (Problem("bibcode", detail),) if detail and not accepted else ()
    return Verdict(errors, maintenance=maint, accepted=accepted)


_WITH_ACCEPT: dict[str, Callable[[str, bool, IdContext], Verdict]] = {
    "ISBN": _isbn, "SBN": _sbn, "ISSN": _issn(False), "EISSN": _issn(True), "DOI": _doi,
    "BIBCODE": _bibcode,
}  # fmt: skip

# ---- the others: (errors, above the limit, maintenance) -------------------------------

_Plain = tuple[list[Problem], bool, list[str]]
_ARXIV_OLD = re.compile(r"[A-Za-z][A-Za-z.\-]+/([90][0-9])([01][0-9])[0-9]{3}(?:v[0-9]+)?")
_ARXIV_FOUR = re.compile(r"([0-9]{2})([01][0-9])\.[0-9]{4}(?:v[0-9]+)?")
_ARXIV_FIVE = re.compile(r"([0-9]{2})([01][0-9])\.[0-9]{5}(?:v[0-9]+)?")


def arxiv_date_ok(value: str) -> bool:
    """arxiv(): the form's yymm must fall in the months that form was issued."""
    bounds = identifier_data().arxiv
    if match := _ARXIV_OLD.fullmatch(value):
        yy, month = int(match.group(1)), int(match.group(2))
        year = 1900 + yy if yy >= 90 else 2000 + yy
        first, last = bounds["old_first"], bounds["old_last"]
    elif match := _ARXIV_FOUR.fullmatch(value):
        year, month = 2000 + int(match.group(1)), int(match.group(2))
        first, last = bounds["four_first"], bounds["four_last"]
    elif match := _ARXIV_FIVE.fullmatch(value):
        year, month = 2000 + int(match.group(1)), int(match.group(2))
        first, last = bounds["five_first"], (9999, 12)
    else:
        return False
    return 1 <= month <= 12 and first <= (year, month) <= last


def _arxiv(value: str, ctx: IdContext) -> _Plain:
    errors = [] if arxiv_date_ok(value) else [Problem("arxiv")]
    maint = []
    new_form = value[:1].isdigit() and value[:1].isascii()
    if ctx.arxiv_class and not new_form:
        errors.append(Problem("class_ignored"))
    elif not ctx.arxiv_class and new_form and ctx.cite_arxiv:
        maint.append("missing_class")
    return errors, False, maint


def _numbered(hkey: str, pattern: str = r"[0-9]+") -> Callable[[str, IdContext], _Plain]:
    """pmid(), rfc(), osti(), ssrn(), s2cid(): digits, at least the lower bound; above the
    limit is reported apart (Wikipedia's limit comes from Commons and grows)."""
    digits = re.compile(pattern)

    def check(value: str, ctx: IdContext) -> _Plain:
        data = identifier_data()
        if not digits.fullmatch(value) or int(value) < data.lower_bounds.get(hkey, 0):
            return [Problem(hkey.lower())], False, []
        return [], int(value) > data.limits[hkey], []

    return check


_PMC = re.compile(r"(?:[Pp][Mm][Cc])?([0-9]+)")


def _pmc(value: str, ctx: IdContext) -> _Plain:
    match = _PMC.fullmatch(value)
    maint = ["pmc_format"] if match and not value[0].isdigit() else []
    if match is None or int(match.group(1)) < 1:
        return [Problem("pmc")], False, maint
    return [], int(match.group(1)) > identifier_data().limits["PMC"], maint


_OCLC_PREFIXED = re.compile(r"ocm[0-9]{8}|ocn[0-9]{9}|on[0-9]{10,}|\(OCoLC\)[1-9][0-9]{0,8}")


def _oclc(value: str, ctx: IdContext) -> _Plain:
    if _OCLC_PREFIXED.fullmatch(value):
        return [], False, []
    if re.fullmatch(r"[0-9]+", value):
        return [], int(value) > identifier_data().limits["OCLC"], []
    return [Problem("oclc")], False, []


_ASCII_SPACE = re.compile(r"[ \t\n\v\f\r]")
_LCCN_HYPHEN = re.compile(r"(.+)-(.+)", re.DOTALL)
_LCCN_FORMS = {
    8: re.compile(r"[0-9]{8}"),
    9: re.compile(r"[a-z][0-9]{8}"),
    10: re.compile(r"[0-9]{10}|[a-z]{2}[0-9]{8}"),
    11: re.compile(r"[a-z]{3}[0-9]{8}|[a-z][0-9]{10}"),
    12: re.compile(r"[a-z]{2}[0-9]{10}"),
}


def normalize_lccn(value: str) -> str:
    """normalize_lccn(): no spaces, nothing from the first "/", the part after the last
    hyphen left-filled with zeros to six characters."""
    lccn = _ASCII_SPACE.sub("", value).split("/", 1)[0]
    if parts := _LCCN_HYPHEN.fullmatch(lccn):
        lccn = parts.group(1) + parts.group(2).rjust(6, "0")
    return lccn


def _lccn(value: str, ctx: IdContext) -> _Plain:
    lccn = normalize_lccn(value)
    form = _LCCN_FORMS.get(len(lccn.encode()))
    valid = form is not None and form.fullmatch(lccn) and not _ASCII_SPACE.search(value)
    return ([] if valid else [Problem("lccn")]), False, []


def _pattern(key: str, pattern: str, flags: int = 0) -> Callable[[str, IdContext], _Plain]:
    compiled = re.compile(pattern, flags)

    def check(value: str, ctx: IdContext) -> _Plain:
        return ([] if compiled.fullmatch(value) else [Problem(key)]), False, []

    return check


def _prefixed(key: str, prefix: str, pattern: str) -> Callable[[str, IdContext], _Plain]:
    """mr(), jfm(): an optional "MR"/"JFM" prefix (a maintenance matter) before the number."""
    compiled, lead = re.compile(pattern), re.compile(prefix, re.IGNORECASE)

    def check(value: str, ctx: IdContext) -> _Plain:
        match = lead.match(value)
        number = value[match.end() :] if match and match.end() < len(value) else value
        maint = [f"{key}_format"] if number is not value else []
        return ([] if compiled.fullmatch(number) else [Problem(key)]), False, maint

    return check


def _zbl(value: str, ctx: IdContext) -> _Plain:
    if re.fullmatch(r"[0-9]{8}", value):
        return [], False, ["zbl"]
    return _pattern("zbl", r"[0-9]{1,4}\.[0-9]{5}")(value, ctx)


def _jstor(value: str, ctx: IdContext) -> _Plain:
    bad = re.search(r"jstor", value, re.IGNORECASE) or re.match(r"https?://", value)
    return ([Problem("jstor")] if bad or _ASCII_SPACE.search(value) else []), False, []


_HDL_QUERY = re.compile(r"(.*?)(\?([A-Za-z]+).+)$", re.DOTALL)
_HDL = re.compile(rb"[^ \t\n\v\f\r\xe2\x80\x93]*?/[^ \t\n\v\f\r\xe2\x80\x93]*?[^.,]", re.DOTALL)


def _hdl(value: str, ctx: IdContext) -> _Plain:
    """hdl(): a handle.net query string is set aside; the handle needs a "/", no spaces or
    en dashes (the module tests the en dash's bytes), and no final "." or ","."""
    query = _HDL_QUERY.match(value)
    if query and query.group(3).startswith(identifier_data().hdl_query_params):
        value = query.group(1)
    return ([] if _HDL.fullmatch(value.encode()) else [Problem("hdl")]), False, []


_RXIV_PREFIX = r"10\.(?:1101|64898)/"


def _rxiv(key: str, plain: str, digits: int) -> Callable[[str, IdContext], _Plain]:
    """biorxiv(), medrxiv(): a plain number, or "10.1101/" (or "10.64898/") with a dated
    number; the date from 2019-12-11 (both use the bioRxiv date) to tomorrow."""
    date = r"(20[0-9]{2})\.([0-9]{2})\.([0-9]{2})\."
    dated = re.compile(_RXIV_PREFIX + date + rf"[0-9]{{{digits}}}(?:v[0-9]+)?")
    simple = re.compile(plain)

    def check(value: str, ctx: IdContext) -> _Plain:
        if simple.fullmatch(value):
            return [], False, []
        match = dated.fullmatch(value)
        ok = match is not None and _rxiv_date_ok(match.groups(), ctx)
        return ([] if ok else [Problem(key)]), False, []

    return check


def _rxiv_date_ok(parts: tuple[str | Any, ...], ctx: IdContext) -> bool:
    year, month, day = (int(part) for part in parts)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    # PHP's date parser, behind formatDate, rolls 31 June over to 1 July.
    date = dt.date(year, month, 1) + dt.timedelta(days=day - 1)
    return identifier_data().rxiv_first_date <= date <= ctx.today + dt.timedelta(days=1)


_PLAIN: dict[str, Callable[[str, IdContext], _Plain]] = {
    "ARXIV": _arxiv,
    "ASIN": lambda value, ctx: (check_asin(value, ctx.asin_tld), False, []),
    "BIORXIV": _rxiv("biorxiv", r"10\.1101/[0-9]{6}", 6),
    "CITESEERX": _pattern("citeseerx", r"10\.1\.1\.[1-9][0-9]{0,3}\.[1-9][0-9]{0,3}"),
    "HDL": _hdl,
    "ISMN": lambda value, ctx: ([p] if (p := check_ismn(value)) else [], False, []),
    "JFM": _prefixed("jfm", "jfm", r"[0-9]{2}\.[0-9]{4}\.[0-9]{2}"),
    "JSTOR": _jstor,
    "LCCN": _lccn,
    "MEDRXIV": _rxiv("medrxiv", r"[0-9]{8}", 8),
    "MR": _prefixed("mr", r"mr(?=[0-9]+$)", r"[0-9]{1,7}"),
    "OCLC": _oclc,
    "OL": _pattern("ol", r"(?:OL)?[0-9]+[AMW]"),
    "OSTI": _numbered("OSTI"),
    "PMC": _pmc,
    "PMID": _numbered("PMID"),
    "RFC": _numbered("RFC"),
    "S2CID": _numbered("S2CID", r"[1-9][0-9]*"),
    "SSRN": _numbered("SSRN"),
    "USENETID": _pattern("usenetid", r"(?=.+@.+$)[^<].*[^>]", re.DOTALL),
    "ZBL": _zbl,
}
