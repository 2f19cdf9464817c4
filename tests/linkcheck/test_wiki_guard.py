"""``--wiki`` against hostile servers on loopback (issue 14, items 1 and 4): the address guard
on every hop whatever the spelling, a total deadline, a size cap, no decompression bomb, and
an exit 2 naming the wiki for every failure. Request counters prove what was never sent."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest

import wikicheck
from wikicheck.cli import main

from .linkserver import LinkServer

SRC = str(Path(wikicheck.__file__).parent.parent)
MEMORY_LIMIT = 1536 * 1024**2  # address space for a hostile --wiki run in a subprocess


def lint_wiki(capsys: pytest.CaptureFixture[str], api: str, *args: str) -> tuple[int, str]:
    code = main(["lint", "--isolated", "--wiki", api, "--title", "Some page", *args])
    out, err = capsys.readouterr()
    return code, out + err


def test_a_percent_encoded_loopback_wiki_gets_no_request(
    intranet: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 1: requests unquotes ``%31``; the guard used to see ``127.0.0.%31``, fail to
    resolve it and let it through."""
    port = intranet.server_address[1]
    code, output = lint_wiki(capsys, f"http://127.0.0.%31:{port}/api")
    assert code == 2
    assert f"http://127.0.0.%31:{port}/api" in output
    assert "private or reserved address" in output
    assert sum(intranet.hits.values()) == 0


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.%31:{port}/w/api.php",
        "http://127.0.0.1:{port}\\@pub.test/w/api.php",
        "http://2130706433:{port}/w/api.php",
        "http://[::ffff:127.0.0.1]:{port}/w/api.php",
        "http://localhost:{port}/w/api.php",
    ],
)
def test_a_wiki_that_redirects_to_loopback_gets_no_further(
    public: LinkServer, intranet: LinkServer, capsys: pytest.CaptureFixture[str], location: str
) -> None:
    target = location.format(port=intranet.server_address[1])
    api = f"{public.base}/go/{quote(target, safe='')}"
    code, output = lint_wiki(capsys, api)
    assert code == 2
    assert api in output
    assert "private or reserved address" in output
    assert sum(public.hits.values()) == 1
    assert sum(intranet.hits.values()) == 0


def test_dns_rebinding_cannot_reach_loopback(
    public: LinkServer,
    intranet: LinkServer,
    rebinding: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The name answers the public address first and loopback afterwards: the socket goes
    to the address that was checked (the public one) and to nothing else."""
    api = f"http://rebind.test:{public.server_address[1]}/w/api.php"
    code, output = lint_wiki(capsys, api)
    assert code == 2
    assert f"{api}: HTTP 404" in output  # the public server answered (it has no api.php)
    assert sum(public.hits.values()) == 1
    assert sum(intranet.hits.values()) == 0


def test_a_slow_wiki_is_cut_off_at_the_deadline(
    intranet: LinkServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 4: every read succeeds (one byte every 0.2 s) so per-read timeouts never fire."""
    started = time.monotonic()
    api = f"{intranet.base}/slow-body/api.php"
    code, output = lint_wiki(capsys, api, "--allow-private", "--timeout", "0.5")
    elapsed = time.monotonic() - started
    assert code == 2
    assert f"{api}: no complete answer within 1.5 s" in output
    assert elapsed < 4.0


def _hostile_wiki_in_a_subprocess(api: str) -> subprocess.CompletedProcess[str]:
    """``wikicheck lint --wiki`` under an address-space limit, so a regression fails the
    test (MemoryError) instead of taking the machine down."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {**os.environ, "PYTHONPATH": SRC, "XDG_CONFIG_HOME": "/nonexistent"}
    command = [sys.executable, "-m", "wikicheck", "lint", "--isolated", "--allow-private"]
    return subprocess.run(
        [*command, "--wiki", api, "--title", "X", "--timeout", "20"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
        env=env,
        check=False,
    )


def test_a_gzip_bomb_is_not_inflated(intranet: LinkServer) -> None:
    """Item 4: 1 MB of gzip that inflates to 1 GiB; wikicheck asks for identity and, when
    the server compresses anyway, stops decoding at the size cap."""
    api = f"{intranet.base}/gzip-bomb/api.php"
    run = _hostile_wiki_in_a_subprocess(api)
    assert run.returncode == 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert f"{api}: the answer is larger than 134,217,728 bytes" in run.stdout
    assert intranet.headers_seen[-1]["Accept-Encoding"] == "identity"


def test_a_huge_answer_is_cut_off_at_the_size_cap(intranet: LinkServer) -> None:
    """Item 4: the server offers 4 GiB; wikicheck reads 128 MiB and stops."""
    api = f"{intranet.base}/big/api.php"
    run = _hostile_wiki_in_a_subprocess(api)
    assert run.returncode == 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert f"{api}: the answer is larger than 134,217,728 bytes" in run.stdout
    assert intranet.body_bytes_sent < 1024**3
