"""Small pure functions over wikitext strings, shared by the parser and the rules."""

from __future__ import annotations

import re

COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
"""A ``<!-- -->`` comment; an unclosed one runs to the end of the text, as in MediaWiki."""


def strip_comments(text: str) -> str:
    """Remove ``<!-- -->`` comments (an unclosed one runs to the end), as MediaWiki does first."""
    if "<!--" not in text:
        return text
    return COMMENT.sub("", text)


# PHP's trim() characters: MediaWiki trims template parameter names and named values with it,
# so a no-break space or other Unicode space at either end survives.
MEDIAWIKI_WHITESPACE = " \t\n\r\x00\x0b"


def mediawiki_trim(text: str) -> str:
    """Trim ``text`` the way MediaWiki trims named template parameters."""
    return text.strip(MEDIAWIKI_WHITESPACE)


def clip(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut (for short reprs)."""
    return text if len(text) <= width else text[: width - 1] + "…"
