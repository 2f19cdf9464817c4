"""Which rules a selector names: one meaning for ``--select``, ``--ignore``,
``--extend-select``, ``per-file-ignores`` and suppression comments.

A selector is ``ALL``, a rule code (``WC602``), a code prefix (``WC6``, ``WC60``), a rule
name (``repeated-word``) or a rule family (``typo``, the same rules as ``WC6``). Codes and
prefixes are case-insensitive, names and families are written in lower case. An old name or
code of a renamed rule (see ``data/rule_redirects.toml``) names the rule it became.

Precedence (``select`` against ``ignore``): the most specific selector wins — a rule's name
or full code (5) over a longer prefix over a shorter one or a family (``WC6`` and ``typo``
are both 3) over ``ALL`` (1) — and on a tie ``ignore`` wins. So ``--select repeated-word
--ignore WC602`` checks nothing, and ``--select WC602 --ignore WC6`` checks WC602.
``per-file-ignores`` and suppression comments apply after that: any selector that names a
rule there turns it off for the file, the line or the range.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .resources import load_toml

FAMILY_PREFIXES = {
    "engine": "WC0",
    "structure": "WC1",
    "date": "WC2",
    "citation": "WC3",
    "reference": "WC4",
    "maintenance": "WC5",
    "typo": "WC6",
    "link": "WC7",
    "syntax": "WC8",
}
"""Each rule family's code prefix: a family's rules have codes starting with it."""


@cache  # a small data file, read once per process
def redirects() -> dict[str, str]:
    """Old rule names and codes → the code of the rule they became."""
    table = load_toml("rule_redirects.toml")
    return {old: str(new) for old, new in table.get("redirects", {}).items()}


def resolve(selector: str) -> str:
    """The selector with an old name or code replaced by the current code."""
    return redirects().get(selector) or redirects().get(selector.upper()) or selector


def specificity(selector: str, code: str, name: str) -> int:
    """How closely ``selector`` names the rule ``code``/``name``: 0 when it does not."""
    selector = resolve(selector)
    upper = selector.upper()
    if upper == "ALL":
        return 1
    if selector == name or upper == code:
        return len(code)
    prefix = FAMILY_PREFIXES.get(selector)
    if prefix is not None:
        return len(prefix) if code.startswith(prefix) else 0
    return len(selector) if code.startswith(upper) else 0


def matches(selector: str, code: str, name: str) -> bool:
    return specificity(selector, code, name) > 0


def matches_any(selectors: Iterable[str], code: str, name: str) -> bool:
    return any(matches(selector, code, name) for selector in selectors)


def chosen(
    code: str, name: str, select: Iterable[str], ignore: Iterable[str], *, by_default: bool
) -> bool:
    """Whether the rule is selected: the most specific selector wins, ``ignore`` on a tie."""
    selected = max([1 if by_default else 0, *(specificity(s, code, name) for s in select)])
    ignored = max([0, *(specificity(s, code, name) for s in ignore)])
    return selected > ignored
