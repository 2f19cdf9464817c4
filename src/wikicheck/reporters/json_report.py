"""``--format json``: ``{"version": 1, "files": [{"path", "error", "findings"}]}``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .results import FileResult

SCHEMA_VERSION = 1


def render(results: Sequence[FileResult]) -> str:
    document = {
        "version": SCHEMA_VERSION,
        "files": [
            {
                "path": result.path,
                "error": result.error,
                "findings": [finding.as_dict() for finding in result.findings],
            }
            for result in results
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
