"""``--format sarif``: SARIF 2.1.0 as GitHub code scanning accepts it."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..findings import Applicability, Finding, Severity
from ..model import Position
from .results import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A path as a relative URI reference (absolute paths stay absolute paths).

    Every ":" is percent-encoded: "Talk:Foo.wiki" written as is would be a URI with the
    scheme "talk". A file name that is not valid UTF-8 reaches Python with lone surrogates
    (U+DC80–U+DCFF); they are written as the bytes they stand for, so the URI names the file
    on disk. Any other lone surrogate cannot be encoded at all and is spelled out instead.
    """
    path = path.replace("\\", "/").removeprefix("./")
    try:
        return quote(path, safe="/", errors="surrogateescape")
    except UnicodeEncodeError:
        return quote(path, safe="/", errors="backslashreplace")


def _region(start: Position, end: Position) -> dict[str, int]:
    return {
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    }


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    location = {
        "artifactLocation": {"uri": _uri(finding.path)},
        "region": _region(finding.start, finding.end),
    }
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    fix = finding.fix
    if fix is not None and fix.applicability is Applicability.SAFE:
        # SARIF regions are line/column based; offsets are kept as charOffset/charLength too.
        result["fixes"] = [
            {
                "description": {"text": fix.title},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(finding.path)},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": edit.span.start,
                                    "charLength": edit.span.end - edit.span.start,
                                },
                                "insertedContent": {"text": edit.replacement},
                            }
                            for edit in fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def render(report: Report) -> str:
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "help": {"text": rule.doc},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "properties": {"tags": [rule.family.value]},
        }
        for rule in report.rules
    ]
    rule_index = {rule.code: index for index, rule in enumerate(report.rules)}
    notifications = [
        {
            "level": "error",
            "message": {"text": result.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}],
        }
        for result in report.files
        if result.error is not None
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "wikicheck",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/wikicheck/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": [
                    _result(finding, rule_index)
                    for result in report.files
                    for finding in result.findings
                ],
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
