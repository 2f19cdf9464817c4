"""What a scan found, in aggregate: counts per code and category, the pages with the most
findings, the maintenance backlog by month, errors and throughput."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .pages import Record

TOP_PAGES = 25
KEPT_ERRORS = 100


@dataclass
class ScanSummary:
    pages: int = 0
    pages_with_findings: int = 0
    findings: int = 0
    bytes: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[str] = field(default_factory=Counter)
    rule_names: dict[str, str] = field(default_factory=dict)
    backlog_by_month: Counter[str] = field(default_factory=Counter)
    maintenance_by_kind: Counter[str] = field(default_factory=Counter)
    undated_tags: int = 0
    page_errors: int = 0
    dump_errors: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    resumed_pages: int = 0
    resumed_bytes: int = 0
    _top: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, record: Record, *, resumed: bool = False) -> None:
        """Count a page; ``resumed`` pages came from an earlier run (not in the throughput)."""
        self.pages += 1
        self.bytes += int(record.get("bytes") or 0)
        if resumed:
            self.resumed_pages += 1
            self.resumed_bytes += int(record.get("bytes") or 0)
        findings = record.get("findings") or []
        if record.get("error"):
            self.page_errors += 1
            if len(self.errors) < KEPT_ERRORS:
                self.errors.append(f"{record['title']}: {record['error']}")
        if findings:
            self.pages_with_findings += 1
            self.findings += len(findings)
            entry = (len(findings), -int(record["page_id"]), str(record["title"]))
            if len(self._top) < TOP_PAGES:
                heapq.heappush(self._top, entry)
            else:
                heapq.heappushpop(self._top, entry)
        for finding in findings:
            self.by_code[finding["code"]] += 1
            self.by_category[finding["category"]] += 1
            self.by_severity[finding["severity"]] += 1
            self.rule_names.setdefault(finding["code"], finding["rule"])
        maintenance = record.get("maintenance") or {}
        self.backlog_by_month.update(maintenance.get("by_month") or {})
        self.maintenance_by_kind.update(maintenance.get("by_kind") or {})
        self.undated_tags += int(maintenance.get("undated") or 0)

    def dump_error(self, message: str) -> None:
        self.dump_errors.append(message)

    def as_dict(self, *, elapsed: float | None = None, interrupted: bool = False) -> dict[str, Any]:
        top = sorted(self._top, reverse=True)
        result: dict[str, Any] = {
            "version": 1,
            "pages": self.pages,
            "pages_with_findings": self.pages_with_findings,
            "findings": self.findings,
            "bytes": self.bytes,
            "by_code": {
                code: {"rule": self.rule_names.get(code, ""), "count": count}
                for code, count in sorted(self.by_code.items())
            },
            "by_category": dict(self.by_category.most_common()),
            "by_severity": dict(self.by_severity.most_common()),
            "top_pages": [
                {"title": title, "page_id": -negative_id, "findings": count}
                for count, negative_id, title in top
            ],
            "maintenance": {
                "by_month": dict(sorted(self.backlog_by_month.items())),
                "by_kind": dict(self.maintenance_by_kind.most_common()),
                "undated": self.undated_tags,
            },
            "page_errors": self.page_errors,
            "errors": self.errors,
            "dump_errors": self.dump_errors,
            "interrupted": interrupted,
        }
        if elapsed is not None:
            pages, size = self.pages - self.resumed_pages, self.bytes - self.resumed_bytes
            result["resumed_pages"] = self.resumed_pages
            result["elapsed_s"] = round(elapsed, 3)
            result["pages_per_s"] = round(pages / elapsed, 2) if elapsed else None
            result["mb_per_s"] = round(size / 1e6 / elapsed, 3) if elapsed else None
        return result
