"""What the identifier checks are given and report, and the facts they read from
``data/cs1_identifiers.toml``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from ..resources import load_toml


class Problem(NamedTuple):
    """One error the module shows: its ``[messages]`` key and the detail filled into ``$1``."""

    key: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class IdContext:
    """What the module passes to the identifier functions besides the value."""

    today: dt.date
    anchor_year: str | None = None  # the CITEREF year from |date=/|year=, for |isbn=
    arxiv_class: str = ""  # |class=
    cite_arxiv: bool = False  # the template is {{cite arXiv}}
    asin_tld: str = ""  # |asin-tld=


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the module makes of one identifier value.

    ``errors`` are the red messages it shows; ``above_limit`` is set when the number is
    well formed but above the limit in the module's local table (see ``[limits]``), which
    Wikipedia raises from Commons; ``maintenance`` names the hidden maintenance categories
    (``pmc_format``, ``isbn_ignore``, ...); ``accepted`` is true for ``((…))`` markup.
    """

    errors: tuple[Problem, ...] = ()
    above_limit: bool = False
    maintenance: tuple[str, ...] = ()
    accepted: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.above_limit


@dataclass(frozen=True, slots=True)
class IdentifierData:
    messages: dict[str, str]
    details: dict[str, str]
    limits: dict[str, int]
    limits_as_of: str
    lower_bounds: dict[str, int]
    isbn_first_year: int
    isbn_asin_groups: tuple[str, ...]
    isbn_prefixes: tuple[str, ...]
    ismn_prefix: str
    doi_bad_registrants: tuple[re.Pattern[str], ...]
    doi_url_prefixes: tuple[str, ...]
    arxiv: dict[str, tuple[int, int]]
    bibcode_first_year: int
    bibcode_length: int
    rxiv_first_date: dt.date
    asin_tlds: frozenset[str]
    maintenance: dict[str, str]
    access_params: tuple[str, ...]
    hdl_query_params: tuple[str, ...] = field(default=())
    # CitationClass of a preprint template -> the parameters of the identifier it requires.
    preprint: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def message(self, problem: Problem) -> str:
        """The message as the module words it ("Check |isbn= value: checksum")."""
        detail = self.details.get(problem.detail, problem.detail)
        return self.messages[problem.key].replace("$1", detail)


@cache
def identifier_data() -> IdentifierData:
    raw = load_toml("cs1_identifiers.toml")
    limits = dict(raw["limits"])
    as_of = str(limits.pop("as_of"))
    return IdentifierData(
        messages=dict(raw["messages"]),
        details=dict(raw["details"]),
        limits={key: int(value) for key, value in limits.items()},
        limits_as_of=as_of,
        lower_bounds=dict(raw["lower_bounds"]),
        isbn_first_year=int(raw["isbn"]["first_year"]),
        isbn_asin_groups=tuple(raw["isbn"]["asin_groups"]),
        isbn_prefixes=tuple(raw["isbn"]["prefixes"]),
        ismn_prefix=str(raw["isbn"]["ismn_prefix"]),
        doi_bad_registrants=tuple(re.compile(text) for text in raw["doi"]["bad_registrants"]),
        doi_url_prefixes=tuple(raw["doi"]["url_prefixes"]),
        arxiv={key: (int(value[0]), int(value[1])) for key, value in raw["arxiv"].items()},
        bibcode_first_year=int(raw["bibcode"]["first_year"]),
        bibcode_length=int(raw["bibcode"]["length"]),
        rxiv_first_date=dt.date.fromisoformat(raw["rxiv"]["first_date"]),
        asin_tlds=frozenset(raw["asin"]["tlds"]),
        maintenance=dict(raw["maintenance"]),
        access_params=tuple(raw["access"]["params"]),
        hdl_query_params=tuple(raw["hdl"]["query_params"]),
        preprint={key: tuple(names) for key, names in raw["preprint"].items()},
    )
