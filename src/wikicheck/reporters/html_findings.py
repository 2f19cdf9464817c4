"""The findings of an HTML report as an editor reads them: grouped by rule (identical findings
in one row, with a count and the list of their places), then page by page, each page's wikitext
with line numbers, the flagged text highlighted and every message and fix printed under its
line. Each place links to its note in the source view when the page is shown in detail, else to
the page on the wiki when the site is known.

Everything from the data is escaped; the sizes are bounded (rows per rule, places per row), so
a scan of millions of findings still makes a page a browser opens.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import quote

from .html_parts import highlighted

SEVERITIES = ("error", "warning", "info")
MAX_GROUPS_PER_RULE = 60
"""Distinct messages listed under one rule; the rest are counted in one line."""
MAX_PLACES = 100
"""Places listed under one group of identical findings; the rest are counted."""

Finding = Mapping[str, Any]


@dataclass(frozen=True)
class Page:
    """A page or file of the report. ``shown``: it has a source view in this report."""

    key: str
    title: str
    findings: Sequence[Finding]
    shown: bool


def rank(severity: str) -> int:
    return {"error": 3, "warning": 2, "info": 1}.get(severity, 0)


def page_url(site: str | None, title: str) -> str | None:
    """The page on the wiki: ``site`` is the article path's prefix, as in a dump's
    ``<base>`` (``https://en.wikipedia.org/wiki/``). Only http(s) sites make links."""
    if not site or not site.startswith(("https://", "http://")):
        return None
    return site + quote(title.replace(" ", "_"), safe="/:(),'!*")


def note_id(key: str, index: int) -> str:
    return f"f-{key}-{index}"


def fix_text(finding: Finding) -> str:
    fix = finding.get("fix")
    if not isinstance(fix, Mapping) or not fix.get("title"):
        return ""
    return f"{fix['title']} ({fix.get('applicability', 'unsafe')})"


def _attributes(code: str, severity: str) -> str:
    return f'data-code="{escape(code)}" data-severity="{escape(severity)}"'


def _badge(severity: str) -> str:
    return f'<span class="sev sev-{escape(severity)}">{escape(severity)}</span>'


def _place(page: Page, index: int, finding: Finding, site: str | None) -> str:
    label = escape(f"{page.title}:{finding.get('line', '?')}:{finding.get('column', '?')}")
    if page.shown:
        return f'<a href="#{escape(note_id(page.key, index))}">{label}</a>'
    url = page_url(site, page.title)
    if url is not None:
        return f'<a href="{escape(url)}" rel="noreferrer">{label}</a> <span class=muted>(on the wiki)</span>'
    return label


def _places(places: Sequence[tuple[Page, int, Finding]], site: str | None) -> str:
    if len(places) == 1:
        return _place(*places[0], site)
    items = "".join(f"<li>{_place(*place, site)}</li>" for place in places[:MAX_PLACES])
    if len(places) > MAX_PLACES:
        items += f"<li class=muted>and {len(places) - MAX_PLACES:,} more</li>"
    return (
        f"<details class=places><summary>{len(places):,} places</summary><ul>{items}</ul></details>"
    )


def by_rule(pages: Sequence[Page], site: str | None) -> str:
    """One block per rule, worst severity and most findings first; inside, one row per
    distinct message and fix."""
    groups: dict[str, dict[tuple[str, str], list[tuple[Page, int, Finding]]]] = {}
    for page in pages:
        for index, finding in enumerate(page.findings):
            key = (str(finding.get("message", "")), fix_text(finding))
            groups.setdefault(str(finding["code"]), {}).setdefault(key, []).append(
                (page, index, finding)
            )
    blocks = []

    def order(code: str) -> tuple[int, int, str]:
        first = next(iter(groups[code].values()))[0][2]
        return (-rank(str(first["severity"])), -sum(map(len, groups[code].values())), code)

    for code in sorted(groups, key=order):
        messages = groups[code]
        first = next(iter(messages.values()))[0][2]
        severity, rule = str(first["severity"]), str(first.get("rule", ""))
        count = sum(len(places) for places in messages.values())
        on_pages = len({page.key for places in messages.values() for page, _, _ in places})
        ranked = sorted(messages.items(), key=lambda item: -len(item[1]))
        rows = "".join(
            f"<tr><td class=num>{len(places):,}</td><td>{escape(message)}</td>"
            f"<td class=fix>{escape(fix)}</td><td>{_places(places, site)}</td></tr>"
            for (message, fix), places in ranked[:MAX_GROUPS_PER_RULE]
        )
        if len(ranked) > MAX_GROUPS_PER_RULE:
            rest = sum(len(places) for _, places in ranked[MAX_GROUPS_PER_RULE:])
            rows += f"<tr><td class=num>{rest:,}</td><td colspan=3 class=muted>with other messages</td></tr>"
        blocks.append(
            f'<details class="rule f" id="rule-{escape(code)}" {_attributes(code, severity)}>'
            f"<summary>{_badge(severity)} <code>{escape(code)}</code> {escape(rule)} — "
            f'<b data-rule-count="{escape(code)}">{count:,}</b> finding{"s" if count != 1 else ""}'
            f" on {on_pages:,} page{'s' if on_pages != 1 else ''}</summary>"
            "<table class=groups><tr><th>findings</th><th>message</th><th>fix</th><th>where</th></tr>"
            f"{rows}</table></details>"
        )
    if not blocks:
        return "<h2>Findings by rule</h2><p class=muted>No findings.</p>"
    return "<h2>Findings by rule</h2>" + "".join(blocks)


def filter_bar(pages: Sequence[Page]) -> str:
    """Checkboxes per severity and a rule menu; the inline script in ``FILTER_SCRIPT`` hides
    the rows (``.f``) that do not match. Without the script everything stays visible."""
    codes = sorted({str(f["code"]) for page in pages for f in page.findings})
    boxes = "".join(
        f'<label><input type=checkbox name=severity value="{s}" checked> {_badge(s)}</label> '
        for s in SEVERITIES
    )
    options = "".join(f'<option value="{escape(c)}">{escape(c)}</option>' for c in codes)
    return (
        f'<form id="filter" class="filter">Show {boxes}'
        f'<label>rule <select name=code><option value="">all rules</option>{options}</select></label>'
        "</form>"
    )


FILTER_SCRIPT = """
(function () {
  var form = document.getElementById("filter");
  function apply() {
    var shown = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) { shown[box.value] = box.checked; });
    var code = form.querySelector("select").value;
    document.querySelectorAll(".f").forEach(function (row) {
      row.hidden = !(shown[row.dataset.severity] && (code === "" || row.dataset.code === code));
    });
  }
  function reveal() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    // After the browser's own jump to the fragment: a note is centred, so that the flagged
    // line above it shows under the sticky filter bar.
    if (target) {
      setTimeout(function () { target.scrollIntoView({block: target.tagName === "DETAILS" ? "start" : "center"}); }, 0);
    }
  }
  if (form) { form.addEventListener("change", apply); apply(); }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
"""


def page_view(page: Page, text: str | None, site: str | None) -> str:
    count = len(page.findings)
    url = page_url(site, page.title)
    wiki = f'<p><a href="{escape(url)}" rel="noreferrer">open on the wiki</a></p>' if url else ""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for index, finding in enumerate(page.findings):
        key = (str(finding["code"]), str(finding.get("message", "")), fix_text(finding))
        groups.setdefault(key, []).append(index)
    rows = []
    for (code, message, fix), indexes in groups.items():
        first = page.findings[indexes[0]]
        severity = str(first["severity"])
        where = ", ".join(
            f'<a href="#{escape(note_id(page.key, i))}">'
            f"{page.findings[i].get('line', '?')}:{page.findings[i].get('column', '?')}</a>"
            for i in indexes[:MAX_PLACES]
        )
        if len(indexes) > MAX_PLACES:
            where += f" and {len(indexes) - MAX_PLACES:,} more"
        rows.append(
            f"<tr class=f {_attributes(code, severity)}><td class=num>{len(indexes):,}</td>"
            f"<td>{_badge(severity)}</td><td><code>{escape(code)}</code> {escape(str(first.get('rule', '')))}</td>"
            f"<td>{escape(message)}</td><td class=fix>{escape(fix)}</td><td>{where}</td></tr>"
        )
    body = (
        "<table class=findings><tr><th>findings</th><th>severity</th><th>rule</th><th>message</th>"
        f"<th>fix</th><th>where</th></tr>{''.join(rows)}</table>"
    )
    if text is not None:
        body += source_view(text, page.findings, page.key)
    else:
        body += '<p class="muted">wikitext not available (pass the dump with --dump to see it)</p>'
    plural = "s" if count != 1 else ""
    return (
        f'<details class="page" id="page-{escape(page.key)}" data-findings="{count}">'
        f"<summary>{escape(page.title)} <span class=muted>— {count:,} finding{plural}</span></summary>"
        f"{wiki}{body}</details>"
    )


def source_view(text: str, findings: Sequence[Finding], key: str) -> str:
    """The wikitext, one table row per line with its number; the flagged ranges marked; under
    each line, a note (with the id the rest of the report links to) per finding starting there."""
    starts = [0]
    starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")
    ends = [start - 1 for start in starts[1:]] + [len(text)]

    def line_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    per_line: dict[int, list[Finding]] = {}
    notes: dict[int, list[int]] = {}
    for index, finding in enumerate(findings):
        start = max(0, min(int(finding["offset"]), len(text)))
        end = max(start, min(int(finding["end_offset"]), len(text)))
        first, last = line_of(start), line_of(max(start, end - 1))
        notes.setdefault(first, []).append(index)
        for number in range(first, last + 1):
            left, right = starts[number], ends[number]
            clipped = {**finding, "offset": max(start, left) - left,
                       "end_offset": max(min(end, right), max(start, left)) - left}  # fmt: skip
            per_line.setdefault(number, []).append(clipped)
    rows = []
    for number, (left, right) in enumerate(zip(starts, ends, strict=True)):
        line = text[left:right]
        shown = highlighted(line, per_line[number]) if number in per_line else escape(line)
        rows.append(
            f'<tr id="L-{escape(key)}-{number + 1}"><td class=ln>{number + 1}</td>'
            f"<td class=src>{shown}</td></tr>"
        )
        for index in notes.get(number, []):
            rows.append(_note(findings[index], note_id(key, index)))
    return f'<table class="source">{"".join(rows)}</table>'


def _note(finding: Finding, ident: str) -> str:
    severity, code = str(finding["severity"]), str(finding["code"])
    fix = fix_text(finding)
    fix_html = f" <span class=fix>fix: {escape(fix)}</span>" if fix else ""
    return (
        f'<tr class="note f" id="{escape(ident)}" {_attributes(code, severity)}><td class=ln></td>'
        f'<td><span class="where">{finding.get("line", "?")}:{finding.get("column", "?")}</span> '
        f"{_badge(severity)} <code>{escape(code)}</code> {escape(str(finding.get('message', '')))}"
        f"{fix_html}</td></tr>"
    )
