"""Fixes can never corrupt: edits are validated as a set and checked against the original."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wikicheck import Applicability, Edit, Finding, Fix, Position, RuleFamily, Severity, Span
from wikicheck.cli import main
from wikicheck.edits import EditConflict, apply, apply_edits, conflicts, validate

NESTED = "== A ==\n==== B{{cn}} ====\nText.\n"
FIX_BOTH = ("lint", "--isolated", "--select", "WC101,WC503", "--unsafe-fixes", "--fix")


def test_insertion_inside_a_replaced_heading_waits_for_the_next_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # WC101 replaces the whole heading line; WC503 inserts |date= inside it. Applied together
    # the insertion used to land in the replaced text's old offsets and duplicate its tail.
    path = tmp_path / "a.wiki"
    path.write_bytes(NESTED.encode())
    code = main([*FIX_BOTH, "--today", "2026-11-15", str(path)])
    out = capsys.readouterr().out
    fixed = path.read_bytes().decode()
    assert fixed == "== A ==\n=== B{{cn|date=November 2026}} ===\nText.\n"
    # outside the two edits (the heading marks, the |date= insertion) every byte is kept
    assert fixed.startswith("== A ==\n=== B{{cn")
    assert fixed.endswith("}} ===\nText.\n")
    assert fixed.count("November 2026") == 1
    assert "Fixed 2 findings." in out
    assert code == 0
    main([*FIX_BOTH, "--today", "2026-11-15", str(path)])
    assert path.read_bytes().decode() == fixed
    assert "Fixed" not in capsys.readouterr().out


def edit(start: int, end: int, replacement: str = "") -> Edit:
    return Edit(Span(start, end), replacement)


def finding(*edits: Edit, applicability: Applicability = Applicability.SAFE) -> Finding:
    fix = Fix("fix", edits, applicability)
    return Finding(
        "WC101", "heading-level-skip", RuleFamily.STRUCTURE, Severity.WARNING, "m", "p",
        Span(0, 0), Position(1, 1), Position(1, 1), fix,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (edit(2, 6, "x"), edit(4, 4, "y"), True),  # insertion strictly inside a range
        (edit(2, 6, "x"), edit(3, 5, "y"), True),  # one range containing another
        (edit(2, 6, "x"), edit(2, 6, "y"), True),  # the same range
        (edit(2, 6, "x"), edit(5, 8, "y"), True),  # overlapping ranges
        (edit(4, 4, "x"), edit(4, 4, "y"), True),  # two insertions at one point
        (edit(2, 6, "x"), edit(6, 8, "y"), False),  # ranges meeting at a boundary
        (edit(2, 6, "x"), edit(2, 2, "y"), False),  # insertion at a range's start
        (edit(2, 6, "x"), edit(6, 6, "y"), False),  # insertion at a range's end
        (edit(2, 6, "x"), edit(7, 9, "y"), False),
    ],
)
def test_conflicts(first: Edit, second: Edit, expected: bool) -> None:
    assert conflicts(first, second) is expected
    assert conflicts(second, first) is expected


def test_validate_sorts_and_refuses_conflicts_and_out_of_bounds_edits() -> None:
    assert validate([edit(6, 6, "b"), edit(2, 6, "a"), edit(0, 1)], 9) == (
        edit(0, 1),
        edit(2, 6, "a"),
        edit(6, 6, "b"),
    )
    with pytest.raises(EditConflict, match="edits 8-25 and 18-18 conflict"):
        validate([edit(18, 18, "|date=x"), edit(8, 25, "=== B ===")], 30)
    with pytest.raises(EditConflict, match="outside a text of length 3"):
        validate([edit(2, 5, "x")], 3)


def test_apply_builds_from_the_original_in_one_pass() -> None:
    text = "0123456789"
    edits = [edit(8, 10, "E"), edit(2, 2, "<"), edit(2, 5, "R"), edit(5, 5, ">")]
    assert apply(text, edits) == "01<R>567E"
    with pytest.raises(EditConflict):
        apply(text, [edit(2, 5, "R"), edit(3, 3, "!")])


def test_a_fix_is_all_or_nothing() -> None:
    text = "0123456789"
    first = finding(edit(2, 5, "R"))
    second = finding(edit(0, 1, "Z"), edit(3, 3, "!"))  # its second edit conflicts
    third = finding(edit(7, 8, "S"))
    assert apply_edits(text, [first, second, third]) == ("01R56S89", 2)
    assert apply_edits(text, [second, first, third]) == ("Z12!3456S89", 2)


def test_a_fix_that_contradicts_itself_or_misses_the_text_is_never_applied() -> None:
    text = "0123456789"
    assert apply_edits(text, [finding(edit(2, 5, "R"), edit(3, 3, "!"))]) == (text, 0)
    assert apply_edits(text, [finding(edit(2, 5, "R"), edit(8, 12, "!"))]) == (text, 0)


def test_unsafe_fixes_need_unsafe() -> None:
    unsafe = finding(edit(0, 1, "Z"), applicability=Applicability.UNSAFE)
    display = finding(edit(0, 1, "Z"), applicability=Applicability.DISPLAY_ONLY)
    assert apply_edits("abc", [unsafe, display]) == ("abc", 0)
    assert apply_edits("abc", [unsafe, display], unsafe=True) == ("Zbc", 1)


# --- the property: together equals one by one, and the text outside the edits is kept ---


def _touched(item: Edit) -> set[int]:
    """An independent model of conflict: the points an edit claims. Character i is 2i+1, the
    boundary before it 2i. A range claims its characters and inner boundaries, an insertion
    its one boundary; two edits conflict exactly when their claims meet."""
    start, end = item.span.start, item.span.end
    if start == end:
        return {2 * start}
    return {2 * i + 1 for i in range(start, end)} | {2 * i for i in range(start + 1, end)}


def _one_by_one(text: str, fixes: list[list[Edit]]) -> tuple[str, list[Edit], int]:
    """Apply the non-conflicting fixes one edit at a time, shifting later offsets."""
    accepted: list[Edit] = []
    count = 0
    claimed: set[int] = set()
    for edits in fixes:
        changing = [e for e in edits if text[e.span.start : e.span.end] != e.replacement]
        claims = [_touched(e) for e in changing]
        own = sum(len(c) for c in claims) != len(set().union(*claims)) if claims else False
        if not changing or own or any(c & claimed for c in claims):
            continue
        accepted += changing
        claimed.update(*claims)
        count += 1
    result = text
    done: list[Edit] = []
    for item in accepted:
        shift = sum(
            len(d.replacement) - (d.span.end - d.span.start)
            for d in done
            if d.span.end <= item.span.start
        )
        start, end = item.span.start + shift, item.span.end + shift
        result = result[:start] + item.replacement + result[end:]
        done.append(item)
    return result, accepted, count


@st.composite
def texts_and_fixes(draw: st.DrawFn) -> tuple[str, list[list[Edit]]]:
    text = draw(st.text(alphabet="ab=\n{}|", max_size=30))
    spans = st.tuples(
        st.integers(0, len(text)), st.integers(0, 4), st.text(alphabet="xyz=\n", max_size=4)
    ).map(lambda t: edit(t[0], min(t[0] + t[1], len(text)), t[2]))
    fixes = draw(st.lists(st.lists(spans, min_size=1, max_size=3), max_size=6))
    return text, fixes


@settings(max_examples=600, deadline=None)
@given(texts_and_fixes())
def test_together_equals_one_by_one_and_keeps_the_rest(
    case: tuple[str, list[list[Edit]]],
) -> None:
    text, fixes = case
    together, applied = apply_edits(text, [finding(*edits) for edits in fixes])
    expected, accepted, count = _one_by_one(text, fixes)
    assert (together, applied) == (expected, count)
    # every character outside the applied edits is at its shifted place, unchanged
    covered = {i for e in accepted for i in range(e.span.start, e.span.end)}
    for index, char in enumerate(text):
        if index in covered:
            continue
        shift = sum(
            len(e.replacement) - (e.span.end - e.span.start)
            for e in accepted
            if e.span.end <= index
        )
        assert together[index + shift] == char


def test_a_failed_check_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(original: str, ordered: object, result: str) -> None:
        raise EditConflict("applying the edits changed the text at offset 0")

    monkeypatch.setattr("wikicheck.edits._verify", refuse)
    path = tmp_path / "a.wiki"
    path.write_bytes(NESTED.encode())
    code = main([*FIX_BOTH, str(path)])
    assert path.read_bytes() == NESTED.encode()
    assert "internal error: EditConflict('applying the edits changed the text" in (
        capsys.readouterr().out
    )
    assert code == 2
