"""Access to the data files shipped inside the package (``wikicheck/data``)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_toml(name: str) -> dict[str, Any]:
    """Parse ``wikicheck/data/<name>`` once per process."""
    with resources.files("wikicheck.data").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)
