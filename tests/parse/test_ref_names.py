"""Ref names and groups as Cite compares them, and the templates that may make unseen refs."""

from __future__ import annotations

import pytest

from wikicheck.parse import parse
from wikicheck.parse.names import unseen_ref_names


@pytest.mark.parametrize(
    ("wikitext", "name"),
    [
        ('<ref name="pop">x</ref>', "pop"),
        ("<ref name='pop'>x</ref>", "pop"),
        ("<ref name=pop>x</ref>", "pop"),
        ("<ref name=GE28/>", "GE28"),
        ('<ref name = " x ">x</ref>', "x"),  # Sanitizer::decodeTagAttributes trims
        ('<ref name="Smith  \n 2001">x</ref>', "Smith 2001"),  # and collapses whitespace
        ('<ref name="a&amp;b">x</ref>', "a&b"),  # and decodes character references
        ('<ref name="a<!-- note -->b">x</ref>', "ab"),
        ("<ref name=\"x' >x</ref>", "x'"),  # no closing quote: read from after the opening one
        ('<ref name="Smith">x</ref>', "Smith"),  # case is kept: names are case-sensitive
        ("{{efn|name=pop|x}}", "pop"),
        ('{{efn|name="pop"|x}}', "pop"),  # {{#tag:}} removes one pair of quotes
        ("{{efn|name='pop'|x}}", "pop"),
        ('{{efn|name=" x "|x}}', " x "),  # ... and keeps what is inside them
        ('{{efn|name="a  b"|x}}', "a  b"),  # {{#tag:}} does not collapse whitespace
        ('{{r|"pop"}}', "pop"),
        ("{{r| pop }}", "pop"),
        ('{{#tag:ref|x|name="pop"}}', "pop"),
        ('{{efn|name=""|x}}', None),
    ],
)
def test_ref_names(wikitext: str, name: str | None) -> None:
    (ref,) = parse(wikitext).refs
    assert ref.name == name


@pytest.mark.parametrize(
    ("wikitext", "group"),
    [
        ('<ref group="note">x</ref>', "note"),
        ("<ref group = ' note '>x</ref>", "note"),
        ('{{refn|group="note"|x}}', "note"),
        ("{{efn|x}}", "lower-alpha"),
        ("{{efn|group=note|x}}", "note"),
        ("{{efn-lr|group=main|x}}", "lower-roman"),  # the -xx variants write their own group
        ("{{efn-ua|x}}", "upper-alpha"),
    ],
)
def test_ref_groups(wikitext: str, group: str) -> None:
    (ref,) = parse(wikitext).refs
    assert ref.group == group


@pytest.mark.parametrize(
    ("wikitext", "group"),
    [
        ("{{Reflist}}", ""),
        ('{{Reflist|group="note"}}', "note"),
        ("{{notelist}}", "lower-alpha"),
        ("{{Notelist-lr|group=main}}", "lower-roman"),
        ("<references group=' note ' />", "note"),
    ],
)
def test_reference_list_groups(wikitext: str, group: str) -> None:
    (item,) = parse(wikitext).reference_lists
    assert item.group == group


def test_notelist_notes_holds_list_defined_refs() -> None:
    refs = parse("{{notelist|notes=\n{{efn|name=a|A.}}\n}}").refs
    assert [(ref.name, ref.list_defined, ref.group) for ref in refs] == [("a", True, "lower-alpha")]


@pytest.mark.parametrize(
    ("name", "unseen"),
    [
        ("Infobox gold", ""),  # element infoboxes define refs in their own code
        ("Excerpt", ""),
        ("SpaceX Starship Statistics", ""),  # unknown: may make refs
        ("#section-h::List of Starship launches", ""),
        ("#invoke:Sports table", ""),
        ("Sfn", "FOOTNOTE"),
        ("Cite web", None),
        ("Citation needed", None),
        ("Reflist", None),
        ("Efn", None),
        ("Convert", None),
        ("Harvnb", None),
        ("Use dmy dates", None),
        ("DEFAULTSORT:Gold", None),
        ("USA", None),
        ("#if:x", None),
        ("Fr icon", None),
    ],
)
def test_unseen_ref_names(name: str, unseen: str | None) -> None:
    assert unseen_ref_names(name) == unseen


def test_ref_sources_in_the_model() -> None:
    article = parse("{{Infobox gold}} Text.{{cn|date=May 2024}}{{sfn|A|2000}}\n{{Reflist}}")
    assert [(s.template, s.name_prefix) for s in article.ref_sources] == [
        ("Infobox gold", ""),
        ("Sfn", "FOOTNOTE"),
    ]


@pytest.mark.parametrize(
    ("wikitext", "attributes"),
    [
        ('<ref name="a" group=n>x</ref>', (("name", "a"), ("group", "n"))),
        ("<ref NAME=a/>", (("name", "a"),)),  # names are lower-cased
        ("<ref name=Smith 2001>x</ref>", (("name", "Smith"), ("2001", ""))),
        ('<ref name="x"; />', (("name", "x"),)),  # ";" is not a valid attribute name
        ('<ref name="a" name="b">x</ref>', (("name", "b"),)),  # the last one is kept
        ("<ref>x</ref>", ()),
        ("{{efn|name=a|x}}", ()),  # a template's ref has no attributes of its own
    ],
)
def test_ref_attributes_as_mediawiki_decodes_them(
    wikitext: str, attributes: tuple[tuple[str, str], ...]
) -> None:
    assert parse(wikitext).refs[0].attributes == attributes
