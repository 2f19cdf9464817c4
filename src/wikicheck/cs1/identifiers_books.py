"""Book and serial numbers as Module:Citation/CS1/Identifiers checks them: ISBN, ISSN, ISMN,
SBN and ASIN (which the module tests against ISBN-10).

Restated from the module's isbn(), issn(), ismn(), sbn(), asin(), is_valid_isxn() and
is_valid_isxn_13() (oldid 1333753785); the facts (prefixes, groups, TLDs) are in
``data/cs1_identifiers.toml``. The module's patterns work on bytes, so "digit" means 0-9 and
"whitespace" the six ASCII spaces; anything else is an invalid character here too.
"""

from __future__ import annotations

import re

from .identifiers_data import Problem, identifier_data

_SPACES = " \t\n\v\f\r"
_ISBN_CHARS = frozenset(_SPACES + "-0123456789X")
_SEPARATORS = re.compile(r"[ \t\n\v\f\r-]")
_DIGITS_THEN_X = re.compile(r"[0-9]*X?")
_DIGITS = re.compile(r"[0-9]+")


def isxn_checksum_ok(digits: str) -> bool:
    """ISBN-10, ISSN and SBN: the weighted sum (weights n..1, X = 10) divisible by 11."""
    size = len(digits)
    values = (10 if char == "X" else int(char) for char in digits)
    total = sum(value * (size - index) for index, value in enumerate(values))
    return total % 11 == 0


def isxn13_checksum_ok(digits: str) -> bool:
    """ISBN-13 and ISMN: digits weighted 1, 3, 1, 3 ... sum to a multiple of 10."""
    total = sum(int(char) * (1 if index % 2 == 0 else 3) for index, char in enumerate(digits))
    return total % 10 == 0


def strip_separators(value: str) -> str:
    return _SEPARATORS.sub("", value)


def check_isbn(value: str) -> Problem | None:
    """The module's isbn() after its date test: None when valid, else ("isbn", detail)."""
    data = identifier_data()
    if any(char not in _ISBN_CHARS for char in value):
        return Problem("isbn", "char")
    digits = strip_separators(value)
    if len(digits) not in (10, 13):
        return Problem("isbn", "length")
    if len(digits) == 10:
        if not _DIGITS_THEN_X.fullmatch(digits):
            return Problem("isbn", "form")
        if not isxn_checksum_ok(digits):
            return Problem("isbn", "check")
        if digits.startswith(data.isbn_asin_groups):
            return Problem("isbn", "group")
        return None
    if not _DIGITS.fullmatch(digits):
        return Problem("isbn", "char")
    if not digits.startswith(data.isbn_prefixes):
        return Problem("isbn", "prefix")
    if digits.startswith(data.ismn_prefix):
        return Problem("isbn", "group")
    return None if isxn13_checksum_ok(digits) else Problem("isbn", "check")


def check_issn(value: str, electronic: bool) -> Problem | None:
    """issn(): eight characters once spaces and hyphens go, digits with an optional final X."""
    digits = strip_separators(value)
    valid = len(digits) == 8 and _DIGITS_THEN_X.fullmatch(digits) and isxn_checksum_ok(digits)
    return None if valid else Problem("issn", "e" if electronic else "")


def check_ismn(value: str) -> Problem | None:
    """ismn(): 13 digits beginning 9790 with the ISBN-13 checksum."""
    digits = strip_separators(value)
    prefix = identifier_data().ismn_prefix
    valid = len(digits) == 13 and _DIGITS.fullmatch(digits) and digits.startswith(prefix)
    return None if valid and isxn13_checksum_ok(digits) else Problem("ismn")


def check_sbn(value: str) -> Problem | None:
    """sbn(): nine characters, checked as the ISBN-10 "0" followed by them."""
    if any(char not in _ISBN_CHARS for char in value):
        return Problem("sbn", "char")
    digits = strip_separators(value)
    if len(digits) != 9:
        return Problem("sbn", "length")
    if not _DIGITS_THEN_X.fullmatch(digits):
        return Problem("sbn", "form")
    return None if isxn_checksum_ok("0" + digits) else Problem("sbn", "check")


_ASIN = re.compile(r"[0-9A-Z]{10}")
_ASIN_NUMERIC = re.compile(r"[0-9]{9}[0-9X]")
_ASIN_ALPHA = re.compile(r"[A-Z][0-9A-Z]+")


def check_asin(value: str, tld: str) -> list[Problem]:
    """asin(): ten capitals or digits; an all-digit ASIN must be a 630/631 ISBN-10 (any
    other valid ISBN-10 belongs in |isbn=); a mixed one starts with a capital."""
    problems: list[Problem] = []
    data = identifier_data()
    if not _ASIN.fullmatch(value):
        problems.append(Problem("asin"))
    elif _ASIN_NUMERIC.fullmatch(value):
        if not isxn_checksum_ok(value) or not value.startswith(data.isbn_asin_groups):
            problems.append(Problem("asin"))
    elif not _ASIN_ALPHA.fullmatch(value):
        problems.append(Problem("asin"))
    if tld and tld not in data.asin_tlds:
        problems.append(Problem("asin_tld"))
    return problems
