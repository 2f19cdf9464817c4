"""A self-contained static HTML page: summary tables, inline SVG charts, and per-page views of
the wikitext with every finding highlighted at its position (its message on hover).

No server, no CDN, no script from elsewhere: the page works from a CI artifact or a file://
URL. The numbers shown carry ``data-metric`` attributes, and the summary is embedded as JSON,
so tests (and people) can check them against the scan's own output.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from itertools import pairwise
from typing import Any

from .charts import bar_chart, timeline

_STYLE = """
:root { font-family: system-ui, sans-serif; color: #202122; background: #f8f9fa; }
body { margin: 0 auto; max-width: 1100px; padding: 1.5em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #c8ccd1; }
.cards { display: flex; flex-wrap: wrap; gap: .8em; margin: 1em 0; }
.card { background: #fff; border: 1px solid #c8ccd1; border-radius: 6px; padding: .6em 1em; min-width: 9em; }
.card b { display: block; font-size: 1.5em; }
table { border-collapse: collapse; background: #fff; margin: .6em 0; }
th, td { border: 1px solid #c8ccd1; padding: .25em .6em; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5em; }
figure.chart { background: #fff; border: 1px solid #c8ccd1; border-radius: 6px; padding: .6em; margin: 0; }
figure.chart text { font-size: 12px; fill: #202122; } figure.chart .tick { font-size: 10px; }
figure.chart g.bar:hover rect { opacity: .7; }
pre.wikitext { background: #fff; border: 1px solid #c8ccd1; padding: .8em; white-space: pre-wrap;
  word-break: break-word; max-height: 36em; overflow: auto; font-size: 13px; line-height: 1.45; }
mark { border-radius: 2px; cursor: help; }
mark.error { background: #fee7e6; outline: 1px solid #d33; }
mark.warning { background: #fef6e7; outline: 1px solid #fc3; }
mark.info { background: #eaf3ff; outline: 1px solid #36c; }
mark.point::before { content: "\\25B8"; color: #d33; }
mark:hover { filter: brightness(.9); }
.severity-error { color: #d33; } .severity-warning { color: #ac6600; } .severity-info { color: #36c; }
details.page { background: #fff; border: 1px solid #c8ccd1; border-radius: 6px; margin: .6em 0; padding: .4em .8em; }
details.page summary { cursor: pointer; font-weight: 600; }
.muted { color: #54595d; }
"""


def _rank(severity: str) -> int:
    return {"error": 3, "warning": 2, "info": 1}.get(severity, 0)


def highlighted(text: str, findings: Sequence[Mapping[str, Any]]) -> str:
    """``text`` as HTML with each finding's range in a <mark> (severity class, tooltip)."""
    cuts = {0, len(text)}
    points: dict[int, list[Mapping[str, Any]]] = {}
    for finding in findings:
        start = max(0, min(int(finding["offset"]), len(text)))
        end = max(start, min(int(finding["end_offset"]), len(text)))
        if start == end:
            points.setdefault(start, []).append(finding)
        cuts.update((start, end))
    bounds = sorted(cuts)
    parts: list[str] = []
    for left, right in pairwise(bounds):
        for finding in points.pop(left, []):
            parts.append(_point(finding))
        covering = [
            f for f in findings if int(f["offset"]) <= left and int(f["end_offset"]) >= right
            and int(f["offset"]) < int(f["end_offset"])
        ]  # fmt: skip
        segment = escape(text[left:right])
        if covering:
            parts.append(_marks(covering, segment))
        else:
            parts.append(segment)
    for finding in points.pop(len(text), []):
        parts.append(_point(finding))
    return "".join(parts)


def _tooltip(findings: Sequence[Mapping[str, Any]]) -> str:
    return "\n".join(f"{f['code']} ({f['rule']}): {f['message']}" for f in findings)


def _marks(findings: Sequence[Mapping[str, Any]], segment: str) -> str:
    worst = max(findings, key=lambda f: _rank(str(f["severity"])))
    codes = " ".join(sorted({str(f["code"]) for f in findings}))
    return (
        f'<mark class="{escape(str(worst["severity"]))}" data-codes="{escape(codes)}" '
        f'title="{escape(_tooltip(findings))}">{segment}</mark>'
    )


def _point(finding: Mapping[str, Any]) -> str:
    """An empty range (a missing pipe, an insertion point): a marker, no text."""
    return (
        f'<mark class="{escape(str(finding["severity"]))} point" data-codes="{escape(str(finding["code"]))}" '
        f'title="{escape(_tooltip([finding]))}"></mark>'
    )


def findings_table(findings: Sequence[Mapping[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td class=num>{f['line']}:{f['column']}</td>"
        f'<td class="severity-{escape(str(f["severity"]))}">{escape(str(f["severity"]))}</td>'
        f"<td><code>{escape(str(f['code']))}</code> {escape(str(f['rule']))}</td>"
        f"<td>{escape(str(f['message']))}</td></tr>"
        for f in findings
    )
    return f"<table class=findings><tr><th>where</th><th>severity</th><th>rule</th><th>message</th></tr>{rows}</table>"


def page_view(title: str, findings: Sequence[Mapping[str, Any]], text: str | None, key: str) -> str:
    count = len(findings)
    body = findings_table(findings)
    if text is not None:
        body += f'<pre class="wikitext">{highlighted(text, findings)}</pre>'
    else:
        body += '<p class="muted">wikitext not available (pass the dump with --dump to see it)</p>'
    return (
        f'<details class="page" id="page-{escape(key)}" data-findings="{count}">'
        f"<summary>{escape(title)} <span class=muted>— {count:,} finding{'s' if count != 1 else ''}</span></summary>"
        f"{body}</details>"
    )


def card(label: str, value: object, metric: str) -> str:
    shown = f"{value:,}" if isinstance(value, int) else escape(str(value))
    return f'<div class="card"><b data-metric="{metric}">{shown}</b>{escape(label)}</div>'


def count_table(heading: str, rows: Sequence[tuple[str, str, int]], metric: str) -> str:
    body = "".join(
        f"<tr><td><code>{escape(key)}</code></td><td>{escape(name)}</td>"
        f'<td class=num data-{metric}="{escape(key)}">{value:,}</td></tr>'
        for key, name, value in rows
    )
    return f"<table><tr><th>{escape(heading)}</th><th></th><th>findings</th></tr>{body}</table>"


_JSON_IN_HTML = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_for_html(data: object) -> str:
    """JSON that can sit inside a <script> element whatever strings it holds.

    Escaping only "</" is not enough: "<!--<script>" in a page title switches the HTML
    parser into its double-escaped script state, where the closing tag no longer ends the
    element and the rest of the page becomes script. With no "<", ">" or "&" left (and the
    line separators JavaScript once rejected escaped too) the text is inert to the HTML parser
    and parses back to the same data.
    """
    return json.dumps(data, ensure_ascii=False).translate(_JSON_IN_HTML)


def document(title: str, sections: Sequence[str], embedded: Mapping[str, Any]) -> str:
    data = json_for_html(embedded)
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        + "".join(sections)
        + f'<script type="application/json" id="summary-data">{data}</script>'
        + "</body></html>\n"
    )


def charts(summary: Mapping[str, Any]) -> str:
    by_code = sorted(
        (
            (f"{code} {entry['rule']}", int(entry["count"]))
            for code, entry in summary["by_code"].items()
        ),
        key=lambda item: -item[1],
    )[:20]
    figures = [
        bar_chart(
            "Findings per category", list(summary["by_category"].items()), chart_id="chart-category"
        ),
        bar_chart("Findings per rule (top 20)", by_code, chart_id="chart-code"),
        bar_chart(
            "Maintenance backlog: dated tags by month",
            timeline(summary["maintenance"]["by_month"]),
            chart_id="chart-backlog",
            horizontal=False,
        ),
    ]
    return '<h2>Charts</h2><div class="charts">' + "".join(figures) + "</div>"
