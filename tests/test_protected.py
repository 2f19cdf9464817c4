"""No fix changes a link target, a heading title, a comment or [sic]-marked text.

The guard is the engine's, not each rule's: the cases below run WC601 and WC602 (whose code
does not know about it) and a hand-made fix, and check the finding is kept, its fix shown
but not applied, and that the same word outside the region is still fixed.
"""

from __future__ import annotations

import pytest

from wikicheck import Settings, lint
from wikicheck.edits import fix_until_stable
from wikicheck.findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from wikicheck.model import Position, Span
from wikicheck.parse import parse
from wikicheck.protected import guard_fixes, protected_regions

SETTINGS = Settings(select=("WC601", "WC602", "WC101"))


def fixed(text: str) -> str:
    return fix_until_stable(text, lambda t: lint(t, settings=SETTINGS), unsafe=True)[0]


CASES = [
    pytest.param(
        "He said [[Recieve teh]] and I recieve it.\n",
        "He said [[Recieve teh]] and I receive it.\n",
        id="link target kept, prose fixed",
    ),
    pytest.param(
        "See [[Recieve teh|recieve teh letter]].\n",
        "See [[Recieve teh|receive the letter]].\n",
        id="link label fixed, target kept",
    ),
    pytest.param(
        "== Recieve teh letter ==\nI recieve it.\n",
        "== Recieve teh letter ==\nI receive it.\n",
        id="heading title kept (anchors link to it)",
    ),
    pytest.param(
        "== [[Foo|recieve it]] ==\nI recieve it.\n",
        "== [[Foo|recieve it]] ==\nI receive it.\n",
        id="a link label in a heading is heading text",
    ),
    pytest.param(
        "== A ==\n==== Recieve ====\nText.\n",
        "== A ==\n=== Recieve ===\nText.\n",
        id="WC101 still changes the heading markers",
    ),
    pytest.param(
        'He wrote "I recieve [sic] the letter". I recieve it.\n',
        'He wrote "I recieve [sic] the letter". I receive it.\n',
        id="[sic]-marked word kept",
    ),
    pytest.param(
        "He wrote ''I recieve'' [''sic''] it. Later: teh end.\n",
        "He wrote ''I recieve'' [''sic''] it. Later: the end.\n",
        id="italic [sic] marker",
    ),
    pytest.param(
        "He wrote {{sic|recieve}} and I recieve it.\n",
        "He wrote {{sic|recieve}} and I receive it.\n",
        id="{{sic}} contents kept",
    ),
    pytest.param(
        "He wrote the the{{sic}} letter. Then the the end.\n",
        "He wrote the the{{sic}} letter. Then the end.\n",
        id="{{sic}} as a marker",
    ),
    pytest.param(
        "He wrote recieve [Sic]. I recieve it.\n",
        "He wrote recieve [Sic]. I receive it.\n",
        id="[Sic] in any case",
    ),
    pytest.param(
        "He wrote the the [sic]. Then the the end.\n",
        "He wrote the the [sic]. Then the end.\n",
        id="WC602 before [sic]",
    ),
    pytest.param(
        "He wrote recieve {{sic|nolink=y}}. I recieve it.\n",
        "He wrote recieve {{sic|nolink=y}}. I receive it.\n",
        id="{{sic}} marker with options only",
    ),
    pytest.param(
        "Text <!-- recieve teh the the --> and recieve.\n",
        "Text <!-- recieve teh the the --> and receive.\n",
        id="comment kept",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fixes_leave_protected_text_alone(text: str, expected: str) -> None:
    assert fixed(text) == expected


def test_the_finding_stays_with_a_display_only_fix_saying_why() -> None:
    [finding] = lint("See [[Recieve teh]].\n", settings=SETTINGS)
    assert finding.code == "WC601"
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert finding.fix.title == 'Replace with "the" (not applied: it would change a link target)'


def test_wikilink_target_span() -> None:
    article = parse("x [[ Foo bar |baz]] [[File:A.jpg|thumb|cap]] [[Plain]]")
    spans = [article.text_at(link.target_span) for link in article.wikilinks if link.target_span]
    assert spans == [" Foo bar ", "File:A.jpg", "Plain"]


def test_regions_of_an_article() -> None:
    source = (
        "== Title ==\n"
        'He said "I recieve [sic] it" <!-- c --> [[Target|label]] {{sic|teh}}.\n'
        "[[Category:Things]]"
    )
    found = [(r.kind, source[r.span.start : r.span.end]) for r in protected_regions(parse(source))]
    assert found == [
        ("a heading title", " Title "),
        ("text marked [sic]", "I recieve [sic]"),
        ("a comment", "<!-- c -->"),
        ("a link target", "Target"),
        ("text in {{sic}}", "{{sic|teh}}"),
        ("a category link", "[[Category:Things]]"),
    ]


def _finding(*edits: Edit) -> Finding:
    return Finding(
        "WC999", "test", RuleFamily.SYNTAX, Severity.INFO, "m", "p", Span(0, 0),
        Position(1, 1), Position(1, 1), Fix("Fix it", edits, Applicability.SAFE),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "allowed"),
    [
        (Edit(Span(0, 2), "x"), True),  # before the link
        (Edit(Span(4, 7), "Bar"), False),  # inside the target
        (Edit(Span(4, 4), "x"), False),  # inserted at the target's start: joins it
        (Edit(Span(7, 7), "x"), False),  # ... at its end
        (Edit(Span(2, 9), "[[Fooo]]"), False),  # the link rewritten
        (Edit(Span(2, 9), "[[Foo]]"), True),  # the link restated: nothing changes
        (Edit(Span(0, 9), "A [[Foo]]"), True),  # the target carried along in a bigger edit
        (Edit(Span(10, 14), ""), False),  # deletes the comment
        (Edit(Span(9, 14), "  <!--"), True),  # ends inside the comment, keeps its start
        (Edit(Span(12, 19), "c-->!"), False),  # starts inside it, changes its end
        (Edit(Span(10, 19), "X<!--c-->"), True),  # replaces the comment by itself
    ],
)
def test_guard_edge_cases(edit: Edit, allowed: bool) -> None:
    source = "a [[Foo]] <!--c--> z"
    article = parse(source)
    [guarded] = guard_fixes(article, [_finding(edit)])
    assert guarded.fix is not None
    expected = Applicability.SAFE if allowed else Applicability.DISPLAY_ONLY
    assert guarded.fix.applicability is expected
