"""Settings: what to check and how. Immutable; built by the CLI or by library callers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    """``select=None`` means every rule that needs no network.

    ``today`` pins the date that date rules compare against (UTC); ``None`` means the
    current UTC date, read once per run by the engine.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    today: dt.date | None = None
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
