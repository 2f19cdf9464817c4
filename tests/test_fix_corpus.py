"""Every safe fix, applied to every corpus article, keeps the article whole.

For each article of ``corpus/articles`` and ``corpus/recent/articles``: apply every safe fix
of every rule until stable (the library's fix loop, one pass at a time so that each edit can
be laid at its rule's door), re-lint, and check that no new error appears, no line is added
or lost, every 29 February is kept, no link target, heading title, comment or [sic]-marked
word is changed or lost (read back from the fixed text's own parse, independently of the
engine's guard), and a second ``--fix`` changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from wikicheck import Finding, Settings
from wikicheck.edits import MAX_PASSES, apply, changing_edits, choose_fixes, fix_until_stable
from wikicheck.findings import Severity
from wikicheck.parse import parse
from wikicheck.pipeline import Plan, check_document

from .conftest import RECENT_ARTICLES, corpus_paths, read_text, recent_paths, require_corpus

TODAY = dt.date(2026, 6, 15)

PARAMETER_REMOVALS = frozenset({"WC111", "WC332", "WC333"})
"""Rules whose fix deletes a whole ``|name = value`` (a duplicate field, a removed or empty
unknown citation parameter). When the parameter has a line of its own, the line goes with
it, which is the point of the fix; every other line must stay."""

_LEAP_DAY = re.compile(
    r"\b29 Feb(?:ruary|\.)?,? (\d{4})\b|\bFeb(?:ruary|\.)? 29,? (\d{4})\b|\b(\d{4})-02-29\b"
)
_LINE_NUMBER = re.compile(r"\bline \d+")
_SIC_MARKED = re.compile(r"(\S+)\s*\[\s*(?:'')?sic(?:'')?\s*\]", re.IGNORECASE)


def leap_days(text: str) -> Counter[str]:
    """How many times each year's 29 February is written, in any format CS1 reads."""
    return Counter(
        next(year for year in match.groups() if year) for match in _LEAP_DAY.finditer(text)
    )


def _errors(findings: list[Finding]) -> Counter[tuple[str, str]]:
    # A fix that removes a line renumbers the rest; "line N" in a message is not a new error.
    return Counter(
        (f.code, _LINE_NUMBER.sub("line N", f.message))
        for f in findings
        if f.severity is Severity.ERROR
    )


def _removes_a_parameter(code: str, old: str, new: str) -> bool:
    balanced = old.count("{{") == old.count("}}") and old.count("[[") == old.count("]]")
    return code in PARAMETER_REMOVALS and new == "" and old.startswith("|") and balanced


def protected_text(text: str) -> dict[str, Counter[str]]:
    """What no fix may change, read from the text's own parse: link targets, heading
    titles, comments, {{sic}} calls and the words before [sic]."""
    article = parse(text)
    return {
        "link target": Counter(
            article.text_at(link.target_span) for link in article.wikilinks if link.target_span
        ),
        "heading": Counter(s.title or "" for s in article.all_sections() if s.level),
        "comment": Counter(comment.text for comment in article.comments),
        "{{sic}}": Counter(article.text_at(t.span) for t in article.templates if t.name == "Sic"),
        "[sic]": Counter(match.group(1) for match in _SIC_MARKED.finditer(text)),
    }


def protected_changes(original: str, fixed: str) -> list[str]:
    """Protected text the fixed version has that the original had not (a changed link
    target, heading ...), and comments and headings it lost. A removed duplicate parameter
    may take a link with it, so link targets may only be fewer, never new."""
    before, after = protected_text(original), protected_text(fixed)
    problems = [f"new {kind} {text!r}" for kind in before for text in after[kind] - before[kind]]
    for kind in ("comment", "heading"):
        problems += [f"lost {kind} {text!r}" for text in before[kind] - after[kind]]
    return problems


def round_trip(path: Path, settings: Settings) -> tuple[int, list[str]]:
    """Fix ``path``'s text until stable; the number of fixes applied, and what went wrong."""
    original = read_text(path)
    linted: dict[str, list[Finding]] = {}

    def lint(text: str) -> list[Finding]:
        if text not in linted:
            linted[text] = check_document(text, Plan.of(settings), path=path.name).findings
        return linted[text]

    problems: list[str] = []
    text, applied, lines_removed = original, 0, 0
    for _ in range(MAX_PASSES):
        chosen = choose_fixes(text, lint(text))
        if not chosen:
            break
        edits = []
        for finding in chosen:
            for edit in changing_edits(text, finding):
                old, new = text[edit.span.start : edit.span.end], edit.replacement
                where = f"{path.name}:{finding.start.line} {finding.code}: {old!r} -> {new!r}"
                lost = old.count("\n") - new.count("\n")
                if lost and not _removes_a_parameter(finding.code, old, new):
                    problems.append(f"{where} changes the number of lines by {-lost}")
                lines_removed += lost
                if leap_days(old) - leap_days(new):
                    problems.append(f"{where} loses a 29 February")
                edits.append(edit)
        text = apply(text, edits)
        applied += len(chosen)
    else:
        problems.append(f"{path.name}: fixes still apply after {MAX_PASSES} passes")
    assert fix_until_stable(original, lint) == (text, applied), path.name  # the library's loop
    if text.count("\n") != original.count("\n") - lines_removed:
        problems.append(f"{path.name}: lines added or lost outside the fixed text")
    if leap_days(original) - leap_days(text):
        problems.append(
            f"{path.name}: 29 February lost ({dict(leap_days(original) - leap_days(text))})"
        )
    problems += [f"{path.name}: {change}" for change in protected_changes(original, text)]
    for code, message in _errors(lint(text)) - _errors(lint(original)):
        problems.append(f"{path.name}: new error {code} {message}")
    if fix_until_stable(text, lint) != (text, 0):
        problems.append(f"{path.name}: a second --fix changes the text")
    return applied, problems


@pytest.mark.corpus
def test_every_safe_fix_round_trips_on_the_corpus() -> None:
    require_corpus(RECENT_ARTICLES)
    settings = Settings(select=("ALL",), today=TODAY)
    paths = corpus_paths() + recent_paths()
    started = time.perf_counter()
    applied, problems = 0, []
    for path in paths:
        count, found = round_trip(path, settings)
        applied += count
        problems += found
    seconds = time.perf_counter() - started
    print(f"{len(paths)} articles, {applied} safe fixes applied, {seconds:.1f} s")
    assert len(paths) > 250
    assert applied > 0
    assert not problems, "\n".join(problems)
