"""Loads the rule case files in ``tests/rules/cases`` (one TOML file per rule code)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CASES = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    wikitext: str
    expect: tuple[str, ...]
    fixed: str | None = None
    today: dt.date | None = None
    config: dict[str, Any] = field(default_factory=dict)
    also_select: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.rule}::{self.name}"


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES.glob("WC*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        code = data["rule"]
        assert path.stem == code, f"{path.name} declares rule {code}"
        for raw in data["case"]:
            today = raw.get("today")
            cases.append(
                Case(
                    rule=code,
                    name=raw["name"],
                    wikitext=raw["wikitext"],
                    expect=tuple(raw["expect"]),
                    fixed=raw.get("fixed"),
                    today=dt.date.fromisoformat(today) if today else None,
                    config=raw.get("config", {}),
                    also_select=tuple(raw.get("also_select", ())),
                )
            )
    return cases
