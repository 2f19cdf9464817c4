"""Configuration files: ``[tool.wikicheck]`` in pyproject.toml, or wikicheck.toml.

The nearest file upwards from the first input wins (wikicheck.toml before pyproject.toml in the
same directory); without one, the user's own ``wikicheck.toml`` in the user configuration
directory (``$XDG_CONFIG_HOME/wikicheck`` on Linux) applies. What a file may say, and the
check of every key and value, is :mod:`wikicheck.config_schema`.

A repository's configuration is untrusted (a fork, a pull request): the settings that weaken
the network guard (``links.allow-private``, ``links.trust-env``) are honoured only from the
command line or the user's own file, and a repository file that sets them gets a warning
saying they were ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from .config_schema import parse_config
from .errors import ConfigError
from .registry import Registry, default_registry
from .settings import Settings

CONFIG_FILES = ("wikicheck.toml", "pyproject.toml")
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
        user_file=user_config_path(),
    )
