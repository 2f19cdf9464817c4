"""Write every finding of both corpus folders as JSON lines, to compare two versions of wikicheck.

    python scripts/findings_dump.py OUT.jsonl [--today YYYY-MM-DD] [FOLDER ...]

All rules (``select=("ALL",)``) with a fixed today, so that two runs differ only where
wikicheck's behaviour does: ``diff before.jsonl after.jsonl`` must be empty after a refactor.
Each line holds one finding: path, code, span, position, severity, message, data and fix edits
(not the rule's name, which a rename with a redirect may change on purpose).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import wikicheck
from wikicheck import Settings

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FOLDERS = (SHARED / "articles", SHARED / "recent" / "articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS))
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 23))
    args = parser.parse_args()
    settings = Settings(select=("ALL",), today=args.today)
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for folder in args.folders:
            for path in sorted(folder.glob("*.wiki")):
                shown = f"{folder.parent.name}/{folder.name}/{path.name}"
                text = path.read_text(encoding="utf-8")
                for finding in wikicheck.lint(text, path=shown, settings=settings):
                    record = finding.as_dict()
                    del record["rule"]
                    out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                    count += 1
    print(f"{count} findings written to {args.out}")


if __name__ == "__main__":
    main()
