"""The rule registry: lookup by code or name (old names too), and selection (see
:mod:`wikicheck.selection`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from . import selection
from .errors import UnknownRuleError
from .resources import load_toml
from .rules import ALL_RULES, Rule
from .selection import FAMILY_PREFIXES, matches
from .settings import Settings


@dataclass(frozen=True, slots=True)
class DefaultChoice:
    """Whether a rule runs when nothing is selected, and why (``data/default_rules.toml``)."""

    on: bool
    why: str


class Registry:
    """An immutable set of rules. Rejects duplicate codes and names.

    ``defaults`` says which rules run when no ``select`` is given; a rule it does not name
    is on by default (a registry made of one's own rules needs no table).
    """

    def __init__(
        self, rules: Iterable[Rule], defaults: Mapping[str, DefaultChoice] | None = None
    ) -> None:
        self._rules = tuple(sorted(rules, key=lambda rule: rule.code))
        self._defaults = dict(defaults or {})
        self._by_code: dict[str, Rule] = {}
        self._by_name: dict[str, Rule] = {}
        for rule in self._rules:
            if rule.code in self._by_code:
                raise ValueError(f"duplicate rule code {rule.code}")
            if rule.name in self._by_name:
                raise ValueError(f"duplicate rule name {rule.name}")
            family = FAMILY_PREFIXES.get(rule.family.value)
            if family is not None and not rule.code.startswith(family):
                raise ValueError(f"{rule.code} is a {rule.family} rule; use a {family}xx code")
            self._by_code[rule.code] = rule
            self._by_name[rule.name] = rule

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self._rules

    def default_choice(self, rule: Rule) -> DefaultChoice:
        return self._defaults.get(rule.code, _ON_UNLISTED)

    def is_default(self, rule: Rule) -> bool:
        return self.default_choice(rule).on

    def get(self, code_or_name: str) -> Rule:
        wanted = selection.resolve(code_or_name)
        rule = self._by_code.get(wanted.upper()) or self._by_name.get(wanted)
        if rule is None:
            raise UnknownRuleError(f"unknown rule {code_or_name!r}")
        return rule

    def validate(self, selectors: Iterable[str]) -> None:
        """Raise :class:`UnknownRuleError` for a selector that matches no rule."""
        for selector in selectors:
            if not any(matches(selector, rule.code, rule.name) for rule in self._rules):
                raise UnknownRuleError(
                    f"{selector!r} matches no rule code, code prefix, rule name or family "
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
        """Resolve selectors (see :mod:`wikicheck.selection`): the most specific of
        ``select``/``ignore`` wins; on a tie, ``ignore`` wins.

        With no ``select``, the default rules that need no network are selected (and the
        default network rules too with ``include_network``); ``extend_select`` adds to them.
        """
        wanted = [*(select or ()), *extend_select]
        self.validate([*wanted, *ignore])
        result = []
        for rule in self._rules:
            by_default = (
                select is None
                and self.is_default(rule)
                and (include_network or not rule.needs_network)
            )
            if selection.chosen(rule.code, rule.name, wanted, ignore, by_default=by_default):
                result.append(rule)
        return tuple(result)

    def for_settings(
        self, settings: Settings, *, include_network: bool = False
    ) -> tuple[Rule, ...]:
        """The rules ``settings`` select (with the link rules when links were checked)."""
        return self.select(
            settings.select,
            settings.ignore,
            settings.extend_select,
            include_network=include_network,
        )


_ON_UNLISTED = DefaultChoice(on=True, why="")


def load_default_choices(rules: Iterable[Rule]) -> dict[str, DefaultChoice]:
    """Read ``data/default_rules.toml``; every rule must have exactly one entry there."""
    table = load_toml("default_rules.toml")
    codes = {rule.code for rule in rules}
    missing = sorted(codes - table.keys())
    unknown = sorted(table.keys() - codes)
    if missing or unknown:
        raise ValueError(
            f"default_rules.toml: no entry for {missing or 'none'}; "
            f"unknown codes {unknown or 'none'}"
        )
    return {
        code: DefaultChoice(on=bool(entry["default"]), why=str(entry["why"]))
        for code, entry in table.items()
    }


@cache
def default_registry() -> Registry:
    return Registry(ALL_RULES, load_default_choices(ALL_RULES))


@cache
def rules_for(codes: tuple[str, ...]) -> tuple[Rule, ...]:
    """The default registry's rules for ``codes``, resolved once per process (worker
    processes receive the selection as codes and look the rules up here)."""
    registry = default_registry()
    return tuple(registry.get(code) for code in codes)
