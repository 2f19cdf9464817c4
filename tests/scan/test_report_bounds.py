"""Report outputs that hostile data cannot break (issue 14, item 12 and the SARIF/HTML bits of
item 14): the HTML report stays small whatever the tag dates, its embedded JSON cannot end
its <script> element early or late, and SARIF never writes a URI with a scheme or crashes on
a file name that is not UTF-8."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

import pytest

from wikicheck.cli import main
from wikicheck.reporters.charts import MAX_BARS, timeline
from wikicheck.reporters.html import render_scan_report
from wikicheck.reporters.html_findings import FILTER_SCRIPT
from wikicheck.reporters.html_parts import json_for_html


def _record(title: str, by_month: dict[str, int]) -> dict[str, Any]:
    finding = {"code": "WC503", "rule": "undated-maintenance-tag", "category": "maintenance",
               "severity": "warning", "message": "m", "line": 1, "column": 1, "offset": 0,
               "end_offset": 1}  # fmt: skip
    maintenance = {"by_month": by_month, "by_kind": {"citation needed": 2}, "undated": 0}
    return {"title": title, "page_id": 1, "revision_id": 2, "bytes": 3, "findings": [finding],
            "maintenance": maintenance, "error": None}  # fmt: skip


def _embedded(html: str) -> str:
    match = re.search(r'<script type="application/json" id="summary-data">(.*?)</script>', html)
    assert match is not None
    return match.group(1)


def test_a_tag_from_the_year_1000_and_one_from_9999_make_a_small_report() -> None:
    html = render_scan_report([_record("A", {"1000-01": 1, "9999-12": 1})], {}, {})
    assert len(html) < 200_000  # was 190 MB: one bar per month over 9,000 years
    chart = html[html.index('id="chart-backlog"') :]
    chart = chart[: chart.index("</figure>")]
    bars = re.findall(r'data-label="([^"]+)" data-value="(\d+)"', chart)
    assert len(bars) <= MAX_BARS
    assert bars[0] == ("1000–1099", "1")
    assert bars[-1] == ("9900–9999", "1")
    assert sum(int(value) for _, value in bars) == 2


@pytest.mark.parametrize(
    ("counts", "first", "bars", "total"),
    [
        ({"2020-01": 1, "2020-03": 2}, ("2020-01", 1), 3, 3),  # short: one bar a month
        ({"2000-01": 1, "2020-12": 2}, ("2000", 1), 21, 3),  # 252 months: one bar a year
        ({"1800-01": 1, "2020-12": 2}, ("1800–1809", 1), 23, 3),  # 221 years: decades
        ({"0005-01": 3, "not a month": 1, "2000-13": 4}, ("0005-01", 3), 1, 3),
    ],
)
def test_timeline_buckets(
    counts: dict[str, int], first: tuple[str, int], bars: int, total: int
) -> None:
    series = timeline(counts)
    assert series[0] == first
    assert len(series) == bars
    assert sum(value for _, value in series) == total


def test_a_comment_script_title_cannot_break_the_embedded_json() -> None:
    title = "<!--<script>alert(1)</script>\u2028&amp;"
    html = render_scan_report([_record(title, {"2020-01": 1})], {}, {})
    data = _embedded(html)
    # The HTML tokenizer's script states start only at "<": with none left, the element ends
    # at its own </script> whatever the strings hold.
    assert not {"<", ">", "&", "\u2028"} & set(data)
    assert json.loads(data)["top_pages"][0]["title"] == title
    # Two script elements: the embedded JSON and the report's own filter code, nothing else.
    assert re.findall(r"<script[^>]*>", html) == [
        '<script type="application/json" id="summary-data">',
        "<script>",
    ]
    assert f"<script>{FILTER_SCRIPT}</script></body></html>" in html
    assert json_for_html({"a": "</script><!--"}) == '{"a": "\\u003c/script\\u003e\\u003c!--"}'


def _sarif(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["lint", *args, "--isolated", "--format", "sarif", "--select", "WC101", "-j", "1"])
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_sarif_uri_of_a_talk_page_has_no_scheme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("Talk:Foo.wiki").write_text("== A ==\n==== B ====\n", encoding="utf-8")
    sarif = _sarif(["Talk:Foo.wiki"], capsys)
    (result,) = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "Talk%3AFoo.wiki"
    assert urlsplit(uri).scheme == ""


def test_sarif_survives_a_file_name_that_is_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.wiki")
    with open(name, "wb") as handle:
        handle.write(b"== A ==\n==== B ====\n")
    sarif = _sarif([str(tmp_path)], capsys)
    (result,) = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("caf%E9.wiki")
    assert unquote_to_bytes(uri) == name  # the URI names the bytes of the file on disk
