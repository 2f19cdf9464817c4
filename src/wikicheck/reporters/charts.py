"""Inline SVG bar charts: no JavaScript library, no CDN, readable without a server."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

from ..textutil import clip

MAX_BARS = 120
"""No chart draws more bars than this: its size is bounded whatever the data (a tag dated
January 1000 next to one dated December 9999 once drew 108,000 monthly bars, 190 MB)."""

_MONTH = re.compile(r"(\d{1,4})-(\d{2})")
_SPANS = (1, 10, 100, 1000)  # years a bar covers when months would be too many

_PALETTE = ("#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6", "#dd4477")

SEVERITY_COLORS = {"error": "#d33", "warning": "#e8a600", "info": "#36c"}
"""The report's severity colours (Wikimedia's palette), in charts as in the findings."""


def bar_chart(
    title: str,
    items: Sequence[tuple[str, int]],
    *,
    chart_id: str,
    horizontal: bool = True,
    colors: Sequence[str] | None = None,
) -> str:
    """A labelled bar chart; each bar carries its value in ``data-value`` and a tooltip.
    ``colors`` (one per item: a severity's colour, say) replaces the palette."""
    if len(items) > MAX_BARS:
        title = f"{title} (first {MAX_BARS} of {len(items):,})"
        items = items[:MAX_BARS]
    if not items:
        return f'<figure class="chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption><p class="empty">nothing to show</p></figure>'
    if not horizontal:
        return vertical_bars(title, items, chart_id)
    return horizontal_bars(title, items, chart_id, colors)


def horizontal_bars(
    title: str,
    items: Sequence[tuple[str, int]],
    chart_id: str,
    colors: Sequence[str] | None = None,
) -> str:
    bar, gap, label_width, width = 18, 6, 230, 640
    peak = max(value for _, value in items) or 1
    height = len(items) * (bar + gap) + gap
    parts = [
        f'<figure class="chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption>',
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
    ]
    for row, (label, value) in enumerate(items):
        y = gap + row * (bar + gap)
        length = max(1.0, (width - label_width - 70) * value / peak)
        color = colors[row] if colors and row < len(colors) else _PALETTE[row % len(_PALETTE)]
        parts.append(
            f'<g class="bar" data-label="{escape(label)}" data-value="{value}">'
            f"<title>{escape(label)}: {value:,}</title>"
            f'<text x="{label_width - 6}" y="{y + bar - 5}" text-anchor="end">{escape(clip(label, 34))}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar}" fill="{color}"></rect>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar - 5}">{value:,}</text></g>'
        )
    parts.append("</svg></figure>")
    return "".join(parts)


def vertical_bars(title: str, items: Sequence[tuple[str, int]], chart_id: str) -> str:
    """For time series (the maintenance backlog by month): one column a month."""
    height, bottom, width = 220, 40, max(640, 14 * len(items) + 60)
    peak = max(value for _, value in items) or 1
    step = (width - 50) / len(items)
    parts = [
        f'<figure class="chart" id="{chart_id}"><figcaption>{escape(title)}</figcaption>',
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f'<text x="4" y="14">{peak:,}</text>',
    ]
    for column, (label, value) in enumerate(items):
        x = 40 + column * step
        bar_height = max(1.0, (height - bottom - 20) * value / peak)
        parts.append(
            f'<g class="bar" data-label="{escape(label)}" data-value="{value}">'
            f"<title>{escape(label)}: {value:,}</title>"
            f'<rect x="{x:.1f}" y="{height - bottom - bar_height:.1f}" width="{max(step - 2, 1):.1f}" '
            f'height="{bar_height:.1f}" fill="#3366cc"></rect></g>'
        )
    for column, (label, _) in enumerate(items):
        if column % max(1, len(items) // 8) == 0:
            x = 40 + column * step
            parts.append(
                f'<text x="{x:.1f}" y="{height - bottom + 16}" class="tick">{escape(label)}</text>'
            )
    parts.append("</svg></figure>")
    return "".join(parts)


def timeline(counts: Mapping[str, int], *, max_bars: int = MAX_BARS) -> list[tuple[str, int]]:
    """Counts keyed by month ("2020-03") as bars on a time axis, empty periods as 0.

    One bar a month while that makes at most ``max_bars`` bars; over a longer span, one bar
    per year, decade, century or millennium, whichever is the first to fit. Keys that are not
    a month (the data may come from any JSON file) are left out.
    """
    months: dict[int, int] = {}
    for key, value in counts.items():
        match = _MONTH.fullmatch(key)
        if match and 1 <= int(match[2]) <= 12:
            index = int(match[1]) * 12 + int(match[2]) - 1
            months[index] = months.get(index, 0) + int(value)
    if not months:
        return []
    first, last = min(months), max(months)
    if last - first < max_bars:
        return [
            (f"{index // 12:04d}-{index % 12 + 1:02d}", months.get(index, 0))
            for index in range(first, last + 1)
        ]
    for span in _SPANS:
        low, high = first // 12 // span, last // 12 // span
        if high - low < max_bars:
            break
    years: dict[int, int] = {}
    for index, value in months.items():
        bucket = index // 12 // span
        years[bucket] = years.get(bucket, 0) + value
    return [(_period(bucket, span), years.get(bucket, 0)) for bucket in range(low, high + 1)]


def _period(bucket: int, span: int) -> str:
    if span == 1:
        return f"{bucket:04d}"
    return f"{bucket * span:04d}–{bucket * span + span - 1:04d}"
