"""Hostile dumps, resume files and output paths (issue 14, items 6 and 11, and the exit codes
of item 14): bounded memory and time, exit 2 with a message naming the file, no traceback, and
never an input overwritten.

Commands that read a bomb run in a child process under an address-space limit and a timeout:
before, a 438-byte bz2 stream became a 400 MB page (2.2 GB, 126 s) and a multistream header
without </siteinfo> was read quadratically.
"""

from __future__ import annotations

import bz2
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from wikicheck.cli import main

from ..conftest import ROOT
from .dumpbuilder import FOOTER, HEADER, Page, write_dump, write_multistream

MEMORY_LIMIT = 1 << 30


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wikicheck", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        preexec_fn=_limits,
    )


def bomb_stream(megabytes: int, *, after: str = "") -> bytes:
    """One bz2 stream: a page whose text is ``megabytes`` MiB of "a" (a few hundred bytes
    compressed), then ``after``."""
    head, tail = Page("Bomb", 1, "@@").xml().split("@@")
    compressor = bz2.BZ2Compressor(9)
    parts = [compressor.compress(head.encode())]
    chunk = b"a" * (1 << 20)
    parts += [compressor.compress(chunk) for _ in range(megabytes)]
    parts += [compressor.compress((tail + after).encode()), compressor.flush()]
    return b"".join(parts)


def _records(out: Path) -> dict[str, dict[str, Any]]:
    lines = out.read_text(encoding="utf-8").splitlines()
    return {record["title"]: record for record in map(json.loads, lines)}


def test_a_bz2_bomb_page_is_an_error_for_that_page_only(tmp_path: Path) -> None:
    fine = Page("Fine", 2, "== A ==\n==== B ====\nText.")
    data = bz2.compress(HEADER.encode()) + bomb_stream(400, after=fine.xml() + FOOTER)
    assert len(data) < 2000
    dump = tmp_path / "bomb.xml.bz2"
    dump.write_bytes(data)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = run_cli("scan", str(dump), "--out", str(out), "--isolated", "-j", "1", "--quiet")
    assert time.monotonic() - started < 30
    assert result.returncode == 0, result.stderr
    records = _records(out)
    assert "page text over 8 MiB after decompression" in str(records["Bomb"]["error"])
    assert records["Bomb"]["findings"] == []
    assert [f["code"] for f in records["Fine"]["findings"]] == ["WC101"]


