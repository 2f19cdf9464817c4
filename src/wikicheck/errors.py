"""wikicheck's exceptions. Every error a user can cause derives from :class:`WikicheckError`."""

from __future__ import annotations


class WikicheckError(Exception):
    """Base class: the message is written for the person running wikicheck."""


class InputError(WikicheckError):
    """An input could not be read or parsed. ``path`` and ``line``/``column`` say where."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.reason = message
        where = path or "<input>"
        if line is not None:
            where += f":{line}" + (f":{column}" if column is not None else "")
        super().__init__(f"{where}: {message}")


class ConfigError(WikicheckError):
    """A configuration value or command-line selection is not valid."""


class UnknownRuleError(ConfigError):
    """A selector names no rule code, prefix or rule name."""
