"""``wikicheck links`` and ``wikicheck lint --check-links`` end to end, against a loopback
server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from wikicheck.cli import main

from .linkserver import LinkServer, serving

# The archive URLs point at the real Wayback Machine: never contacted from the tests.
OFFLINE_TEST = [
    "--allow-private", "--no-cache", "--quiet", "--timeout", "5", "--exclude-url", "archive\\.org"
]  # fmt: skip


@pytest.fixture(scope="module")
def server() -> Iterator[LinkServer]:
    with serving() as running:
        yield running


def _article(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "article.wiki"
    path.write_text(
        "Intro.<ref>{{cite web |url=" + base + "/gone/a |title=Gone |access-date=2026-01-01}}"
        "</ref>\n"
        "More.<ref>{{cite web |url=" + base + "/ok/b |title=Fine |archive-url=https://web."
        "archive.org/web/2020/" + base + "/ok/b |archive-date=2020-01-01 |url-status=dead}}"
        "</ref>\n"
        "See [" + base + "/moved/c the new page] and mailto:someone@example.org.\n",
        encoding="utf-8",
    )
    return path


def test_links_json(server: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _article(tmp_path, server.base)
    code = main(["links", str(path), "--format", "json", "--isolated", *OFFLINE_TEST])
    report = json.loads(capsys.readouterr().out)
    assert code == 1  # a broken link
    assert report["version"] == 1
    by_url = {entry["url"]: entry for entry in report["links"]}
    gone = by_url[server.base + "/gone/a"]
    assert gone["outcome"] == "broken"
    assert gone["status"] == 410
    assert gone["sources"] == [{"path": str(path), "line": 1, "column": 28}]
    assert set(gone) >= {"url", "outcome", "status", "final_url", "reason", "elapsed_ms"}
    moved = by_url[server.base + "/moved/c"]
    assert moved["outcome"] == "redirected"
    assert moved["suggested_url"] == server.base + "/ok/c"
    archive = by_url["https://web.archive.org/web/2020/" + server.base + "/ok/b"]
    assert archive["archive"]["service"] == "Wayback Machine"
    assert archive["archive"]["original"] == server.base + "/ok/b"
    assert archive["outcome"] == "skipped"


def test_links_text_groups_by_outcome(
    server: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _article(tmp_path, server.base)
    main(["links", str(path), "--isolated", *OFFLINE_TEST])
    out = capsys.readouterr().out
    assert "broken (1)\n  410  " + server.base + "/gone/a\n       410 Gone" in out
    assert f"       at {path}:1:28" in out
    assert "redirected (1)" in out
    assert "skipped (2)" in out
    assert out.rstrip().endswith("5 distinct URLs: 1 broken, 1 redirected, 2 skipped, 1 ok")


def test_guard_blocks_loopback_without_allow_private(
    server: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _article(tmp_path, server.base)
    before = sum(server.hits.values())
    code = main(
        ["links", str(path), "--isolated", "--no-cache", "--quiet", "--format", "json",
         "--exclude-url", "archive\\.org"]
    )  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    outcomes = {entry["url"]: entry["outcome"] for entry in report["links"]}
    assert outcomes[server.base + "/gone/a"] == "blocked"
    assert sum(server.hits.values()) == before
    assert code == 0  # blocked is not a failure of the link


def test_lint_check_links_runs_the_link_rules(
    server: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _article(tmp_path, server.base)
    code = main(
        ["lint", str(path), "--isolated", "--check-links", "--select", "WC7", *OFFLINE_TEST]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 1
    assert f"{path}:1:28: WC701 broken link without an archived copy: 410 Gone" in out
    assert "WC703 |url-status=dead but the URL answers 200 OK" in out
    assert "WC705 permanently redirects to " + server.base + "/ok/c" in out


def test_lint_fix_replaces_a_permanently_redirected_url(
    server: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _article(tmp_path, server.base)
    main(
        ["lint", str(path), "--isolated", "--check-links", "--select", "WC705", "--fix",
         "--unsafe-fixes", *OFFLINE_TEST]
    )  # fmt: skip
    assert f"[{server.base}/ok/c the new page]" in path.read_text(encoding="utf-8")


def test_link_rules_are_off_without_check_links(
    server: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _article(tmp_path, server.base)
    before = sum(server.hits.values())
    main(["lint", str(path), "--isolated"])
    assert "WC7" not in capsys.readouterr().out
    assert sum(server.hits.values()) == before


def test_unreadable_input_is_reported_and_the_rest_checked(
    server: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _article(tmp_path, server.base)
    bad = tmp_path / "bad.wiki"
    bad.write_bytes(b"\xff\xfe\xfa broken")
    code = main(["links", str(bad), str(good), "--isolated", *OFFLINE_TEST])
    captured = capsys.readouterr()
    assert code == 2
    assert f"wikicheck: error: {bad}: " in captured.err
    assert "broken (1)" in captured.out


def test_progress_bar_only_on_a_terminal(server: LinkServer, tmp_path: Path) -> None:
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    path = _article(tmp_path, server.base)
    command = [sys.executable, "-m", "wikicheck", "links", str(path), "--isolated",
               *[arg for arg in OFFLINE_TEST if arg != "--quiet"]]  # fmt: skip
    leader, follower = pty.openpty()
    # A terminal of 24 × 100 (a fresh pty has no size, and tqdm draws nothing in 0 columns).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        subprocess.run(command, stderr=follower, stdout=subprocess.DEVNULL, timeout=60)
        os.set_blocking(leader, False)
        seen = os.read(leader, 65536).decode("utf-8", "replace")
    finally:
        os.close(leader)
        os.close(follower)
    assert "checking links" in seen
    piped = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert "checking links" not in piped.stderr


def test_links_output_file_exit_zero_and_quiet(
    server: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _article(tmp_path, server.base)
    target = tmp_path / "links.txt"
    code = main(["links", str(path), *OFFLINE_TEST, "-o", str(target), "--exit-zero"])
    out = capsys.readouterr().out
    assert code == 0  # a broken URL, but --exit-zero
    assert out == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("broken (1)\n")
    assert "Note: a URL is confirmed dead after 3 failures over 3 days." in text
    assert "(3 failures over 3 days are needed)" not in text
    assert main(["links", str(path), *OFFLINE_TEST, "-qq"]) == 1
    assert capsys.readouterr().out == ""
