"""Fetch page wikitext from a MediaWiki wiki through the Action API."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

import requests

from ._version import __version__
from .errors import InputError, WikicheckError
from .net.guard import check_url

USER_AGENT = f"wikicheck/{__version__} (https://pypi.org/project/wikicheck/; a wikitext linter)"
MAX_TITLES_PER_REQUEST = 50
MAXLAG_SECONDS = 5
MAX_ATTEMPTS = 4
MAX_REDIRECT_HOPS = 5


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    text: str
    revision: int | None
    requested: str


class WikiError(WikicheckError):
    pass


def _get(
    session: requests.Session, url: str, params: dict[str, str], allow_private: bool, timeout: float
) -> requests.Response:
    """GET with the address guard on every redirect hop, and maxlag back-off."""
    for attempt in range(MAX_ATTEMPTS):
        target, query = url, params
        for _hop in range(MAX_REDIRECT_HOPS):
            check_url(target, allow_private=allow_private)
            response = session.get(target, params=query, timeout=timeout, allow_redirects=False)
            if response.is_redirect and "location" in response.headers:
                target, query = urljoin(target, response.headers["location"]), {}
                continue
            break
        else:
            raise WikiError(f"{url}: too many redirects")
        lagged = response.headers.get("retry-after") and (
            response.status_code == 503 or "maxlag" in response.text[:2000]
        )
        if lagged and attempt + 1 < MAX_ATTEMPTS:
            time.sleep(min(float(response.headers.get("retry-after", "1")), 10.0))
            continue
        return response
    raise WikiError(f"{url}: the wiki is lagged; try again later")


def fetch_pages(
    api_url: str,
    titles: list[str],
    *,
    allow_private: bool = False,
    timeout: float = 30.0,
    session: requests.Session | None = None,
) -> list[Page]:
    """The current wikitext of each title, in the order asked, following redirects.

    A missing or invalid title raises :class:`InputError` naming it.
    """
    own = session is None
    session = session or requests.Session()
    session.trust_env = False  # no proxies from the environment unless a caller sets them
    session.headers["User-Agent"] = USER_AGENT
    try:
        pages: list[Page] = []
        for start in range(0, len(titles), MAX_TITLES_PER_REQUEST):
            pages.extend(
                _fetch_batch(
                    session,
                    api_url,
                    titles[start : start + MAX_TITLES_PER_REQUEST],
                    allow_private,
                    timeout,
                )
            )
        return pages
    finally:
        if own:
            session.close()


def _fetch_batch(
    session: requests.Session, api_url: str, titles: list[str], allow_private: bool, timeout: float
) -> list[Page]:
    params = {
        "action": "query", "prop": "revisions", "rvprop": "content|ids", "rvslots": "main",
        "formatversion": "2", "format": "json", "redirects": "1", "maxlag": str(MAXLAG_SECONDS),
        "titles": "|".join(titles),
    }  # fmt: skip
    try:
        response = _get(session, api_url, params, allow_private, timeout)
    except requests.RequestException as error:
        raise WikiError(f"{api_url}: {error}") from None
    if response.status_code != 200:
        raise WikiError(f"{api_url}: HTTP {response.status_code}")
    try:
        data = response.json()
    except ValueError:
        raise WikiError(f"{api_url}: the answer is not JSON; is this the api.php URL?") from None
    if "error" in data:
        raise WikiError(f"{api_url}: {data['error'].get('info', data['error'])}")
    query = data.get("query", {})
    renamed: dict[str, str] = {}
    for step in (*query.get("normalized", ()), *query.get("redirects", ())):
        renamed[step["from"]] = step["to"]
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
        pages.append(
            Page(page["title"], revision["slots"]["main"]["content"], revision.get("revid"), asked)
        )
    return pages
