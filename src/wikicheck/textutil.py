"""Small pure functions over wikitext strings, shared by the parser and the rules."""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def strip_comments(text: str) -> str:
    """Remove ``<!-- -->`` comments (an unclosed one runs to the end), as MediaWiki does first."""
    if "<!--" not in text:
        return text
    return _COMMENT.sub("", text)
