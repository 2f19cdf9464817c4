"""Links: wikilinks, category links and external URLs."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .spans import Span


@dataclass(frozen=True, slots=True)
class Wikilink:
    target: str
    text: str | None
    span: Span
    namespace: str
    target_span: Span | None = None
    """Where the target is written (between ``[[`` and ``|`` or ``]]``), comments included."""
    text_span: Span | None = None
    """Where the label is written (between ``|`` and ``]]``); None without a label."""


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    sort_key: str | None
    span: Span


class LinkOrigin(StrEnum):
    BRACKETED = "bracketed"
    BARE = "bare"
    CITATION = "citation"


@dataclass(frozen=True, slots=True)
class ExternalLink:
    """An external URL: ``[url title]``, a bare URL, or a URL-holding citation parameter."""

    url: str
    title: str | None
    span: Span
    url_span: Span
    """Where ``url`` is written: ``source[url_span] == url``, except for a citation parameter
    with a comment in its value (``url`` is the value without comments)."""
    origin: LinkOrigin
    param: str | None = None
