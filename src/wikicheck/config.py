"""Configuration files: ``[tool.wikicheck]`` in pyproject.toml, or wikicheck.toml.

The nearest file upwards from the first input wins (wikicheck.toml before pyproject.toml in the
same directory); without one, the user's own ``wikicheck.toml`` in the user configuration
directory (``$XDG_CONFIG_HOME/wikicheck`` on Linux) applies. Every key and value is checked; a
mistake names the file, the key and what is allowed, because a silently ignored setting is
worse than an error.

A repository's configuration is untrusted (a fork, a pull request): the settings that weaken
the network guard (``links.allow-private``, ``links.trust-env``) are honoured only from the
command line or the user's own file, and a repository file that sets them gets a warning
saying they were ignored.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import ConfigError, UnknownRuleError
from .findings import Severity
from .registry import Registry, default_registry
from .settings import LinkSettings, Settings

CONFIG_FILES = ("wikicheck.toml", "pyproject.toml")
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
USER_CONFIG_NAME = "wikicheck.toml"


def user_config_path() -> Path:
    """The user's own configuration file: ``wikicheck.toml`` in the user configuration
    directory (``$XDG_CONFIG_HOME/wikicheck`` on Linux)."""
    import platformdirs

    return platformdirs.user_config_path("wikicheck") / USER_CONFIG_NAME


def configured_settings(
    explicit: Path | None,
    start: Path,
    *,
    isolated: bool = False,
    registry: Registry | None = None,
) -> Settings:
    """The settings of the configuration files for a run: ``explicit`` (``--config``), else
    the nearest project file from ``start``, else the user's own file; with ``isolated`` only
    ``explicit``. The guard-weakening link settings come from the user's file alone."""
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: no such configuration file")
    user_path = user_config_path()
    user = None
    if not isolated and user_path.is_file():
        user = load_config(user_path, registry, trusted=True)
    project_path = explicit if explicit is not None else None if isolated else find_config(start)
    if project_path is None:
        return user or Settings()
    if user is not None and project_path.resolve() == user_path.resolve():
        return user
    project = load_config(project_path, registry)
    if user is None:
        return project
    links = replace(
        project.links, allow_private=user.links.allow_private, trust_env=user.links.trust_env
    )
    return replace(project, links=links)


def find_config(start: Path) -> Path | None:
    """The nearest wikicheck.toml, or pyproject.toml with [tool.wikicheck], from ``start`` up."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory.resolve(), *directory.resolve().parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
    return None


def _has_section(path: Path) -> bool:
    try:
        return "wikicheck" in _read(path).get("tool", {})
    except ConfigError:
        return True  # a broken pyproject.toml that may hold our section: report it


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from None


def load_config(path: Path, registry: Registry | None = None, *, trusted: bool = False) -> Settings:
    """Read and validate one configuration file. Unless ``trusted`` (the user's own file),
    the guard-weakening link settings in it are ignored with a warning."""
    data = _read(path)
    nested = path.name == "pyproject.toml" or set(data) == {"tool"}
    table = data.get("tool", {}).get("wikicheck", {}) if nested else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.wikicheck] must be a table")
    where = f"{path}: [tool.wikicheck]" if nested else f"{path}:"
    return parse_config(
        table,
        where,
        registry or default_registry(),
        root=path.parent,
        source=path,
        trusted=trusted,
    )


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
) -> Settings:
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
        changes["links"], warnings = _links(table["links"], where, trusted)
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


def _links(value: Any, where: str, trusted: bool) -> tuple[LinkSettings, tuple[str, ...]]:
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
                    f"{user_config_path()}"
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


def relative_path(path: str, settings: Settings) -> str:
    """``path`` relative to the config root, with forward slashes, for glob matching."""
    # with no configuration file, command-line patterns are relative to the working directory
    root = settings.root if settings.root is not None else Path.cwd()
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _matches(path: str, pattern: str, settings: Settings) -> bool:
    relative = relative_path(path, settings)
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(path).name, pattern)


def is_excluded(path: str, settings: Settings) -> bool:
    return any(_matches(path, pattern, settings) for pattern in settings.exclude)


def ignores_for(path: str, settings: Settings) -> tuple[str, ...]:
    """The extra selectors ignored for ``path`` by per-file-ignores."""
    ignored: list[str] = []
    for pattern, selectors in settings.per_file_ignores:
        if _matches(path, pattern, settings):
            ignored.extend(selectors)
    return tuple(ignored)
