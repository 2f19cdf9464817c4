"""The shared corpus as the benchmarks read it: its two folders, English articles only.

wikicheck's rules are English Wikipedia's; the older folder also holds 21 articles of other
editions, which each folder's ``articles_manifest.jsonl`` marks by ``lang``.
"""

from __future__ import annotations

import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
OLDER = CORPUS / "articles"
"""Articles of 2010-2021 revisions (and of other editions, which the benchmarks leave out)."""
RECENT = CORPUS / "recent" / "articles"
"""Current English articles: what editors lint today."""


def english_articles(folder: Path) -> list[Path]:
    """The folder's ``*.wiki`` files in name order, less those its manifest says are not
    English (all of them when there is no manifest)."""
    manifest = folder.parent / "articles_manifest.jsonl"
    paths = sorted(folder.glob("*.wiki"))
    if not manifest.exists():
        return paths
    other = set()
    for line in manifest.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("lang", "en") != "en":
            other.add(Path(entry["file"]).name)
    return [path for path in paths if path.name not in other]
