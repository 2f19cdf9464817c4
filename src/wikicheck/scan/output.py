"""Scan output: JSON Lines written page by page (valid after any interruption), the summary
beside it, and an optional Parquet table of the findings."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..inputs import write_bytes_atomic
from .pages import Record


def summary_path(out: Path) -> Path:
    return out.with_name(out.name + ".summary.json")


def read_records(path: Path) -> Iterator[Record]:
    """The complete records of a JSONL scan output; a torn last line (a killed scan) is
    ignored, any other bad line is an error naming the line (--resume and ``report`` read
    files that may have been edited, truncated or replaced by anything)."""
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.endswith(b"\n"):
                    return  # the line being written when the scan was killed
                yield _record(line, str(path), number)
    except OSError as error:
        raise InputError(f"cannot read the scan output: {error.strerror}", path=str(path)) from None


def _record(line: bytes, path: str, number: int) -> Record:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(
            "not a scan record: not UTF-8", path=path, line=number, column=error.start + 1
        ) from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"not a scan record: {error.msg}", path=path, line=number, column=error.colno
        ) from None
    problem = _shape_problem(record)
    if problem is not None:
        raise InputError(f"not a scan record ({problem})", path=path, line=number, column=1)
    return record  # type: ignore[no-any-return]


_FINDING_KEYS = ("code", "rule", "category", "severity", "message")
_FINDING_NUMBERS = ("line", "column", "offset", "end_offset")


def _shape_problem(record: object) -> str | None:
    """What makes ``record`` unusable as a page record, or None. Checked here once so that
    the summary, Parquet and report code can trust the fields they read."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if type(record.get("page_id")) is not int:
        return "page_id is not an integer"
    if not isinstance(record.get("title"), str):
        return "title is not a string"
    if type(record.get("bytes", 0)) is not int:
        return "bytes is not an integer"
    if record.get("revision_id") is not None and type(record["revision_id"]) is not int:
        return "revision_id is not an integer"
    if not isinstance(record.get("error"), str | None):
        return "error is not a string"
    findings = record.get("findings")
    if not isinstance(findings, list):
        return "findings is not a list"
    for finding in findings:
        if not isinstance(finding, dict):
            return "a finding is not a JSON object"
        if not all(isinstance(finding.get(key), str) for key in _FINDING_KEYS):
            return "a finding without " + "/".join(_FINDING_KEYS)
        if not all(type(finding.get(key)) is int for key in _FINDING_NUMBERS):
            return "a finding without " + "/".join(_FINDING_NUMBERS)
    maintenance = record.get("maintenance")
    if maintenance is not None and not (
        isinstance(maintenance, dict)
        and all(_counts(maintenance.get(key)) for key in ("by_month", "by_kind"))
        and type(maintenance.get("undated", 0)) is int
    ):
        return "maintenance is not a summary of counts"
    return None


def _counts(value: object) -> bool:
    return value is None or (
        isinstance(value, dict) and all(type(count) is int for count in value.values())
    )


class RecordWriter:
    """Appends one JSON line per page and flushes after each batch, so an interrupted scan
    leaves a valid file. With ``resume``, a torn last line is cut off first. A file that
    cannot be written is an :class:`InputError` naming it, not a traceback."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        with cannot_write(path):
            if resume and path.exists():
                _cut_torn_line(path)
                self._handle: IO[str] = path.open("a", encoding="utf-8")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._handle = path.open("w", encoding="utf-8")

    def write(self, records: list[Record]) -> None:
        with cannot_write(self.path):
            self._handle.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
            self._handle.flush()

    def close(self) -> None:
        with cannot_write(self.path):
            try:
                self._handle.flush()
                os.fsync(self._handle.fileno())
            finally:
                self._handle.close()


@contextmanager
def cannot_write(path: Path) -> Iterator[None]:
    """Turn an OSError while writing ``path`` into an InputError that names it."""
    try:
        yield
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}", path=str(path)) from None


def _cut_torn_line(path: Path) -> None:
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep != len(data):
        with path.open("r+b") as handle:
            handle.truncate(keep)


def write_summary(out: Path, summary: dict[str, Any]) -> Path:
    path = summary_path(out)
    text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    with cannot_write(path):
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
    with cannot_write(parquet_path), pq.ParquetWriter(parquet_path, schema) as writer:
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
