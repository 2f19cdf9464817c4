"""Whole-wiki scans: lint every page of MediaWiki XML dumps, locally or on a Dask cluster."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .dumps import PAGES_PER_STREAM, DumpError, Partition, partitions, site_of
from .executors import run_dask, run_local
from .output import RecordWriter, read_records, write_parquet, write_summary
from .pages import Record, ScanOptions
from .summary import ScanSummary

__all__ = ["DumpError", "ScanOptions", "ScanRequest", "ScanResult", "scan"]


@dataclass(frozen=True, slots=True)
class ScanRequest:
    dumps: tuple[Path, ...]
    out: Path
    options: ScanOptions
    index: Path | None = None
    limit: int | None = None
    jobs: int = 1
    resume: bool = False
    dask: str | None = None
    progress: bool = False
    parquet: Path | None = None


@dataclass(frozen=True, slots=True)
class ScanResult:
    summary: dict[str, Any]
    summary_path: Path
    interrupted: bool
    dump_errors: tuple[str, ...]


def _partitions(request: ScanRequest, on_error: Callable[[str], None]) -> list[Partition]:
    parts: list[Partition] = []
    for dump in request.dumps:
        if not dump.is_file():
            on_error(f"{dump}: no such dump file")
            continue
        index = request.index if len(request.dumps) == 1 else None
        try:
            parts.extend(partitions(dump, index))
        except (DumpError, OSError, EOFError) as error:
            on_error(f"{dump}: cannot read the multistream index: {error}")
            parts.append(Partition(str(dump)))
    return parts


def _expected_pages(request: ScanRequest, parts: list[Partition]) -> int | None:
    """For the progress bar's ETA: --limit, else what the indexes promise (if all have one)."""
    if request.limit is not None:
        return request.limit
    if not parts or any(part.streams is None for part in parts):
        return None
    return sum(part.streams or 0 for part in parts) * PAGES_PER_STREAM


def scan(request: ScanRequest, *, on_error: Callable[[str], None] | None = None) -> ScanResult:
    """Run the scan; Ctrl-C stops it with a valid partial output (``interrupted``)."""
    from tqdm import tqdm

    summary = ScanSummary()
    errors: list[str] = []

    def dump_error(message: str) -> None:
        errors.append(message)
        summary.dump_error(message)
        if on_error is not None:
            on_error(message)

    skip: set[int] = set()
    if request.resume and request.out.exists():
        for record in read_records(request.out):
            summary.add(record, resumed=True)
            skip.add(int(record["page_id"]))
    options = replace(request.options, skip_ids=frozenset(skip))
    limit = None if request.limit is None else max(request.limit - len(skip), 0)
    started = time.perf_counter()
    parts = _partitions(request, dump_error)
    writer = RecordWriter(request.out, resume=request.resume)
    bar = tqdm(
        total=_expected_pages(request, parts), initial=len(skip), unit=" pages", desc="scanning",
        file=sys.stderr, disable=not request.progress, dynamic_ncols=True,
    )  # fmt: skip

    def emit(records: list[Record]) -> None:
        writer.write(records)
        for record in records:
            summary.add(record)
        bar.update(len(records))

    interrupted = False
    try:
        if request.dask:
            run_dask(request.dask, parts, options, limit=limit, emit=emit, on_error=dump_error)
        else:
            run_local(
                parts, options, jobs=request.jobs, limit=limit, emit=emit, on_error=dump_error
            )
    except KeyboardInterrupt:
        interrupted = True
    finally:
        bar.close()
        writer.close()
    result = summary.as_dict(elapsed=time.perf_counter() - started, interrupted=interrupted)
    sites = {site_of(dump) for dump in request.dumps if dump.is_file()}
    if len(sites) == 1 and None not in sites:  # links in the report only to one known wiki
        result["site"] = sites.pop()
    path = write_summary(request.out, result)
    if request.parquet is not None and not interrupted:
        result["parquet_rows"] = write_parquet(request.out, request.parquet)
        write_summary(request.out, result)
    return ScanResult(result, path, interrupted, tuple(errors))
