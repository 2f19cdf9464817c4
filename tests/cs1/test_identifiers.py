"""CS1 identifier verdicts, read from Module:Citation/CS1/Identifiers oldid 1333753785 and
Module:Citation/CS1/Configuration oldid 1340931211 (shared/reference/wikipedia-modules).

Each row is (handler key, value, the module's messages); the comment says which branch of
the module's function decides it. The generated tests at the end build valid numbers by
computing their check digits, then change them and ask for the verdict the check-digit
algorithms imply.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wikicheck.cs1.identifiers import check_identifier, message
from wikicheck.cs1.identifiers_data import IdContext
from wikicheck.cs1.identifiers_plain import normalize_lccn

TODAY = dt.date(2026, 6, 30)
CTX = IdContext(today=TODAY)
OK: list[str] = []

VERDICTS = [
    # isbn(): characters, length, form, checksum, group, prefix, 979-0
    ("ISBN", "978-0-306-40615-7", OK),
    ("ISBN", "978 0 306 40615 7", OK),  # whitespace goes with the hyphens
    ("ISBN", "0-306-40615-2", OK),
    ("ISBN", "0-8044-2957-X", OK),  # X = 10 in the last place
    ("ISBN", "978-0-306-40615-6", ["Check |isbn= value: checksum"]),
    ("ISBN", "0-306-40615-3", ["Check |isbn= value: checksum"]),
    ("ISBN", "0-8044-2957-x", ["Check |isbn= value: invalid character"]),  # lowercase x
    ("ISBN", "978–0–306–40615–7", ["Check |isbn= value: invalid character"]),  # en dashes
    ("ISBN", "ISBN 978-0-306-40615-7", ["Check |isbn= value: invalid character"]),
    ("ISBN", "978-0-306-40615", ["Check |isbn= value: length"]),
    ("ISBN", "0-8044-X957-2", ["Check |isbn= value: invalid form"]),
    ("ISBN", "630-0-00000-1", ["Check |isbn= value: invalid group id"]),  # Amazon ASIN
    ("ISBN", "977-0-306-40615-8", ["Check |isbn= value: invalid prefix"]),
    ("ISBN", "979-0-2600-0043-8", ["Check |isbn= value: invalid group id"]),  # an ISMN
    ("ISBN", "978-0-306-4061X-7", ["Check |isbn= value: invalid character"]),  # X in 13
    ("ISBN", "((978-0-306-40615-6))", OK),  # accept-as-written
    # issn(): 8 characters, final X only, check digit; the eISSN message names |eissn=
    ("ISSN", "0317-8471", OK),
    ("ISSN", "0317 8471", OK),
    ("ISSN", "2434-561X", OK),
    ("ISSN", "0317-8472", ["Check |issn= value"]),
    ("ISSN", "0317-847", ["Check |issn= value"]),
    ("ISSN", "2434-561x", ["Check |issn= value"]),
    ("EISSN", "0317-8472", ["Check |eissn= value"]),
    ("ISSN", "((0317-8472))", OK),
    # ismn(): 13 digits from 9790, ISBN-13 checksum
    ("ISMN", "979-0-2600-0043-8", OK),
    ("ISMN", "979-0-2600-0043-9", ["Check |ismn= value"]),
    ("ISMN", "M-2600-0043-8", ["Check |ismn= value"]),  # the old 10-character form
    # sbn(): 9 characters checked as "0" + SBN
    ("SBN", "306-40615-2", OK),
    ("SBN", "306-40615-3", ["Check |sbn= value: checksum"]),
    ("SBN", "306-4061-2", ["Check |sbn= value: length"]),
    ("SBN", "306-4061X-2", ["Check |sbn= value: invalid form"]),
    ("SBN", "306.40615.2", ["Check |sbn= value: invalid character"]),
    # asin()
    ("ASIN", "B00005N5PF", OK),
    ("ASIN", "0306406152", ["Check |asin= value"]),  # an ISBN-10: belongs in |isbn=
    ("ASIN", "6300000003", ["Check |asin= value"]),  # 630 with a bad checksum
    ("ASIN", "1B00005N5P", ["Check |asin= value"]),  # mixed, starts with a digit
    ("ASIN", "B00005N5P", ["Check |asin= value"]),
    # doi()
    ("DOI", "10.1000/xyz123", OK),
    ("DOI", "10.12345/abc", OK),
    ("DOI", "10.12345.6/abc", OK),  # five digits with subcode, 10000–39999
    ("DOI", "10.1000/abc–", OK),  # the final character may be anything but . and ,
    ("DOI", "10.1000/xyz.", ["Check |doi= value"]),
    ("DOI", "10.1000/xyz,", ["Check |doi= value"]),
    ("DOI", "10.1000/a b", ["Check |doi= value"]),
    ("DOI", "10.1000/a–b", ["Check |doi= value"]),
    ("DOI", "https://doi.org/10.1000/xyz123", ["Check |doi= value"]),
    ("DOI", "10.5555/abc", ["Check |doi= value"]),  # test registrant
    ("DOI", "10.0999/abc", ["Check |doi= value"]),  # 0xxx
    ("DOI", "10.40000.6/abc", ["Check |doi= value"]),  # 5 digits with subcode ≥ 40000
    ("DOI", "10.90000/abc", ["Check |doi= value"]),  # 5 digits ≥ 90000
    ("DOI", "10.123456/abc", ["Check |doi= value"]),  # 6 digits
    ("DOI", "10.123/abc", ["Check |doi= value"]),  # 3 digits
    ("DOI", "10.123.4/abc", OK),  # 3 digits with a subcode is legitimate
    ("DOI", "10.12.4/abc", ["Check |doi= value"]),  # 1 or 2 digits with subcode
    ("DOI", "10.1000a/abc", ["Check |doi= value"]),
    ("DOI", "((10.5555/abc))", OK),
    # pmid(), pmc(), rfc(), osti(), ssrn(), s2cid(): form and lower bounds (limits apart)
    ("PMID", "1234567", OK),
    ("PMID", "PMID 1234567", ["Check |pmid= value"]),
    ("PMID", "0", ["Check |pmid= value"]),
    ("PMC", "345678", OK),
    ("PMC", "PMC345678", OK),
    ("PMC", "PMC 345678", ["Check |pmc= value"]),
    ("PMC", "0", ["Check |pmc= value"]),
    ("RFC", "2616", OK),
    ("RFC", "rfc2616", ["Check |rfc= value"]),
    ("OSTI", "1018", OK),
    ("OSTI", "1017", ["Check |osti= value"]),
    ("SSRN", "100", OK),
    ("SSRN", "99", ["Check |ssrn= value"]),
    ("S2CID", "123", OK),
    ("S2CID", "0123", ["Check |s2cid= value"]),
    # arxiv(): three forms, each with its months
    ("ARXIV", "hep-th/9108001", OK),
    ("ARXIV", "math.GT/0309136v2", OK),
    ("ARXIV", "hep-th/9106001", ["Check |arxiv= value"]),  # before July 1991
    ("ARXIV", "hep-th/0704001", ["Check |arxiv= value"]),  # after March 2007
    ("ARXIV", "hep-th/9013001", ["Check |arxiv= value"]),  # month 13
    ("ARXIV", "0704.0001", OK),
    ("ARXIV", "1412.9999v3", OK),
    ("ARXIV", "0703.0001", ["Check |arxiv= value"]),
    ("ARXIV", "1501.1234", ["Check |arxiv= value"]),  # four digits after 2014
    ("ARXIV", "1501.00001", OK),
    ("ARXIV", "1412.12345", ["Check |arxiv= value"]),  # five digits before 2015
    ("ARXIV", "arXiv:1501.00001", ["Check |arxiv= value"]),
    # bibcode()
    ("BIBCODE", "1974AJ.....79..819H", OK),
    ("BIBCODE", "2015arXiv151206696F", OK),
    ("BIBCODE", "1974AJ.....79..819", ["Check |bibcode= length"]),
    ("BIBCODE", "1974AJ.....79..8195", ["Check |bibcode= value"]),
    ("BIBCODE", "0974AJ.....79..819H", ["Check |bibcode= year"]),
    ("BIBCODE", "2028AJ.....79..819H", ["Check |bibcode= year"]),  # after next year
    ("BIBCODE", "1974A&.....79..819H", ["Check |bibcode= journal"]),
    ("BIBCODE", "((1974AJ.....79..819))", OK),
    # the rest
    ("OCLC", "12345", OK),
    ("OCLC", "ocm12345678", OK),
    ("OCLC", "ocn123456789", OK),
    ("OCLC", "on1234567890", OK),
    ("OCLC", "(OCoLC)123456789", OK),
    ("OCLC", "(OCoLC)1234567890", ["Check |oclc= value"]),  # more than 9 digits
    ("OCLC", "ocm1234567", ["Check |oclc= value"]),
    ("LCCN", "n78-890351", OK),
    ("LCCN", "2001-12345", OK),  # suffix zero-filled to six digits
    ("LCCN", "79-12", OK),
    ("LCCN", "sn 85001234", ["Check |lccn= value"]),  # a space
    ("LCCN", "N78890351", ["Check |lccn= value"]),  # capital letter
    ("LCCN", "1234567", ["Check |lccn= value"]),
    ("JSTOR", "1234567", OK),
    ("JSTOR", "jstor.1234567", ["Check |jstor= value"]),
    ("JSTOR", "https://www.jstor.org/stable/1234567", ["Check |jstor= value"]),
    ("OL", "OL123M", OK),
    ("OL", "123W", OK),
    ("OL", "OL123", ["Check |ol= value"]),
    ("ZBL", "0123.45678", OK),
    ("ZBL", "12345678", OK),  # temporary form: maintenance
    ("ZBL", "123.4567", ["Check |zbl= value"]),
    ("MR", "1234567", OK),
    ("MR", "MR123", OK),
    ("MR", "12345678", ["Check |mr= value"]),
    ("JFM", "12.3456.78", OK),
    ("JFM", "JFM12.3456.78", OK),
    ("JFM", "12.345.78", ["Check |jfm= value"]),
    ("HDL", "2027/mdp.39015", OK),
    ("HDL", "2027/mdp.39015?urlappend=%3Bseq=11", OK),
    ("HDL", "2027/mdp.", ["Check |hdl= value"]),
    ("HDL", "2027mdp", ["Check |hdl= value"]),
    ("HDL", "2027/a b", ["Check |hdl= value"]),
    ("BIORXIV", "10.1101/078733", OK),
    ("BIORXIV", "10.1101/2019.12.11.123456v2", OK),
    ("BIORXIV", "10.64898/2025.12.10.693067", OK),
    ("BIORXIV", "10.1101/2019.12.10.123456", ["Check |biorxiv= value"]),  # before 2019-12-11
    ("BIORXIV", "10.1101/2026.07.02.123456", ["Check |biorxiv= value"]),  # after tomorrow
    ("BIORXIV", "10.1101/2026.07.01.123456", OK),  # tomorrow
    ("MEDRXIV", "10.1101/2020.11.16.20232009v2", OK),
    ("MEDRXIV", "20232009", OK),
    ("MEDRXIV", "10.1101/2020.11.16.2023200", ["Check |medrxiv= value"]),
    ("CITESEERX", "10.1.1.123.4567", OK),
    ("CITESEERX", "10.1.1.0.4567", ["Check |citeseerx= value"]),
    ("USENETID", "abc@example.com", OK),
    ("USENETID", "<abc@example.com>", ["Check |message-id= value"]),
    ("USENETID", "abc.example.com", ["Check |message-id= value"]),
]


@pytest.mark.parametrize(("hkey", "value", "messages"), VERDICTS)
def test_verdict(hkey: str, value: str, messages: list[str]) -> None:
    verdict = check_identifier(hkey, value, CTX)
    assert [message(problem) for problem in verdict.errors] == messages
    assert not verdict.above_limit


@pytest.mark.parametrize(
    ("hkey", "value", "above"),
    [
        ("PMID", "40400000", False),  # the local table of 2025-02-21
        ("PMID", "40400001", True),
        ("PMC", "11900001", True),
        ("RFC", "9301", True),
        ("OCLC", "10450000001", True),
        ("S2CID", "276000001", True),
        ("SSRN", "5200001", True),
        ("OSTI", "23010001", True),
    ],
)
def test_limits(hkey: str, value: str, above: bool) -> None:
    verdict = check_identifier(hkey, value, CTX)
    assert verdict.above_limit is above
    assert not verdict.errors


@pytest.mark.parametrize(
    ("anchor_year", "messages"),
    [
        ("1964", ["ISBN / Date incompatibility"]),
        ("c. 1950", ["ISBN / Date incompatibility"]),
        ("850", ["ISBN / Date incompatibility"]),  # three-digit years count
        ("1965", ["Check |isbn= value: checksum"]),  # checked from 1965
        ("n.d.", ["Check |isbn= value: checksum"]),
        (None, ["Check |isbn= value: checksum"]),
    ],
)
def test_isbn_date(anchor_year: str | None, messages: list[str]) -> None:
    """isbn(): before 1965 the module reports the date and does not look at the number."""
    ctx = IdContext(today=TODAY, anchor_year=anchor_year)
    verdict = check_identifier("ISBN", "978-0-306-40615-6", ctx)
    assert [message(problem) for problem in verdict.errors] == messages


def test_accept_as_written_skips_the_isbn_date() -> None:
    ctx = IdContext(today=TODAY, anchor_year="1950")
    verdict = check_identifier("ISBN", "((978-0-306-40615-6))", ctx)
    assert verdict.errors == ()
    assert verdict.maintenance == ("isbn_ignore",)


@pytest.mark.parametrize(
    ("value", "arxiv_class", "cite_arxiv", "messages", "maintenance"),
    [
        ("1501.00001", "cs.LG", True, [], ()),
        ("hep-th/9108001", "hep-th", False, ["|class= ignored"], ()),
        ("1501.00001", "", True, [], ("missing_class",)),
        ("1501.00001", "", False, [], ()),  # only {{cite arXiv}} needs |class=
    ],
)
def test_arxiv_class(
    value: str,
    arxiv_class: str,
    cite_arxiv: bool,
    messages: list[str],
    maintenance: tuple[str, ...],
) -> None:
    ctx = IdContext(today=TODAY, arxiv_class=arxiv_class, cite_arxiv=cite_arxiv)
    verdict = check_identifier("ARXIV", value, ctx)
    assert [message(problem) for problem in verdict.errors] == messages
    assert verdict.maintenance == maintenance


@pytest.mark.parametrize(
    ("tld", "messages"),
    [
        ("", []),
        ("uk", []),
        ("co.uk", []),
        ("de", []),
        ("z.cn", []),
        ("at", ["Check |asin-tld= value"]),
    ],
)
def test_asin_tld(tld: str, messages: list[str]) -> None:
    verdict = check_identifier("ASIN", "B00005N5PF", IdContext(today=TODAY, asin_tld=tld))
    assert [message(problem) for problem in verdict.errors] == messages


@pytest.mark.parametrize(
    ("value", "normal"),
    [("n78-890351", "n78890351"), ("85-2 ", "85000002"), ("2001-12345/rev", "2001012345")],
)
def test_normalize_lccn(value: str, normal: str) -> None:
    assert normalize_lccn(value) == normal


# ---- generated: check digits computed here, independently of the module's loops --------


def _isbn10(body: str) -> str:
    remainder = (11 - sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11) % 11
    return body + ("X" if remainder == 10 else str(remainder))


def _issn(body: str) -> str:
    remainder = (11 - sum(int(d) * (8 - i) for i, d in enumerate(body)) % 11) % 11
    return body + ("X" if remainder == 10 else str(remainder))


def _ean13(body: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


digits = st.text(alphabet="0123456789", min_size=1, max_size=1)
not_asin = st.text(alphabet="0123456789", min_size=9, max_size=9).filter(
    lambda body: body[:3] not in ("630", "631")
)


@given(not_asin)
def test_generated_isbn10(body: str) -> None:
    isbn = _isbn10(body)
    assert check_identifier("ISBN", isbn, CTX).errors == ()
    # Any other final character is a checksum error: one check digit fits.
    for wrong in "0123456789X":
        if wrong != isbn[-1]:
            expected = ["Check |isbn= value: checksum"]
            got = check_identifier("ISBN", isbn[:-1] + wrong, CTX).errors
            assert [message(p) for p in got] == expected


@given(
    st.sampled_from(["978", "979"]),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.integers(min_value=3, max_value=11),
    st.integers(min_value=1, max_value=9),
)
def test_generated_isbn13(prefix: str, body: str, position: int, delta: int) -> None:
    isbn = _ean13(prefix + body)
    verdict = check_identifier("ISBN", isbn, CTX)
    if isbn.startswith("9790"):
        assert [message(p) for p in verdict.errors] == ["Check |isbn= value: invalid group id"]
        assert check_identifier("ISMN", isbn, CTX).errors == ()
        return
    assert verdict.errors == ()
    # Changing one digit always breaks the EAN-13 sum (weights 1 and 3 are prime to 10).
    changed = str((int(isbn[position]) + delta) % 10)
    mutated = isbn[:position] + changed + isbn[position + 1 :]
    got = check_identifier("ISBN", mutated, CTX).errors
    # The module tests the 979-0 group before the checksum.
    detail = "invalid group id" if mutated.startswith("9790") else "checksum"
    assert [message(p) for p in got] == [f"Check |isbn= value: {detail}"]


@given(st.text(alphabet="0123456789", min_size=10, max_size=10), st.integers(0, 8))
def test_generated_isbn10_transposition(body: str, position: int) -> None:
    """Mod-11 check digits catch every transposition of two different adjacent digits."""
    isbn = _isbn10(body[:9])
    if isbn[:3] in ("630", "631") or isbn[position] == isbn[position + 1]:
        return
    swapped = isbn[:position] + isbn[position + 1] + isbn[position] + isbn[position + 2 :]
    if not swapped[:9].isdigit():
        return
    got = check_identifier("ISBN", swapped, CTX).errors
    assert [message(p) for p in got] == ["Check |isbn= value: checksum"]


@given(st.text(alphabet="0123456789", min_size=7, max_size=7), st.integers(0, 6), digits)
def test_generated_issn(body: str, position: int, digit: str) -> None:
    issn = _issn(body)
    assert check_identifier("ISSN", f"{issn[:4]}-{issn[4:]}", CTX).errors == ()
    assert check_identifier("EISSN", issn, CTX).errors == ()
    mutated = issn[:position] + digit + issn[position + 1 :]
    got = check_identifier("ISSN", mutated, CTX).errors
    assert (got == ()) is (mutated == issn)


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8), st.integers(4, 11), st.integers(1, 9)
)
def test_generated_ismn(body: str, position: int, delta: int) -> None:
    ismn = _ean13("9790" + body)
    assert check_identifier("ISMN", ismn, CTX).errors == ()
    changed = str((int(ismn[position]) + delta) % 10)
    mutated = ismn[:position] + changed + ismn[position + 1 :]
    assert [message(p) for p in check_identifier("ISMN", mutated, CTX).errors] == [
        "Check |ismn= value"
    ]


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), digits)
def test_generated_sbn(body: str, wrong: str) -> None:
    sbn = _isbn10("0" + body)[1:]
    assert check_identifier("SBN", sbn, CTX).errors == ()
    if wrong != sbn[-1]:
        got = check_identifier("SBN", sbn[:-1] + wrong, CTX).errors
        assert [message(p) for p in got] == ["Check |sbn= value: checksum"]


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(3, 11))
def test_generated_isbn13_transposition(body: str, position: int) -> None:
    """EAN-13 misses exactly the swaps of adjacent digits that differ by 5 (3a + b and
    a + 3b differ by 2(a - b), a multiple of 10 only then)."""
    isbn = _ean13("978" + body)
    first, second = isbn[position], isbn[position + 1]
    swapped = isbn[:position] + second + first + isbn[position + 2 :]
    got = [message(p) for p in check_identifier("ISBN", swapped, CTX).errors]
    missed = abs(int(first) - int(second)) in (0, 5)
    assert got == ([] if missed else ["Check |isbn= value: checksum"])


@given(st.text(alphabet="0123456789", min_size=7, max_size=7), st.integers(0, 6))
def test_generated_issn_transposition(body: str, position: int) -> None:
    """Mod 11 catches every swap of two different adjacent characters."""
    issn = _issn(body)
    swapped = issn[:position] + issn[position + 1] + issn[position] + issn[position + 2 :]
    if "X" in swapped[:7]:
        return
    got = check_identifier("ISSN", swapped, CTX).errors
    assert (got == ()) is (swapped == issn)