def test_a_bomb_in_a_multistream_partition(tmp_path: Path) -> None:
    dump, index = write_multistream(
        [Page(f"P{n}", n, "Text.") for n in range(10, 13)], tmp_path / "x-multistream.xml.bz2"
    )
    data = dump.read_bytes()
    footer_stream = bz2.compress(FOOTER.encode())
    assert data.endswith(footer_stream)
    offset = len(data) - len(footer_stream)
    dump.write_bytes(data[:offset] + bomb_stream(200) + footer_stream)
    lines = bz2.decompress(index.read_bytes()).decode() + f"{offset}:1:Bomb\n"
    index.write_bytes(bz2.compress(lines.encode()))
    out = tmp_path / "out.jsonl"
    result = run_cli("scan", str(dump), "--out", str(out), "--isolated", "-j", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    records = _records(out)
    assert set(records) == {"P10", "P11", "P12", "Bomb"}
    assert "after decompression" in str(records["Bomb"]["error"])


def test_a_multistream_header_without_siteinfo_end_is_read_once_and_bounded(
    tmp_path: Path,
) -> None:
    junk = b"<mediawiki><siteinfo>" + b"x" * (256 << 20)  # 256 MiB, no </siteinfo>
    dump = tmp_path / "h-multistream.xml.bz2"
    first = bz2.compress(junk)
    pages = bz2.compress(Page("A", 1, "Text.").xml().encode())
    dump.write_bytes(first + pages + bz2.compress(FOOTER.encode()))
    index = tmp_path / "h-multistream-index.txt.bz2"
    index.write_bytes(bz2.compress(f"{len(first)}:1:A\n".encode()))
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = run_cli("scan", str(dump), "--out", str(out), "--isolated", "-j", "1", "--quiet")
    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert "no </siteinfo> in the first 4,194,304 bytes" in result.stderr
    assert str(dump) in result.stderr
    assert "Traceback" not in result.stderr


_SITE = HEADER
MALFORMED = {
    "id not a number": _SITE + "<page><title>A</title><ns>0</ns><id>abc</id></page>" + FOOTER,
    "namespace not a number": _SITE + "<page><title>A</title><ns>zz</ns><id>1</id></page>" + FOOTER,
    "bad timestamp": _SITE + "<page><title>A</title><ns>0</ns><id>1</id><revision><id>1</id>"
    "<timestamp>garbage</timestamp><text>x</text></revision></page>" + FOOTER,
    "no title": _SITE + "<page><ns>0</ns><id>1</id><revision><id>1</id><text>x</text>"
    "</revision></page>" + FOOTER,
    "not xml": "not xml at all",
    "not a dump": "<foo/>",
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_malformed_dumps_exit_2_naming_the_file(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "bad.xml"
    dump.write_text(MALFORMED[kind], encoding="utf-8")
    code = main(["scan", str(dump), "--out", str(tmp_path / "o.jsonl"), "--isolated", "-j", "1",
                 "--quiet"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert f"wikicheck: error: {dump}: " in err
    assert "malformed" in err or "not a MediaWiki export dump" in err


CORRUPT_RECORDS = {
    "not utf-8": b'{"title": "\xff", "page_id": 1}\n',
    "page id not a number": b'{"title": "A", "page_id": "x", "findings": []}\n',
    "not an object": b"[1, 2]\n",
    "findings not a list": b'{"title": "A", "page_id": 1, "findings": 3}\n',
    "finding without code": b'{"title": "A", "page_id": 1, "findings": [{"x": 1}]}\n',
    "maintenance not counts": b'{"title": "A", "page_id": 1, "findings": [], '
    b'"maintenance": {"by_month": {"2020-01": "many"}}}\n',
    "bad json": b'{"title": \n',
}


@pytest.mark.parametrize("kind", sorted(CORRUPT_RECORDS))
def test_corrupt_resume_and_report_inputs_exit_2_naming_the_line(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_dump([Page("A", 1, "Text.")], tmp_path / "d.xml")
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"title": "Z", "page_id": 9, "findings": []}\n' + CORRUPT_RECORDS[kind])
    code = main(["scan", str(dump), "--out", str(out), "--resume", "--isolated", "-j", "1",
                 "--quiet"])  # fmt: skip
    assert code == 2
    assert f"{out}:2:" in capsys.readouterr().err
    code = main(["report", str(out), "--html", str(tmp_path / "r.html")])
    assert code == 2
    assert f"{out}:2:" in capsys.readouterr().err


def test_outputs_never_overwrite_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_dump([Page("A", 1, "Text.")], tmp_path / "enwiki.xml")
    original = dump.read_bytes()
    (tmp_path / "link.xml").symlink_to(dump)
    os.link(dump, tmp_path / "hard.xml")
    out = str(tmp_path / "out.jsonl")
    attempts = [
        ["--out", str(dump)],
        ["--out", str(tmp_path / "sub" / ".." / "enwiki.xml")],
        ["--out", str(tmp_path / "link.xml")],
        ["--out", str(tmp_path / "hard.xml")],
        ["--out", out, "--parquet", str(dump)],
        ["--out", out, "--parquet", out],
        ["--out", out, "--parquet", out + ".summary.json"],
        ["--out", str(tmp_path)],
    ]
    for extra in attempts:
        code = main(["scan", str(dump), *extra, "--isolated", "-j", "1", "--quiet"])
        err = capsys.readouterr().err
        assert code == 2, extra
        assert "refusing to overwrite" in err or "is a directory" in err, (extra, err)
        assert dump.read_bytes() == original
    assert not Path(out).exists()  # refused before anything was opened for writing


def test_report_never_overwrites_its_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = write_dump([Page("A", 1, "== A ==\n==== B ====\n")], tmp_path / "d.xml")
    out = tmp_path / "out.jsonl"
    assert main(["scan", str(dump), "--out", str(out), "--isolated", "-j", "1", "--quiet"]) == 0
    records = out.read_bytes()
    for target in (out, Path(str(out) + ".summary.json"), dump):
        code = main(["report", str(out), "--dump", str(dump), "--html", str(target)])
        assert code == 2
        assert "refusing to overwrite" in capsys.readouterr().err
    assert out.read_bytes() == records


def test_unwritable_outputs_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump = write_dump([Page("A", 1, "Text.")], tmp_path / "d.xml")
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    for target in (blocker / "out.jsonl", Path("/dev/full")):
        code = main(["scan", str(dump), "--out", str(target), "--isolated", "-j", "1", "--quiet"])
        assert code == 2
        assert f"{target}: cannot write" in capsys.readouterr().err
    out = tmp_path / "out.jsonl"
    assert main(["scan", str(dump), "--out", str(out), "--isolated", "-j", "1", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["report", str(out), "--html", str(blocker / "r.html")]) == 2
    assert "cannot write" in capsys.readouterr().err


@pytest.mark.parametrize("address", ["local:0", "local:abc", "bogus://host"])
def test_dask_failures_exit_2(
    address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("dask.distributed")
    dump = write_dump([Page("A", 1, "Text.")], tmp_path / "d.xml")
    code = main(["scan", str(dump), "--out", str(tmp_path / "o.jsonl"), "--isolated", "--quiet",
                 "--dask", address])  # fmt: skip
    assert code == 2
    assert f"--dask {address}" in capsys.readouterr().err
