"""CS1/CS2 parameter names: alias resolution and the whitelist (data/cs1_parameters.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import load_toml

_ENUMERATED = re.compile(r"^([A-Za-z-]*?)(\d+)([A-Za-z-]*)$")


@dataclass(frozen=True, slots=True, eq=False)
class ParameterTable:
    """Hashable by identity (eq=False), so that per-name lookups can be memoised."""

    aliases: dict[str, str]
    basic: frozenset[str]
    per_template: dict[str, frozenset[str]]
    url_params: frozenset[str]
    removed: dict[str, str]

    def canonical(self, name: str) -> str:
        """``accessdate`` -> ``access-date``; ``author2`` -> ``last2``; unknown names unchanged."""
        return _canonical(self, name)

    def _resolve(self, name: str) -> str:
        if name in self.aliases:
            return self._number(self.aliases[name], "")
        match = _ENUMERATED.match(name)
        if match:
            prefix, number, suffix = match.groups()
            pattern = f"{prefix}#{suffix}"
            if pattern in self.aliases:
                return self._number(self.aliases[pattern], number)
        return name

    def is_known(self, canonical: str, template: str) -> bool:
        """Whether the module accepts this canonical name in this template."""
        return _is_known(self, canonical, template)

    def _check(self, canonical: str, template: str) -> bool:
        pattern = _pattern(canonical)
        extra = self.per_template.get(template, frozenset())
        return any(
            candidate in self.basic or candidate in extra for candidate in {canonical, pattern}
        )

    @staticmethod
    def _number(canonical_pattern: str, number: str) -> str:
        return canonical_pattern.replace("#", number)


def _pattern(name: str) -> str:
    match = _ENUMERATED.match(name)
    if match:
        prefix, _number, suffix = match.groups()
        return f"{prefix}#{suffix}"
    return f"{name}#"


@cache
def parameter_table() -> ParameterTable:
    data = load_toml("cs1_parameters.toml")
    aliases: dict[str, str] = {}
    for canonical, variants in data["aliases"].items():
        for variant in variants:
            aliases[variant] = canonical
            if "#" in variant:
                aliases.setdefault(variant.replace("#", ""), canonical)
    known = data["known"]
    return ParameterTable(
        aliases=aliases,
        basic=frozenset(known["basic"]),
        per_template={name: frozenset(names) for name, names in known["templates"].items()},
        url_params=frozenset(data["urls"]["params"]),
        removed=dict(data["removed"]),
    )


# A page has thousands of citation parameters but a few hundred distinct names.
@cache
def _canonical(table: ParameterTable, name: str) -> str:
    return table._resolve(name)


@cache
def _is_known(table: ParameterTable, canonical: str, template: str) -> bool:
    return table._check(canonical, template)
