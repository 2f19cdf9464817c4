"""The rule registry: lookup by code or name, and selection by code, prefix or name."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from .errors import UnknownRuleError
from .rules import ALL_RULES, Rule

_FAMILIES = {
    "structure": "WC1",
    "date": "WC2",
    "citation": "WC3",
    "reference": "WC4",
    "maintenance": "WC5",
    "typo": "WC6",
    "link": "WC7",
}


class Registry:
    """An immutable set of rules. Rejects duplicate codes and names."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules = tuple(sorted(rules, key=lambda rule: rule.code))
        self._by_code: dict[str, Rule] = {}
        self._by_name: dict[str, Rule] = {}
        for rule in self._rules:
            if rule.code in self._by_code:
                raise ValueError(f"duplicate rule code {rule.code}")
            if rule.name in self._by_name:
                raise ValueError(f"duplicate rule name {rule.name}")
            family = _FAMILIES.get(rule.category.value)
            if family is not None and not rule.code.startswith(family):
                raise ValueError(f"{rule.code} is a {rule.category} rule; use a {family}xx code")
            self._by_code[rule.code] = rule
            self._by_name[rule.name] = rule

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self._rules

    def get(self, code_or_name: str) -> Rule:
        rule = self._by_code.get(code_or_name.upper()) or self._by_name.get(code_or_name)
        if rule is None:
            raise UnknownRuleError(f"unknown rule {code_or_name!r}")
        return rule

    @staticmethod
    def _specificity(selector: str, rule: Rule) -> int:
        """How closely ``selector`` names ``rule``: 0 for no match, longer prefixes win."""
        if selector.upper() == "ALL":
            return 1
        if selector == rule.name:
            return len(rule.code) + 1
        if rule.code.startswith(selector.upper()):
            return len(selector)
        return 0

    def validate(self, selectors: Iterable[str]) -> None:
        """Raise :class:`UnknownRuleError` for a selector that matches no rule."""
        for selector in selectors:
            if not any(self._specificity(selector, rule) for rule in self._rules):
                raise UnknownRuleError(
                    f"{selector!r} matches no rule code, code prefix or rule name "
                    "(see `wikicheck rules`)"
                )

    def select(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        *,
        include_network: bool = False,
    ) -> tuple[Rule, ...]:
        """Resolve selectors: the most specific of ``select``/``ignore`` wins (flake8's rule);
        on a tie, ``ignore`` wins.

        With no ``select``, every rule that needs no network is selected (and the network
        rules too with ``include_network``).
        """
        chosen = [*(select or ()), *extend_select]
        self.validate([*chosen, *ignore])
        result = []
        for rule in self._rules:
            by_default = select is None and (include_network or not rule.needs_network)
            selected = max([1 if by_default else 0, *(self._specificity(s, rule) for s in chosen)])
            ignored = max([0, *(self._specificity(s, rule) for s in ignore)])
            if selected > ignored:
                result.append(rule)
        return tuple(result)


@cache
def default_registry() -> Registry:
    return Registry(ALL_RULES)


@cache
def rules_for(codes: tuple[str, ...]) -> tuple[Rule, ...]:
    """The default registry's rules for ``codes``, resolved once per process (worker
    processes receive the selection as codes and look the rules up here)."""
    registry = default_registry()
    return tuple(registry.get(code) for code in codes)
