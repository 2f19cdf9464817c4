"""Scan output: JSON Lines written page by page (valid after any interruption), the summary
beside it, and an optional Parquet table of the findings."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..inputs import write_bytes_atomic
from .pages import Record


def summary_path(out: Path) -> Path:
    return out.with_name(out.name + ".summary.json")


def read_records(path: Path) -> Iterator[Record]:
    """The complete records of a JSONL scan output; a torn last line (a killed scan) is
    ignored, any other bad line is an error naming the line."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith(b"\n"):
                return  # the line being written when the scan was killed
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(
                    f"not a scan record: {error.msg}",
                    path=str(path),
                    line=number,
                    column=error.colno,
                ) from None
            if not isinstance(record, dict) or "page_id" not in record:
                raise InputError(
                    "not a scan record (no page_id)", path=str(path), line=number, column=1
                )
            yield record


class RecordWriter:
    """Appends one JSON line per page and flushes after each batch, so an interrupted scan
    leaves a valid file. With ``resume``, a torn last line is cut off first."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        if resume and path.exists():
            _cut_torn_line(path)
            self._handle: IO[str] = path.open("a", encoding="utf-8")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = path.open("w", encoding="utf-8")

    def write(self, records: list[Record]) -> None:
        self._handle.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        self._handle.flush()

    def close(self) -> None:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()


def _cut_torn_line(path: Path) -> None:
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep != len(data):
        with path.open("r+b") as handle:
            handle.truncate(keep)


def write_summary(out: Path, summary: dict[str, Any]) -> Path:
    path = summary_path(out)
    text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    write_bytes_atomic(path, text.encode("utf-8"))
    return path


def write_parquet(records_path: Path, parquet_path: Path, *, batch_pages: int = 2000) -> int:
    """One row per finding (page title, ids, code, rule, category, severity, position,
    message), written in batches; returns the number of rows. Needs ``wikicheck[parquet]``."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("Parquet output needs pyarrow: pip install 'wikicheck[parquet]'") from None
    schema = pa.schema(
        [
            ("title", pa.string()), ("page_id", pa.int64()), ("revision_id", pa.int64()),
            ("code", pa.string()), ("rule", pa.string()), ("category", pa.string()),
            ("severity", pa.string()), ("line", pa.int32()), ("column", pa.int32()),
            ("message", pa.string()),
        ]
    )  # fmt: skip
    rows = 0
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    with pq.ParquetWriter(parquet_path, schema) as writer:
        for number, record in enumerate(read_records(records_path), start=1):
            for finding in record["findings"]:
                columns["title"].append(record["title"])
                columns["page_id"].append(record["page_id"])
                columns["revision_id"].append(record["revision_id"])
                for name in ("code", "rule", "category", "severity", "line", "column", "message"):
                    columns[name].append(finding[name])
                rows += 1
            if number % batch_pages == 0:
                writer.write_table(pa.table(columns, schema=schema))
                columns = {name: [] for name in schema.names}
        writer.write_table(pa.table(columns, schema=schema))
    return rows
