"""Lint dump pages: the work a scan process (or a Dask worker) does, one JSON record a page.

Module-level functions with picklable arguments, so that process pools and Dask can ship
them; everything a worker needs travels in :class:`ScanOptions`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..budget import budget_finding, crash_finding
from ..gcpause import cycle_collector_paused
from ..pipeline import Plan, check_document, failure_reason
from ..settings import Settings
from .dumps import DumpError, DumpPage, Partition, read_pages

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ScanOptions:
    settings: Settings
    codes: tuple[str, ...]
    today: dt.date
    namespaces: frozenset[int] | None = frozenset({0})
    title_pattern: str | None = None
    skip_ids: frozenset[int] = frozenset()
    """Pages already in the output of an interrupted scan (``--resume``)."""


def wanted(page: DumpPage, options: ScanOptions) -> bool:
    if page.page_id in options.skip_ids:
        return False
    return options.title_pattern is None or re.search(options.title_pattern, page.title) is not None


def _record(page: DumpPage) -> Record:
    return {
        "title": page.title,
        "page_id": page.page_id,
        "revision_id": page.revision_id,
        "namespace": page.namespace,
        "bytes": len(page.text.encode("utf-8")),
        "findings": [],
        "maintenance": None,
        "error": page.error,
    }


def lint_page(page: DumpPage, options: ScanOptions) -> Record:
    """The page's record; a page wikicheck cannot handle gets an ``error``, never an exception."""
    record = _record(page)
    if page.error is not None:
        return record
    try:
        plan = Plan.from_codes(options.settings, options.codes, options.today)
        with cycle_collector_paused():  # the scan owns its processes (see runner.run_job)
            result = check_document(page.text, plan, path=page.title, title=page.title)
        record["findings"] = [finding.as_dict() for finding in result.findings]
        record["maintenance"] = result.summary
    except Exception as error:  # a wikicheck bug on one page must not end a scan of millions
        record["error"] = failure_reason(error, debug=None)
    return record


def over_budget(page: DumpPage, budget: float) -> Record:
    """The record of a page given up when its time budget was spent: WC001, no maintenance."""
    record = _record(page)
    record["findings"] = [budget_finding(page.title, budget).as_dict()]
    return record


def crashed(page: DumpPage, detail: str) -> Record:
    record = _record(page)
    record["findings"] = [crash_finding(page.title, detail).as_dict()]
    return record


def lint_pages(pages: Iterable[DumpPage], options: ScanOptions) -> list[Record]:
    return [lint_page(page, options) for page in pages]


def dump_pages(
    parts: Sequence[Partition],
    options: ScanOptions,
    limit: int | None,
    on_error: Callable[[str], None],
) -> Iterator[DumpPage]:
    """The wanted pages of every partition in order; a dump error ends only its partition."""
    taken = 0
    for part in parts:
        try:
            for page in read_pages(part, namespaces=options.namespaces):
                if not wanted(page, options):
                    continue
                if limit is not None and taken >= limit:
                    return
                taken += 1
                yield page
        except DumpError as error:
            on_error(str(error))


def scan_partition(partition: Partition, options: ScanOptions) -> tuple[list[Record], str | None]:
    """Read and lint one partition (what a Dask worker runs). A dump error ends only this
    partition: the records read before it are kept, and the error is returned."""
    errors: list[str] = []
    records = [
        lint_page(page, options) for page in dump_pages([partition], options, None, errors.append)
    ]
    return records, errors[0] if errors else None


def batches(
    pages: Iterable[DumpPage], *, max_pages: int = 64, max_bytes: int = 4_000_000
) -> Iterator[list[DumpPage]]:
    """Groups of pages small enough to balance the workers, big enough to amortise pickling."""
    batch: list[DumpPage] = []
    size = 0
    for page in pages:
        batch.append(page)
        size += len(page.text)
        if len(batch) >= max_pages or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
