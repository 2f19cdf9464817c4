"""The pieces of the readable text output: word diffs for long lines, code-frame windows, the
progress bar's switch."""

from __future__ import annotations

import re

import pytest

from wikicheck.reporters.frames import WIDTH, window
from wikicheck.reporters.worddiff import LONG, readable_diff, word_diff


def test_short_lines_keep_the_unified_diff() -> None:
    diff = readable_diff("a\nb teh c\nd\n", "a\nb the c\nd\n", "x.wiki")
    assert diff.splitlines() == [
        "--- a/x.wiki", "+++ b/x.wiki", "@@ -1,3 +1,3 @@",
        " a", "-b teh c", "+b the c", " d",
    ]  # fmt: skip


def test_long_changed_lines_become_one_word_diff_line() -> None:
    old = "start " + "x" * LONG + " middle Sept end " + "y" * LONG + "\n"
    new = old.replace("Sept", "September")
    lines = readable_diff(old, new, "x.wiki").splitlines()
    assert lines[3:] == ["~ …" + "x" * 32 + " middle [-Sept-]{+September+} end " + "y" * 35 + "…"]
    assert readable_diff(old, old, "x.wiki") == ""


def test_word_diff_shows_insertions_deletions_and_whole_short_lines() -> None:
    for old, new in [("a b c", "a c d"), ("x", "y z"), ("one two", "one two three")]:
        diff = word_diff(old, new)  # short lines are shown whole: each side can be read back
        assert re.sub(r"\{\+.*?\+\}", "", diff).replace("[-", "").replace("-]", "") == old
        assert re.sub(r"\[-.*?-\]", "", diff).replace("{+", "").replace("+}", "") == new
    assert word_diff("|date=May 2010|x=1", "|date=May 2010") == "|date=May 2010[-|x=1-]"


def test_window_keeps_short_lines_whole() -> None:
    assert window("== A ==", 3, 4) == ("== A ==", 3, 1)
    assert window("abc", 3, 3) == ("abc", 3, 1)  # at the end of the line: one mark


def test_window_cuts_long_lines_around_the_range() -> None:
    line = "a" * 1000 + "TARGET" + "b" * 1000
    shown, offset, marks = window(line, 1000, 1006)
    assert len(shown) <= WIDTH + 2
    assert shown.startswith("…")
    assert shown.endswith("…")
    assert shown[offset : offset + marks] == "TARGET"


def test_window_of_a_range_longer_than_the_window() -> None:
    line = "x" * 50 + "y" * 500
    shown, offset, marks = window(line, 50, 550)
    assert shown[offset : offset + marks] == "y" * (WIDTH - 20)
    assert shown.endswith("…")


def test_window_marks_follow_escaped_control_characters() -> None:
    shown, offset, marks = window("a\x1bb\tteh", 4, 7)
    assert shown == "a\\x1bb teh"
    assert shown[offset : offset + marks] == "teh"


@pytest.mark.parametrize(
    ("shown", "total", "bar"), [(True, 3, True), (True, 1, False), (False, 3, False)]
)
def test_progress_bar_only_when_asked_and_for_many(shown: bool, total: int, bar: bool) -> None:
    from tqdm import tqdm

    from wikicheck.runner import Outcome, _bar

    outcomes: list[Outcome] = []
    assert isinstance(_bar(outcomes, total, shown), tqdm) is bar
