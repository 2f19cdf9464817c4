"""The seed article parses into the sections, infobox fields and refs the rendered page shows."""

from __future__ import annotations

import pytest

import wikicheck
from wikicheck.model import Article, LinkOrigin

from ..conftest import FIXTURES, read_text


@pytest.fixture(scope="module")
def article() -> Article:
    path = FIXTURES / "niafunke_attack.wiki"
    return wikicheck.parse(read_text(path), path=str(path))


def test_sections(article: Article) -> None:
    assert article.lead.level == 0
    assert article.lead.title is None
    assert article.text_at(article.lead.span).startswith("{{Short description")
    assert [(s.title, s.level) for s in article.sections] == [
        ("Background", 2),
        ("Attack", 2),
        ("References", 2),
    ]
    background = article.sections[0]
    assert background.heading_span is not None
    assert article.text_at(background.heading_span) == "== Background =="
    assert article.position(background.heading_span.start).line == 21
    assert article.text_at(background.body_span).lstrip().startswith("In November 2023")
    references = article.sections[2]
    assert article.text_at(references.body_span).strip().startswith("{{Reflist}}")


def test_infobox_fields(article: Article) -> None:
    (infobox,) = article.infoboxes
    assert infobox.name == "Infobox military conflict"
    shown = {
        "conflict": "Niafunké attack",
        "partof": "the Mali War",
        "date": "November 24, 2023",
        "result": "JNIM victory",
        "combatant1": "Mali",
        "combatant2": "Jama'at Nasr al-Islam wal Muslimin",
        "casualties1": "50 killed (per JNIM)\n5 vehicles captured (per JNIM)",
        "casualties2": "Unknown",
    }
    for name, text in shown.items():
        field = infobox.get(name)
        assert field is not None, name
        assert field.text == text
    casualties = infobox.get("casualties1")
    assert casualties is not None
    assert casualties.value == "50 killed (per JNIM)<br />5 vehicles captured (per JNIM)"
    assert [field.name for field in infobox.fields][:4] == [
        "conflict",
        "partof",
        "image",
        "caption",
    ]
    assert article.text_at(casualties.value_span).strip() == casualties.value


def test_refs_match_the_rendered_backlinks(article: Article) -> None:
    definitions = [ref for ref in article.refs if not ref.is_reuse]
    assert len(definitions) == 6  # six numbered references
    uses: dict[str, int] = {}
    for ref in article.refs:
        if ref.name:
            uses[ref.name] = uses.get(ref.name, 0) + 1
    assert uses == {"CEP": 3, "RFI": 2}  # "a b c" and "a b" back-links
    assert all(ref.group == "" and not ref.list_defined for ref in article.refs)
    first = article.refs[0]
    assert article.position(first.span.start).line == 22
    assert article.text_at(first.span).startswith('<ref name="CEP">')


def test_citations_are_normalised(article: Article) -> None:
    templates = [citation.template for citation in article.citations]
    assert templates == ["Cite web"] * 5 + ["Cite AV media"]
    av_media = article.citations[-1]
    assert av_media.value("last") == "FRANCE 24"
    assert av_media.value("access-date") == "2024-06-16"
    assert av_media.value("via") == "YouTube"
    assert all(param.known for citation in article.citations for param in citation.params)
    crisis = article.citations[2]
    assert crisis.value("date") == "2023-11-30"
    assert crisis.value("website") == "www.crisisgroup.org"
    assert all(ref.citation is not None for ref in article.refs if not ref.is_reuse)


def test_links_categories_and_prose(article: Article) -> None:
    assert [category.name for category in article.categories] == [
        "2023 in Mali",
        "Attacks in Mali in 2023",
        "November 2023 events in Africa",
        "Mali War",
    ]
    assert len(article.external_links) == 6
    assert {link.origin for link in article.external_links} == {LinkOrigin.CITATION}
    assert {link.param for link in article.external_links} == {"url"}
    prose = "".join(run.text for run in article.text_runs)
    assert "casaulties" in prose
    assert "FRANCE 24" not in prose  # inside a citation: not prose
    assert "Niafunké" in prose
    assert any(link.target == "Mali War" for link in article.wikilinks)
    assert article.reference_lists[0].kind == "Reflist"


def test_list_defined_refs_and_groups() -> None:
    article = wikicheck.parse(read_text(FIXTURES / "list_defined_refs.wiki"))
    defined = {ref.name: ref for ref in article.refs if ref.list_defined}
    assert set(defined) == {"trinity", "walker", "gazette"}
    assert defined["walker"].citation is not None
    assert defined["walker"].citation.template == "Cite book"
    assert defined["walker"].citation.value("last") == "Smith"
    notes = [ref for ref in article.refs if ref.group == "note"]
    assert len(notes) == 2
    assert not any(ref.list_defined for ref in notes)
    assert [(item.kind, item.group) for item in article.reference_lists] == [
        ("Reflist", "note"),
        ("Reflist", ""),
    ]
    in_infobox = article.refs[0]
    assert in_infobox.name == "trinity"
    assert in_infobox.is_reuse


def test_nested_sections_and_several_infoboxes() -> None:
    article = wikicheck.parse(read_text(FIXTURES / "nested_sections.wiki"))
    assert [box.name for box in article.infoboxes] == [
        "Infobox settlement",
        "Infobox church",
        "Infobox building",
    ]
    settlement = article.infoboxes[0]
    assert [field.name for field in settlement.fields].count("population_total") == 2
    outline = [(s.title, s.level, len(s.children)) for s in article.sections]
    assert outline == [
        ("Geography", 2, 1),
        ("History", 2, 0),
        ("Landmarks", 2, 2),
        ("References", 2, 0),
    ]
    climate = article.sections[0].children[0]
    assert climate.title == "Climate"
    assert [child.title for child in climate.children] == ["Rainfall"]
    assert climate.children[0].level == 5
    origins = [link.origin for link in article.external_links]
    assert LinkOrigin.BRACKETED in origins
    assert LinkOrigin.BARE in origins
    assert article.reference_lists[-1].kind == "references"
