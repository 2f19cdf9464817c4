"""HTML reports: of a whole-wiki scan (``wikicheck report``) and of a lint run
(``wikicheck lint --format html``). They read findings and summaries (scan records), never
dumps: the texts of the pages shown in detail are handed in (``scan.dumps.page_texts``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from ..scan.pages import Record
from ..scan.summary import ScanSummary
from .html_findings import FILTER_SCRIPT, Page, by_rule, filter_bar, page_view
from .html_parts import card, charts, count_table, document
from .results import Report

__all__ = ["render_lint_report", "render_scan_report", "top_records"]


def top_records(records: Sequence[Record], count: int) -> list[Record]:
    """The pages the scan report shows in detail: the most findings first."""
    ranked = sorted(records, key=lambda r: (-len(r["findings"]), int(r["page_id"])))
    return [record for record in ranked[:count] if record["findings"]]


def _severity_of(pages: Sequence[Page]) -> dict[str, str]:
    return {str(f["code"]): str(f["severity"]) for page in pages for f in page.findings}


def _head(summary: Mapping[str, Any], title: str, subtitle: str) -> list[str]:
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
    return [
        f"<h1>{escape(title)}</h1><p class=muted>{escape(subtitle)}</p>",
        '<div class="cards">' + "".join(cards) + "</div>",
    ]


def _numbers(summary: Mapping[str, Any], severity_of: Mapping[str, str]) -> list[str]:
    """After the findings: the charts and the count tables."""
    codes = [
        (code, entry["rule"], int(entry["count"])) for code, entry in summary["by_code"].items()
    ]
    categories = [(name, "", int(count)) for name, count in summary["by_category"].items()]
    return [
        charts(summary, severity_of),
        "<h2>Findings per category</h2>" + count_table("category", categories, "category"),
        "<h2>Findings per rule</h2>" + count_table("code", codes, "code"),
    ]


def render_scan_report(
    records: Sequence[Record],
    meta: Mapping[str, Any],
    texts: Mapping[int, str],
    *,
    detail_pages: int = 25,
    site: str | None = None,
) -> str:
    """The numbers are recomputed from the records (the source of truth); throughput comes
    from the scan's summary file when there is one. ``site`` (or the summary's ``site``) is
    the wiki's article path, for links to the pages."""
    site = site or (meta.get("site") if isinstance(meta.get("site"), str) else None)
    tally = ScanSummary()
    for record in records:
        tally.add(record)
    summary = tally.as_dict()
    speed = ""
    if meta.get("pages_per_s"):
        speed = f"; scanned at {meta['pages_per_s']} pages/s ({meta.get('mb_per_s')} MB/s)"
    detailed = top_records(records, detail_pages)
    shown = {int(r["page_id"]) for r in detailed}
    pages = [
        Page(str(r["page_id"]), str(r["title"]), r["findings"], int(r["page_id"]) in shown)
        for r in records
        if r["findings"]
    ]
    sections = _head(summary, "wikicheck scan report", f"{summary['pages']:,} pages{speed}")
    sections += [filter_bar(pages), by_rule(pages, site)]
    top = summary["top_pages"]
    rows = "".join(
        f'<tr><td><a href="#page-{entry["page_id"]}">{escape(entry["title"])}</a></td>'
        f'<td class=num data-top-page="{entry["page_id"]}">{entry["findings"]:,}</td></tr>'
        for entry in top
    )
    sections.append(
        "<h2>Findings by page</h2><p class=muted>The pages with the most findings, then each of"
        f" them with its wikitext.</p><table><tr><th>page</th><th>findings</th></tr>{rows}</table>"
    )
    by_id = {page.key: page for page in pages}
    sections += [
        page_view(by_id[str(r["page_id"])], texts.get(int(r["page_id"])), site) for r in detailed
    ]
    sections += _numbers(summary, _severity_of(pages))
    dump_errors = meta.get("dump_errors")
    dump_errors = [str(e) for e in dump_errors] if isinstance(dump_errors, list) else []
    if summary["errors"] or dump_errors:
        items = "".join(f"<li>{escape(e)}</li>" for e in [*summary["errors"], *dump_errors])
        sections.append(f"<h2>Errors</h2><ul>{items}</ul>")
    return document("wikicheck scan report", sections, summary, FILTER_SCRIPT)


def render_lint_report(report: Report, texts: Mapping[str, str], site: str | None = None) -> str:
    """``wikicheck lint --format html``: every file in detail. ``site``: the wiki's article
    path when the files are its pages (``lint --wiki``), for links to them."""
    tally = ScanSummary()
    pages: list[Page] = []
    errors = []
    for number, result in enumerate(report.files):
        findings = [finding.as_dict() for finding in result.findings]
        tally.add({"title": result.path, "page_id": number, "bytes": 0, "findings": findings,
                   "maintenance": result.maintenance, "error": result.error})  # fmt: skip
        if result.error is not None:
            errors.append(
                f"<p class=severity-error>{escape(result.path)}: {escape(result.error)}</p>"
            )
        else:
            pages.append(Page(str(number), result.path, findings, True))
    summary = tally.as_dict()
    sections = _head(summary, "wikicheck lint report", f"{len(report.files)} files")
    sections += [filter_bar(pages), by_rule(pages, site), "<h2>Findings by file</h2>", *errors]
    sections += [page_view(page, texts.get(page.title), site) for page in pages]
    sections += _numbers(summary, _severity_of(pages))
    return document("wikicheck lint report", sections, summary, FILTER_SCRIPT)
