"""Loads the rule case files in ``tests/rules/cases`` (one TOML file per rule code)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wikicheck.linkcheck.results import History, LinkResult, Outcome

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
    links: dict[str, LinkResult] | None = None
    """Link-checker results the case provides (URL → result), for the link rules."""
    messages: tuple[str, ...] | None = None
    """The findings' messages in position order, when the case states them."""

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
                    links=_links(raw["links"]) if "links" in raw else None,
                    messages=tuple(raw["messages"]) if "messages" in raw else None,
                )
            )
    return cases


def _links(table: dict[str, dict[str, Any]]) -> dict[str, LinkResult]:
    """``{url = {outcome, reason, status, suggested_url, failures, first/last_failure}}``."""
    results = {}
    for url, raw in table.items():
        first, last = raw.get("first_failure"), raw.get("last_failure")
        history = History(
            raw.get("failures", 0),
            dt.datetime.fromisoformat(first) if first else None,
            dt.datetime.fromisoformat(last) if last else None,
        )
        results[url] = LinkResult(
            url=url,
            outcome=Outcome(raw["outcome"]),
            reason=raw.get("reason", raw["outcome"]),
            status=raw.get("status"),
            suggested_url=raw.get("suggested_url"),
            history=history,
        )
    return results
