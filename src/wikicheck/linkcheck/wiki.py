"""Fetch page wikitext from a MediaWiki wiki through the Action API.

The wiki is a server anyone can run: every request goes through the guarded transport (the
address guard on every connection and redirect hop, the name lookup included in the
deadline), each batch of titles is fetched within one total deadline, the answer is read up to
a size cap without compression, and an answer that is not the Action API's JSON is an error
naming the wiki, never a traceback.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import requests
import urllib3

from .._version import __version__
from ..errors import InputError, WikicheckError
from .deadline import Deadline, DeadlineExceeded, deadline
from .guard import LookupTimedOut
from .responses import read_body, retry_after_seconds
from .transport import new_session

USER_AGENT = f"wikicheck/{__version__} (https://pypi.org/project/wikicheck/; a wikitext linter)"
MAX_TITLES_PER_REQUEST = 50
MAXLAG_SECONDS = 5
MAX_ATTEMPTS = 4
MAX_REDIRECT_HOPS = 5
MAX_LAG_WAIT = 10.0
# 50 pages of at most 2 MiB each ($wgMaxArticleSize on Wikipedia), JSON-escaped, with room.
MAX_RESPONSE_BYTES = 128 * 1024**2
_NETWORK_ERRORS = (
    requests.RequestException, urllib3.exceptions.HTTPError, WikicheckError, OSError, ValueError,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    text: str
    revision: int | None
    requested: str


class WikiError(WikicheckError):
    pass


def fetch_pages(
    api_url: str,
    titles: list[str],
    *,
    allow_private: bool = False,
    trust_env: bool = False,
    timeout: float = 30.0,
    max_bytes: int = MAX_RESPONSE_BYTES,
) -> list[Page]:
    """The current wikitext of each title, in the order asked, following redirects.

    Each batch of 50 titles gets ``timeout`` seconds in all (lookups, redirects, maxlag
    waits, the body). A missing or invalid title raises :class:`InputError` naming it;
    anything else that goes wrong raises :class:`WikiError` naming ``api_url``.
    """
    session = new_session(USER_AGENT, retries=0, trust_env=trust_env, accept="application/json")
    try:
        pages: list[Page] = []
        for start in range(0, len(titles), MAX_TITLES_PER_REQUEST):
            batch = titles[start : start + MAX_TITLES_PER_REQUEST]
            data = _query(session, api_url, batch, allow_private, timeout, max_bytes)
            pages.extend(_pages(api_url, batch, data))
        return pages
    finally:
        session.close()


def _query(
    session: requests.Session,
    api_url: str,
    titles: list[str],
    allow_private: bool,
    timeout: float,
    max_bytes: int,
) -> Any:
    params = {
        "action": "query", "prop": "revisions", "rvprop": "content|ids", "rvslots": "main",
        "formatversion": "2", "format": "json", "redirects": "1", "maxlag": str(MAXLAG_SECONDS),
        "titles": "|".join(titles),
    }  # fmt: skip
    with deadline(timeout, allow_private=allow_private) as budget:
        try:
            status, body = _get(session, api_url, params, budget, max_bytes)
        except WikiError:
            raise
        except _NETWORK_ERRORS as error:
            if budget.fired or isinstance(error, DeadlineExceeded | LookupTimedOut):
                raise WikiError(f"{api_url}: no complete answer within {timeout:g} s") from None
            raise WikiError(f"{api_url}: {error}") from None
    if status != 200:
        raise WikiError(f"{api_url}: HTTP {status}")
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise WikiError(f"{api_url}: the answer is not JSON; is this the api.php URL?") from None


def _get(
    session: requests.Session,
    url: str,
    params: dict[str, str],
    budget: Deadline,
    max_bytes: int,
) -> tuple[int, bytes]:
    """GET with redirects followed by hand and maxlag back-off; (status, body)."""
    for attempt in range(MAX_ATTEMPTS):
        target, query = url, params
        for _hop in range(MAX_REDIRECT_HOPS):
            remaining = budget.remaining()
            if remaining <= 0:
                raise DeadlineExceeded(f"gave up after {budget.seconds:g} s")
            response = session.get(
                target,
                params=query,
                timeout=(min(remaining, 10.0), remaining),
                allow_redirects=False,
                stream=True,
            )
            if response.is_redirect and "location" in response.headers:
                response.close()
                target, query = urljoin(target, response.headers["location"]), {}
                continue
            break
        else:
            raise WikiError(f"{url}: too many redirects")
        body = read_body(response, max_bytes)
        retry_after = response.headers.get("retry-after")
        lagged = retry_after is not None and (
            response.status_code == 503 or b"maxlag" in body[:2000]
        )
        if lagged and attempt + 1 < MAX_ATTEMPTS:
            wait = min(retry_after_seconds(retry_after) or 1.0, MAX_LAG_WAIT)
            if wait >= budget.remaining():
                break
            time.sleep(wait)
            continue
        return response.status_code, body
    raise WikiError(f"{url}: the wiki is lagged; try again later")


def _pages(api_url: str, titles: list[str], data: Any) -> list[Page]:
    try:
        return _read_pages(api_url, titles, data)
    except (KeyError, IndexError, TypeError, AttributeError) as error:
        raise WikiError(
            f"{api_url}: the answer is not a MediaWiki API query result "
            f"({type(error).__name__}: {error})"
        ) from None


def _read_pages(api_url: str, titles: list[str], data: Any) -> list[Page]:
    if not isinstance(data, dict):
        raise TypeError(f"a JSON {type(data).__name__}, not an object")
    if "error" in data:
        error = data["error"]
        info = error.get("info", error) if isinstance(error, dict) else error
        raise WikiError(f"{api_url}: {info}")
    query = data.get("query", {})
    renamed: dict[str, str] = {}
    for step in (*query.get("normalized", ()), *query.get("redirects", ())):
        renamed[str(step["from"])] = str(step["to"])
    by_title = {page["title"]: page for page in query.get("pages", ())}
    pages = []
    for asked in titles:
        title = asked
        for _ in range(10):
            if title not in renamed:
                break
            title = renamed[title]
        page = by_title.get(title)
        if page is None or page.get("missing") or page.get("invalid"):
            reason = (
                page.get("invalidreason", "invalid title")
                if page and page.get("invalid")
                else "no such page"
            )
            raise InputError(f"{reason} on {api_url}", path=asked)
        revision = page["revisions"][0]
        text = revision["slots"]["main"]["content"]
        revid = revision.get("revid")
        if not isinstance(text, str) or not isinstance(page["title"], str):
            raise TypeError("a page's title or content is not a string")
        pages.append(Page(page["title"], text, revid if isinstance(revid, int) else None, asked))
    return pages
