"""CITEREF anchors as Module:Citation/CS1 (oldid 1340931214: make_citeref_id and the |ref=
handling before it; Date validation oldid 1333433129: dates/check_date's anchor_year) makes
them, and the links Module:Footnotes (bgwiki copy, 2026-01: core, sfnm) makes. Each verdict
below was read from that code."""

from __future__ import annotations

import datetime as dt

import pytest

from wikicheck.cs1.citeref import anchor_encode, citation_anchor
from wikicheck.cs1.footnotes import short_citations
from wikicheck.parse import parse

TODAY = dt.date(2026, 1, 15)


@pytest.mark.parametrize(
    ("citation", "anchor"),
    [
        # up to four surnames, then the year; first names are not part of it
        (
            "{{cite book |last1=A |first1=x |last2=B |last3=C |last4=D |last5=E |date=2001}}",
            "CITEREFABCD2001",
        ),
        # author= and surname= are aliases of last=; "last" and "last1" are both name 1
        ("{{cite book |author=Alesha E. Doan |year=2007}}", "CITEREFAlesha_E._Doan2007"),
        ("{{cite book |surname1=Roe |author2=Poe |date=1999}}", "CITEREFRoePoe1999"),
        # a gap of one number is skipped, two end the list
        ("{{cite book |last1=A |last3=C |last6=F |date=2001}}", "CITEREFAC2001"),
        # editors only when there are no authors; contributors first in a book with a contribution
        ("{{cite book |editor-last=Doe |editor2=Roe |date=1990}}", "CITEREFDoeRoe1990"),
        ("{{cite book |last=Poe |editor-last=Doe |date=1990}}", "CITEREFPoe1990"),
        (
            "{{cite book |last=Poe |contributor-last=Kay |contribution=Foreword |date=1990}}",
            "CITEREFKay1990",
        ),
        ("{{cite book |last=Poe |contributor-last=Kay |date=1990}}", "CITEREFPoe1990"),
        (
            "{{cite book |last=Poe |contributor-last=Kay |contribution=F |work=J |date=1990}}",
            "CITEREFPoe1990",
        ),
        # |vauthors=: the surname before the initials (and a generational suffix)
        (
            "{{cite journal |vauthors=Smith AB, van der Berg C Jr, ((WHO, Geneva)) |date=2001}}",
            "CITEREFSmithvan_der_BergWHO,_Geneva2001",
        ),
        # et al. is dropped; ((accept as written)) loses its parentheses; links keep their label
        ("{{cite book |last=Smith et al. |date=2001}}", "CITEREFSmith2001"),
        ("{{cite book |last=((Smith)) |date=2001}}", "CITEREFSmith2001"),
        ("{{cite book |last=[[John Smith (writer)|Smith]] |date=2001}}", "CITEREFSmith2001"),
        # the year: letters kept, ranges with an en dash, ymd's year, n.d. and c. as written
        ("{{cite book |last=S |date=May 2017b}}", "CITEREFS2017b"),
        ("{{cite book |last=S |year=2017a}}", "CITEREFS2017a"),
        ("{{cite book |last=S |date=1990-1995}}", "CITEREFS1990–1995"),
        ("{{cite book |last=S |date=Winter 1990–91}}", "CITEREFS1990–91"),
        ("{{cite book |last=S |date=1 May 1990 – 3 June 1991}}", "CITEREFS1991"),
        ("{{cite book |last=S |date=2001-05-04}}", "CITEREFS2001"),
        ("{{cite book |last=S |date=n.d.}}", "CITEREFSn.d."),
        ("{{cite book |last=S |date=c. 1900}}", "CITEREFSc._1900"),
        # |year= beside |date= is used as written; |publication-date= when nothing else
        ("{{cite book |last=S |date=2001-05-04 |year=2001b}}", "CITEREFS2001b"),
        ("{{cite book |last=S |publication-date=2003}}", "CITEREFS2003"),
        # |ref=: replaces the id; {{harvid}} expands; harv is ignored
        ("{{cite book |last=S |date=2001 |ref={{harvid|Min|2010}}}}", "CITEREFMin2010"),
        ("{{cite book |last=S |date=2001 |ref=Foo bar}}", "Foo_bar"),
        ("{{cite book |last=S |date=2001 |ref=harv}}", "CITEREFS2001"),
    ],
)
def test_citation_anchor(citation: str, anchor: str) -> None:
    made = citation_anchor(parse(citation).citations[0], TODAY)
    assert made is not None
    assert (made.id, made.certain) == (anchor, True)


@pytest.mark.parametrize(
    ("citation", "anchor", "certain"),
    [
        ("{{cite book |last=S |date=2001 |ref=none}}", None, True),
        ("{{cite book |title=No names |date=2001}}", None, True),
        (
            "{{cite book |last={{lang|fr|Dupont}} |date=2001}}",
            "CITEREF{{lang|fr|Dupont}}2001",
            False,
        ),
        ("{{cite book |last=S |date={{date|2001}}}}", "CITEREFS", False),
        ("{{cite book |last=S |date=2001-05}}", "CITEREFS", False),  # rejected: no year
    ],
)
def test_no_or_uncertain_anchor(citation: str, anchor: str | None, certain: bool) -> None:
    made = citation_anchor(parse(citation).citations[0], TODAY)
    assert (None if made is None else made.id) == (
        None if anchor is None else anchor_encode(anchor)
    )
    assert made is None or made.certain == certain


@pytest.mark.parametrize(
    ("template", "anchors"),
    [
        ("{{sfn|Smith|Jones|2001|p=4}}", ["CITEREFSmithJones2001"]),
        ("{{harvnb| Smith |2001}}", ["CITEREFSmith2001"]),
        ("{{sfn|Smith|2001|ref=none}}", []),
        ("{{sfnp|Report|2001|ref=CITEREFMin2001}}", ["CITEREFMin2001"]),
        ("{{sfnm|1a1=A|1a2=B|1y=2001|2a1=C|2y=1999|2p=4}}", ["CITEREFAB2001", "CITEREFC1999"]),
        ("{{sfnm|A|2001|C|1999}}", ["CITEREFA2001", "CITEREFC1999"]),
        ("{{harvc |last=Ann |year=2000 |in1=Smith |in2=Roe}}", ["CITEREFSmithRoe2000"]),
        ("{{cite book |last=S}}", []),
    ],
)
def test_short_citation_links(template: str, anchors: list[str]) -> None:
    article = parse(template)
    links = [link.anchor for t in article.templates for link in short_citations(t)]
    assert links == anchors


def test_anchor_encode_matches_either_side() -> None:
    assert anchor_encode("CITEREF''Times of India'', 28 April2022") == (
        "CITEREFTimes_of_India,_28_April2022"
    )
    assert anchor_encode("CITEREF Smith  _Jones") == "CITEREF_Smith_Jones"
    assert anchor_encode("CITEREFO&#39;Brien") == "CITEREFO'Brien"
