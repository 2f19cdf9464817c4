"""What a configuration may say: every key and value checked, then turned into Settings.

A mistake names the file, the key and what is allowed, because a silently ignored setting is
worse than an error. Rule options given to :func:`wikicheck.lint` are checked here too.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import ConfigError, UnknownRuleError
from .findings import Severity
from .registry import Registry
from .settings import LinkSettings, Settings

_TOP_KEYS = {
    "select", "ignore", "extend-select", "per-file-ignores", "exclude", "extensions", "fail-on",
    "today", "rules", "links", "page-timeout",
}  # fmt: skip
_LINK_KEYS: dict[str, tuple[type, ...]] = {
    "timeout": (int, float), "workers": (int,), "max-per-host": (int,),
    "host-interval": (int, float), "retries": (int,), "max-retry-wait": (int, float),
    "user-agent": (str,), "exclude": (list,), "cache-ttl-hours": (int, float),
    "allow-private": (bool,), "trust-env": (bool,),
}  # fmt: skip
_MAY_BE_ZERO = {"host-interval", "retries", "cache-ttl-hours"}
# Upper bounds: beyond them a value is a mistake (or an attack on whoever runs wikicheck), and
# some would overflow the timers they feed.
_MAXIMUM: dict[str, float] = {
    "timeout": 3600, "host-interval": 3600, "max-retry-wait": 3600, "retries": 10,
    "workers": 1024, "max-per-host": 256, "cache-ttl-hours": 24 * 3650,
}  # fmt: skip
# Settings that weaken the network guard: never taken from a repository's configuration.
TRUST_KEYS = ("allow-private", "trust-env")


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where} {key}: expected a list of strings, got {value!r}")
    return tuple(value)


def _selectors(value: Any, where: str, key: str, registry: Registry) -> tuple[str, ...]:
    selectors = _strings(value, where, key)
    try:
        registry.validate(selectors)
    except UnknownRuleError as error:
        raise ConfigError(f"{where} {key}: {error}") from None
    return selectors


def parse_config(
    table: Mapping[str, Any],
    where: str,
    registry: Registry,
    *,
    root: Path | None = None,
    source: Path | None = None,
    trusted: bool = False,
    user_file: Path | None = None,
) -> Settings:
    """Settings from a configuration table; ``user_file`` (the user's own file) is named in the
    warning for a guard-weakening link setting that is ignored because not ``trusted``."""
    unknown = sorted(set(table) - _TOP_KEYS)
    if unknown:
        raise ConfigError(
            f"{where} unknown key {unknown[0]!r}; allowed: {', '.join(sorted(_TOP_KEYS))}"
        )
    settings = Settings(root=str(root) if root else None, source=str(source) if source else None)
    changes: dict[str, Any] = {}
    if "select" in table:
        changes["select"] = _selectors(table["select"], where, "select", registry)
    if "ignore" in table:
        changes["ignore"] = _selectors(table["ignore"], where, "ignore", registry)
    if "extend-select" in table:
        changes["extend_select"] = _selectors(
            table["extend-select"], where, "extend-select", registry
        )
    if "per-file-ignores" in table:
        value = table["per-file-ignores"]
        if not isinstance(value, dict):
            raise ConfigError(f"{where} per-file-ignores: expected a table of glob = [codes]")
        changes["per_file_ignores"] = tuple(
            (glob, _selectors(codes, where, f"per-file-ignores.{glob!r}", registry))
            for glob, codes in value.items()
        )
    if "exclude" in table:
        changes["exclude"] = _strings(table["exclude"], where, "exclude")
    if "extensions" in table:
        extensions = _strings(table["extensions"], where, "extensions")
        changes["extensions"] = tuple(e if e.startswith(".") else f".{e}" for e in extensions)
    if "fail-on" in table:
        changes["fail_on"] = _severity(table["fail-on"], where)
    if "today" in table:
        changes["today"] = _today(table["today"], where)
    if "page-timeout" in table:
        changes["page_timeout"] = page_timeout(table["page-timeout"], f"{where} page-timeout")
    if "rules" in table:
        changes["rule_options"] = _rule_options(table["rules"], where, registry)
    if "links" in table:
        changes["links"], warnings = _links(table["links"], where, trusted, user_file)
        changes["warnings"] = warnings
    return replace(settings, **changes)


def page_timeout(value: Any, where: str) -> float:
    """Seconds per page: a finite number, 0 (no budget) or more."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: expected a number of seconds, not {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ConfigError(f"{where}: {value!r} is not a number of seconds, 0 or more")
    return float(value)


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        allowed = ", ".join(level.value for level in Severity)
        raise ConfigError(f"{where} fail-on: {value!r} is not one of {allowed}") from None


def _today(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{where} today: {value!r} is not a date (YYYY-MM-DD)")


def rule_options(value: Any, where: str = "rule_options:") -> dict[str, dict[str, Any]]:
    """Rule options keyed by code or name, checked as the config's ``[rules]`` table is and
    keyed by code (for :func:`wikicheck.lint` and :func:`wikicheck.fix`)."""
    from .registry import default_registry

    return _rule_options(value, where, default_registry())


def _rule_options(value: Any, where: str, registry: Registry) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} rules: expected tables like [tool.wikicheck.rules.WC211]")
    options: dict[str, dict[str, Any]] = {}
    for key, given in value.items():
        try:
            rule = registry.get(key)
        except UnknownRuleError:
            raise ConfigError(f"{where} rules.{key}: no rule has this code or name") from None
        if not isinstance(given, dict):
            raise ConfigError(f"{where} rules.{key}: expected a table of options")
        for name, option in given.items():
            expected = rule.options.get(name)
            if expected is None:
                allowed = ", ".join(rule.options) or "none"
                raise ConfigError(
                    f"{where} rules.{key}.{name}: {rule.code} has no such option; "
                    f"allowed: {allowed}"
                )
            if not isinstance(option, expected) or (expected is int and isinstance(option, bool)):
                raise ConfigError(
                    f"{where} rules.{key}.{name}: expected {expected.__name__}, got {option!r}"
                )
        options.setdefault(rule.code, {}).update(given)
    return options


def _links(
    value: Any, where: str, trusted: bool, user_file: Path | None
) -> tuple[LinkSettings, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} links: expected a table")
    links = LinkSettings()
    changes: dict[str, Any] = {}
    warnings: list[str] = []
    for key, given in value.items():
        types = _LINK_KEYS.get(key)
        if types is None:
            raise ConfigError(f"{where} links.{key}: unknown; allowed: {', '.join(_LINK_KEYS)}")
        if not isinstance(given, types) or (type(given) is bool and bool not in types):
            raise ConfigError(f"{where} links.{key}: wrong type {type(given).__name__}")
        option: Any = given
        if key in TRUST_KEYS and not trusted:
            if option:
                warnings.append(
                    f"{where} links.{key} is ignored: a setting that weakens the network guard "
                    f"is honoured only on the command line (--{key}) or in your own "
                    f"{user_file}"
                )
            continue
        if key == "exclude":
            option = tuple(_patterns(option, f"{where} links.exclude"))
        elif key == "user-agent" and any(ord(char) < 32 or ord(char) == 127 for char in option):
            raise ConfigError(f"{where} links.user-agent: control characters are not allowed")
        elif not isinstance(option, bool | str) and (problem := link_number_problem(key, option)):
            raise ConfigError(f"{where} links.{key}: {problem}")
        changes[key.replace("-", "_")] = option
    return replace(links, **changes), tuple(warnings)


def link_number_problem(key: str, value: float) -> str | None:
    """What is wrong with a number for ``links.<key>`` (or ``--<key>``), or None."""
    if not math.isfinite(value):
        return f"must be a finite number, not {value}"
    if key in _MAY_BE_ZERO and value < 0:
        return "must be 0 or more"
    if key not in _MAY_BE_ZERO and value <= 0:
        return "must be greater than 0"
    maximum = _MAXIMUM.get(key)
    if maximum is not None and value > maximum:
        return f"must be at most {maximum:g}"
    return None


def _patterns(values: list[Any], where: str) -> list[str]:
    from .linkcheck.checker import compile_pattern

    for value in values:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected regular expressions as strings, got {value!r}")
        try:
            compile_pattern(value)
        except ValueError as error:
            raise ConfigError(f"{where}: {value!r} is not a regular expression: {error}") from None
    return values
