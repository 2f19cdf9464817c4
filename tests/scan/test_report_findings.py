"""The HTML report as an editor reads it (issue 18, item 1): findings first, grouped by rule and
by page, identical findings in one row with a count and their places, each place linked to its
note in a line-numbered source view that prints the message and the fix, links to the wiki when
the site is known, severity colours in the charts — and everything from the data escaped."""

from __future__ import annotations

import re
from typing import Any

from wikicheck.reporters.charts import SEVERITY_COLORS
from wikicheck.reporters.html import render_scan_report
from wikicheck.reporters.html_findings import MAX_PLACES, Page, by_rule, page_url, source_view

TEXT = "== A ==\n{{cite web |deadurl=no |title=T}}\nSecond |deadurl=yes line.\n"


def _finding(
    code: str,
    offset: int,
    end: int,
    *,
    message: str = "m",
    line: int = 1,
    column: int = 1,
    severity: str = "error",
    fix: str | None = None,
) -> dict[str, Any]:
    return {"code": code, "rule": "removed-citation-parameter", "category": "citation",
            "severity": severity, "message": message, "line": line, "column": column,
            "offset": offset, "end_offset": end,
            "fix": None if fix is None else {"title": fix, "applicability": "safe",
                                             "edits": []}}  # fmt: skip


def _record(page_id: int, title: str, findings: list[dict[str, Any]]) -> dict[str, Any]:
    return {"title": title, "page_id": page_id, "revision_id": 1, "bytes": 10,
            "findings": findings, "maintenance": {}, "error": None}  # fmt: skip


def test_identical_findings_are_one_row_with_a_count_and_their_places() -> None:
    same = [_finding("WC332", 9, 20, message="Unknown |deadurl=", fix="Remove |deadurl=")] * 51
    other = [_finding("WC332", 40, 45, message="Unknown |deadurl= (other)")]
    html = by_rule([Page("7", "Abacus", [*same, *other], True)], None)
    assert html.count('<details class="rule f"') == 1
    assert '<b data-rule-count="WC332">52</b> findings on 1 page' in html
    rows = re.findall(r"<tr><td class=num>([\d,]+)</td><td>([^<]*)</td><td class=fix>([^<]*)", html)
    assert rows == [
        ("51", "Unknown |deadurl=", "Remove |deadurl= (safe)"),
        ("1", "Unknown |deadurl= (other)", ""),
    ]
    assert "<summary>51 places</summary>" in html
    assert html.count('href="#f-7-') == 52  # each place links to its note in the source view
    assert 'href="#f-7-51"' in html


def test_places_are_bounded() -> None:
    many = [_finding("WC332", 0, 1)] * (MAX_PLACES + 5)
    html = by_rule([Page("1", "A", many, True)], None)
    assert html.count('href="#f-1-') == MAX_PLACES
    assert "and 5 more" in html


def test_source_view_numbers_lines_highlights_and_prints_messages_and_fixes() -> None:
    flagged, across = TEXT.index("deadurl=no"), TEXT.index("T}}")
    findings = [
        _finding("WC332", flagged, flagged + 10, message="Unknown |deadurl=", line=2, column=13,
                 fix="Remove it"),
        _finding("WC101", across, TEXT.index("Second") + 10, message="spans two lines", line=2,
                 column=31, severity="info"),
    ]  # fmt: skip
    html = source_view(TEXT, findings, "3")
    lines = re.findall(r'<tr id="L-3-(\d+)"><td class=ln>(\d+)</td>', html)
    assert lines == [(str(n), str(n)) for n in range(1, 5)]  # the text ends with a newline
    assert '<mark class="error" data-codes="WC332"' in html
    assert ">deadurl=no</mark>" in html
    # Each finding's note follows the line it starts on: position, code, message, fix.
    note = re.search(r'<tr class="note f" id="f-3-0" data-code="WC332" data-severity="error">'
                     r"(.*?)</tr>", html)  # fmt: skip
    assert note is not None
    assert "2:13" in note.group(1)
    assert "Unknown |deadurl=" in note.group(1)
    assert "fix: Remove it (safe)" in note.group(1)
    assert html.index('id="L-3-2"') < html.index('id="f-3-0"') < html.index('id="L-3-3"')
    # A finding over two lines is highlighted on both, its note under the first.
    assert ">T}}</mark>" in html
    assert ">Second |de</mark>" in html
    assert html.index('id="f-3-1"') < html.index('id="L-3-3"')


def test_places_link_to_the_wiki_when_the_page_is_not_shown() -> None:
    records = [
        _record(1, "Shown page", [_finding("WC332", 0, 1)] * 3),
        _record(2, "Ångström (unit)", [_finding("WC332", 0, 1)]),
    ]
    meta = {"site": "https://en.wikipedia.org/wiki/"}
    html = render_scan_report(records, meta, {1: TEXT}, detail_pages=1)
    assert 'href="https://en.wikipedia.org/wiki/%C3%85ngstr%C3%B6m_(unit)"' in html
    assert 'href="#f-1-0"' in html
    shown = 'href="https://en.wikipedia.org/wiki/Shown_page" rel="noreferrer">open on the wiki'
    assert shown in html
    assert page_url("javascript:alert(1)//", "A") is None
    assert "javascript:" not in render_scan_report(records, {"site": "javascript:x"}, {})


def test_everything_from_the_data_is_escaped() -> None:
    hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    finding = _finding("WC332", 0, 5, message=hostile, fix=hostile)
    finding["rule"] = hostile
    records = [_record(1, hostile, [finding])]
    html = render_scan_report(records, {"site": "https://w.example/wiki/"}, {1: hostile})
    assert "<img" not in html
    assert html.count("<script") == 2  # the embedded JSON and the report's own filter script
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_findings_come_first_and_charts_use_severity_colours() -> None:
    findings = [_finding("WC332", 0, 1), _finding("WC601", 1, 2, severity="warning")]
    html = render_scan_report([_record(1, "A", findings)], {}, {})
    assert html.index("<h2>Findings by rule</h2>") < html.index("<h2>Charts</h2>")
    assert html.index('id="filter"') < html.index("<h2>Findings by rule</h2>")
    severity_chart = re.search(r'id="chart-severity".*?</figure>', html)
    assert severity_chart is not None
    assert f'fill="{SEVERITY_COLORS["error"]}"' in severity_chart.group(0)
    rule_chart = re.search(r'id="chart-code".*?</figure>', html)
    assert rule_chart is not None
    bars = re.findall(r'data-label="(WC\d+)[^"]*".*?fill="([^"]+)"', rule_chart.group(0))
    assert dict(bars) == {"WC332": SEVERITY_COLORS["error"], "WC601": SEVERITY_COLORS["warning"]}
