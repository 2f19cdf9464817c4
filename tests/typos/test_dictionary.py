"""A word a standard English dictionary knows is never a safe typo fix (issue 13)."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from wikicheck import Applicability, Finding, Settings, lint
from wikicheck.typos.detector import RARE
from wikicheck.typos.lexicon import lexicon

SETTINGS = Settings(select=("WC601",))


def _lint(word: str) -> list[Finding]:
    return list(lint(f"The {word} was there.", settings=SETTINGS))


@pytest.mark.parametrize(
    ("word", "correction"), [("pincher", "pinscher"), ("equipments", "equipment")]
)
def test_a_rarer_dictionary_word_is_only_a_hint(word: str, correction: str) -> None:
    (finding,) = _lint(word)
    assert finding.message == (
        f'"{word}" is usually a misspelling of "{correction}", though a word too (confidence 0.50)'
    )
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.UNSAFE


@pytest.mark.parametrize("word", ["gage", "gages", "cancelation", "despatched", "connexion"])
def test_a_core_dictionary_word_is_not_reported_from_the_list(word: str) -> None:
    assert word in lexicon().misspellings
    assert _lint(word) == []


def test_no_curated_misspelling_that_a_dictionary_lists_gets_a_safe_fix() -> None:
    lex = lexicon()
    listed = [
        typo for typo in lex.misspellings if typo.isalpha() and lex.dictionary_size(typo.lower())
    ]
    assert len(listed) > 200  # gage, pincher, equipments, despatched, precess ...
    for typo in listed:
        for finding in _lint(typo):
            assert finding.fix is None or finding.fix.applicability is not Applicability.SAFE


def test_the_model_never_reports_a_dictionary_word() -> None:
    lex = lexicon()
    data = resources.files("wikicheck.data").joinpath("dictionary_en.tsv.gz").read_bytes()
    rows = [line.split("\t") for line in gzip.decompress(data).decode().splitlines()]
    rare = sorted(
        word
        for word, *size in (row for row in rows if not row[0].startswith("#"))
        if size != ["0"] and word.isascii() and word.isalpha() and len(word) >= 4
        and word not in lex.misspellings and lex.frequency(word) < RARE
    )  # fmt: skip
    sample = rare[:: len(rare) // 1500]  # ~1,500 words across the alphabet
    text = "\n\n".join(f"The {word} was there." for word in sample)
    assert list(lint(text, settings=SETTINGS)) == []


def test_the_dictionary_carries_its_licence_and_sizes() -> None:
    data = resources.files("wikicheck.data").joinpath("dictionary_en.tsv.gz").read_bytes()
    text = gzip.decompress(data).decode("utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert "Copyright 2000-2011 by Kevin Atkinson" in "\n".join(header)
    assert "WordNet 1.6 Copyright 1997 by Princeton University" in "\n".join(header)
    sizes = {line.split("\t")[1] for line in text.splitlines() if not line.startswith("#")}
    assert sizes == {"0", "50", "70"}
    assert lexicon().dictionary_size("gage") == 50
    assert lexicon().dictionary_size("pincher") == 70
    assert lexicon().dictionary_size("yuri") is None
    assert lexicon().not_in_dictionary("yuri")
