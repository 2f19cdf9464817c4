"""Reading what a server answers: its retry waits (``Retry-After``) and a bounded body.

Retries wait only as long as the check's deadline and a cap on ``Retry-After`` allow: a server
asking for more gets a :class:`RateLimited`. Bodies are read only through :func:`read_body`,
which caps their size after decoding; the sessions ask for ``Accept-Encoding: identity``, and
a server that compresses anyway gets a decoder that stops at the cap (a 1 MB gzip does not
become 2 GB).
"""

from __future__ import annotations

import time
import zlib

import requests
from urllib3.exceptions import InvalidHeader
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

from ..errors import WikicheckError
from .deadline import DeadlineExceeded, current_deadline

# Status codes worth a second try: the server said "not now", not "no".
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class ResponseTooLarge(WikicheckError):
    """The answer (after decoding) is larger than the caller accepts."""


class RateLimited(WikicheckError):
    """The server asked to wait longer than wikicheck is willing to (``Retry-After``)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"rate limited: the server asked to wait {seconds:.0f} s")
        self.seconds = seconds


class BoundedRetry(Retry):
    """urllib3's retries, with every wait bounded by the check's deadline and by a cap on
    ``Retry-After``: a server asking for more than the cap gets a :class:`RateLimited`."""

    max_wait: float = 10.0

    def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
        """The server's ``Retry-After`` in seconds; a value that is neither a number of
        seconds nor an HTTP date counts as absent (the usual back-off applies)."""
        try:
            return super().get_retry_after(response)
        except (InvalidHeader, ValueError, OverflowError):
            return None

    def sleep_for_retry(self, response: BaseHTTPResponse) -> bool:
        asked = self.get_retry_after(response)
        if asked is None:
            return False
        if asked > self.max_wait:
            raise RateLimited(asked)
        self._wait(asked)
        return True

    def _sleep_backoff(self) -> None:
        self._wait(self.get_backoff_time())

    @staticmethod
    def _wait(seconds: float) -> None:
        budget = current_deadline()
        if budget is not None and seconds >= budget.remaining():
            raise DeadlineExceeded(f"gave up after {budget.seconds:g} s (waiting to retry)")
        if seconds > 0:
            time.sleep(seconds)


def retry_policy(retries: int, max_wait: float) -> Retry:
    policy_class = type("BoundedRetryPolicy", (BoundedRetry,), {"max_wait": max_wait})
    policy: Retry = policy_class(
        total=retries,
        connect=retries,
        read=0,
        redirect=False,
        status=retries,
        other=0,
        allowed_methods=frozenset({"HEAD", "GET"}),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=0.5,
        backoff_max=max_wait,
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    return policy


_DECODERS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def read_body(response: requests.Response, limit: int) -> bytes:
    """The body of a streamed response, decoded, refusing more than ``limit`` bytes (raw or
    decoded) with :class:`ResponseTooLarge`. Only identity, gzip and deflate are accepted."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity", *_DECODERS):
        raise ResponseTooLarge(f"the answer uses Content-Encoding {encoding!r}, not identity")
    decoder = zlib.decompressobj(_DECODERS[encoding]) if encoding in _DECODERS else None
    parts: list[bytes] = []
    size = raw_size = 0
    for chunk in response.raw.stream(65536, decode_content=False):
        raw_size += len(chunk)
        if decoder is not None:
            chunk = decoder.decompress(chunk, limit + 1 - size)
            if decoder.unconsumed_tail:
                size = limit + 1  # the decoder stopped at the cap with input left over
        size += len(chunk)
        if size > limit or raw_size > limit:
            response.close()
            raise ResponseTooLarge(f"the answer is larger than {limit:,} bytes")
        parts.append(chunk)
    return b"".join(parts)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` in seconds (a number of seconds or an HTTP date), or None when it is
    absent or malformed (``soon``, ``nan``, ``-1``)."""
    if value is None:
        return None
    try:
        return BoundedRetry().parse_retry_after(value)
    except (InvalidHeader, ValueError, OverflowError):
        return None
