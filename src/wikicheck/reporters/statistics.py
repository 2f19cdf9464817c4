"""``--statistics``: how many findings of each code, most frequent first (as ruff prints it)."""

from __future__ import annotations

from collections import Counter

from ..findings import Applicability
from .escape import visible
from .results import Report


def render(report: Report) -> str:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable: set[str] = set()
    for result in report.files:
        for finding in result.findings:
            counts[finding.code] += 1
            names[finding.code] = finding.rule
            if finding.fix is not None and finding.fix.applicability is Applicability.SAFE:
                fixable.add(finding.code)
    width = len(str(max(counts.values(), default=0)))
    lines = [
        f"{count:>{width}}\t{code}\t{'[*]' if code in fixable else '   '} {names[code]}"
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    summaries = [result.maintenance for result in report.files if result.maintenance]
    tags = sum(summary["total"] for summary in summaries)
    if tags:
        kinds: Counter[str] = Counter()
        for summary in summaries:
            kinds.update(summary["by_kind"])
        oldest = min((s["oldest"] for s in summaries if s["oldest"]), default=None)
        undated = sum(summary["undated"] for summary in summaries)
        listed = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
        lines.append(
            f"maintenance: {tags} tags ({listed}); {undated} undated; oldest {oldest or 'unknown'}"
        )
    errors = [result for result in report.files if result.error is not None]
    lines += [f"{visible(result.path)}: error: {visible(result.error or '')}" for result in errors]
    return "\n".join(lines) + ("\n" if lines else "")
