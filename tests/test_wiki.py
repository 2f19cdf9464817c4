"""--wiki against a real HTTP server on 127.0.0.1 that answers like the MediaWiki Action API."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from wikicheck.cli import main
from wikicheck.linkcheck.guard import BlockedAddress, NameNotResolved, check_url

from .conftest import FIXTURES, read_text

SEED = read_text(FIXTURES / "niafunke_attack.wiki")


class FakeWiki:
    """Serves pages by title, with MediaWiki's normalisation and redirects."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.lag_first = False
        self.retry_after = "1"
        self.pages = {"Niafunké attack": SEED, "Clean page": "== A ==\nText.\n"}
        self.redirects = {"Niafunke attack": "Niafunké attack"}

    def __call__(self, request: Request) -> Response:
        self.requests.append(request)
        if self.lag_first and len(self.requests) == 1:
            body = {
                "error": {
                    "code": "maxlag",
                    "info": "Waiting for a database server: 7 seconds lagged.",
                }
            }
            return Response(
                json.dumps(body),
                headers={"Retry-After": self.retry_after},
                content_type="application/json",
            )
        titles = request.args["titles"].split("|")
        query: dict[str, Any] = {"normalized": [], "redirects": [], "pages": []}
        for asked in titles:
            title = asked[:1].upper() + asked[1:].replace("_", " ")
            if title != asked:
                query["normalized"].append({"from": asked, "to": title})
            if title in self.redirects:
                query["redirects"].append({"from": title, "to": self.redirects[title]})
                title = self.redirects[title]
            if title in self.pages:
                revision = {"revid": 42, "slots": {"main": {"content": self.pages[title]}}}
                query["pages"].append(
                    {"pageid": 1, "ns": 0, "title": title, "revisions": [revision]}
                )
            else:
                query["pages"].append({"ns": 0, "title": title, "missing": True})
        return Response(
            json.dumps({"batchcomplete": True, "query": query}), content_type="application/json"
        )


@pytest.fixture
def wiki(httpserver: HTTPServer) -> tuple[FakeWiki, str]:
    fake = FakeWiki()
    httpserver.expect_request("/w/api.php").respond_with_handler(fake)
    return fake, httpserver.url_for("/w/api.php")


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["lint", "--isolated", "--today", "2026-11-23", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_fetches_follows_redirects_and_reports_by_title(
    wiki: tuple[FakeWiki, str], capsys: pytest.CaptureFixture[str]
) -> None:
    fake, api = wiki
    code, out, _ = lint(
        capsys,
        "--wiki",
        api,
        "--title",
        "niafunke_attack",
        "--title",
        "Clean page",
        "--allow-private",
    )
    assert code == 1
    assert out.startswith("Niafunké attack:25:1713: WC301 CS1 maint: numeric names")
    assert "in 2 files" in out
    (request,) = fake.requests  # both titles in one request
    assert request.args["action"] == "query"
    assert request.args["prop"] == "revisions"
    assert request.args["rvslots"] == "main"
    assert request.args["formatversion"] == "2"
    assert request.args["redirects"] == "1"
    assert request.args["maxlag"] == "5"
    assert request.headers["User-Agent"].startswith("wikicheck/")


def test_missing_page_is_a_clear_error(
    wiki: tuple[FakeWiki, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, api = wiki
    code, out, _ = lint(capsys, "--wiki", api, "--title", "No such page", "--allow-private")
    assert code == 2
    assert f"No such page: error: no such page on {api}" in out


def test_maxlag_is_waited_out(
    wiki: tuple[FakeWiki, str], capsys: pytest.CaptureFixture[str]
) -> None:
    fake, api = wiki
    fake.lag_first = True
    code, out, _ = lint(capsys, "--wiki", api, "--title", "Clean page", "--allow-private")
    assert code == 0
    assert len(fake.requests) == 2
    assert "No findings in 1 file." in out


def test_private_addresses_are_refused_without_a_packet(
    wiki: tuple[FakeWiki, str], capsys: pytest.CaptureFixture[str]
) -> None:
    fake, api = wiki
    code, out, _ = lint(capsys, "--wiki", api, "--title", "Clean page")
    assert code == 2
    assert "private or reserved address" in out
    assert fake.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/x",
        "http://0x7f.1/",
        "http://2130706433/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
    ],
)
def test_guard_refuses_every_spelling_of_a_private_address(url: str) -> None:
    with pytest.raises(BlockedAddress):
        check_url(url)
    check_url(url, allow_private=True)


def test_guard_refuses_a_name_that_does_not_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 1/3 of issue 14: an unresolvable name used to pass silently (and went to a proxy)."""

    def no_dns(host: str, *args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)  # no query leaves the machine
    with pytest.raises(NameNotResolved, match="does not resolve"):
        check_url("http://does-not-exist.invalid/")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"error": "boom"}', ": boom"),
        ("[]", "not a MediaWiki API query result (TypeError: a JSON list, not an object)"),
        ('{"query": []}', "not a MediaWiki API query result (AttributeError"),
        ('{"query": {"pages": [{"title": "Clean page"}]}}', "(KeyError: 'revisions')"),
        (
            '{"query": {"pages": [{"title": "Clean page", "revisions": '
            '[{"slots": {"main": {"content": 5}}}]}]}}',
            "(TypeError: a page's title or content is not a string)",
        ),
        ('{"query": {"normalized": [{"from": 1}]}}', "(KeyError: 'to')"),
        ("[" * 100_000, "the answer is not JSON"),
        ("\xff<html>", "the answer is not JSON"),
    ],
    ids=[
        "error-string",
        "list",
        "query-list",
        "no-revisions",
        "content-int",
        "normalized",
        "nested",
        "not-utf8",
    ],
)
def test_a_malformed_answer_is_an_error_naming_the_wiki(
    httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], body: str, message: str
) -> None:
    """Issue 14, item 14: these were tracebacks with exit 1 (the "findings" code)."""
    httpserver.expect_request("/w/api.php").respond_with_data(body, content_type="application/json")
    api = httpserver.url_for("/w/api.php")
    code, out, err = lint(capsys, "--wiki", api, "--title", "Clean page", "--allow-private")
    assert code == 2
    assert f"{api}: " in out
    assert message in out
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["soon", "nan", "-1", "1e999"])
def test_a_malformed_retry_after_is_waited_as_one_second(
    wiki: tuple[FakeWiki, str], capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """Issue 14, item 14: ``float(Retry-After)`` raised (or slept NaN seconds)."""
    fake, api = wiki
    fake.lag_first = True
    fake.retry_after = value
    code, out, _ = lint(capsys, "--wiki", api, "--title", "Clean page", "--allow-private")
    assert code == 0
    assert len(fake.requests) == 2
    assert "No findings in 1 file." in out
