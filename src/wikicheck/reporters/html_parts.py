"""The parts of a self-contained static HTML page: the style, summary cards and tables, inline
SVG charts, the highlighting of findings in wikitext, the document around them. The findings
themselves (by rule, by page, the source views) are in ``html_findings``.

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

from .charts import SEVERITY_COLORS, bar_chart, timeline

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
figure.chart { max-width: 100%; overflow-x: auto; box-sizing: border-box; background: #fff; border: 1px solid #c8ccd1; border-radius: 6px; padding: .6em; margin: 0; }
figure.chart text { font-size: 12px; fill: #202122; } figure.chart .tick { font-size: 10px; }
figure.chart g.bar:hover rect { opacity: .7; }
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
[hidden] { display: none !important; }
details.page, details.rule, tr.note { scroll-margin-top: 3.5em; }
.filter { position: sticky; top: 0; z-index: 2; background: #f8f9fa; padding: .5em 0; border-bottom: 1px solid #c8ccd1; }
.filter label { margin-right: .8em; }
.sev { display: inline-block; border-radius: 3px; padding: 0 .4em; font-size: .85em; font-weight: 600; color: #fff; }
.sev-error { background: #d33; } .sev-warning { background: #e8a600; color: #202122; } .sev-info { background: #36c; }
details.rule { background: #fff; border: 1px solid #c8ccd1; border-left-width: 4px; border-radius: 4px; margin: .4em 0; padding: .3em .8em; }
details.rule[data-severity=error] { border-left-color: #d33; } details.rule[data-severity=warning] { border-left-color: #e8a600; }
details.rule[data-severity=info] { border-left-color: #36c; }
details.rule > summary { cursor: pointer; }
td.fix, span.fix { color: #14866d; } details.places ul { margin: .2em 0; padding-left: 1.2em; max-height: 16em; overflow: auto; }
table.source { width: 100%; border: 1px solid #c8ccd1; font: 13px/1.45 ui-monospace, monospace; }
table.source td { border: 0; padding: 0 .5em; }
table.source td.ln { width: 3.5em; text-align: right; color: #72777d; background: #f8f9fa; user-select: none; }
table.source td.src { white-space: pre-wrap; word-break: break-word; }
table.source tr.note td { font-family: system-ui, sans-serif; background: #fafafa; padding: .15em .5em .25em 1.5em; }
table.source tr.note:target td, table.source tr.note:target td.ln { background: #fff3c4; }
table.source .where { color: #72777d; font-variant-numeric: tabular-nums; }
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


def document(
    title: str, sections: Sequence[str], embedded: Mapping[str, Any], script: str = ""
) -> str:
    """The page; ``script`` is inline code of this package's own (never data)."""
    data = json_for_html(embedded)
    code = f"<script>{script}</script>" if script else ""
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        + "".join(sections)
        + f'<script type="application/json" id="summary-data">{data}</script>'
        + code
        + "</body></html>\n"
    )


def charts(summary: Mapping[str, Any], severity_of: Mapping[str, str]) -> str:
    """The charts; bars by severity and by rule in the severity's colour."""
    ranked = sorted(summary["by_code"].items(), key=lambda item: -int(item[1]["count"]))[:20]
    by_code = [(f"{code} {entry['rule']}", int(entry["count"])) for code, entry in ranked]
    code_colors = [SEVERITY_COLORS.get(severity_of.get(code, ""), "#72777d") for code, _ in ranked]
    severities = [(s, int(n)) for s, n in summary.get("by_severity", {}).items()]
    figures = [
        bar_chart(
            "Findings per severity",
            severities,
            chart_id="chart-severity",
            colors=[SEVERITY_COLORS.get(s, "#72777d") for s, _ in severities],
        ),
        bar_chart(
            "Findings per category", list(summary["by_category"].items()), chart_id="chart-category"
        ),
        bar_chart("Findings per rule (top 20)", by_code, chart_id="chart-code", colors=code_colors),
        bar_chart(
            "Maintenance backlog: dated tags by month",
            timeline(summary["maintenance"]["by_month"]),
            chart_id="chart-backlog",
            horizontal=False,
        ),
    ]
    return '<h2>Charts</h2><div class="charts">' + "".join(figures) + "</div>"
