"""Citation identifiers (|isbn=, |doi=, |pmid=, |arxiv= ...) as Module:Citation/CS1/Identifiers
decides them (oldid 1333753785, with Module:Citation/CS1/Configuration oldid 1340931211).

:func:`check_identifier` takes the identifier's handler key (``"ISBN"``, ``"DOI"``), the
value CS1 receives and the citation's context, and returns a :class:`Verdict`. The module's
Lua patterns work on bytes: "digit" is 0-9, "letter" A-Z/a-z, "whitespace" the six ASCII
spaces, and lengths are UTF-8 byte counts; the checks keep those meanings. Here are the
identifiers whose errors ``((…))`` silences (books, DOI, bibcode); book numbers are in
``identifiers_books``, the other identifiers in ``identifiers_plain``; facts (limits, dates,
registrant ranges, messages) in ``data/cs1_identifiers.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .identifiers_books import check_isbn, check_issn, check_sbn
from .identifiers_data import IdContext, Problem, Verdict, identifier_data
from .identifiers_plain import PLAIN_CHECKS

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


def accept_as_written(value: str) -> tuple[str, bool]:
    """has_accept_as_written(): ``((…))`` around the whole value is removed and noted."""
    match = _ACCEPT.fullmatch(value)
    return (match.group(1), True) if match else (value, False)


def check_identifier(hkey: str, value: str, ctx: IdContext) -> Verdict:
    """The module's verdict on one identifier (``value`` as CS1 receives it, trimmed)."""
    value, accepted = accept_as_written(value)
    if hkey in _WITH_ACCEPT:
        return _WITH_ACCEPT[hkey](value, accepted, ctx)
    errors, above, maint = PLAIN_CHECKS[hkey](value, ctx)
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
