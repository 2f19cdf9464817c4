"""Bounded parse time (issue 14, item 5a): floods of unclosed markup parse in linear time,
the model's offsets stay exact, and WC003 points at the first neutralised opener.

Before the pre-checks, 100 KB of "<ref name=" took over 120 s, "<x " over 200 s (9 s at
10 KB), "{|" 83 s, "[[a|" 48 s. The timings run in a child process under a memory limit and a
timeout, so a regression fails here instead of holding the shared machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import resource
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wikicheck
from wikicheck.errors import InputError
from wikicheck.parse import parser_input
from wikicheck.parse.limits import LIMITS, REPLACEMENT, bound_markup

from ..conftest import ROOT
from .test_spans import assert_model_spans

OPENERS = {
    "ref name": "<ref name=", "quoted attribute": '<ref name="', "div attribute": "<div a=",
    "any tag": "<x ", "ref": "<ref>", "div": "<div>", "span": "<span>", "p": "<p>",
    "piped wikilink": "[[a|", "external link": "[http://", "comment": "<!--", "table": "{|",
    "table row": "{|\n|-\n",
}  # fmt: skip
SEPARATORS = {"space": "x ", "newline": "\n", "none": ""}

_TIMER = """
import json, sys, time
import wikicheck
from wikicheck.errors import InputError
cases = json.loads(sys.stdin.read())
out = {}
for name, (unit, separator) in cases.items():
    text = ((unit + separator) * (100_000 // len(unit + separator) + 1))[:100_000]
    started = time.perf_counter()
    article = wikicheck.parse(text)
    out[name] = [time.perf_counter() - started, [limit.kind for limit in article.limits]]
print(json.dumps(out))
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_100_kb_of_any_unclosed_opener_parses_in_well_under_a_second_each() -> None:
    cases = {
        f"{name} / {sep_name}": (unit, separator)
        for name, unit in OPENERS.items()
        for sep_name, separator in SEPARATORS.items()
    }
    result = subprocess.run(
        [sys.executable, "-c", _TIMER],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=60,  # 39 pages; before the pre-checks one of them alone took minutes
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        preexec_fn=_limit_memory,
    )
    assert result.returncode == 0, result.stderr
    timings = json.loads(result.stdout)
    slow = {name: round(seconds, 2) for name, (seconds, _) in timings.items() if seconds > 1.5}
    assert slow == {}
    assert timings["ref name / space"][1] == ["unterminated tags"]
    assert timings["piped wikilink / newline"][1] == ["unclosed wikilinks"]
    assert timings["table / newline"][1] == ["unclosed tables"]
    assert timings["comment / none"][1] == ["unclosed comments"]


def test_neutralised_copy_keeps_every_offset() -> None:
    flood = "<ref>a " * 30
    text = f"{flood}[[Real link|shown]] {{{{cite web|url=https://example.org|title=T}}}}"
    bounded, limits = bound_markup(text)
    assert len(bounded) == len(text)
    assert bounded.count(REPLACEMENT) == 30
    assert [(limit.kind, limit.count, limit.limit) for limit in limits] == [
        ("unclosed tags", 30, LIMITS["unclosed tags"])
    ]
    article = wikicheck.parse(text)
    (link,) = article.wikilinks
    assert article.text_at(link.span) == "[[Real link|shown]]"
    assert link.span.start == len(flood)
    (template,) = article.templates
    assert article.text_at(template.span) == "{{cite web|url=https://example.org|title=T}}"
    # Text runs are cut from the original, "<ref>" and all.
    assert "<ref>a" in "".join(run.text for run in article.text_runs)


def test_below_the_limits_nothing_changes() -> None:
    text = "<ref>a " * LIMITS["unclosed tags"] + "[[a|" * LIMITS["unclosed wikilinks"]
    assert bound_markup(text) == (text, ())


def test_wc003_names_the_kind_count_and_limit() -> None:
    text = "Intro.\n" + "[[a|b " * 25
    (finding,) = wikicheck.lint(text, select=["WC003"])
    assert (finding.start.line, finding.start.column) == (2, 1)
    assert finding.message.startswith("25 unclosed wikilinks (wikicheck parses at most 20)")


PIECES = st.sampled_from(
    [*OPENERS.values(), "</ref>", "</div>", "]]", "]", "|}", "-->", ">", "/>", "{{a|", "}}",
     "text ", "\n", "'''", "<math>", "</math>", "<nowiki>", "</nowiki>", "=="]
)  # fmt: skip


@settings(
    max_examples=60,
    deadline=dt.timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.tuples(PIECES, st.integers(1, 3000)), min_size=1, max_size=12))
def test_pathological_wikitext_parses_fast_with_exact_spans(
    runs: list[tuple[str, int]],
) -> None:
    """Random mixes of openers and text, up to ~300 KB; each case within the deadline (the
    unbounded parser took seconds on 10 KB of most of these openers)."""
    text = "".join(piece * count for piece, count in runs)
    if text.count("{{") > 500:  # the older guard: "{{" nested past 500 refuses the page
        with contextlib.suppress(InputError):
            wikicheck.parse(text)
        return
    article = wikicheck.parse(text)
    assert article.source == text
    for template in article.templates:
        assert article.text_at(template.span).startswith("{{")
    for link in article.wikilinks:
        assert article.text_at(link.span).startswith("[[")
        assert article.text_at(link.span).endswith("]]")
    for comment in article.comments:
        assert article.text_at(comment.span).startswith("<!--")
    for ref in article.refs:
        assert article.text_at(ref.span)[:4].lower() in ("<ref", "{{")
    for limit in article.limits:
        assert parser_input(text)[limit.span.start] == REPLACEMENT
    if len(text) < 5000:
        assert_model_spans(text)


@pytest.mark.parametrize("kind", sorted(LIMITS))
def test_every_kind_has_a_limit_the_docs_state(kind: str) -> None:
    doc = wikicheck.registry.default_registry().get("WC003").doc
    assert str(LIMITS[kind]) in doc
