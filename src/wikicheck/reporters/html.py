"""HTML reports: of a whole-wiki scan (``wikicheck report``) and of a lint run
(``wikicheck lint --format html``). They read findings and summaries (scan records), never
dumps: the texts of the pages shown in detail are handed in (``scan.dumps.page_texts``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from ..scan.pages import Record
from ..scan.summary import ScanSummary
from .html_parts import card, charts, count_table, document, page_view
from .results import Report

__all__ = ["render_lint_report", "render_scan_report", "top_records"]


def top_records(records: Sequence[Record], count: int) -> list[Record]:
    """The pages the scan report shows in detail: the most findings first."""
    ranked = sorted(records, key=lambda r: (-len(r["findings"]), int(r["page_id"])))
    return [record for record in ranked[:count] if record["findings"]]


def _sections(summary: Mapping[str, Any], title: str, subtitle: str) -> list[str]:
    severities = summary.get("by_severity", {})
    cards = [
        card("pages", summary["pages"], "pages"),
        card("pages with findings", summary["pages_with_findings"], "pages_with_findings"),
        card("findings", summary["findings"], "findings"),
        card("error findings", severities.get("error", 0), "errors"),
        card("warnings", severities.get("warning", 0), "warnings"),
        card("notes", severities.get("info", 0), "notes"),
        card(
            "dated maintenance tags",
            sum(summary["maintenance"]["by_month"].values()),
            "dated_tags",
        ),
    ]
    codes = [
        (code, entry["rule"], int(entry["count"])) for code, entry in summary["by_code"].items()
    ]
    categories = [(name, "", int(count)) for name, count in summary["by_category"].items()]
    return [
        f"<h1>{escape(title)}</h1><p class=muted>{escape(subtitle)}</p>",
        '<div class="cards">' + "".join(cards) + "</div>",
        charts(summary),
        "<h2>Findings per category</h2>" + count_table("category", categories, "category"),
        "<h2>Findings per rule</h2>" + count_table("code", codes, "code"),
    ]


def render_scan_report(
    records: Sequence[Record],
    meta: Mapping[str, Any],
    texts: Mapping[int, str],
    *,
    detail_pages: int = 25,
) -> str:
    """The numbers are recomputed from the records (the source of truth); throughput comes
    from the scan's summary file when there is one."""
    tally = ScanSummary()
    for record in records:
        tally.add(record)
    summary = tally.as_dict()
    speed = ""
    if meta.get("pages_per_s"):
        speed = f"; scanned at {meta['pages_per_s']} pages/s ({meta.get('mb_per_s')} MB/s)"
    sections = _sections(summary, "wikicheck scan report", f"{summary['pages']:,} pages{speed}")
    top = summary["top_pages"]
    rows = "".join(
        f'<tr><td><a href="#page-{entry["page_id"]}">{escape(entry["title"])}</a></td>'
        f'<td class=num data-top-page="{entry["page_id"]}">{entry["findings"]:,}</td></tr>'
        for entry in top
    )
    sections.append(
        f"<h2>Pages with the most findings</h2><table><tr><th>page</th><th>findings</th></tr>{rows}</table>"
    )
    views = [
        page_view(r["title"], r["findings"], texts.get(int(r["page_id"])), str(r["page_id"]))
        for r in top_records(records, detail_pages)
    ]
    sections.append("<h2>Pages</h2>" + "".join(views))
    dump_errors = meta.get("dump_errors")
    dump_errors = [str(e) for e in dump_errors] if isinstance(dump_errors, list) else []
    if summary["errors"] or dump_errors:
        items = "".join(f"<li>{escape(e)}</li>" for e in [*summary["errors"], *dump_errors])
        sections.append(f"<h2>Errors</h2><ul>{items}</ul>")
    return document("wikicheck scan report", sections, summary)


def render_lint_report(report: Report, texts: Mapping[str, str]) -> str:
    """``wikicheck lint --format html``: every file in detail."""
    tally = ScanSummary()
    views = []
    for number, result in enumerate(report.files):
        findings = [finding.as_dict() for finding in result.findings]
        tally.add({"title": result.path, "page_id": number, "bytes": 0, "findings": findings,
                   "maintenance": result.maintenance, "error": result.error})  # fmt: skip
        if result.error is not None:
            views.append(
                f"<p class=severity-error>{escape(result.path)}: {escape(result.error)}</p>"
            )
        else:
            views.append(page_view(result.path, findings, texts.get(result.path), str(number)))
    summary = tally.as_dict()
    sections = _sections(summary, "wikicheck lint report", f"{len(report.files)} files")
    sections.append("<h2>Files</h2>" + "".join(views))
    return document("wikicheck lint report", sections, summary)
