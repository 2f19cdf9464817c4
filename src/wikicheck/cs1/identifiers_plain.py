"""The citation identifiers whose errors ``((…))`` does not silence, as
Module:Citation/CS1/Identifiers decides them: arXiv, ASIN, bioRxiv/medRxiv, CiteSeerX, HDL,
ISMN, JFM, JSTOR, LCCN, MR, OCLC, OL, OSTI, PMC, PMID, RFC, S2CID, SSRN, Usenet ids, Zbl.

Each check returns (errors, above the limit, maintenance); the Lua patterns' byte meanings
(ASCII digits, letters and spaces, UTF-8 lengths) are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from .identifiers_books import check_asin, check_ismn
from .identifiers_data import IdContext, Problem, identifier_data

Plain = tuple[list[Problem], bool, list[str]]  # errors, above the limit, maintenance
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


def _arxiv(value: str, ctx: IdContext) -> Plain:
    errors = [] if arxiv_date_ok(value) else [Problem("arxiv")]
    maint = []
    new_form = value[:1].isdigit() and value[:1].isascii()
    if ctx.arxiv_class and not new_form:
        errors.append(Problem("class_ignored"))
    elif not ctx.arxiv_class and new_form and ctx.cite_arxiv:
        maint.append("missing_class")
    return errors, False, maint


def _numbered(hkey: str, pattern: str = r"[0-9]+") -> Callable[[str, IdContext], Plain]:
    """pmid(), rfc(), osti(), ssrn(), s2cid(): digits, at least the lower bound; above the
    limit is reported apart (Wikipedia's limit comes from Commons and grows)."""
    digits = re.compile(pattern)

    def check(value: str, ctx: IdContext) -> Plain:
        data = identifier_data()
        if not digits.fullmatch(value) or int(value) < data.lower_bounds.get(hkey, 0):
            return [Problem(hkey.lower())], False, []
        return [], int(value) > data.limits[hkey], []

    return check


_PMC = re.compile(r"(?:[Pp][Mm][Cc])?([0-9]+)")


def _pmc(value: str, ctx: IdContext) -> Plain:
    match = _PMC.fullmatch(value)
    maint = ["pmc_format"] if match and not value[0].isdigit() else []
    if match is None or int(match.group(1)) < 1:
        return [Problem("pmc")], False, maint
    return [], int(match.group(1)) > identifier_data().limits["PMC"], maint


_OCLC_PREFIXED = re.compile(r"ocm[0-9]{8}|ocn[0-9]{9}|on[0-9]{10,}|\(OCoLC\)[1-9][0-9]{0,8}")


def _oclc(value: str, ctx: IdContext) -> Plain:
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


def _lccn(value: str, ctx: IdContext) -> Plain:
    lccn = normalize_lccn(value)
    form = _LCCN_FORMS.get(len(lccn.encode()))
    valid = form is not None and form.fullmatch(lccn) and not _ASCII_SPACE.search(value)
    return ([] if valid else [Problem("lccn")]), False, []


def _pattern(key: str, pattern: str, flags: int = 0) -> Callable[[str, IdContext], Plain]:
    compiled = re.compile(pattern, flags)

    def check(value: str, ctx: IdContext) -> Plain:
        return ([] if compiled.fullmatch(value) else [Problem(key)]), False, []

    return check


def _prefixed(key: str, prefix: str, pattern: str) -> Callable[[str, IdContext], Plain]:
    """mr(), jfm(): an optional "MR"/"JFM" prefix (a maintenance matter) before the number."""
    compiled, lead = re.compile(pattern), re.compile(prefix, re.IGNORECASE)

    def check(value: str, ctx: IdContext) -> Plain:
        match = lead.match(value)
        number = value[match.end() :] if match and match.end() < len(value) else value
        maint = [f"{key}_format"] if number is not value else []
        return ([] if compiled.fullmatch(number) else [Problem(key)]), False, maint

    return check


def _zbl(value: str, ctx: IdContext) -> Plain:
    if re.fullmatch(r"[0-9]{8}", value):
        return [], False, ["zbl"]
    return _pattern("zbl", r"[0-9]{1,4}\.[0-9]{5}")(value, ctx)


def _jstor(value: str, ctx: IdContext) -> Plain:
    bad = re.search(r"jstor", value, re.IGNORECASE) or re.match(r"https?://", value)
    return ([Problem("jstor")] if bad or _ASCII_SPACE.search(value) else []), False, []


_HDL_QUERY = re.compile(r"(.*?)(\?([A-Za-z]+).+)$", re.DOTALL)
_HDL = re.compile(rb"[^ \t\n\v\f\r\xe2\x80\x93]*?/[^ \t\n\v\f\r\xe2\x80\x93]*?[^.,]", re.DOTALL)


def _hdl(value: str, ctx: IdContext) -> Plain:
    """hdl(): a handle.net query string is set aside; the handle needs a "/", no spaces or
    en dashes (the module tests the en dash's bytes), and no final "." or ","."""
    query = _HDL_QUERY.match(value)
    if query and query.group(3).startswith(identifier_data().hdl_query_params):
        value = query.group(1)
    return ([] if _HDL.fullmatch(value.encode()) else [Problem("hdl")]), False, []


_RXIV_PREFIX = r"10\.(?:1101|64898)/"


def _rxiv(key: str, plain: str, digits: int) -> Callable[[str, IdContext], Plain]:
    """biorxiv(), medrxiv(): a plain number, or "10.1101/" (or "10.64898/") with a dated
    number; the date from 2019-12-11 (both use the bioRxiv date) to tomorrow."""
    date = r"(20[0-9]{2})\.([0-9]{2})\.([0-9]{2})\."
    dated = re.compile(_RXIV_PREFIX + date + rf"[0-9]{{{digits}}}(?:v[0-9]+)?")
    simple = re.compile(plain)

    def check(value: str, ctx: IdContext) -> Plain:
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


PLAIN_CHECKS: dict[str, Callable[[str, IdContext], Plain]] = {
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
