"""``wikicheck scan`` over dumps built from the shared corpus: the scan finds exactly what
``wikicheck lint`` finds on the same pages, in every dump format, with 1 and 2 processes and
through a real dask.distributed scheduler; bad dumps never end a scan; --resume completes an
interrupted one."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from wikicheck import Settings, lint_article, parse
from wikicheck.cli import main
from wikicheck.registry import default_registry
from wikicheck.scan import ScanRequest, scan
from wikicheck.scan.dumps import site_of
from wikicheck.scan.output import read_records
from wikicheck.scan.pages import ScanOptions

from ..conftest import ROOT, corpus_paths, require_corpus
from .dumpbuilder import FOOTER, HEADER, Page, pages_from_files, write_dump, write_multistream

TODAY = dt.date(2026, 11, 23)
SETTINGS = Settings(today=TODAY)


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    require_corpus()
    articles = [path for path in corpus_paths() if "--" not in path.name][:24]
    return [
        *pages_from_files(articles),
        Page("Old name", 9001, "#REDIRECT [[A]]", redirect="A"),
        Page("Talk:A", 9002, "Talk page text {{cn}}", namespace=1),
    ]


@pytest.fixture(scope="module")
def expected(pages: list[Page]) -> dict[int, list[tuple[str, int, int, str]]]:
    """What ``lint`` finds on each article page, keyed by page id."""
    found = {}
    for page in pages:
        if page.namespace == 0 and page.redirect is None:
            article = parse(page.text, path=page.title, title=page.title)
            found[page.page_id] = [
                (f.code, f.span.start, f.span.end, f.message)
                for f in lint_article(article, settings=SETTINGS)
            ]
    return found


def _options(**changes: Any) -> ScanOptions:
    codes = tuple(rule.code for rule in default_registry().select())
    return ScanOptions(settings=SETTINGS, codes=codes, today=TODAY, **changes)


def _found(out: Path) -> dict[int, list[tuple[str, int, int, str]]]:
    return {
        record["page_id"]: [
            (f["code"], f["offset"], f["end_offset"], f["message"]) for f in record["findings"]
        ]
        for record in read_records(out)
    }


@pytest.fixture(scope="module")
def dumps(pages: list[Page], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dumps")
    multistream, _index = write_multistream(
        pages, folder / "enwiki-multistream.xml.bz2", per_stream=1
    )
    return {
        "xml": write_dump(pages, folder / "enwiki.xml"),
        "gz": write_dump(pages, folder / "enwiki.xml.gz"),
        "bz2": write_dump(pages, folder / "enwiki.xml.bz2"),
        "multistream": multistream,
    }


@pytest.mark.parametrize(("kind", "jobs"), [("xml", 1), ("gz", 2), ("bz2", 2), ("multistream", 2)])
def test_scan_finds_what_lint_finds(
    dumps: dict[str, Path], expected: dict[int, Any], tmp_path: Path, kind: str, jobs: int
) -> None:
    out = tmp_path / "out.jsonl"
    result = scan(ScanRequest((dumps[kind],), out, _options(), jobs=jobs))
    assert _found(out) == expected
    assert result.summary["pages"] == len(expected)
    assert result.summary["findings"] == sum(len(found) for found in expected.values())
    assert not result.dump_errors


def test_scan_on_a_dask_scheduler_with_two_workers(
    dumps: dict[str, Path], expected: dict[int, Any], tmp_path: Path
) -> None:
    from dask.distributed import LocalCluster

    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        host="127.0.0.1",
    ) as cluster:  # fmt: skip
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        out = tmp_path / "dask.jsonl"
        request = ScanRequest((dumps["multistream"],), out, _options(), dask=address)
        scan(request)
    assert _found(out) == expected


def test_namespaces_redirects_limit_and_titles(dumps: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "ns.jsonl"
    scan(ScanRequest((dumps["bz2"],), out, _options(namespaces=None)))
    titles = {record["title"] for record in read_records(out)}
    assert "Talk:A" in titles
    assert "Old name" not in titles  # redirects are never linted
    scan(ScanRequest((dumps["bz2"],), out, _options(title_pattern="^A"), limit=2))
    assert [r["title"][0] for r in read_records(out)] == ["A", "A"]


def test_bad_dumps_are_reported_and_the_scan_goes_on(
    dumps: dict[str, Path], expected: dict[int, Any], tmp_path: Path
) -> None:
    truncated = tmp_path / "truncated.xml.bz2"
    data = dumps["bz2"].read_bytes()
    truncated.write_bytes(data[:-1000])  # the last bz2 block is cut off
    malformed = tmp_path / "malformed.xml"
    text = dumps["xml"].read_text(encoding="utf-8")
    malformed.write_text(text.replace("</title>", "</titel>", 3), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    errors: list[str] = []
    result = scan(
        ScanRequest((truncated, malformed, dumps["multistream"]), out, _options()),
        on_error=errors.append,
    )
    assert len(errors) == 2
    assert str(truncated) in errors[0]
    assert "truncated or corrupt" in errors[0]
    assert "after page " in errors[0]
    assert str(malformed) in errors[1]
    assert "XML line" in errors[1]
    assert "malformed XML" in errors[1]
    # Everything in the good dump was scanned, plus what the bad ones held before the damage.
    found = _found(out)
    assert set(expected) <= set(found)
    assert result.summary["dump_errors"] == errors


def test_a_corrupt_multistream_block_loses_only_its_partition(
    pages: list[Page], tmp_path: Path
) -> None:
    dump, _ = write_multistream(pages, tmp_path / "x-multistream.xml.bz2", per_stream=1)
    data = bytearray(dump.read_bytes())
    data[len(data) // 4 : len(data) // 4 + 64] = b"\0" * 64
    dump.write_bytes(bytes(data))
    out = tmp_path / "out.jsonl"
    errors: list[str] = []
    scan(ScanRequest((dump,), out, _options()), on_error=errors.append)
    assert len(errors) == 1
    assert "[" in errors[0]  # names the byte range of the partition
    assert 0 < len(list(read_records(out))) < 24


def test_resume_completes_without_duplicates(
    dumps: dict[str, Path], expected: dict[int, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    scan(ScanRequest((dumps["bz2"],), out, _options(), limit=7))
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"title": "torn", "page_id": 99')  # a scan killed mid-line
    result = scan(ScanRequest((dumps["bz2"],), out, _options(), resume=True, jobs=2))
    ids = [record["page_id"] for record in read_records(out)]
    assert len(ids) == len(set(ids)) == len(expected)
    assert _found(out) == expected
    assert result.summary["resumed_pages"] == 7
    assert result.summary["pages"] == len(expected)


def test_parquet_holds_one_row_per_finding(
    dumps: dict[str, Path], expected: dict[int, Any], tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    out, table_path = tmp_path / "out.jsonl", tmp_path / "findings.parquet"
    scan(ScanRequest((dumps["gz"],), out, _options(), parquet=table_path))
    table = pq.read_table(table_path)
    assert table.num_rows == sum(len(found) for found in expected.values())
    assert set(table.column_names) >= {"title", "page_id", "code", "line", "column", "message"}


def test_scan_command_line(
    dumps: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.jsonl"
    code = main(["scan", str(dumps["bz2"]), "--out", str(out), "--isolated", "--today",
                 "2026-11-23", "-j", "1", "--select", "WC6", "--quiet"])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0
    summary = json.loads((tmp_path / "cli.jsonl.summary.json").read_text(encoding="utf-8"))
    assert set(summary["by_code"]) <= {"WC601", "WC602"}
    assert f"{summary['pages']} pages, {summary['findings']} findings" in printed
    assert main(["scan", str(tmp_path / "missing.xml"), "--out", str(out), "--quiet"]) == 2


def _scan_process(dump: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "wikicheck", "scan", str(dump), "--out", str(out),
               "--isolated", "--select", "WC1", "-j", "2", "--quiet", *extra]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def test_ctrl_c_leaves_a_valid_partial_output_that_resume_completes(
    pages: list[Page], tmp_path: Path
) -> None:
    articles = [page for page in pages if page.namespace == 0 and not page.redirect]
    many = [
        Page(f"{page.title} {n}", page.page_id + 10_000 * n, page.text)
        for n in range(1, 16)
        for page in articles
    ]
    dump = write_dump(many, tmp_path / "big.xml.bz2")
    out = tmp_path / "out.jsonl"
    process = _scan_process(dump, out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    partial = list(read_records(out))
    assert 0 < len(partial) < len(many)
    assert out.read_bytes().endswith(b"\n")
    summary = json.loads((tmp_path / "out.jsonl.summary.json").read_text(encoding="utf-8"))
    assert summary["interrupted"] is True
    assert summary["pages"] == len(partial)
    finish = _scan_process(dump, out, "--resume")
    finish.communicate(timeout=300)
    assert finish.returncode == 0
    ids = [record["page_id"] for record in read_records(out)]
    assert sorted(ids) == sorted(page.page_id for page in many)


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://en.wikipedia.org/wiki/Main_Page", "https://en.wikipedia.org/wiki/"),
        ("https://wiki.example.org/index.php?title=Main&amp;x=1", None),  # no article path
        ("javascript:alert(1)//x/Main", None),
        ("", None),
    ],
)
def test_site_of_a_dump_is_the_folder_of_its_main_page(
    tmp_path: Path, base: str, expected: str | None
) -> None:
    dump = tmp_path / "d.xml"
    dump.write_text(HEADER.replace("https://en.wikipedia.org/wiki/Main_Page", base) + FOOTER)
    assert site_of(dump) == expected
    assert site_of(tmp_path / "missing.xml") is None
