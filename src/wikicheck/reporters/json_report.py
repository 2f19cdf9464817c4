"""``--format json``: ``{"version": 1, "files": [{"path", "error", "findings"}]}``."""

from __future__ import annotations

import json

from .results import Report

SCHEMA_VERSION = 1


def render(report: Report) -> str:
    document = {
        "version": SCHEMA_VERSION,
        "files": [
            {
                "path": result.path,
                "error": result.error,
                "fixed": result.fixed,
                "maintenance": result.maintenance,
                "findings": [finding.as_dict() for finding in result.findings],
            }
            for result in report.files
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
